package org.collaborative.app.web.spread;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.kernel.London;
import org.collaborative.app.spread.BarChart;
import org.collaborative.app.spread.Participation;
import org.collaborative.app.spread.ParticipationViews;
import org.collaborative.app.theme.ThemeViews;
import org.collaborative.events.member.MemberRole;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The participation dashboard, for facilitators and administrators: activity by organisation and theme, month by
 * month, with the boroughs that were quiet; a bar chart of the months with its table twin.
 */
@Controller
class ParticipationController {

    static final List<Integer> PERIODS = List.of(3, 6, 12);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);

    private final ParticipationViews views;
    private final SpreadPages pages;
    private final ThemeViews themes;
    private final Clock clock;

    ParticipationController(ParticipationViews views, SpreadPages pages, ThemeViews themes, Clock clock) {
        this.views = views;
        this.pages = pages;
        this.themes = themes;
        this.clock = clock;
    }

    @GetMapping("/participation")
    String dashboard(
            @RequestParam(required = false) Integer months, @AuthenticationPrincipal WorkspaceUser user, Model model) {
        if (user.role() != MemberRole.FACILITATOR && user.role() != MemberRole.ADMINISTRATOR) {
            throw new AccessDeniedException("The participation dashboard is for facilitators");
        }
        int count = months != null && PERIODS.contains(months) ? months : 6;
        YearMonth last = YearMonth.now(clock.withZone(London.ZONE));
        var from =
                last.minusMonths(count - 1L).atDay(1).atStartOfDay(London.ZONE).toInstant();
        Participation participation = Participation.of(views.since(from), last, count, pages.grid());
        List<String> labels = participation.months().stream().map(MONTH::format).toList();
        Map<String, String> themeNames = new HashMap<>();
        themes.all().forEach(t -> themeNames.put(t.id(), t.title()));
        model.addAttribute("participation", participation);
        model.addAttribute("labels", labels);
        model.addAttribute("chart", BarChart.of(labels, participation.perMonth()));
        model.addAttribute("months", count);
        model.addAttribute("periods", PERIODS);
        model.addAttribute("names", pages.names());
        model.addAttribute("themeNames", themeNames);
        model.addAttribute("section", "practices");
        return "spread/participation";
    }
}
