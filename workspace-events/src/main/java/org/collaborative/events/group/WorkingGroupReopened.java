package org.collaborative.events.group;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An administrator reopened an archived group: people may join it and post in it again. */
@Revision("1")
public record WorkingGroupReopened(String groupId, String reopenedBy, Instant reopenedAt) {}
