package org.collaborative.events.proposal;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The proposal just drafted ({@link ProposalDrafted}, the event before it on the proposal's stream) was made by a
 * retreat's facilitator, on behalf of a session, from a cluster (or a single card) of that session's live board. It
 * links the proposal back to where it came from: retreat, session (the board's id), cluster or card.
 *
 * @param clusterId the cluster it was made from, or null when it was made from a single card
 * @param cardId the card it was made from, or null when it was made from a cluster
 * @param groupId the working group the proposal was drafted in (as in {@link ProposalDrafted})
 */
@Revision("1")
public record ProposalDraftedFromBoard(
        String proposalId,
        String retreatId,
        String sessionId,
        String clusterId,
        String cardId,
        String groupId,
        String draftedBy,
        Instant at) {}
