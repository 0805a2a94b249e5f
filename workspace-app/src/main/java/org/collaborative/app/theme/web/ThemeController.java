package org.collaborative.app.theme.web;

import java.util.Comparator;
import java.util.List;
import org.collaborative.app.group.GroupPages;
import org.collaborative.app.infrastructure.security.WorkspaceUser;
import org.collaborative.app.item.ItemType;
import org.collaborative.app.item.ItemViews;
import org.collaborative.app.member.People;
import org.collaborative.app.proposal.ProposalStage;
import org.collaborative.app.theme.ArchiveTheme;
import org.collaborative.app.theme.CreateTheme;
import org.collaborative.app.theme.DescribeTheme;
import org.collaborative.views.item.ItemView;
import org.collaborative.views.theme.ThemeCard;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

    private final org.axonframework.commandhandling.gateway.CommandGateway commands;
    private final java.time.Clock clock;

    ThemeController(ThemeViews themes, GroupViews groups, GroupPages pages, ItemViews items, People people,
            org.axonframework.commandhandling.gateway.CommandGateway commands, java.time.Clock clock) {
        this.commands = commands;
        this.clock = clock;
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
    String themes(@RequestParam(required = false) String archived, Model model) {
        model.addAttribute("archivedNow", archived != null);
        model.addAttribute("themes", themes.all());
        model.addAttribute("archivedThemes", themes.archived());
        return "theme/themes";
    }

    @GetMapping("/themes/new")
    String newTheme(Model model) {
        return themeForm(model, null, "", "");
    }

    @PostMapping("/themes")
    String create(
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String summary,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        String themeId = title.strip().toLowerCase(java.util.Locale.UK).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        try {
            if (themeId.isEmpty()) {
                throw new org.collaborative.app.InvalidInputException("title", "Enter a title");
            }
            commands.sendAndWait(new CreateTheme(themeId, title, summary, user.memberId(), clock.instant()));
        } catch (org.axonframework.modelling.command.AggregateStreamCreationException exists) {
            return refused(model, null, title, summary,
                    new org.collaborative.app.RuleBrokenException("There is already a theme called " + title.strip()));
        } catch (org.collaborative.app.RuleBrokenException refused) {
            return refused(model, null, title, summary, refused);
        }
        return "redirect:/themes/" + themeId + "?saved=created";
    }

    @GetMapping("/themes/{themeId}/edit")
    String edit(@PathVariable String themeId, Model model) {
        ThemeCard theme = themes.find(themeId).orElseThrow(() -> new NotFoundException("theme"));
        return themeForm(model, theme, theme.title(), theme.summary());
    }

    @PostMapping("/themes/{themeId}")
    String describe(
            @PathVariable String themeId,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String summary,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        ThemeCard theme = themes.find(themeId).orElseThrow(() -> new NotFoundException("theme"));
        try {
            commands.sendAndWait(new DescribeTheme(themeId, title, summary, actor(user), clock.instant()));
        } catch (org.collaborative.app.RuleBrokenException refused) {
            return refused(model, theme, title, summary, refused);
        }
        return "redirect:/themes/" + themeId + "?saved=described";
    }

    @PostMapping("/themes/{themeId}/archive")
    String archive(@PathVariable String themeId, @AuthenticationPrincipal WorkspaceUser user, Model model) {
        ThemeCard theme = themes.find(themeId).orElseThrow(() -> new NotFoundException("theme"));
        try {
            commands.sendAndWait(new ArchiveTheme(themeId, actor(user), clock.instant()));
        } catch (org.collaborative.app.RuleBrokenException refused) {
            return refused(model, theme, theme.title(), theme.summary(), refused);
        }
        return "redirect:/themes?archived=" + themeId;
    }

    private static org.collaborative.app.Actor actor(WorkspaceUser user) {
        return new org.collaborative.app.Actor(user.memberId(), user.organisationId(), user.role());
    }

    private static String refused(Model model, ThemeCard theme, String title, String summary,
            org.collaborative.app.RuleBrokenException refused) {
        org.collaborative.app.item.web.NewItemForms.refused(model, refused, "title");
        return themeForm(model, theme, title, summary);
    }

    private static String themeForm(Model model, ThemeCard theme, String title, String summary) {
        model.addAttribute("editing", theme);
        model.addAttribute("title", title);
        model.addAttribute("summary", summary);
        if (!model.containsAttribute("fieldErrors")) {
            model.addAttribute("fieldErrors", java.util.Map.of());
        }
        return "theme/form";
    }

    /** One line of a theme's recent activity. */
    record Activity(ItemView item, ItemView.HistoryEntry entry) {}

    /**
     * A theme's portfolio: its groups, open questions, the profile of its evidence, proposals by stage and recent
     * activity, from the groups this person may see.
     */
    @GetMapping("/themes/{themeId}")
    String theme(
            @PathVariable String themeId,
            @RequestParam(required = false) String saved,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        model.addAttribute("saved", saved);
        model.addAttribute("steward", user.role() == org.collaborative.events.member.MemberRole.FACILITATOR
                || user.role() == org.collaborative.events.member.MemberRole.ADMINISTRATOR);
        model.addAttribute("theme", themes.find(themeId).orElseThrow(() -> new NotFoundException("theme")));
        model.addAttribute("groups", groups.onTheme(themeId).stream()
                .filter(group -> org.collaborative.app.group.GroupPages.mayView(group, user))
                .toList());
        java.util.Set<String> visible = pages.visibleGroups(user).keySet();
        List<ItemView> questions = items.ofType(ItemType.QUESTION, visible, themeId);
        List<ItemView> evidence = items.ofType(ItemType.EVIDENCE, visible, themeId);
        List<ItemView> proposals = items.ofType(ItemType.PROPOSAL, visible, themeId);
        model.addAttribute("openQuestions", questions.stream().filter(q -> "OPEN".equals(q.status())).limit(10).toList());
        model.addAttribute("evidenceCount", evidence.size());
        model.addAttribute("bestLevel", evidence.stream().map(ItemView::level).filter(java.util.Objects::nonNull)
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
