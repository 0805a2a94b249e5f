package org.collaborative.app.practice;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.kernel.Actor;

public record EndFinanceOfficerDesignation(
        @TargetAggregateIdentifier String designationId, Actor actor, Instant at) {

    public static EndFinanceOfficerDesignation of(String memberId, Actor actor, Instant at) {
        return new EndFinanceOfficerDesignation(FinanceOfficer.idFor(memberId), actor, at);
    }
}
