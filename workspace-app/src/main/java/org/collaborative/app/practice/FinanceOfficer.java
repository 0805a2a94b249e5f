package org.collaborative.app.practice;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.collaborative.app.InvalidInputException;
import org.collaborative.app.RuleBrokenException;
import org.collaborative.events.member.MemberRole;
import org.collaborative.events.practice.FinanceOfficerDesignated;
import org.collaborative.events.practice.FinanceOfficerDesignationEnded;

/**
 * A member's designation as a finance officer of their organisation, who may verify the outcomes its adoptions report.
 * Administrators designate and end designations; it is a flag beside the member's role, not a role of its own, because
 * a finance officer is also a service leader or a chief executive (ADR 18). Its id is {@link #idFor} the member.
 */
@Aggregate
public class FinanceOfficer {

    @AggregateIdentifier
    private String designationId;

    private String memberId;
    private String organisationId;

    protected FinanceOfficer() {}

    public static String idFor(String memberId) {
        return "finance-officer:" + memberId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(DesignateFinanceOfficer command) {
        requireAdministrator(command.actor().role());
        if (command.memberId() == null || command.organisationId() == null) {
            throw new InvalidInputException("memberId", "Choose a member");
        }
        designationId = command.designationId();
        if (command.organisationId().equals(organisationId)) {
            return;
        }
        if (organisationId != null) {
            apply(new FinanceOfficerDesignationEnded(
                    memberId, organisationId, command.actor().memberId(), command.at()));
        }
        apply(new FinanceOfficerDesignated(
                command.memberId(), command.organisationId(), command.actor().memberId(), command.at()));
    }

    @CommandHandler
    void handle(EndFinanceOfficerDesignation command) {
        requireAdministrator(command.actor().role());
        if (organisationId != null) {
            apply(new FinanceOfficerDesignationEnded(
                    memberId, organisationId, command.actor().memberId(), command.at()));
        }
    }

    private static void requireAdministrator(MemberRole role) {
        if (role != MemberRole.ADMINISTRATOR) {
            throw new RuleBrokenException("Only an administrator can designate finance officers");
        }
    }

    @EventSourcingHandler
    void on(FinanceOfficerDesignated event) {
        designationId = idFor(event.memberId());
        memberId = event.memberId();
        organisationId = event.organisationId();
    }

    @EventSourcingHandler
    void on(FinanceOfficerDesignationEnded event) {
        organisationId = null;
    }
}
