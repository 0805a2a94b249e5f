package org.collaborative.app.organisation;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.kernel.Actor;
import org.collaborative.events.organisation.RegistrationApproval;

/** An administrator sets all the email domains of an organisation and how registrations from them are approved. */
public record SetOrganisationEmailDomains(
        @TargetAggregateIdentifier String organisationId,
        List<String> domains,
        RegistrationApproval approval,
        Actor actor,
        Instant at) {}
