package org.collaborative.events.organisation;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * An administrator set the email domains an organisation's people use (all of them: the list replaces the earlier
 * one; empty means none), and whether people registering themselves from them are approved at once. A domain belongs
 * to one organisation at most.
 *
 * @param domains lower-case domain names, like {@code camden.gov.uk}, without duplicates
 * @param approval what happens to someone who registers from one of them
 * @param setBy the member id of the administrator
 */
@Revision("1")
public record OrganisationEmailDomainsSet(
        String organisationId, List<String> domains, RegistrationApproval approval, String setBy, Instant setAt) {}
