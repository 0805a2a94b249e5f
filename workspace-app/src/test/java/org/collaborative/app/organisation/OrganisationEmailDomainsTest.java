package org.collaborative.app.organisation;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.events.member.MemberRole;
import org.collaborative.events.organisation.OrganisationEmailDomainsSet;
import org.collaborative.events.organisation.OrganisationKind;
import org.collaborative.events.organisation.OrganisationRegistered;
import org.collaborative.events.organisation.RegistrationApproval;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules on an organisation's email domains (docs/adr/0025). */
class OrganisationEmailDomainsTest {

    private static final Instant AT = Instant.parse("2026-12-07T09:00:00Z");
    private static final String CAMDEN = "E09000007";
    private static final Actor ADMIN = new Actor("admin", "london-councils", MemberRole.ADMINISTRATOR);
    private static final Actor CAMDEN_ADMIN = new Actor("ca", CAMDEN, MemberRole.ORGANISATION_ADMINISTRATOR);
    private static final RegistrationApproval WAIT = RegistrationApproval.BY_ORGANISATION_ADMINISTRATOR;

    /** The directory as the table keeps it: here, Hackney already has hackney.gov.uk. */
    static final class DomainsInMemory implements EmailDomainDirectory {
        final Map<String, EmailDomain> domains = new HashMap<>();

        @Override
        public Optional<EmailDomain> find(String domain) {
            return Optional.ofNullable(domains.get(domain));
        }

        @Override
        public List<EmailDomain> all() {
            return List.copyOf(domains.values());
        }
    }

    private final DomainsInMemory directory = new DomainsInMemory();
    private AggregateTestFixture<Organisation> fixture;

    @BeforeEach
    void setUp() {
        directory.domains.put(
                "hackney.gov.uk", new EmailDomainDirectory.EmailDomain("hackney.gov.uk", "E09000012", WAIT));
        directory.domains.put("camden.gov.uk", new EmailDomainDirectory.EmailDomain("camden.gov.uk", CAMDEN, WAIT));
        fixture = new AggregateTestFixture<>(Organisation.class);
        fixture.registerInjectableResource(directory);
    }

    private static OrganisationRegistered camden() {
        return new OrganisationRegistered(
                CAMDEN, "Camden", OrganisationKind.LOCAL_AUTHORITY, CAMDEN, "inner", 2, 5, AT);
    }

    private static SetOrganisationEmailDomains set(Actor actor, List<String> domains, RegistrationApproval approval) {
        return new SetOrganisationEmailDomains(CAMDEN, domains, approval, actor, AT);
    }

    @Test
    void anAdministratorSetsTheDomainsDroppingBlanksAndDuplicates() {
        fixture.given(camden())
                .when(set(ADMIN, List.of(" camden.gov.uk ", "", "camden.example", "camden.gov.uk"), WAIT))
                .expectEvents(new OrganisationEmailDomainsSet(
                        CAMDEN, List.of("camden.gov.uk", "camden.example"), WAIT, "admin", AT));
    }

    @Test
    void settingWhatIsAlreadySetRecordsNothingButChangingTheApprovalDoes() {
        OrganisationEmailDomainsSet set =
                new OrganisationEmailDomainsSet(CAMDEN, List.of("camden.gov.uk"), WAIT, "admin", AT);
        fixture.given(camden(), set)
                .when(set(ADMIN, List.of("camden.gov.uk"), WAIT))
                .expectNoEvents();
        fixture.given(camden(), set)
                .when(set(ADMIN, List.of("camden.gov.uk"), RegistrationApproval.AT_ONCE))
                .expectEvents(new OrganisationEmailDomainsSet(
                        CAMDEN, List.of("camden.gov.uk"), RegistrationApproval.AT_ONCE, "admin", AT));
    }

    @Test
    void noDomainsStopsSelfRegistration() {
        fixture.given(camden(), new OrganisationEmailDomainsSet(CAMDEN, List.of("camden.gov.uk"), WAIT, "admin", AT))
                .when(set(ADMIN, List.of(), WAIT))
                .expectEvents(new OrganisationEmailDomainsSet(CAMDEN, List.of(), WAIT, "admin", AT));
    }

    @Test
    void aDomainOfAnotherOrganisationIsRefused() {
        fixture.given(camden())
                .when(set(ADMIN, List.of("camden.gov.uk", "hackney.gov.uk"), WAIT))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("hackney.gov.uk is already the email domain of another organisation");
    }

    @Test
    void domainsMustBeWellFormedAndInLowerCase() {
        fixture.given(camden())
                .when(set(ADMIN, List.of("Camden.gov.uk"), WAIT))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Enter Camden.gov.uk in lower case, like camden.gov.uk");
        fixture.given(camden())
                .when(set(ADMIN, List.of("@camden.gov.uk"), WAIT))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Enter @camden.gov.uk without the @, like camden.gov.uk");
        for (String bad : List.of("camden", "camden..gov.uk", "-camden.gov.uk", "camden.gov.uk.", "cam den.gov.uk")) {
            fixture.given(camden())
                    .when(set(ADMIN, List.of(bad), WAIT))
                    .expectException(InvalidInputException.class)
                    .expectExceptionMessage("Enter " + bad + " as a domain name, like camden.gov.uk");
        }
    }

    @Test
    void onlyAnAdministratorSetsThemAndMustChooseTheApproval() {
        fixture.given(camden())
                .when(set(CAMDEN_ADMIN, List.of("camden.gov.uk"), WAIT))
                .expectException(RuleBrokenException.class)
                .expectExceptionMessage("Only an administrator can set an organisation's email domains");
        fixture.given(camden())
                .when(set(ADMIN, List.of("camden.gov.uk"), null))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Choose how people who register themselves are approved");
    }
}
