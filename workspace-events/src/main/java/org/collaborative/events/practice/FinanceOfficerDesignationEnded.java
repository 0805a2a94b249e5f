package org.collaborative.events.practice;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An administrator ended a member's designation as a finance officer. */
@Revision("1")
public record FinanceOfficerDesignationEnded(String memberId, String organisationId, String endedBy, Instant endedAt) {}
