package org.collaborative.events.member;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A pending invitation was sent again, with a new link; the earlier links no longer work. */
@Revision("1")
public record InvitationResent(String memberId, String resentBy, Instant resentAt) {}
