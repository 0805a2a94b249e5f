package org.collaborative.app.proposal;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.spring.stereotype.Aggregate;
import org.collaborative.app.group.GroupDirectory;
import org.collaborative.app.group.GroupRules;
import org.collaborative.app.item.ItemDirectory;
import org.collaborative.app.item.ItemType;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.DomainRules;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.app.moderation.HiddenItemException;
import org.collaborative.app.moderation.ItemModeration;
import org.collaborative.app.moderation.ModeratedKind;
import org.collaborative.app.moderation.ModerationCommand;
import org.collaborative.events.proposal.EvidenceLinkedToProposal;
import org.collaborative.events.proposal.ProposalChallenged;
import org.collaborative.events.proposal.ProposalDecided;
import org.collaborative.events.proposal.ProposalDrafted;
import org.collaborative.events.proposal.ProposalDraftedFromBoard;
import org.collaborative.events.proposal.ProposalEndorsed;
import org.collaborative.events.proposal.ProposalEndorsedByGroup;
import org.collaborative.events.proposal.ProposalOpenedForChallenge;
import org.collaborative.events.proposal.ProposalOutcome;
import org.collaborative.events.proposal.ProposalWithdrawn;

/**
 * A proposal for doing things differently. Its proposer drafts it and opens it for challenge; members endorse it (not
 * their own) or challenge it with a reason and link the evidence it rests on; a facilitator records the group's
 * endorsement and then the decision with its rationale. Once decided or withdrawn it changes no more. While a
 * facilitator has it hidden ({@link ItemModeration}) it can only be withdrawn, and hidden evidence is not linked to it.
 */
@Aggregate
public class Proposal {

    public static final int MAX_TITLE = 150;
    public static final int MAX_SUMMARY = 10_000;
    public static final int MAX_REASON = 2_000;

    @AggregateIdentifier
    private String proposalId;

    private String groupId;
    private String themeId;
    private String draftedBy;
    private ProposalStage stage;
    private final Set<String> endorsers = new HashSet<>();
    /** Who has challenged it: one stance per member (ADR 29). */
    private final Set<String> challengers = new HashSet<>();

    private final Set<String> challenges = new HashSet<>();
    private final Set<String> linkedEvidence = new HashSet<>();

    @AggregateMember
    private final ItemModeration moderation = new ItemModeration(ModeratedKind.PROPOSAL);

    protected Proposal() {}

    @CommandHandler
    public Proposal(DraftProposal command, GroupDirectory groups) {
        DomainRules.requireText("title", command.title(), MAX_TITLE);
        DomainRules.requireText("summary", command.summary(), MAX_SUMMARY);
        if (command.form() == null) {
            throw new InvalidInputException("form", "Choose the form of the proposal");
        }
        GroupDirectory.Entry group = GroupRules.requireGroup(groups, command.groupId());
        GroupRules.requireMember(groups, group.groupId(), command.actor().memberId(), "make a proposal to it");
        apply(new ProposalDrafted(
                command.proposalId(),
                group.groupId(),
                group.themeId(),
                command.title().strip(),
                command.summary().strip(),
                command.form(),
                command.actor().memberId(),
                command.actor().organisationId(),
                command.at()));
    }

    /**
     * A retreat's facilitator drafts a proposal on behalf of a session, from a cluster or a card of its live board, in
     * a working group of one of the retreat's themes; they need not belong to the group, but an archived group takes
     * nothing. The draft is theirs (they open it for challenge) and names where it came from ({@link
     * ProposalDraftedFromBoard}). Its id is made from the board and the cluster or card, so it is drafted once.
     */
    @CommandHandler
    public Proposal(DraftProposalFromBoard command, GroupDirectory groups, BoardOrigins boards) {
        DomainRules.requireText("title", command.title(), MAX_TITLE);
        DomainRules.requireText("summary", command.summary(), MAX_SUMMARY);
        if (command.form() == null) {
            throw new InvalidInputException("form", "Choose the form of the proposal");
        }
        boolean fromCluster = command.clusterId() != null;
        if (fromCluster == (command.cardId() != null)) {
            throw new IllegalArgumentException("A proposal is drafted from one cluster or one card");
        }
        String retreatId =
                boards.retreatOfSession(command.sessionId()).orElseThrow(() -> new NotOnTheBoardException("session"));
        if (!boards.isFacilitator(retreatId, command.actor().memberId())) {
            throw new NotTheRetreatsFacilitatorException();
        }
        String partId = fromCluster ? command.clusterId() : command.cardId();
        if (fromCluster
                ? !boards.hasCluster(command.sessionId(), partId)
                : !boards.hasCard(command.sessionId(), partId)) {
            throw new NotOnTheBoardException(fromCluster ? "cluster" : "card");
        }
        if (!DraftProposalFromBoard.idFor(command.sessionId(), partId).equals(command.proposalId())) {
            throw new IllegalArgumentException("A proposal from a board has the id made from the board and its part");
        }
        if (command.groupId() == null || command.groupId().isBlank()) {
            throw new InvalidInputException("groupId", "Choose the working group the proposal is for");
        }
        GroupDirectory.Entry group = GroupRules.requireGroup(groups, command.groupId());
        if (group.archived()) {
            throw new GroupRules.GroupArchivedException("make a proposal to it");
        }
        if (!boards.themesOf(retreatId).contains(group.themeId())) {
            throw new InvalidInputException("groupId", "Choose a working group of one of the retreat’s themes");
        }
        apply(new ProposalDrafted(
                command.proposalId(),
                group.groupId(),
                group.themeId(),
                command.title().strip(),
                command.summary().strip(),
                command.form(),
                command.actor().memberId(),
                command.actor().organisationId(),
                command.at()));
        apply(new ProposalDraftedFromBoard(
                command.proposalId(),
                retreatId,
                command.sessionId(),
                command.clusterId(),
                command.cardId(),
                group.groupId(),
                command.actor().memberId(),
                command.at()));
    }

    @CommandHandler
    void handle(OpenProposalForChallenge command) {
        if (!command.actor().memberId().equals(draftedBy)) {
            throw new RuleBrokenException("Only the person who made this proposal can open it for challenge");
        }
        if (stage != ProposalStage.DRAFT) {
            throw new RuleBrokenException("This proposal is no longer a draft");
        }
        moderation.requireShown("it cannot be opened for challenge");
        apply(new ProposalOpenedForChallenge(proposalId, command.actor().memberId(), command.at()));
    }

    /** Endorsing twice records nothing the second time. */
    @CommandHandler
    void handle(EndorseProposal command, GroupDirectory groups) {
        if (command.actor().memberId().equals(draftedBy)) {
            throw new RuleBrokenException("You cannot endorse your own proposal");
        }
        requireOpen("endorsed");
        moderation.requireShown("it cannot be endorsed");
        GroupRules.requireMember(groups, groupId, command.actor().memberId(), "endorse its proposals");
        if (endorsers.contains(command.actor().memberId())) {
            return;
        }
        if (challengers.contains(command.actor().memberId())) {
            throw new RuleBrokenException(
                    "You have challenged this proposal, so you cannot also endorse it: say in a comment what changed your mind");
        }
        apply(new ProposalEndorsed(
                proposalId, command.actor().memberId(), command.actor().organisationId(), command.at()));
    }

    @CommandHandler
    void handle(ChallengeProposal command, GroupDirectory groups) {
        if (challenges.contains(command.challengeId())) {
            return;
        }
        DomainRules.requireText("reason", command.reason(), MAX_REASON);
        if (command.actor().memberId().equals(draftedBy)) {
            throw new RuleBrokenException("You cannot challenge your own proposal");
        }
        requireOpen("challenged");
        moderation.requireShown("it cannot be challenged");
        GroupRules.requireMember(groups, groupId, command.actor().memberId(), "challenge its proposals");
        if (endorsers.contains(command.actor().memberId())) {
            throw new RuleBrokenException(
                    "You have endorsed this proposal, so you cannot also challenge it: raise your concern in a comment");
        }
        apply(new ProposalChallenged(
                proposalId,
                command.challengeId(),
                command.actor().memberId(),
                command.actor().organisationId(),
                command.reason().strip(),
                command.at()));
    }

    @CommandHandler
    void handle(LinkEvidence command, GroupDirectory groups, ItemDirectory items) {
        if (stage.settled()) {
            throw new RuleBrokenException("This proposal has been "
                    + stage.label().toLowerCase() + ", so no more evidence can be linked to it");
        }
        moderation.requireShown("no evidence can be linked to it");
        GroupRules.requireMember(groups, groupId, command.actor().memberId(), "link evidence to its proposals");
        ItemDirectory.Entry evidence = items.findItem(command.evidenceId())
                .filter(item -> item.type() == ItemType.EVIDENCE)
                .orElseThrow(() -> new InvalidInputException("evidenceId", "Choose a piece of evidence"));
        if (!evidence.themeId().equals(themeId)) {
            throw new InvalidInputException("evidenceId", "Choose evidence from this proposal's theme");
        }
        if (evidence.hidden()) {
            throw new HiddenItemException(ModeratedKind.EVIDENCE, "it cannot be linked to a proposal");
        }
        if (linkedEvidence.contains(evidence.itemId())) {
            return;
        }
        apply(new EvidenceLinkedToProposal(
                proposalId, evidence.itemId(), command.actor().memberId(), command.at()));
    }

    @CommandHandler
    void handle(EndorseProposalForGroup command, GroupDirectory groups) {
        requireFacilitator(command.actor(), groups, "record the group's endorsement");
        if (stage != ProposalStage.OPEN_FOR_CHALLENGE) {
            throw new RuleBrokenException("Only a proposal open for challenge can be endorsed by the group");
        }
        moderation.requireShown("the group cannot endorse it");
        apply(new ProposalEndorsedByGroup(proposalId, command.actor().memberId(), command.at()));
    }

    @CommandHandler
    void handle(DecideProposal command, GroupDirectory groups) {
        if (command.outcome() == null) {
            throw new InvalidInputException("outcome", "Choose whether the proposal is taken forward");
        }
        DomainRules.requireText("rationale", command.rationale(), MAX_REASON);
        requireFacilitator(command.actor(), groups, "record a decision");
        if (stage != ProposalStage.ENDORSED) {
            throw new RuleBrokenException(
                    stage.settled()
                            ? "This proposal has already been " + stage.label().toLowerCase()
                            : "The group must endorse the proposal before it is decided");
        }
        moderation.requireShown("it cannot be decided");
        apply(new ProposalDecided(
                proposalId,
                command.outcome(),
                command.rationale().strip(),
                command.actor().memberId(),
                command.at()));
    }

    @CommandHandler
    void handle(WithdrawProposal command, GroupDirectory groups) {
        if (!command.actor().memberId().equals(draftedBy)
                && !GroupRules.facilitates(groups, groupId, command.actor())) {
            throw new RuleBrokenException("Only the person who made this proposal or a facilitator can withdraw it");
        }
        DomainRules.requireText("reason", command.reason(), MAX_REASON);
        if (stage.settled()) {
            throw new RuleBrokenException(
                    "This proposal has already been " + stage.label().toLowerCase());
        }
        apply(new ProposalWithdrawn(
                proposalId, command.actor().memberId(), command.reason().strip(), command.at()));
    }

    private void requireOpen(String what) {
        if (stage == ProposalStage.DRAFT) {
            throw new RuleBrokenException("This proposal is still a draft, so it cannot be " + what + " yet");
        }
        if (stage.settled()) {
            throw new RuleBrokenException(
                    "This proposal has been " + stage.label().toLowerCase() + ", so it can no longer be " + what);
        }
    }

    private void requireFacilitator(Actor actor, GroupDirectory groups, String doing) {
        if (!GroupRules.facilitates(groups, groupId, actor)) {
            throw new RuleBrokenException("Only a facilitator of this group can " + doing);
        }
    }

    @EventSourcingHandler
    void on(ProposalDrafted event) {
        proposalId = event.proposalId();
        groupId = event.groupId();
        themeId = event.themeId();
        draftedBy = event.draftedBy();
        stage = ProposalStage.DRAFT;
    }

    @EventSourcingHandler
    void on(ProposalOpenedForChallenge event) {
        stage = ProposalStage.OPEN_FOR_CHALLENGE;
    }

    @EventSourcingHandler
    void on(ProposalEndorsed event) {
        endorsers.add(event.memberId());
    }

    @EventSourcingHandler
    void on(ProposalChallenged event) {
        challenges.add(event.challengeId());
        challengers.add(event.memberId());
    }

    @EventSourcingHandler
    void on(EvidenceLinkedToProposal event) {
        linkedEvidence.add(event.evidenceId());
    }

    @EventSourcingHandler
    void on(ProposalEndorsedByGroup event) {
        stage = ProposalStage.ENDORSED;
    }

    @EventSourcingHandler
    void on(ProposalDecided event) {
        stage = event.outcome() == ProposalOutcome.TAKEN_FORWARD
                ? ProposalStage.TAKEN_FORWARD
                : ProposalStage.NOT_TAKEN_FORWARD;
    }

    @EventSourcingHandler
    void on(ProposalWithdrawn event) {
        stage = ProposalStage.WITHDRAWN;
    }

    @CommandHandler(commandName = ModeratedKind.CommandNames.PROPOSAL)
    void handle(ModerationCommand command, GroupDirectory groups) {
        moderation.handle(command, proposalId, null, groupId, groups);
    }

    /** The session, cluster or card a proposal was to be drafted from is not (or no longer) on the board. */
    public static class NotOnTheBoardException extends RuleBrokenException {
        public NotOnTheBoardException(String what) {
            super("That " + what + " is no longer on the board, so no proposal can be drafted from it");
        }
    }
}
