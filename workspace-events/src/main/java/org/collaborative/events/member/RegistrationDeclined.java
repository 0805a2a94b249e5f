package org.collaborative.events.member;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A registration that was waiting was declined. {@link MemberErased} follows at once (reason
 * {@link ErasureReason#REGISTRATION_DECLINED}): the person never joined, so nothing of their details is kept. The
 * reason given is emailed to them and kept nowhere.
 */
@Revision("1")
public record RegistrationDeclined(String memberId, String organisationId, String declinedBy, Instant declinedAt) {}
