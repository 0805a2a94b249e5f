package org.collaborative.events.moderation;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A facilitator of the item's group (or an administrator) looked at the open reports of an item or comment and left it
 * shown, with a reason: the reports are closed, the item is not hidden. Applied by the item's own aggregate.
 *
 * @param itemType {@code question}, {@code evidence}, {@code proposal} or {@code comment}
 * @param parentItemId for a comment, the item it is on; otherwise null
 */
@Revision("1")
public record ReportsDismissed(
        String itemId,
        String itemType,
        String parentItemId,
        String groupId,
        String reason,
        String dismissedBy,
        Instant dismissedAt) {}
