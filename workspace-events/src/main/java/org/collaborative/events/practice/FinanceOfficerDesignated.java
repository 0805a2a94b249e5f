package org.collaborative.events.practice;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An administrator designated a member as a finance officer of their organisation: they may verify its outcomes. */
@Revision("1")
public record FinanceOfficerDesignated(
        String memberId, String organisationId, String designatedBy, Instant designatedAt) {}
