package org.collaborative.events.moderation;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A facilitator of the item's group (or an administrator) restored a hidden item, with a reason: everyone who can see
 * the group sees it again. Applied by the item's own aggregate.
 *
 * @param itemType {@code question}, {@code evidence}, {@code proposal} or {@code comment}
 * @param parentItemId for a comment, the item it is on; otherwise null
 */
@Revision("1")
public record ItemRestored(
        String itemId,
        String itemType,
        String parentItemId,
        String groupId,
        String reason,
        String restoredBy,
        Instant restoredAt) {}
