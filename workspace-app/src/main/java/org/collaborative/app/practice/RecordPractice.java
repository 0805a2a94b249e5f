package org.collaborative.app.practice;

import java.time.Instant;
import java.time.LocalDate;
import org.collaborative.app.Actor;

/**
 * Records a practice: from a proposal decided "taken forward" ({@code fromProposalId}; its id is then
 * {@link Practice#idFromProposal}) or directly by a facilitator. {@code firstTriedOn} (optional: the day it is recorded)
 * is when the originating organisation first tried it; no adoption move is dated before it.
 */
public record RecordPractice(
        String practiceId,
        String name,
        String summary,
        String themeId,
        String originatingOrganisationId,
        String fromProposalId,
        LocalDate firstTriedOn,
        Actor actor,
        Instant at) {}
