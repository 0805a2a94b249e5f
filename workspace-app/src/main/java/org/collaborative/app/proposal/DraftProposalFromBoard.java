package org.collaborative.app.proposal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.kernel.Actor;
import org.collaborative.events.proposal.ProposalForm;

/**
 * A retreat's facilitator drafts a proposal, on behalf of a session, from a cluster (or a single card) of its live
 * board. The proposal's id is {@link #idFor made from the board and the cluster or card}, so a cluster becomes one
 * proposal however often the form is sent.
 *
 * @param clusterId the cluster, or null when drafting from a single card
 * @param cardId the card, or null when drafting from a cluster
 */
public record DraftProposalFromBoard(
        @TargetAggregateIdentifier String proposalId,
        String sessionId,
        String clusterId,
        String cardId,
        String groupId,
        String title,
        String summary,
        ProposalForm form,
        Actor actor,
        Instant at) {

    /** The id of the proposal drafted from this cluster or card of this session's board: always the same. */
    public static String idFor(String sessionId, String partId) {
        return UUID.nameUUIDFromBytes(
                        ("proposal-from-board:" + sessionId + ":" + partId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
