package org.collaborative.projections.commitment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.collaborative.events.retreat.ActionAgreed;
import org.collaborative.events.retreat.CheckInDue;
import org.collaborative.events.retreat.PledgeFulfilledByAdoption;
import org.collaborative.events.retreat.PledgeMade;
import org.collaborative.events.retreat.ProgressRecorded;
import org.collaborative.projections.infrastructure.DeclaredProjector;
import org.collaborative.projections.infrastructure.EventHandlers;
import org.collaborative.views.commitment.CommitmentView;
import org.collaborative.views.commitment.CommitmentView.CheckIn;
import org.collaborative.views.commitment.CommitmentView.Fulfilment;
import org.springframework.stereotype.Component;

/**
 * The {@code commitments} view: every action and pledge from a retreat, its progress and its check-ins, and the day
 * its next check-in falls due, which the workspace's check-in scheduler looks for, and for a pledge fulfilled by an
 * adoption move, which move (docs/adr/0022).
 */
@Component
public class CommitmentsProjector extends DeclaredProjector<CommitmentView> {

    public static final String NAME = CommitmentView.COLLECTION;

    public CommitmentsProjector() {
        super(NAME, CommitmentView.class, HANDLERS);
    }

    private static final EventHandlers<CommitmentView> HANDLERS = new EventHandlers<CommitmentView>()
            .onAggregate(
                    ActionAgreed.class,
                    (view, agreed, envelope) -> scheduled(view.agreed(
                            CommitmentView.ACTION,
                            agreed.retreatId(),
                            agreed.sessionId(),
                            agreed.fromCardId(),
                            agreed.fromClusterId(),
                            agreed.title(),
                            agreed.ownerId(),
                            agreed.organisationId(),
                            agreed.dueOn(),
                            agreed.groupId(),
                            agreed.proposalId(),
                            agreed.retreatEndsOn(),
                            agreed.by(),
                            agreed.at())))
            .onAggregate(
                    PledgeMade.class,
                    (view, pledged, envelope) -> scheduled(view.agreed(
                            CommitmentView.PLEDGE,
                            pledged.retreatId(),
                            pledged.sessionId(),
                            pledged.fromCardId(),
                            pledged.fromClusterId(),
                            pledged.text(),
                            pledged.memberId(),
                            pledged.organisationId(),
                            pledged.byDate(),
                            pledged.groupId(),
                            pledged.proposalId(),
                            pledged.retreatEndsOn(),
                            pledged.memberId(),
                            pledged.at())))
            .onAggregate(CheckInDue.class, (view, due, envelope) -> {
                List<CheckIn> checkIns = new ArrayList<>(view.checkIns());
                checkIns.removeIf(c -> c.days() == due.daysAfterRetreat());
                checkIns.add(new CheckIn(due.daysAfterRetreat(), due.at(), null));
                checkIns.sort(java.util.Comparator.comparingInt(CheckIn::days));
                return scheduled(view.withProgress(
                        checkIns, view.progress(), view.progressReason(), view.progressBy(), view.progressAt()));
            })
            .onAggregate(
                    ProgressRecorded.class,
                    (view, recorded, envelope) -> scheduled(view.withProgress(
                            answered(view.checkIns(), recorded.at()),
                            recorded.progress().name(),
                            recorded.reason(),
                            recorded.by(),
                            recorded.at())))
            // A pledge fulfilled by an adoption move is done, and says which move did it.
            .onAggregate(PledgeFulfilledByAdoption.class, (view, fulfilled, envelope) -> {
                CommitmentView done = view.withProgress(
                        answered(view.checkIns(), fulfilled.at()), "DONE", null, fulfilled.by(), fulfilled.at());
                return scheduled(done.withFulfilment(
                        new Fulfilment(fulfilled.practiceId(), fulfilled.stage().name(), fulfilled.happenedOn())));
            });

    /** The check-ins raised by {@code at}, answered then. */
    private static List<CheckIn> answered(List<CheckIn> checkIns, Instant at) {
        return checkIns.stream()
                .map(c -> c.waiting() && !c.dueAt().isAfter(at) ? new CheckIn(c.days(), c.dueAt(), at) : c)
                .toList();
    }

    @Override
    public CommitmentView empty(String id) {
        return new CommitmentView(
                id, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, List.of(), null, null, Map.of(), null);
    }

    /**
     * The view with the day its next check-in falls due: the retreat's last day plus the next stage's days, or none
     * when it is settled, all stages are raised, or the commitment's first event has not arrived yet.
     */
    static CommitmentView scheduled(CommitmentView view) {
        Integer next = CommitmentView.stageAfter(view.lastCheckInDays());
        LocalDate on = view.retreatEndsOn() == null || view.settled() || next == null
                ? null
                : view.retreatEndsOn().plusDays(next);
        return view.withNextCheckInOn(on);
    }
}
