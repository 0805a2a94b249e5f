package org.collaborative.app.theme.web;

import java.util.Comparator;
import java.util.List;
import org.collaborative.app.group.GroupPages;
import org.collaborative.app.infrastructure.security.WorkspaceUser;
import org.collaborative.app.item.ItemType;
import org.collaborative.app.item.ItemViews;
import org.collaborative.app.member.People;
import org.collaborative.app.proposal.ProposalStage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;

import org.collaborative.app.group.GroupViews;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.theme.ThemeViews;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The challenge themes, and the working groups on each. */
@Controller
class ThemeController {

    private final ThemeViews themes;
    private final GroupViews groups;
    private final GroupPages pages;
    private final ItemViews items;
    private final People people;

    ThemeController(ThemeViews themes, GroupViews groups, GroupPages pages, ItemViews items, People people) {
        this.themes = themes;
        this.groups = groups;
        this.pages = pages;
        this.items = items;
        this.people = people;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/themes";
    }

    @GetMapping("/themes")
    String themes(Model model) {
        model.addAttribute("themes", themes.all());
        return "theme/themes";
    }

    /** One line of a theme's recent activity. */
    record Activity(ItemViews.Item item, ItemViews.HistoryEntry entry) {}

    /**
     * A theme's portfolio: its groups, open questions, the profile of its evidence, proposals by stage and recent
     * activity, from the groups this person may see.
     */
    @GetMapping("/themes/{themeId}")
    String theme(@PathVariable String themeId, @AuthenticationPrincipal WorkspaceUser user, Model model) {
        model.addAttribute("theme", themes.find(themeId).orElseThrow(() -> new NotFoundException("theme")));
        model.addAttribute("groups", groups.onTheme(themeId));
        java.util.Set<String> visible = pages.visibleGroups(user).keySet();
        List<ItemViews.Item> questions = items.ofType(ItemType.QUESTION, visible, themeId);
        List<ItemViews.Item> evidence = items.ofType(ItemType.EVIDENCE, visible, themeId);
        List<ItemViews.Item> proposals = items.ofType(ItemType.PROPOSAL, visible, themeId);
        model.addAttribute("openQuestions", questions.stream().filter(q -> "OPEN".equals(q.status())).limit(10).toList());
        model.addAttribute("evidenceCount", evidence.size());
        model.addAttribute("bestLevel", evidence.stream().map(ItemViews.Item::level).filter(java.util.Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null));
        model.addAttribute("latestEvidence", evidence.isEmpty() ? null : evidence.get(0));
        java.util.Map<ProposalStage, Long> stages = new java.util.LinkedHashMap<>();
        for (ProposalStage stage : ProposalStage.values()) {
            stages.put(stage, proposals.stream().filter(p -> stage.name().equals(p.status())).count());
        }
        model.addAttribute("stages", stages);
        List<Activity> recent = java.util.stream.Stream.of(questions, evidence, proposals)
                .flatMap(List::stream)
                .flatMap(item -> item.history().stream().map(entry -> new Activity(item, entry)))
                .sorted(Comparator.comparing((Activity a) -> a.entry().at()).reversed())
                .limit(10)
                .toList();
        model.addAttribute("recent", recent);
        model.addAttribute("names", people.names(
                recent.stream().map(a -> a.entry().memberId()).collect(java.util.stream.Collectors.toSet()),
                java.util.Set.of()));
        return "theme/theme";
    }
}
