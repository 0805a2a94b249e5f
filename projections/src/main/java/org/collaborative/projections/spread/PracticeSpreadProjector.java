package org.collaborative.projections.spread;

import java.util.ArrayList;
import java.util.List;
import org.collaborative.events.practice.AdoptionStageRecorded;
import org.collaborative.events.practice.OutcomeReported;
import org.collaborative.events.practice.OutcomeVerified;
import org.collaborative.events.practice.PracticeRecorded;
import org.collaborative.events.practice.PracticeRevised;
import org.collaborative.projections.infrastructure.DeclaredProjector;
import org.collaborative.projections.infrastructure.EventHandlers;
import org.collaborative.views.spread.PracticeSpread;
import org.collaborative.views.spread.PracticeSpread.Move;
import org.collaborative.views.spread.PracticeSpread.Outcome;
import org.springframework.stereotype.Component;

/**
 * Keeps each practice's history of adoption moves and outcomes ({@value PracticeSpread#COLLECTION}), one document
 * per practice. It only appends what was recorded: every figure (the S-curve, the map, the ledger) is computed from
 * the history when it is read, for the day asked about (docs/adr/0019). A redelivered event changes nothing (the
 * runner keeps each aggregate's last sequence in {@code applied}; a move or outcome already held is not added twice).
 * A practice's own events and its adoptions' travel on different partitions, so a move may arrive before its
 * practice: the document is then started without a name, which {@code PracticeRecorded} fills in.
 */
@Component
public class PracticeSpreadProjector extends DeclaredProjector<PracticeSpread> {

    /**
     * Adoptions are separate aggregates on different partitions: the order their events arrive in differs between a
     * live run and a rebuild, so the document keeps its own order — when it happened, when recorded, whose. Within one
     * adoption the sort is stable: its moves stay in the order it recorded them (one partition, the same in both).
     */
    static final java.util.Comparator<Move> MOVE_ORDER = java.util.Comparator.comparing(Move::happenedOn)
            .thenComparing(Move::recordedAt)
            .thenComparing(Move::adoptionId);

    static final java.util.Comparator<Outcome> OUTCOME_ORDER =
            java.util.Comparator.comparing(Outcome::reportedAt).thenComparing(Outcome::outcomeId);

    public static final String NAME = PracticeSpread.COLLECTION;

    public PracticeSpreadProjector() {
        super(NAME, PracticeSpread.class, HANDLERS);
    }

    private static final EventHandlers<PracticeSpread> HANDLERS = new EventHandlers<PracticeSpread>()
            .on(
                    PracticeRecorded.class,
                    PracticeRecorded::practiceId,
                    (view, e, envelope) -> view.described(
                            e.name(),
                            e.themeId(),
                            e.originatingOrganisationId(),
                            e.fromProposalId(),
                            e.recordedAt(),
                            e.firstTriedOn()))
            .on(PracticeRevised.class, PracticeRevised::practiceId, (view, e, envelope) -> view.renamed(e.name()))
            .on(AdoptionStageRecorded.class, AdoptionStageRecorded::practiceId, (view, e, envelope) -> {
                Move move = new Move(
                        e.adoptionId(),
                        e.organisationId(),
                        e.stage().name(),
                        e.happenedOn(),
                        e.variant(),
                        e.setback() == null ? null : e.setback().name(),
                        e.setbackDetail(),
                        e.recordedBy(),
                        stored(e.recordedAt()));
                if (view.moves().contains(move)) {
                    return view;
                }
                List<Move> moves = new ArrayList<>(view.moves());
                moves.add(move);
                moves.sort(MOVE_ORDER);
                return view.withMoves(List.copyOf(moves));
            })
            .on(OutcomeReported.class, OutcomeReported::practiceId, (view, e, envelope) -> {
                if (view.outcomes().stream().anyMatch(o -> o.outcomeId().equals(e.outcomeId()))) {
                    return view;
                }
                List<Outcome> outcomes = new ArrayList<>(view.outcomes());
                outcomes.add(new Outcome(
                        e.outcomeId(),
                        e.adoptionId(),
                        e.organisationId(),
                        e.kind().name(),
                        e.amountPence(),
                        e.recurrence() == null ? null : e.recurrence().name(),
                        e.periodStart(),
                        e.periodEnd(),
                        e.measureName(),
                        e.before(),
                        e.after(),
                        e.unit(),
                        e.source(),
                        e.evidenceLevel(),
                        e.reportedBy(),
                        stored(e.reportedAt()),
                        null,
                        null));
                outcomes.sort(OUTCOME_ORDER);
                return view.withOutcomes(List.copyOf(outcomes));
            })
            .on(OutcomeVerified.class, OutcomeVerified::practiceId, (view, e, envelope) -> {
                // Reported and verified come from the same adoption, in order: a verification of an outcome the view
                // does not hold is an error to retry and dead-letter, never one to drop.
                if (view.outcomes().stream().noneMatch(o -> o.outcomeId().equals(e.outcomeId()))) {
                    throw new IllegalStateException("Outcome " + e.outcomeId() + " of practice " + e.practiceId()
                            + " was verified before it" + " was reported");
                }
                return view.withOutcomes(view.outcomes().stream()
                        .map(o -> o.outcomeId().equals(e.outcomeId()) ? o.verified(e.verifiedBy(), e.verifiedOn()) : o)
                        .toList());
            });

    /**
     * An instant as MongoDB keeps it (milliseconds): a move already stored and one just arrived must compare alike, or
     * the order would depend on which of them went through a save — that is, on how the events were batched.
     */
    private static java.time.Instant stored(java.time.Instant at) {
        return at == null ? null : at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    @Override
    public PracticeSpread empty(String id) {
        return PracticeSpread.empty(id);
    }
}
