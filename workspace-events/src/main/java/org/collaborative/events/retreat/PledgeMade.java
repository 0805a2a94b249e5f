package org.collaborative.events.retreat;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A participant pledged, for their organisation, to do something by a date ("Camden will pilot X by March"), linked
 * to the working group it feeds and, where there is one, the proposal. Check-ins follow as for an action.
 *
 * @param sessionId the session it came out of, or null
 * @param fromCardId the board card it was made from, or null
 * @param fromClusterId the board cluster it was made from, or null
 * @param text the pledge in the participant's words (plain text)
 * @param proposalId the proposal it feeds, or null
 * @param retreatEndsOn the retreat's last day in London, from which check-ins are counted (added to the contract)
 */
@Revision("1")
public record PledgeMade(
        String retreatId,
        String pledgeId,
        String sessionId,
        String fromCardId,
        String fromClusterId,
        String text,
        String organisationId,
        String memberId,
        LocalDate byDate,
        String groupId,
        String proposalId,
        LocalDate retreatEndsOn,
        Instant at) {}
