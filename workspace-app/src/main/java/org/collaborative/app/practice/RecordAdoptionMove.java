package org.collaborative.app.practice;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.kernel.Actor;
import org.collaborative.events.practice.AdoptionSetback;
import org.collaborative.events.practice.AdoptionStage;

/**
 * Moves an organisation's adoption of a practice to a stage, on the day it happened. The adoption's id is
 * {@link #adoptionIdFor}(practice, organisation); the first move creates it.
 */
public record RecordAdoptionMove(
        @TargetAggregateIdentifier String adoptionId,
        String practiceId,
        String organisationId,
        AdoptionStage stage,
        LocalDate happenedOn,
        String variant,
        AdoptionSetback setback,
        String setbackDetail,
        Actor actor,
        Instant at) {

    public RecordAdoptionMove(
            String practiceId,
            String organisationId,
            AdoptionStage stage,
            LocalDate happenedOn,
            String variant,
            AdoptionSetback setback,
            String setbackDetail,
            Actor actor,
            Instant at) {
        this(
                adoptionIdFor(practiceId, organisationId),
                practiceId,
                organisationId,
                stage,
                happenedOn,
                variant,
                setback,
                setbackDetail,
                actor,
                at);
    }

    /** The id of an organisation's adoption of a practice. */
    public static String adoptionIdFor(String practiceId, String organisationId) {
        return practiceId + ":" + organisationId;
    }
}
