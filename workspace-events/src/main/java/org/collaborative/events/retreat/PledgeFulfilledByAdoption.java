package org.collaborative.events.retreat;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.collaborative.events.practice.AdoptionStage;

/**
 * A pledge was fulfilled by its organisation's move along the adoption of a practice ("Camden will pilot X by March",
 * then Camden's move to piloting X): the pledge is done, and it says which move did it. Recorded with the move, or later
 * from the pledge's page (docs/adr/0022).
 *
 * @param practiceId the practice whose adoption moved
 * @param organisationId the pledge's organisation, whose adoption it is
 * @param stage the stage the adoption moved to
 * @param happenedOn the day that move happened
 * @param by the member who recorded the fulfilment
 */
@Revision("1")
public record PledgeFulfilledByAdoption(
        String retreatId,
        String pledgeId,
        String practiceId,
        String organisationId,
        AdoptionStage stage,
        LocalDate happenedOn,
        String by,
        Instant at) {}
