package org.collaborative.app.web.theme;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Comparator;
import java.util.List;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.group.GroupPages;
import org.collaborative.app.group.GroupViews;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.infrastructure.web.Forms;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.infrastructure.web.Refusal;
import org.collaborative.app.item.ItemType;
import org.collaborative.app.item.ItemViews;
import org.collaborative.app.member.People;
import org.collaborative.app.proposal.ProposalStage;
import org.collaborative.app.theme.ArchiveTheme;
import org.collaborative.app.theme.CreateTheme;
import org.collaborative.app.theme.DescribeTheme;
import org.collaborative.app.theme.Theme;
import org.collaborative.app.theme.ThemeViews;
import org.collaborative.views.item.ItemView;
import org.collaborative.views.theme.ThemeCard;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The challenge themes, and the working groups on each. */
@Controller
class ThemeController {

    /** The form to create or describe a theme: every field is checked before the command is sent (docs/adr/0005). */
    record ThemeForm(
            @NotBlank(message = "Enter a title")
            @Size(
                    max = Theme.MAX_TITLE,
                    message = "The title must be ${formatter.format('%,d', max)} characters or fewer")
            String title,

            @Size(
                    max = Theme.MAX_SUMMARY,
                    message = "What it is about must be ${formatter.format('%,d', max)} characters or fewer")
            String summary) {

        static ThemeForm blank() {
            return new ThemeForm("", "");
        }
    }

    private final ThemeViews themes;
    private final GroupViews groups;
    private final GroupPages pages;
    private final ItemViews items;
    private final People people;

    private final Commands commands;
    private final java.time.Clock clock;

    ThemeController(
            ThemeViews themes,
            GroupViews groups,
            GroupPages pages,
            ItemViews items,
            People people,
            Commands commands,
            java.time.Clock clock) {
        this.commands = commands;
        this.clock = clock;
        this.themes = themes;
        this.groups = groups;
        this.pages = pages;
        this.items = items;
        this.people = people;
    }

    @GetMapping("/themes")
    String themes(
            @RequestParam(required = false) String archived, @AuthenticationPrincipal WorkspaceUser user, Model model) {
        java.util.Set<String> visible = pages.visibleGroups(user).keySet();
        model.addAttribute("archivedNow", archived != null);
        model.addAttribute("themes", ThemeViews.seenBy(themes.all(), visible));
        model.addAttribute("archivedThemes", ThemeViews.seenBy(themes.archived(), visible));
        return "theme/themes";
    }

    @GetMapping("/themes/new")
    String newTheme(Model model) {
        return themeForm(model, null, ThemeForm.blank());
    }

    /** A theme's id is made from its title (its address reads well), so a second theme of the same name is refused. */
    /** The longest theme id the directory tables keep (their {@code theme_id} columns). */
    static final int MAX_ID = 64;

    /**
     * A theme's id, from its title: lower-case letters and digits joined by hyphens, at most {@link #MAX_ID}
     * characters (a title may have 120). Found by the request fuzzer: a long title made an id the theme directory could
     * not hold, and creating the theme answered 500.
     */
    static String idFor(String title) {
        if (title == null) {
            return "";
        }
        String id = title.strip()
                .toLowerCase(java.util.Locale.UK)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        return id.length() <= MAX_ID ? id : id.substring(0, MAX_ID).replaceAll("-$", "");
    }

    @PostMapping("/themes")
    String create(
            @Valid @ModelAttribute("form") ThemeForm form,
            BindingResult errors,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        String themeId = idFor(form.title());
        if (!errors.hasFieldErrors("title") && themeId.isEmpty()) {
            errors.rejectValue("title", "letters", "Enter a title with letters or numbers in it");
        }
        if (!errors.hasErrors()) {
            commands.attemptNew(
                            new CreateTheme(themeId, form.title(), form.summary(), user.memberId(), clock.instant()),
                            "There is already a theme called " + form.title().strip())
                    .ifPresent(refused -> refused.rejectOn(errors));
        }
        if (errors.hasErrors()) {
            Forms.showErrors(model, errors, form, "title");
            return themeForm(model, null, form);
        }
        return "redirect:/themes/" + themeId + "?saved=created";
    }

    @GetMapping("/themes/{themeId}/edit")
    String edit(@PathVariable String themeId, Model model) {
        ThemeCard theme = themes.find(themeId).orElseThrow(() -> new NotFoundException("theme"));
        return themeForm(model, theme, new ThemeForm(theme.title(), theme.summary()));
    }

    @PostMapping("/themes/{themeId}")
    String describe(
            @PathVariable String themeId,
            @Valid @ModelAttribute("form") ThemeForm form,
            BindingResult errors,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        ThemeCard theme = themes.find(themeId).orElseThrow(() -> new NotFoundException("theme"));
        if (!errors.hasErrors()) {
            commands.attempt(new DescribeTheme(themeId, form.title(), form.summary(), actor(user), clock.instant()))
                    .ifPresent(refused -> refused.rejectOn(errors));
        }
        if (errors.hasErrors()) {
            Forms.showErrors(model, errors, form, "title");
            return themeForm(model, theme, form);
        }
        return "redirect:/themes/" + themeId + "?saved=described";
    }

    @PostMapping("/themes/{themeId}/archive")
    String archive(@PathVariable String themeId, @AuthenticationPrincipal WorkspaceUser user, Model model) {
        ThemeCard theme = themes.find(themeId).orElseThrow(() -> new NotFoundException("theme"));
        java.util.Optional<Refusal> refused = commands.attempt(new ArchiveTheme(themeId, actor(user), clock.instant()));
        if (refused.isPresent()) {
            refused.get().showOn(model, "title");
            return themeForm(model, theme, new ThemeForm(theme.title(), theme.summary()));
        }
        return "redirect:/themes?archived=" + themeId;
    }

    private static org.collaborative.app.kernel.Actor actor(WorkspaceUser user) {
        return new org.collaborative.app.kernel.Actor(user.memberId(), user.organisationId(), user.role());
    }

    private static String themeForm(Model model, ThemeCard theme, ThemeForm form) {
        model.addAttribute("editing", theme);
        model.addAttribute("form", form);
        Forms.noErrors(model);
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
        model.addAttribute(
                "steward",
                user.role() == org.collaborative.events.member.MemberRole.FACILITATOR
                        || user.role() == org.collaborative.events.member.MemberRole.ADMINISTRATOR);
        model.addAttribute("theme", themes.find(themeId).orElseThrow(() -> new NotFoundException("theme")));
        // Archived groups are listed on their own, after those still at work.
        java.util.Map<Boolean, List<GroupViews.GroupCard>> seen = groups.cardsOnTheme(themeId).stream()
                .filter(card -> org.collaborative.app.group.GroupPages.mayView(card.group(), user))
                .collect(java.util.stream.Collectors.partitioningBy(
                        card -> card.group().inArchive()));
        model.addAttribute("groups", seen.get(false));
        model.addAttribute("archivedGroups", seen.get(true));
        java.util.Set<String> visible = pages.visibleGroups(user).keySet();
        List<ItemView> questions = items.ofType(ItemType.QUESTION, visible, themeId);
        List<ItemView> evidence = items.ofType(ItemType.EVIDENCE, visible, themeId);
        List<ItemView> proposals = items.ofType(ItemType.PROPOSAL, visible, themeId);
        model.addAttribute(
                "openQuestions",
                questions.stream()
                        .filter(q -> "OPEN".equals(q.status()))
                        .limit(10)
                        .toList());
        model.addAttribute("evidenceCount", evidence.size());
        model.addAttribute(
                "bestLevel",
                evidence.stream()
                        .map(ItemView::level)
                        .filter(java.util.Objects::nonNull)
                        .max(Comparator.naturalOrder())
                        .orElse(null));
        model.addAttribute("latestEvidence", evidence.isEmpty() ? null : evidence.get(0));
        java.util.Map<ProposalStage, Long> stages = new java.util.LinkedHashMap<>();
        for (ProposalStage stage : ProposalStage.values()) {
            stages.put(
                    stage,
                    proposals.stream()
                            .filter(p -> stage.name().equals(p.status()))
                            .count());
        }
        model.addAttribute("stages", stages);
        List<Activity> recent = java.util.stream.Stream.of(questions, evidence, proposals)
                .flatMap(List::stream)
                .flatMap(item -> item.history().stream().map(entry -> new Activity(item, entry)))
                .sorted(Comparator.comparing((Activity a) -> a.entry().at()).reversed())
                .limit(10)
                .toList();
        model.addAttribute("recent", recent);
        model.addAttribute(
                "names",
                people.names(
                        recent.stream().map(a -> a.entry().memberId()).collect(java.util.stream.Collectors.toSet()),
                        java.util.Set.of()));
        return "theme/theme";
    }
}
