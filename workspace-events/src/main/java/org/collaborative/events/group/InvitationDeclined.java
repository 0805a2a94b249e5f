package org.collaborative.events.group;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An invited member said no to the invitation. */
@Revision("1")
public record InvitationDeclined(String groupId, String memberId, Instant declinedAt) {}
