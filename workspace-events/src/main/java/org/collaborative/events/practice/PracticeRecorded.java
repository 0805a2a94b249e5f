package org.collaborative.events.practice;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A practice was recorded: a way of working some organisation has tried, from a proposal decided "taken forward"
 * ({@code fromProposalId}) or directly by a facilitator ({@code fromProposalId} null). {@code firstTriedOn} is the day
 * the originating organisation first tried it: no adoption move may be dated before it (ADR 18).
 */
@Revision("1")
public record PracticeRecorded(
        String practiceId,
        String name,
        String summary,
        String themeId,
        String originatingOrganisationId,
        String fromProposalId,
        String recordedBy,
        Instant recordedAt,
        LocalDate firstTriedOn) {}
