package org.collaborative.events.member;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An administrator, or an administrator of the person's organisation, approved a registration that was waiting: the
 * person can sign in now.
 */
@Revision("1")
public record RegistrationApproved(String memberId, String organisationId, String approvedBy, Instant approvedAt) {}
