package org.collaborative.app.web.moderation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.group.GroupPages;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.infrastructure.web.Forms;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.item.ItemType;
import org.collaborative.app.item.ItemViews;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.member.People;
import org.collaborative.app.moderation.AnswerModeration;
import org.collaborative.app.moderation.HiddenItems;
import org.collaborative.app.moderation.ItemModeration;
import org.collaborative.app.moderation.ModeratedKind;
import org.collaborative.app.moderation.ModerationCommand;
import org.collaborative.app.moderation.ModerationViews;
import org.collaborative.app.moderation.Moderators;
import org.collaborative.views.group.GroupPage;
import org.collaborative.views.item.ItemView;
import org.collaborative.views.moderation.ModerationView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Reporting an item, a comment ({@code ?comment=}) or an answer ({@code ?answer=}) (anyone who can see it), hiding and
 * restoring it and dismissing its reports (facilitators of its group and administrators), the moderation page with open
 * reports and hidden items, and the moderation log. The pages read the {@code moderation} and {@code items} views; each
 * action is a form post followed by a redirect back to the item.
 */
@Controller
class ModerationController {

    /** How many log entries the log page shows, newest first. */
    static final int LOG_LIMIT = 500;

    /** Something moderated, as the pages list it: an item, or one of its comments or answers. */
    record Row(
            ModerationView moderated,
            ItemView item,
            ItemView.Comment comment,
            ItemView.Answer answer,
            GroupPage group) {

        /** What to call it: the item's title, or for a comment or an answer the start of what it says. */
        public String label() {
            if (comment != null) {
                return "Comment: " + start(comment.body());
            }
            if (answer != null) {
                return "Answer: " + start(answer.body());
            }
            return item.title();
        }

        public String commentId() {
            return comment == null ? null : comment.commentId();
        }

        public String answerId() {
            return answer == null ? null : answer.answerId();
        }

        private static String start(String text) {
            String body = text.strip().replaceAll("\\s+", " ");
            return body.length() > 80 ? body.substring(0, 79) + "…" : body;
        }
    }

    /** One line of the moderation log. */
    record LogLine(Row row, ModerationView.Entry entry) {}

    private final ModerationViews moderation;
    private final ItemViews items;
    private final GroupPages groups;
    private final People people;
    private final Commands commands;
    private final Clock clock;

    ModerationController(
            ModerationViews moderation,
            ItemViews items,
            GroupPages groups,
            People people,
            Commands commands,
            Clock clock) {
        this.moderation = moderation;
        this.items = items;
        this.groups = groups;
        this.people = people;
        this.commands = commands;
        this.clock = clock;
    }

    @GetMapping("/moderation")
    String queue(@AuthenticationPrincipal WorkspaceUser user, Model model) {
        List<Row> rows = rows(user);
        model.addAttribute(
                "reported",
                rows.stream()
                        .filter(r -> !r.moderated().openReports().isEmpty())
                        .toList());
        model.addAttribute(
                "hidden",
                rows.stream().filter(r -> r.moderated().hidden() != null).toList());
        Set<String> members = new HashSet<>();
        Set<String> organisations = new HashSet<>();
        rows.forEach(r -> {
            r.moderated().openReports().forEach(report -> {
                members.add(report.by());
                organisations.add(report.organisationId());
            });
            if (r.moderated().hidden() != null) {
                members.add(r.moderated().hidden().by());
            }
        });
        model.addAttribute("names", people.names(members, organisations));
        return "moderation/moderation";
    }

    @GetMapping("/moderation/log")
    String log(@AuthenticationPrincipal WorkspaceUser user, Model model) {
        List<LogLine> lines = new ArrayList<>();
        rows(user).forEach(row -> row.moderated().log().forEach(entry -> lines.add(new LogLine(row, entry))));
        lines.sort(Comparator.comparing((LogLine line) -> line.entry().at())
                .reversed()
                .thenComparing(line -> line.entry().event()));
        List<LogLine> shown = lines.subList(0, Math.min(LOG_LIMIT, lines.size()));
        Set<String> members = new HashSet<>();
        Set<String> organisations = new HashSet<>();
        shown.forEach(line -> {
            members.add(line.entry().by());
            if (line.entry().organisationId() != null) {
                organisations.add(line.entry().organisationId());
            }
        });
        model.addAttribute("lines", shown);
        model.addAttribute("total", lines.size());
        model.addAttribute("names", people.names(members, organisations));
        return "moderation/log";
    }

    /** A report of an item or a comment: its id, minted when the form is shown, and why. */
    record ReportForm(
            String reportId,

            @NotBlank(message = "Enter why a facilitator should look at it")
            @Size(
                    max = ItemModeration.MAX_REASON,
                    message = "Your reason must be ${formatter.format('%,d', max)} characters or fewer")
            String reason) {}

    /** Why a facilitator hides, restores or leaves shown an item or a comment (kept in the moderation log). */
    record ModerationForm(
            @NotBlank(message = "Enter your reason")
            @Size(
                    max = ItemModeration.MAX_REASON,
                    message = "Your reason must be ${formatter.format('%,d', max)} characters or fewer")
            String reason) {}

    @GetMapping("/items/{itemId}/report")
    String reportForm(
            @PathVariable String itemId,
            @RequestParam(required = false) String comment,
            @RequestParam(required = false) String answer,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        Target target = target(itemId, comment, answer, user);
        model.addAttribute("reportForm", new ReportForm(Forms.newId(), ""));
        return reportPage(model, target);
    }

    @PostMapping("/items/{itemId}/report")
    String report(
            @PathVariable String itemId,
            @RequestParam(required = false) String comment,
            @RequestParam(required = false) String answer,
            @Valid @ModelAttribute("reportForm") ReportForm form,
            BindingResult errors,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        Target target = target(itemId, comment, answer, user);
        if (!errors.hasErrors()) {
            commands.attempt(target.message(new ModerationCommand.Report(
                            target.kind(),
                            target.id(),
                            Forms.mintedId(form.reportId()),
                            form.reason(),
                            actor(user),
                            clock.instant())))
                    .ifPresent(refused -> refused.rejectOn(errors));
        }
        if (errors.hasErrors()) {
            Forms.showErrors(model, errors, form, "reason");
            return reportPage(model, target);
        }
        return "redirect:/items/" + itemId + "?done=reported";
    }

    @GetMapping("/items/{itemId}/moderate")
    String moderateForm(
            @PathVariable String itemId,
            @RequestParam(required = false) String comment,
            @RequestParam(required = false) String answer,
            @RequestParam(required = false) String action,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        Target target = moderatorsTarget(itemId, comment, answer, user);
        model.addAttribute("moderationForm", new ModerationForm(""));
        return moderatePage(model, target, action);
    }

    @PostMapping("/items/{itemId}/moderate")
    String moderate(
            @PathVariable String itemId,
            @RequestParam(required = false) String comment,
            @RequestParam(required = false) String answer,
            @RequestParam String action,
            @Valid @ModelAttribute("moderationForm") ModerationForm form,
            BindingResult errors,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        Target target = moderatorsTarget(itemId, comment, answer, user);
        String reason = form.reason();
        ModerationCommand command = switch (action) {
            case "hide" -> new ModerationCommand.Hide(target.kind(), target.id(), reason, actor(user), clock.instant());
            case "restore" ->
                new ModerationCommand.Restore(target.kind(), target.id(), reason, actor(user), clock.instant());
            case "dismiss" ->
                new ModerationCommand.Dismiss(target.kind(), target.id(), reason, actor(user), clock.instant());
            default -> throw new NotFoundException("moderation action " + action);
        };
        if (!errors.hasErrors()) {
            commands.attempt(target.message(command)).ifPresent(refused -> refused.rejectOn(errors));
        }
        if (errors.hasErrors()) {
            Forms.showErrors(model, errors, form, "reason");
            return moderatePage(model, target, action);
        }
        String done = switch (action) {
            case "hide" -> "hidden";
            case "restore" -> "restored";
            default -> "dismissed";
        };
        return "redirect:/items/" + itemId + "?done=" + done + (target.isItem() ? "" : "&ref=" + target.id());
    }

    /** The item, comment or answer a form is about, if this person may see it. */
    record Target(ItemView item, ItemView.Comment comment, ItemView.Answer answer, GroupPage group) {

        public ModeratedKind kind() {
            if (comment != null) {
                return ModeratedKind.COMMENT;
            }
            return answer != null ? ModeratedKind.ANSWER : ModeratedKind.of(ItemType.fromKey(item.type()));
        }

        /** What the pages call it: "question", "evidence", "proposal", "comment" or "answer". */
        public String type() {
            return kind().key();
        }

        public boolean isItem() {
            return comment == null && answer == null;
        }

        public String id() {
            if (comment != null) {
                return comment.commentId();
            }
            return answer != null ? answer.answerId() : item.id();
        }

        public ItemView.Hidden hidden() {
            if (comment != null) {
                return comment.hidden();
            }
            return answer != null ? answer.hidden() : item.hidden();
        }

        /** For a comment or an answer, what it says (as written), shown on the forms; null for an item. */
        public String body() {
            if (comment != null) {
                return comment.body();
            }
            return answer != null ? answer.body() : null;
        }

        public String commentId() {
            return comment == null ? null : comment.commentId();
        }

        public String answerId() {
            return answer == null ? null : answer.answerId();
        }

        /** The command as it is sent: an answer's to its question ({@link AnswerModeration}). */
        Object message(ModerationCommand command) {
            return answer != null ? new AnswerModeration(item.id(), command).message() : command.message();
        }
    }

    private Target target(String itemId, String commentId, String answerId, WorkspaceUser user) {
        ItemView item = items.find(itemId).orElseThrow(() -> new NotFoundException("item"));
        GroupPage group = groups.visibleGroup(item.groupId(), user);
        if (HiddenItems.hiddenFrom(item, group, user)) {
            throw new NotFoundException("item");
        }
        ItemView shown = HiddenItems.shownTo(item, group, user);
        // A form about the item itself posts "?comment&answer" with no values (Thymeleaf renders null parameters so).
        if (commentId != null && !commentId.isBlank()) {
            ItemView.Comment comment = shown.comments().stream()
                    .filter(c -> c.commentId().equals(commentId))
                    .findFirst()
                    .orElseThrow(() -> new NotFoundException("comment"));
            return new Target(shown, comment, null, group);
        }
        if (answerId != null && !answerId.isBlank()) {
            ItemView.Answer answer = shown.answers().stream()
                    .filter(a -> a.answerId().equals(answerId))
                    .findFirst()
                    .orElseThrow(() -> new NotFoundException("answer"));
            return new Target(shown, null, answer, group);
        }
        return new Target(shown, null, null, group);
    }

    private Target moderatorsTarget(String itemId, String commentId, String answerId, WorkspaceUser user) {
        Target target = target(itemId, commentId, answerId, user);
        if (!Moderators.moderates(target.group(), user)) {
            throw new NotFoundException("page");
        }
        return target;
    }

    private String reportPage(Model model, Target target) {
        model.addAttribute("target", target);
        Forms.noErrors(model);
        return "moderation/report";
    }

    /**
     * The form to hide the item, restore it, or (asked for with {@code action=dismiss}, while it is shown) dismiss its
     * reports and leave it shown.
     */
    private String moderatePage(Model model, Target target, String action) {
        model.addAttribute("target", target);
        model.addAttribute(
                "action", target.hidden() != null ? "restore" : "dismiss".equals(action) ? "dismiss" : "hide");
        Forms.noErrors(model);
        Optional<ModerationView> moderated = moderation.find(target.id());
        model.addAttribute("moderated", moderated.orElse(null));
        Set<String> members = new HashSet<>();
        Set<String> organisations = new HashSet<>();
        moderated.ifPresent(m -> m.log().forEach(entry -> {
            members.add(entry.by());
            if (entry.organisationId() != null) {
                organisations.add(entry.organisationId());
            }
        }));
        model.addAttribute("names", people.names(members, organisations));
        return "moderation/moderate";
    }

    /** Everything moderated in the groups this person moderates and may see, most recent activity first. */
    private List<Row> rows(WorkspaceUser user) {
        Map<String, GroupPage> moderated = new java.util.HashMap<>();
        groups.visibleGroups(user).forEach((id, group) -> {
            if (Moderators.moderates(group, user)) {
                moderated.put(id, group);
            }
        });
        if (moderated.isEmpty()) {
            throw new NotFoundException("page");
        }
        List<ModerationView> all = moderation.inGroups(moderated.keySet());
        Map<String, ItemView> byId = new java.util.HashMap<>();
        items.findAllIncludingHidden(
                        all.stream().map(ModerationView::pageItemId).distinct().toList())
                .forEach(item -> byId.put(item.id(), item));
        List<Row> rows = new ArrayList<>();
        for (ModerationView m : all) {
            ItemView item = byId.get(m.pageItemId());
            if (item == null) {
                continue;
            }
            boolean ofAnswer = ModeratedKind.ANSWER.key().equals(m.itemType());
            ItemView.Comment comment = m.parentItemId() == null || ofAnswer
                    ? null
                    : item.comments().stream()
                            .filter(c -> c.commentId().equals(m.id()))
                            .findFirst()
                            .orElse(null);
            ItemView.Answer answer = ofAnswer
                    ? item.answers().stream()
                            .filter(a -> a.answerId().equals(m.id()))
                            .findFirst()
                            .orElse(null)
                    : null;
            if (m.parentItemId() != null && comment == null && answer == null) {
                continue;
            }
            rows.add(new Row(m, item, comment, answer, moderated.get(m.groupId())));
        }
        return rows;
    }

    private static Actor actor(WorkspaceUser user) {
        return new Actor(user.memberId(), user.organisationId(), user.role());
    }
}
