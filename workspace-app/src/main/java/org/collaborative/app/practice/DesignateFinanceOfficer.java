package org.collaborative.app.practice;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.kernel.Actor;

/** An administrator makes a member a finance officer of their organisation (id {@link FinanceOfficer#idFor}). */
public record DesignateFinanceOfficer(
        @TargetAggregateIdentifier String designationId,
        String memberId,
        String organisationId,
        Actor actor,
        Instant at) {

    public DesignateFinanceOfficer(String memberId, String organisationId, Actor actor, Instant at) {
        this(FinanceOfficer.idFor(memberId), memberId, organisationId, actor, at);
    }
}
