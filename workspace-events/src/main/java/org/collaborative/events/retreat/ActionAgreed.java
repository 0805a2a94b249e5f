package org.collaborative.events.retreat;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A facilitator agreed an action at a retreat: who owns it (a member, and their organisation), when it is due and the
 * working group it feeds, with the proposal it feeds where there is one. It may come from a card or a cluster of a
 * session's board, or be written directly. Check-ins follow 30, 90 and 180 days after {@code retreatEndsOn}.
 *
 * @param sessionId the session it came out of; null when agreed for the retreat as a whole
 * @param fromCardId the board card it was made from, or null
 * @param fromClusterId the board cluster it was made from, or null
 * @param proposalId the proposal it feeds, or null
 * @param retreatEndsOn the retreat's last day in London, from which check-ins are counted (added to the shared
 *     contract: the commitment keeps its own calendar, so no check-in needs a lookup)
 */
@Revision("1")
public record ActionAgreed(
        String retreatId,
        String actionId,
        String sessionId,
        String fromCardId,
        String fromClusterId,
        String title,
        String ownerId,
        String organisationId,
        LocalDate dueOn,
        String groupId,
        String proposalId,
        LocalDate retreatEndsOn,
        String by,
        Instant at) {}
