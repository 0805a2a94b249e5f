package org.collaborative.app.item.web;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.collaborative.app.Actor;
import org.collaborative.app.InvalidInputException;
import org.collaborative.app.RuleBrokenException;
import org.collaborative.app.comment.PostComment;
import org.collaborative.app.evidence.ChallengeEvidence;
import org.collaborative.app.evidence.EndorseEvidence;
import org.collaborative.app.group.GroupPages;
import org.collaborative.app.infrastructure.security.WorkspaceUser;
import org.collaborative.app.infrastructure.web.Dates;
import org.collaborative.app.infrastructure.web.ErrorSummary;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.item.ItemType;
import org.collaborative.app.item.ItemViews;
import org.collaborative.app.member.People;
import org.collaborative.app.moderation.HiddenItems;
import org.collaborative.app.moderation.Moderators;
import org.collaborative.app.proposal.ChallengeProposal;
import org.collaborative.app.proposal.DecideProposal;
import org.collaborative.app.proposal.EndorseProposal;
import org.collaborative.app.proposal.EndorseProposalForGroup;
import org.collaborative.app.proposal.LinkEvidence;
import org.collaborative.app.proposal.OpenProposalForChallenge;
import org.collaborative.app.proposal.WithdrawProposal;
import org.collaborative.app.question.AcceptAnswer;
import org.collaborative.app.question.AnswerQuestion;
import org.collaborative.app.question.CloseQuestion;
import org.collaborative.app.question.ReopenQuestion;
import org.collaborative.app.theme.ThemeViews;
import org.collaborative.events.proposal.ProposalOutcome;
import org.collaborative.views.group.GroupPage;
import org.collaborative.views.item.ItemView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An item's page (a question, a piece of evidence or a proposal): what it says, its answers, endorsements, challenges
 * and comments, its history ("who did what, when") and, on request, how it stood on a chosen date. Every action is
 * a plain form post followed by a redirect back to the page, which waits briefly for the view to show the change.
 * A broken rule shows the page again with a GOV.UK error summary.
 */
@Controller
@RequestMapping("/items/{itemId}")
class ItemController {

    static final Duration READ_YOUR_WRITE_WAIT = Duration.ofSeconds(3);

    private final ItemViews items;
    private final GroupPages groups;
    private final ThemeViews themes;
    private final People people;
    private final CommandGateway commands;
    private final Clock clock;
    private final org.collaborative.app.item.Markdown markdown;
    private final org.collaborative.app.follow.FollowViews follows;

    ItemController(ItemViews items, GroupPages groups, ThemeViews themes, People people, CommandGateway commands,
            Clock clock, org.collaborative.app.item.Markdown markdown,
            org.collaborative.app.follow.FollowViews follows) {
        this.markdown = markdown;
        this.follows = follows;
        this.items = items;
        this.groups = groups;
        this.themes = themes;
        this.people = people;
        this.commands = commands;
        this.clock = clock;
    }

    @GetMapping
    String page(
            @PathVariable String itemId,
            @RequestParam(required = false) String done,
            @RequestParam(required = false) String ref,
            @RequestParam(required = false) String day,
            @RequestParam(required = false) String month,
            @RequestParam(required = false) String year,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        ItemView item = (done == null ? items.find(itemId) : awaitShown(itemId, done, ref, user))
                .orElseThrow(() -> new NotFoundException("item"));
        if (HiddenItems.hiddenFrom(item, groups.visibleGroup(item.groupId(), user), user)) {
            return "moderation/hidden-item";
        }
        if (done != null) {
            model.addAttribute("done", done);
        }
        if (day != null || month != null || year != null) {
            Optional<LocalDate> date = date(day, month, year);
            model.addAttribute("asOfDay", day);
            model.addAttribute("asOfMonth", month);
            model.addAttribute("asOfYear", year);
            if (date.isEmpty()) {
                model.addAttribute("errorSummary", ErrorSummary.of("as-of-day", "Enter a real date, like 3 11 2026"));
            } else {
                Instant endOfDay = date.get().plusDays(1).atStartOfDay(Dates.LONDON).toInstant().minusNanos(1);
                model.addAttribute("asOf", date.get().atStartOfDay(Dates.LONDON).toInstant());
                Optional<ItemView> then = item.asOf(endOfDay);
                if (then.isEmpty()) {
                    model.addAttribute("notYet", true);
                } else {
                    return prepare(model, then.get(), user, endOfDay);
                }
            }
        }
        return prepare(model, item, user, null);
    }

    @PostMapping("/endorsements")
    String endorse(@PathVariable String itemId, @AuthenticationPrincipal WorkspaceUser user, Model model) {
        ItemView item = visibleItem(itemId, user);
        Object command = switch (ItemType.fromKey(item.type())) {
            case EVIDENCE -> new EndorseEvidence(itemId, actor(user), clock.instant());
            case PROPOSAL -> new EndorseProposal(itemId, actor(user), clock.instant());
            case QUESTION -> throw new NotFoundException("endorsement");
        };
        return send(command, item, user, model, "endorse", "endorsed", null);
    }

    @PostMapping("/challenges")
    String challenge(
            @PathVariable String itemId,
            @RequestParam String challengeId,
            @RequestParam(defaultValue = "") String reason,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        ItemView item = visibleItem(itemId, user);
        Object command = switch (ItemType.fromKey(item.type())) {
            case EVIDENCE -> new ChallengeEvidence(itemId, challengeId, reason, actor(user), clock.instant());
            case PROPOSAL -> new ChallengeProposal(itemId, challengeId, reason, actor(user), clock.instant());
            case QUESTION -> throw new NotFoundException("challenge");
        };
        model.addAttribute("reason", reason);
        return send(command, item, user, model, "reason", "challenged", challengeId);
    }

    @PostMapping("/comments")
    String comment(
            @PathVariable String itemId,
            @RequestParam String commentId,
            @RequestParam(defaultValue = "") String comment,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        ItemView item = visibleItem(itemId, user);
        model.addAttribute("comment", comment);
        return send(new PostComment(commentId, itemId, comment, actor(user), clock.instant()), item, user, model,
                "comment", "commented", commentId);
    }

    @PostMapping("/answers")
    String answer(
            @PathVariable String itemId,
            @RequestParam String answerId,
            @RequestParam(defaultValue = "") String answer,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        ItemView item = visibleItem(itemId, user);
        model.addAttribute("answer", answer);
        return send(new AnswerQuestion(itemId, answerId, answer, actor(user), clock.instant()), item, user, model,
                "answer", "answered", answerId);
    }

    @PostMapping("/answers/{answerId}/acceptance")
    String accept(
            @PathVariable String itemId,
            @PathVariable String answerId,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        ItemView item = visibleItem(itemId, user);
        return send(new AcceptAnswer(itemId, answerId, actor(user), clock.instant()), item, user, model,
                "answers", "accepted", answerId);
    }

    @PostMapping("/status")
    String status(
            @PathVariable String itemId,
            @RequestParam String to,
            @RequestParam(required = false) String outcome,
            @RequestParam(defaultValue = "") String note,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        ItemView item = visibleItem(itemId, user);
        Actor actor = actor(user);
        Instant at = clock.instant();
        model.addAttribute("note", note);
        Object command = switch (to) {
            case "CLOSED" -> new CloseQuestion(itemId, actor, at);
            case "OPEN" -> new ReopenQuestion(itemId, actor, at);
            case "OPEN_FOR_CHALLENGE" -> new OpenProposalForChallenge(itemId, actor, at);
            case "ENDORSED" -> new EndorseProposalForGroup(itemId, actor, at);
            case "DECIDED" -> new DecideProposal(itemId, outcome(outcome), note, actor, at);
            case "WITHDRAWN" -> new WithdrawProposal(itemId, note, actor, at);
            default -> throw new NotFoundException("status " + to);
        };
        String anchor = to.equals("DECIDED") ? (outcome == null ? "outcome" : "note") : to.equals("WITHDRAWN")
                ? "withdraw-reason" : "status";
        return send(command, item, user, model, anchor, "status", to.equals("DECIDED") ? outcome : to);
    }

    @PostMapping("/revision")
    String revise(
            @PathVariable String itemId,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String summary,
            @RequestParam(defaultValue = "") String source,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) Integer level,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        ItemView item = visibleItem(itemId, user);
        if (ItemType.fromKey(item.type()) != ItemType.EVIDENCE) {
            throw new NotFoundException("revision");
        }
        org.collaborative.events.evidence.EvidenceKind kindValue;
        try {
            kindValue = kind == null ? null : org.collaborative.events.evidence.EvidenceKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            kindValue = null;
        }
        model.addAttribute("revising", true);
        return send(new org.collaborative.app.evidence.ReviseEvidence(itemId, title, summary, source, kindValue, level,
                actor(user), clock.instant()), item, user, model, "revise-title", "revised", null);
    }

    @PostMapping("/links")
    String link(
            @PathVariable String itemId,
            @RequestParam(defaultValue = "") String evidenceId,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        ItemView item = visibleItem(itemId, user);
        return send(new LinkEvidence(itemId, evidenceId, actor(user), clock.instant()), item, user, model,
                "evidenceId", "linked", evidenceId);
    }

    private static ProposalOutcome outcome(String outcome) {
        try {
            return outcome == null ? null : ProposalOutcome.valueOf(outcome);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String send(Object command, ItemView item, WorkspaceUser user, Model model, String anchor, String done,
            String ref) {
        try {
            commands.sendAndWait(command);
        } catch (InvalidInputException invalid) {
            model.addAttribute("errorSummary", ErrorSummary.of(anchorFor(invalid.field(), anchor), invalid.getMessage()));
            return prepare(model, item, user, null);
        } catch (RuleBrokenException refused) {
            model.addAttribute("errorSummary", ErrorSummary.of(anchor, refused.getMessage()));
            return prepare(model, item, user, null);
        } catch (ConcurrencyException conflict) {
            model.addAttribute("errorSummary", ErrorSummary.of(anchor, ErrorSummary.CONFLICT));
            return prepare(model, item, user, null);
        }
        return "redirect:/items/" + item.id() + "?done=" + done + (ref == null ? "" : "&ref=" + ref);
    }

    private static String anchorFor(String field, String fallback) {
        return switch (field) {
            case "reason" -> fallback.equals("withdraw-reason") ? "withdraw-reason" : "reason";
            case "rationale" -> "note";
            case "outcome" -> "outcome";
            case "evidenceId" -> "evidenceId";
            case "title", "summary", "source", "kind", "level" -> "revise-" + field;
            default -> fallback;
        };
    }

    /** Waits (briefly) until the view shows what the person just did. */
    private Optional<ItemView> awaitShown(String itemId, String done, String ref, WorkspaceUser user) {
        Predicate<ItemView> shown = switch (done) {
            case "endorsed" -> item -> item.endorsedBy(user.memberId());
            case "challenged" -> item -> item.challenges().stream().anyMatch(c -> c.challengeId().equals(ref));
            case "commented" -> item -> item.comments().stream().anyMatch(c -> c.commentId().equals(ref));
            case "answered" -> item -> item.answers().stream().anyMatch(a -> a.answerId().equals(ref));
            case "accepted" -> item -> ref != null && ref.equals(item.acceptedAnswerId());
            case "linked" -> item -> item.links().stream().anyMatch(l -> l.evidenceId().equals(ref));
            case "revised" -> item -> item.versions().size() > 1;
            case "hidden" -> item -> HiddenItems.hidden(item, ref) != null;
            case "restored" -> item -> HiddenItems.hidden(item, ref) == null;
            case "status" -> item -> ref != null && (ref.equals(item.status())
                    || ("DECIDED".equals(ref) && item.status().endsWith("TAKEN_FORWARD")));
            default -> item -> true;
        };
        return org.collaborative.app.infrastructure.web.ReadYourWrite.awaitUntil(
                () -> items.find(itemId), shown, READ_YOUR_WRITE_WAIT);
    }

    private ItemView visibleItem(String itemId, WorkspaceUser user) {
        ItemView item = items.find(itemId).orElseThrow(() -> new NotFoundException("item"));
        if (HiddenItems.hiddenFrom(item, groups.visibleGroup(item.groupId(), user), user)) {
            throw new NotFoundException("item");
        }
        return item;
    }

    private static Actor actor(WorkspaceUser user) {
        return new Actor(user.memberId(), user.organisationId(), user.role());
    }

    private static Optional<LocalDate> date(String day, String month, String year) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year.strip()), Integer.parseInt(month.strip()),
                    Integer.parseInt(day.strip())));
        } catch (NumberFormatException | DateTimeException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private String prepare(Model model, ItemView shown, WorkspaceUser user, Instant asOf) {
        GroupPage group = groups.visibleGroup(shown.groupId(), user);
        ItemView item = HiddenItems.shownTo(shown, group, user);
        model.addAttribute("moderates", Moderators.moderates(group, user));
        Set<String> memberIds = new HashSet<>();
        Set<String> organisationIds = new HashSet<>();
        memberIds.add(item.authorId());
        organisationIds.add(item.organisationId());
        item.history().forEach(h -> {
            memberIds.add(h.memberId());
            if (h.organisationId() != null) {
                organisationIds.add(h.organisationId());
            }
        });
        item.answers().forEach(a -> organisationIds.add(a.organisationId()));
        item.comments().forEach(c -> organisationIds.add(c.organisationId()));
        item.endorsements().forEach(e -> organisationIds.add(e.organisationId()));
        item.challenges().forEach(c -> organisationIds.add(c.organisationId()));
        model.addAttribute("item", item);
        // Thymeleaf evaluates th:utext in restricted mode (no bean calls), so the safe HTML is made here.
        java.util.Map<String, String> html = new java.util.HashMap<>();
        html.put(item.id(), markdown.html(item.body()));
        item.answers().forEach(a -> html.put(a.answerId(), markdown.html(a.body())));
        item.comments().forEach(c -> html.put(c.commentId(), markdown.html(c.body())));
        model.addAttribute("html", html);
        model.addAttribute("group", group);
        model.addAttribute("theme", themes.find(item.themeId()).orElse(null));
        model.addAttribute("names", people.names(memberIds, organisationIds));
        boolean member = group.hasMember(user.memberId());
        boolean facilitator = group.facilitatorIds().contains(user.memberId())
                || user.role() == org.collaborative.events.member.MemberRole.ADMINISTRATOR;
        model.addAttribute("isMember", member);
        model.addAttribute("following", follows.follows(user.memberId(),
                org.collaborative.events.follow.FollowTarget.ITEM, item.id()));
        model.addAttribute("isFacilitator", facilitator);
        model.addAttribute("isAuthor", user.memberId().equals(item.authorId()));
        model.addAttribute("actions", asOf == null);
        if (ItemType.fromKey(item.type()) == ItemType.PROPOSAL) {
            model.addAttribute("profile", items.profile(item, asOf == null ? clock.instant() : asOf));
            List<ItemView> linked = items.findAll(item.links().stream().map(ItemView.Link::evidenceId).toList());
            model.addAttribute("linkedEvidence", linked);
            if (asOf == null) {
                Set<String> already = new HashSet<>(item.links().stream().map(ItemView.Link::evidenceId).toList());
                model.addAttribute("linkable", items.onTheme(item.themeId(), ItemType.EVIDENCE, 200).stream()
                        .filter(evidence -> !already.contains(evidence.id()))
                        .toList());
            }
        }
        model.addAttribute("newChallengeId", UUID.randomUUID().toString());
        model.addAttribute("newCommentId", UUID.randomUUID().toString());
        model.addAttribute("newAnswerId", UUID.randomUUID().toString());
        if (!model.containsAttribute("errorSummary")) {
            model.addAttribute("errorSummary", List.of());
        }
        return "item/item";
    }
}
