package org.collaborative.projections.practice;

import java.util.ArrayList;
import java.util.List;
import org.collaborative.events.practice.AdoptionStageRecorded;
import org.collaborative.events.practice.OutcomeReported;
import org.collaborative.events.practice.OutcomeVerified;
import org.collaborative.projections.infrastructure.DeclaredProjector;
import org.collaborative.projections.infrastructure.EventHandlers;
import org.collaborative.views.practice.AdoptionView;
import org.collaborative.views.practice.AdoptionView.Move;
import org.collaborative.views.practice.AdoptionView.Outcome;
import org.springframework.stereotype.Component;

/**
 * Every organisation's adoption of every practice: its moves in the order they happened, its current stage, and its
 * outcomes, claimed or verified. Idempotent by the adoption's sequence number (the runner's {@code applied}).
 */
@Component
public class AdoptionsProjector extends DeclaredProjector<AdoptionView> {

    public static final String NAME = AdoptionView.COLLECTION;

    public AdoptionsProjector() {
        super(NAME, AdoptionView.class, HANDLERS);
    }

    private static final EventHandlers<AdoptionView> HANDLERS = new EventHandlers<AdoptionView>()
            .onAggregate(AdoptionStageRecorded.class, (v, e, envelope) -> {
                List<Move> moves = new ArrayList<>(v.moves());
                moves.add(new Move(
                        e.stage().name(),
                        e.happenedOn(),
                        e.variant(),
                        e.setback() == null ? null : e.setback().name(),
                        e.setbackDetail(),
                        e.recordedBy(),
                        e.recordedAt()));
                return v.moved(
                        e.practiceId(), e.organisationId(), e.stage().name(), e.happenedOn(), e.variant(), moves);
            })
            .onAggregate(OutcomeReported.class, (v, e, envelope) -> {
                if (v.outcomes().stream().anyMatch(o -> o.outcomeId().equals(e.outcomeId()))) {
                    return v;
                }
                List<Outcome> outcomes = new ArrayList<>(v.outcomes());
                outcomes.add(new Outcome(
                        e.outcomeId(),
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
                        e.reportedAt(),
                        null,
                        null,
                        null));
                return v.withOutcomes(e.practiceId(), e.organisationId(), outcomes);
            })
            .onAggregate(
                    OutcomeVerified.class,
                    (v, e, envelope) -> v.withOutcomes(
                            e.practiceId(),
                            e.organisationId(),
                            v.outcomes().stream()
                                    .map(o -> o.outcomeId().equals(e.outcomeId())
                                            ? new Outcome(
                                                    o.outcomeId(),
                                                    o.kind(),
                                                    o.amountPence(),
                                                    o.recurrence(),
                                                    o.periodStart(),
                                                    o.periodEnd(),
                                                    o.measureName(),
                                                    o.before(),
                                                    o.after(),
                                                    o.unit(),
                                                    o.source(),
                                                    o.evidenceLevel(),
                                                    o.reportedBy(),
                                                    o.reportedAt(),
                                                    e.verifiedBy(),
                                                    e.verifiedOn(),
                                                    e.recordedAt())
                                            : o)
                                    .toList()));

    @Override
    public AdoptionView empty(String id) {
        return AdoptionView.empty(id);
    }
}
