package org.collaborative.app.commitment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.OptionalInt;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.collaborative.app.group.GroupDirectory;
import org.collaborative.app.group.GroupRules;
import org.collaborative.app.item.ItemDirectory;
import org.collaborative.app.item.ItemType;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.DomainRules;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.app.practice.PracticeDirectory;
import org.collaborative.events.member.MemberRole;
import org.collaborative.events.practice.AdoptionStage;
import org.collaborative.events.retreat.ActionAgreed;
import org.collaborative.events.retreat.CheckInDue;
import org.collaborative.events.retreat.CommitmentProgress;
import org.collaborative.events.retreat.PledgeFulfilledByAdoption;
import org.collaborative.events.retreat.PledgeMade;
import org.collaborative.events.retreat.ProgressRecorded;

/**
 * An output of a retreat that someone must follow up: an <b>action</b> a facilitator agreed (an owner, their
 * organisation, a due date) or a <b>pledge</b> a participant made for their organisation (a by-date). Each feeds a
 * working group and, where there is one, a proposal in it. Check-ins fall due 30, 90 and 180 days after the retreat's
 * last day ({@link CheckIns}); the owner, or a facilitator of the retreat, records progress (done, on track, at risk,
 * or dropped with a reason) at any time; a pledge is also done when its organisation's adoption move fulfils it
 * ({@link FulfilPledgeByAdoption}). Once done or dropped it asks nothing more and changes no more.
 */
@Aggregate
public class Commitment {

    public static final int MAX_TITLE = 300;
    public static final int MAX_REASON = 2_000;

    @AggregateIdentifier
    private String commitmentId;

    private String retreatId;
    private String ownerId;
    private LocalDate retreatEndsOn;
    private int lastCheckIn;
    private CommitmentProgress progress;
    private boolean pledge;
    private String organisationId;

    protected Commitment() {}

    @CommandHandler
    public Commitment(AgreeAction command, RetreatCalendar retreats, GroupDirectory groups, ItemDirectory items) {
        LocalDate endsOn = requireRetreat(retreats, command.retreatId());
        if (!facilitates(retreats, command.retreatId(), command.actor())) {
            throw new RuleBrokenException("Only a facilitator of this retreat can agree actions");
        }
        DomainRules.requireText("title", command.title(), MAX_TITLE);
        if (command.ownerId() == null || command.ownerId().isBlank() || command.ownerOrganisationId() == null) {
            throw new InvalidInputException("ownerId", "Choose who owns the action");
        }
        requireFuture("dueOn", command.dueOn(), command.at(), "Enter the due date", "The due date");
        GroupDirectory.Entry group = requireGroup(groups, command.groupId());
        requireProposal(items, command.proposalId(), group.groupId());
        apply(new ActionAgreed(
                command.retreatId(),
                command.actionId(),
                blankToNull(command.sessionId()),
                blankToNull(command.fromCardId()),
                blankToNull(command.fromClusterId()),
                command.title().strip(),
                command.ownerId(),
                command.ownerOrganisationId(),
                command.dueOn(),
                group.groupId(),
                blankToNull(command.proposalId()),
                endsOn,
                command.actor().memberId(),
                command.at()));
    }

    @CommandHandler
    public Commitment(MakePledge command, RetreatCalendar retreats, GroupDirectory groups, ItemDirectory items) {
        LocalDate endsOn = requireRetreat(retreats, command.retreatId());
        if (!retreats.isParticipant(command.retreatId(), command.actor().memberId())) {
            throw new RuleBrokenException("Only people who took part in this retreat can make pledges at it");
        }
        DomainRules.requireText("text", command.text(), MAX_TITLE);
        requireFuture("byDate", command.byDate(), command.at(), "Enter the date you pledge to do it by", "The date");
        GroupDirectory.Entry group = requireGroup(groups, command.groupId());
        requireProposal(items, command.proposalId(), group.groupId());
        apply(new PledgeMade(
                command.retreatId(),
                command.pledgeId(),
                blankToNull(command.sessionId()),
                blankToNull(command.fromCardId()),
                blankToNull(command.fromClusterId()),
                command.text().strip(),
                command.actor().organisationId(),
                command.actor().memberId(),
                command.byDate(),
                group.groupId(),
                blankToNull(command.proposalId()),
                endsOn,
                command.at()));
    }

    /** Raises the latest check-in due by the command's time, if it was not raised yet; otherwise does nothing. */
    @CommandHandler
    void handle(RaiseCheckIn command) {
        if (settled()) {
            return;
        }
        OptionalInt due = CheckIns.latestDue(retreatEndsOn, lastCheckIn, command.at());
        if (due.isPresent()) {
            apply(new CheckInDue(retreatId, commitmentId, due.getAsInt(), command.at()));
        }
    }

    @CommandHandler
    void handle(RecordProgress command, RetreatCalendar retreats) {
        if (!command.actor().memberId().equals(ownerId) && !facilitates(retreats, retreatId, command.actor())) {
            throw new RuleBrokenException(
                    "Only the person who owns this commitment or a facilitator of the retreat can record progress");
        }
        if (command.progress() == null) {
            throw new InvalidInputException("progress", "Choose how it is going");
        }
        if (command.progress() == CommitmentProgress.DROPPED
                && (command.reason() == null || command.reason().isBlank())) {
            throw new InvalidInputException("reason", "Enter why it was dropped");
        }
        DomainRules.optionalText("reason", command.reason(), MAX_REASON);
        if (settled()) {
            throw new CommitmentSettledException(progress);
        }
        apply(new ProgressRecorded(
                retreatId,
                commitmentId,
                command.progress(),
                blankToNull(command.reason() == null ? null : command.reason().strip()),
                command.actor().memberId(),
                command.at()));
    }

    /**
     * A pledge is fulfilled by its own organisation's move along the adoption of a practice, to a stage that puts the
     * practice to use or nearer it (not declined or abandoned), as the adoption ledger stands now; once, while neither
     * done nor dropped. The owner, a facilitator of the retreat, or whoever records moves for that organisation (its
     * members, facilitators, administrators) records it (docs/adr/0022).
     */
    @CommandHandler
    void handle(FulfilPledgeByAdoption command, RetreatCalendar retreats, PracticeDirectory practices) {
        if (!pledge) {
            throw new InvalidInputException("pledgeId", "Only a pledge is fulfilled by an adoption move");
        }
        Actor actor = command.actor();
        boolean mayRecordMoves = actor.role() == MemberRole.FACILITATOR
                || actor.role() == MemberRole.ADMINISTRATOR
                || organisationId.equals(actor.organisationId());
        if (!actor.memberId().equals(ownerId) && !facilitates(retreats, retreatId, actor) && !mayRecordMoves) {
            throw new RuleBrokenException(
                    "Only the person who made this pledge, a facilitator of the retreat or a member of its"
                            + " organisation can say it was fulfilled");
        }
        if (!organisationId.equals(command.organisationId())) {
            throw new InvalidInputException("pledgeId", "Choose a pledge of the organisation whose adoption moved");
        }
        if (command.practiceId() == null || command.stage() == null || command.happenedOn() == null) {
            throw new InvalidInputException("adoption", "Choose the adoption move that fulfilled the pledge");
        }
        if (command.stage() == AdoptionStage.DECLINED || command.stage() == AdoptionStage.ABANDONED) {
            throw new InvalidInputException(
                    "pledgeId", "A move to declined or abandoned does not fulfil a pledge: record it as dropped");
        }
        if (!practices
                .adoptionStage(command.practiceId(), organisationId)
                .filter(command.stage()::equals)
                .isPresent()) {
            throw new InvalidInputException(
                    "adoption", "Choose a move the organisation's adoption of the practice has made");
        }
        if (settled()) {
            throw new InvalidInputException(
                    "pledgeId",
                    "This pledge has already been recorded as "
                            + (progress == CommitmentProgress.DONE ? "done" : "dropped") + ": choose an open one");
        }
        apply(new PledgeFulfilledByAdoption(
                retreatId,
                commitmentId,
                command.practiceId(),
                organisationId,
                command.stage(),
                command.happenedOn(),
                actor.memberId(),
                command.at()));
    }

    private boolean settled() {
        return progress == CommitmentProgress.DONE || progress == CommitmentProgress.DROPPED;
    }

    private static LocalDate requireRetreat(RetreatCalendar retreats, String retreatId) {
        return retreats.endsOn(retreatId)
                .orElseThrow(() -> new RuleBrokenException("There is no retreat with the id " + retreatId));
    }

    private static boolean facilitates(RetreatCalendar retreats, String retreatId, Actor actor) {
        return actor.role() == MemberRole.ADMINISTRATOR || retreats.isFacilitator(retreatId, actor.memberId());
    }

    private static void requireFuture(String field, LocalDate date, java.time.Instant at, String missing, String what) {
        if (date == null) {
            throw new InvalidInputException(field, missing);
        }
        if (date.isBefore(CheckIns.today(at))) {
            throw new InvalidInputException(field, what + " must be today or in the future");
        }
    }

    private static GroupDirectory.Entry requireGroup(GroupDirectory groups, String groupId) {
        if (groupId == null || groupId.isBlank()) {
            throw new InvalidInputException("groupId", "Choose the working group it feeds");
        }
        GroupDirectory.Entry group = GroupRules.requireGroup(groups, groupId);
        if (group.archived()) {
            throw new InvalidInputException("groupId", "This working group is archived: choose another");
        }
        return group;
    }

    private static void requireProposal(ItemDirectory items, String proposalId, String groupId) {
        if (proposalId == null || proposalId.isBlank()) {
            return;
        }
        items.findItem(proposalId)
                .filter(item -> item.type() == ItemType.PROPOSAL && groupId.equals(item.groupId()))
                .orElseThrow(() ->
                        new InvalidInputException("proposalId", "Choose a proposal of the working group it feeds"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @EventSourcingHandler
    void on(ActionAgreed event) {
        commitmentId = event.actionId();
        retreatId = event.retreatId();
        ownerId = event.ownerId();
        retreatEndsOn = event.retreatEndsOn();
    }

    @EventSourcingHandler
    void on(PledgeMade event) {
        commitmentId = event.pledgeId();
        retreatId = event.retreatId();
        ownerId = event.memberId();
        organisationId = event.organisationId();
        retreatEndsOn = event.retreatEndsOn();
        pledge = true;
    }

    @EventSourcingHandler
    void on(PledgeFulfilledByAdoption event) {
        progress = CommitmentProgress.DONE;
    }

    @EventSourcingHandler
    void on(CheckInDue event) {
        lastCheckIn = event.daysAfterRetreat();
    }

    @EventSourcingHandler
    void on(ProgressRecorded event) {
        progress = event.progress();
    }

    /** Done or dropped: its story is over. */
    public static class CommitmentSettledException extends RuleBrokenException {
        CommitmentSettledException(CommitmentProgress progress) {
            super("This has already been recorded as " + (progress == CommitmentProgress.DONE ? "done" : "dropped")
                    + ", so its progress can no longer change");
        }
    }
}
