package org.collaborative.events.group;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A member left a working group; what they posted stays. */
@Revision("1")
public record MemberLeftGroup(String groupId, String memberId, Instant leftAt) {}
