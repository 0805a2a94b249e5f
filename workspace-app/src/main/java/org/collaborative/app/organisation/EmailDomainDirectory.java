package org.collaborative.app.organisation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.collaborative.events.organisation.RegistrationApproval;

/**
 * Which organisation each email domain belongs to ({@code OrganisationEmailDomainsSet}), for the commands that need
 * it: the {@link Organisation} aggregate (a domain belongs to one organisation at most) and self-registration (which
 * organisation someone joins, and whether they wait for approval).
 */
public interface EmailDomainDirectory {

    /** A domain of an organisation, with the organisation's approval policy. */
    record EmailDomain(String domain, String organisationId, RegistrationApproval approval) {}

    Optional<EmailDomain> find(String domain);

    /** Every organisation's domains, by organisation then domain. */
    List<EmailDomain> all();

    /** The domain of an email address (after its last {@code @}, in lower case), or empty when it has none. */
    static String domainOf(String email) {
        if (email == null) {
            return "";
        }
        int at = email.strip().lastIndexOf('@');
        return at < 0 ? "" : email.strip().substring(at + 1).toLowerCase(Locale.ROOT);
    }

    /** The organisation domain of an email address, if a participating organisation uses it. */
    default Optional<EmailDomain> forEmail(String email) {
        String domain = domainOf(email);
        return domain.isEmpty() ? Optional.empty() : find(domain);
    }
}
