package org.collaborative.app.organisation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.DomainRules;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.events.member.MemberRole;
import org.collaborative.events.organisation.OrganisationEmailDomainsSet;
import org.collaborative.events.organisation.OrganisationRegistered;
import org.collaborative.events.organisation.RegistrationApproval;

/** A council, the GLA, London Councils or a partner: every person and every action belongs to one. */
@Aggregate
public class Organisation {

    /** At most this many email domains per organisation. */
    public static final int MAX_DOMAINS = 20;

    /** A domain name as DNS allows it, in lower case: labels of letters, digits and inner hyphens, then a TLD. */
    private static final Pattern DOMAIN =
            Pattern.compile("^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$");

    @AggregateIdentifier
    private String organisationId;

    private List<String> domains = List.of();
    private RegistrationApproval approval;

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

    /**
     * Sets the organisation's email domains (all of them) and how self-registrations from them are approved. Only an
     * administrator may; each domain must be a well-formed lower-case domain name that no other organisation has
     * ({@link EmailDomainDirectory}); duplicates are dropped. Setting what is already set records nothing.
     */
    @CommandHandler
    void handle(SetOrganisationEmailDomains command, EmailDomainDirectory directory) {
        Actor actor = command.actor();
        if (actor == null || actor.role() != MemberRole.ADMINISTRATOR) {
            throw new RuleBrokenException("Only an administrator can set an organisation's email domains");
        }
        if (command.approval() == null) {
            throw new InvalidInputException("approval", "Choose how people who register themselves are approved");
        }
        LinkedHashSet<String> chosen = new LinkedHashSet<>();
        for (String given : command.domains() == null ? List.<String>of() : command.domains()) {
            String domain = given == null ? "" : given.strip();
            if (domain.isEmpty()) {
                continue;
            }
            if (domain.startsWith("@")) {
                throw new InvalidInputException(
                        "domains", "Enter " + domain + " without the @, like " + domain.substring(1));
            }
            if (!domain.equals(domain.toLowerCase(java.util.Locale.ROOT))) {
                throw new InvalidInputException(
                        "domains",
                        "Enter " + domain + " in lower case, like " + domain.toLowerCase(java.util.Locale.ROOT));
            }
            if (!DOMAIN.matcher(domain).matches()) {
                throw new InvalidInputException("domains", "Enter " + domain + " as a domain name, like camden.gov.uk");
            }
            directory
                    .find(domain)
                    .filter(owner -> !owner.organisationId().equals(organisationId))
                    .ifPresent(owner -> {
                        throw new InvalidInputException(
                                "domains", domain + " is already the email domain of another organisation");
                    });
            chosen.add(domain);
        }
        if (chosen.size() > MAX_DOMAINS) {
            throw new InvalidInputException("domains", "Enter " + MAX_DOMAINS + " email domains or fewer");
        }
        List<String> next = new ArrayList<>(chosen);
        if (next.equals(domains) && Objects.equals(command.approval(), approval)) {
            return;
        }
        apply(new OrganisationEmailDomainsSet(
                organisationId, List.copyOf(next), command.approval(), actor.memberId(), command.at()));
    }

    @EventSourcingHandler
    void on(OrganisationRegistered event) {
        organisationId = event.organisationId();
    }

    @EventSourcingHandler
    void on(OrganisationEmailDomainsSet event) {
        domains = List.copyOf(event.domains());
        approval = event.approval();
    }
}
