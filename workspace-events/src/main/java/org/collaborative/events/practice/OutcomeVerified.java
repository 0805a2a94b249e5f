package org.collaborative.events.practice;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A finance officer of the adopting organisation verified a reported outcome ({@code verifiedBy} is their member id). */
@Revision("1")
public record OutcomeVerified(
        String adoptionId,
        String outcomeId,
        String practiceId,
        String organisationId,
        String verifiedBy,
        LocalDate verifiedOn,
        Instant recordedAt) {}
