package org.collaborative.events.moderation;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A member who can see an item reported it to the facilitators of its group, with a reason. Applied by the item's own
 * aggregate (a question, a piece of evidence, a proposal or a comment).
 *
 * @param itemType {@code question}, {@code evidence}, {@code proposal} or {@code comment}
 * @param parentItemId for a comment, the item it is on; otherwise null
 * @param reportId chosen with the report form, so that posting it twice records one report
 */
@Revision("1")
public record ItemReported(
        String itemId,
        String itemType,
        String parentItemId,
        String groupId,
        String reportId,
        String reason,
        String reportedBy,
        String reportedByOrganisationId,
        Instant reportedAt) {}
