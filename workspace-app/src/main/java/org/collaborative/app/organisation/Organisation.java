package org.collaborative.app.organisation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.collaborative.app.DomainRules;
import org.collaborative.events.organisation.OrganisationRegistered;

/** A council, the GLA, London Councils or a partner: every person and every action belongs to one. */
@Aggregate
public class Organisation {

    @AggregateIdentifier
    private String organisationId;

    protected Organisation() {}

    @CommandHandler
    public Organisation(RegisterOrganisation command) {
        DomainRules.requireText("organisation name", command.name(), 200);
        apply(new OrganisationRegistered(
                command.organisationId(),
                command.name().strip(),
                command.kind(),
                command.onsCode(),
                command.londonZone(),
                command.gridRow(),
                command.gridColumn(),
                command.at()));
    }

    @EventSourcingHandler
    void on(OrganisationRegistered event) {
        organisationId = event.organisationId();
    }
}
