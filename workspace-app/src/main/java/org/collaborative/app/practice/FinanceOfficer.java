package org.collaborative.app.practice;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.events.member.MemberRole;
import org.collaborative.events.practice.FinanceOfficerDesignated;
import org.collaborative.events.practice.FinanceOfficerDesignationEnded;

/**
 * A member's designation as a finance officer of their organisation, who may verify the outcomes its adoptions report.
 * Administrators designate and end designations for any organisation, an organisation administrator for the people of
 * their own organisation only (ADR 18); it is a flag beside the member's role, not a role of its own, because a finance
 * officer is also a service leader or a chief executive. Its id is {@link #idFor} the member.
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
        if (command.memberId() == null || command.organisationId() == null) {
            requireMayDesignate(command.actor(), null);
            throw new InvalidInputException("memberId", "Choose a member");
        }
        requireMayDesignate(command.actor(), command.organisationId());
        if (organisationId != null) {
            // Moving a designation from one organisation to another ends it there too.
            requireMayDesignate(command.actor(), organisationId);
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
        requireMayDesignate(command.actor(), organisationId);
        if (organisationId != null) {
            apply(new FinanceOfficerDesignationEnded(
                    memberId, organisationId, command.actor().memberId(), command.at()));
        }
    }

    /**
     * Administrators act for any organisation; an organisation administrator only for their own ({@code organisationId}
     * null: no organisation is concerned yet, so the role is enough).
     */
    private static void requireMayDesignate(Actor actor, String organisationId) {
        if (actor.role() == MemberRole.ADMINISTRATOR) {
            return;
        }
        if (actor.role() != MemberRole.ORGANISATION_ADMINISTRATOR) {
            throw new RuleBrokenException(
                    "Only an administrator, or an organisation administrator for their own organisation, can designate"
                            + " finance officers");
        }
        if (organisationId != null && !organisationId.equals(actor.organisationId())) {
            throw new RuleBrokenException(
                    "You can designate finance officers only among the people of your own organisation");
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
