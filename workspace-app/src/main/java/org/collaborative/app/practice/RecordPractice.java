package org.collaborative.app.practice;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.collaborative.app.kernel.Actor;

/**
 * Records a practice: from a proposal decided "taken forward" ({@code fromProposalId}; its id is then
 * {@link #idFromProposal}) or directly by a facilitator. {@code firstTriedOn} (optional: the day it is recorded)
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
        Instant at) {

    /** The id of the practice recorded from a proposal: the same every time, so a proposal becomes one practice. */
    public static String idFromProposal(String proposalId) {
        return UUID.nameUUIDFromBytes(("practice-from-proposal:" + proposalId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
