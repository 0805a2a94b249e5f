package org.collaborative.app.web.item;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.comment.PostComment;
import org.collaborative.app.evidence.ChallengeEvidence;
import org.collaborative.app.evidence.EndorseEvidence;
import org.collaborative.app.group.GroupPages;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.item.ItemType;
import org.collaborative.app.item.ItemViews;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.kernel.RuleBrokenException;
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
import org.collaborative.events.proposal.ProposalOutcome;
import org.collaborative.views.group.GroupPage;
import org.collaborative.views.item.ItemView;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Items (questions, evidence, proposals) as JSON, with their history, and what members do to them: answer, accept,
 * endorse, challenge, comment, move through their stages, link evidence. A broken rule is a 422 problem detail with
 * the same sentence the page shows.
 */
@RestController
@Tag(name = "Items")
class ItemApi {

    /** A reply, comment or challenge; {@code id} may be chosen by the client so that a retried request counts once. */
    record Text(
            @Pattern(regexp = UUID_PATTERN, message = "id must be a UUID")
            String id,

            @NotBlank(message = "Enter some text") String text) {}

    /** A move of a question or proposal to another stage; {@code outcome} and {@code note} for decisions. */
    record StatusChange(
            @NotBlank(message = "Choose the new status") String to, String outcome, String note) {}

    record EvidenceLink(
            @NotBlank(message = "Choose the evidence to link")
            String evidenceId) {}

    /** What was recorded: the item, and the id of the answer, comment or challenge when there is one. */
    record Recorded(String itemId, String id) {}

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final ItemViews items;
    private final GroupPages groups;
    private final Commands commands;
    private final Clock clock;

    ItemApi(ItemViews items, GroupPages groups, Commands commands, Clock clock) {
        this.items = items;
        this.groups = groups;
        this.commands = commands;
        this.clock = clock;
    }

    @GetMapping("/api/items/{itemId}")
    @Operation(summary = "One question, piece of evidence or proposal, with its answers, reactions and history")
    ItemView one(@PathVariable String itemId, @AuthenticationPrincipal WorkspaceUser user) {
        return visible(itemId, user);
    }

    @PostMapping("/api/items/{itemId}/answers")
    @Operation(summary = "Answer a question (members of its group; not once it is closed)")
    ResponseEntity<Recorded> answer(
            @PathVariable String itemId, @Valid @RequestBody Text answer, @AuthenticationPrincipal WorkspaceUser user) {
        visible(itemId, user);
        String id = idOf(answer);
        commands.sendOnce(new AnswerQuestion(itemId, id, answer.text(), actor(user), clock.instant()));
        return created(itemId, id);
    }

    @PostMapping("/api/items/{itemId}/answers/{answerId}/acceptance")
    @Operation(summary = "Accept an answer (the asker or a facilitator)")
    Recorded accept(
            @PathVariable String itemId, @PathVariable String answerId, @AuthenticationPrincipal WorkspaceUser user) {
        visible(itemId, user);
        commands.send(new AcceptAnswer(itemId, answerId, actor(user), clock.instant()));
        return new Recorded(itemId, answerId);
    }

    @PostMapping("/api/items/{itemId}/endorsements")
    @Operation(summary = "Endorse evidence or a proposal (not your own; once)")
    ResponseEntity<Recorded> endorse(@PathVariable String itemId, @AuthenticationPrincipal WorkspaceUser user) {
        ItemView item = visible(itemId, user);
        commands.send(
                switch (ItemType.fromKey(item.type())) {
                    case EVIDENCE -> new EndorseEvidence(itemId, actor(user), clock.instant());
                    case PROPOSAL -> new EndorseProposal(itemId, actor(user), clock.instant());
                    case QUESTION -> throw new RuleBrokenException("Questions are answered, not endorsed");
                });
        return created(itemId, null);
    }

    @PostMapping("/api/items/{itemId}/challenges")
    @Operation(summary = "Challenge evidence or a proposal, giving a reason (not your own)")
    ResponseEntity<Recorded> challenge(
            @PathVariable String itemId,
            @Valid @RequestBody Text challenge,
            @AuthenticationPrincipal WorkspaceUser user) {
        ItemView item = visible(itemId, user);
        String id = idOf(challenge);
        commands.sendOnce(
                switch (ItemType.fromKey(item.type())) {
                    case EVIDENCE -> new ChallengeEvidence(itemId, id, challenge.text(), actor(user), clock.instant());
                    case PROPOSAL -> new ChallengeProposal(itemId, id, challenge.text(), actor(user), clock.instant());
                    case QUESTION -> throw new RuleBrokenException("Questions are answered, not challenged");
                });
        return created(itemId, id);
    }

    @PostMapping("/api/items/{itemId}/comments")
    @Operation(summary = "Comment on any item (members of its group)")
    ResponseEntity<Recorded> comment(
            @PathVariable String itemId,
            @Valid @RequestBody Text comment,
            @AuthenticationPrincipal WorkspaceUser user) {
        visible(itemId, user);
        String id = idOf(comment);
        commands.sendOnce(new PostComment(id, itemId, comment.text(), actor(user), clock.instant()));
        return created(itemId, id);
    }

    @PostMapping("/api/items/{itemId}/status")
    @Operation(
            summary = "Close or reopen a question; open a proposal for challenge, record the group's endorsement, "
                    + "decide it (outcome TAKEN_FORWARD or NOT_TAKEN_FORWARD with a note) or withdraw it")
    Recorded status(
            @PathVariable String itemId,
            @Valid @RequestBody StatusChange change,
            @AuthenticationPrincipal WorkspaceUser user) {
        visible(itemId, user);
        Actor actor = actor(user);
        Instant at = clock.instant();
        String note = change.note() == null ? "" : change.note();
        commands.send(
                switch (change.to()) {
                    case "CLOSED" -> new CloseQuestion(itemId, actor, at);
                    case "OPEN" -> new ReopenQuestion(itemId, actor, at);
                    case "OPEN_FOR_CHALLENGE" -> new OpenProposalForChallenge(itemId, actor, at);
                    case "ENDORSED" -> new EndorseProposalForGroup(itemId, actor, at);
                    case "DECIDED" -> new DecideProposal(itemId, outcome(change.outcome()), note, actor, at);
                    case "WITHDRAWN" -> new WithdrawProposal(itemId, note, actor, at);
                    default ->
                        throw new InvalidInputException(
                                "to", "Choose CLOSED, OPEN, OPEN_FOR_CHALLENGE, ENDORSED, DECIDED or WITHDRAWN");
                });
        return new Recorded(itemId, null);
    }

    @PostMapping("/api/items/{itemId}/links")
    @Operation(summary = "Link evidence from the same theme to a proposal")
    ResponseEntity<Recorded> link(
            @PathVariable String itemId,
            @Valid @RequestBody EvidenceLink link,
            @AuthenticationPrincipal WorkspaceUser user) {
        visible(itemId, user);
        visible(link.evidenceId(), user);
        commands.send(new LinkEvidence(itemId, link.evidenceId(), actor(user), clock.instant()));
        return created(itemId, link.evidenceId());
    }

    /** The item as this person may see it: a hidden one only by its group's moderators (see HiddenItems). */
    private ItemView visible(String itemId, WorkspaceUser user) {
        ItemView item = items.find(itemId).orElseThrow(() -> new NotFoundException("item"));
        GroupPage group = groups.visibleGroup(item.groupId(), user);
        if (org.collaborative.app.moderation.HiddenItems.hiddenFrom(item, group, user)) {
            throw new NotFoundException("item");
        }
        return org.collaborative.app.moderation.HiddenItems.shownTo(item, group, user);
    }

    private static String idOf(Text text) {
        return text.id() == null ? UUID.randomUUID().toString() : text.id();
    }

    private static ResponseEntity<Recorded> created(String itemId, String id) {
        return ResponseEntity.created(URI.create("/api/items/" + itemId)).body(new Recorded(itemId, id));
    }

    private static ProposalOutcome outcome(String outcome) {
        try {
            return outcome == null ? null : ProposalOutcome.valueOf(outcome);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInputException("outcome", "Choose TAKEN_FORWARD or NOT_TAKEN_FORWARD");
        }
    }

    private static Actor actor(WorkspaceUser user) {
        return new Actor(user.memberId(), user.organisationId(), user.role());
    }
}
