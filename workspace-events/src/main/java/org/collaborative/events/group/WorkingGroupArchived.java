package org.collaborative.events.group;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A facilitator of the group (or an administrator) archived it, saying why: it becomes read-only (no one joins, is
 * invited or posts in it) and stays readable by whoever could see it, until an administrator reopens it.
 */
@Revision("1")
public record WorkingGroupArchived(String groupId, String reason, String archivedBy, Instant archivedAt) {}
