package org.collaborative.events.group;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A facilitator of the group (or an administrator) gave it a new name or purpose; the new values replace the old
 * wherever the group is named (its page, theme pages, search, digests).
 */
@Revision("1")
public record WorkingGroupRenamed(String groupId, String name, String purpose, String renamedBy, Instant renamedAt) {}
