package org.collaborative.app.member;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.app.member.Member.RegistrationNotPendingException;
import org.collaborative.app.organisation.EmailDomainDirectory;
import org.collaborative.app.personaldata.KeysInMemory;
import org.collaborative.app.personaldata.PersonalDataVault;
import org.collaborative.app.personaldata.PersonalDetails;
import org.collaborative.events.member.ErasureReason;
import org.collaborative.events.member.MemberErased;
import org.collaborative.events.member.MemberRegistered;
import org.collaborative.events.member.MemberRegisteredBySingleSignOn;
import org.collaborative.events.member.MemberRole;
import org.collaborative.events.member.MemberSelfRegistered;
import org.collaborative.events.member.RegistrationApproved;
import org.collaborative.events.member.RegistrationDeclined;
import org.collaborative.events.member.SingleSignOnProvider;
import org.collaborative.events.organisation.RegistrationApproval;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Registering oneself by council email domain or by a first single sign-on, and approving or declining it
 * (docs/adr/0025).
 */
class MemberSelfRegistrationTest {

    private static final Instant AT = Instant.parse("2026-12-07T09:00:00Z");
    private static final String CAMDEN = "E09000007";
    private static final String LEWISHAM = "E09000023";
    private static final RegistrationApproval WAIT = RegistrationApproval.BY_ORGANISATION_ADMINISTRATOR;
    private static final PersonalDetails GRACE =
            new PersonalDetails("Grace Adeyemi", "Grace.Adeyemi@Camden.gov.uk", "Housing officer");
    private static final Actor ADMIN = new Actor("admin", "london-councils", MemberRole.ADMINISTRATOR);
    private static final Actor CAMDEN_ADMIN = new Actor("ca", CAMDEN, MemberRole.ORGANISATION_ADMINISTRATOR);
    private static final Actor HACKNEY_ADMIN = new Actor("ha", "E09000012", MemberRole.ORGANISATION_ADMINISTRATOR);
    private static final Actor FACILITATOR = new Actor("fac", CAMDEN, MemberRole.FACILITATOR);

    private final PersonalDataVault vault = new PersonalDataVault(new KeysInMemory());
    private final Map<String, EmailDomainDirectory.EmailDomain> domains = Map.of(
            "camden.gov.uk",
            new EmailDomainDirectory.EmailDomain("camden.gov.uk", CAMDEN, WAIT),
            "lewisham.gov.uk",
            new EmailDomainDirectory.EmailDomain("lewisham.gov.uk", LEWISHAM, RegistrationApproval.AT_ONCE));
    private AggregateTestFixture<Member> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Member.class);
        fixture.registerInjectableResource(vault);
        fixture.registerInjectableResource(new EmailDomainDirectory() {
            @Override
            public Optional<EmailDomain> find(String domain) {
                return Optional.ofNullable(domains.get(domain));
            }

            @Override
            public List<EmailDomain> all() {
                return List.copyOf(domains.values());
            }
        });
    }

    private MemberRegistered registered() {
        return new MemberRegistered("m1", CAMDEN, MemberRole.SERVICE_LEADER, AT, vault.seal("m1", GRACE));
    }

    private static MemberSelfRegistered selfRegistered(RegistrationApproval approval) {
        return new MemberSelfRegistered("m1", CAMDEN, MemberRole.SERVICE_LEADER, approval, AT);
    }

    @Test
    void aPersonAtACouncilDomainBecomesAServiceLeaderWaitingWithTheirDetailsSealed() {
        fixture.givenNoPriorActivity()
                .when(new SelfRegisterMember("m1", GRACE, AT))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.<Object>exactSequenceOf(
                        Matchers.<Object>predicate(o -> o instanceof MemberRegistered e
                                && e.organisationId().equals(CAMDEN)
                                && e.role() == MemberRole.SERVICE_LEADER
                                && !e.personalData().contains("Grace")
                                && vault.open("m1", e.personalData())
                                        .orElseThrow()
                                        .email()
                                        .equals("grace.adeyemi@camden.gov.uk")),
                        Matchers.<Object>equalTo(selfRegistered(WAIT)),
                        Matchers.andNoMore())));
    }

    @Test
    void aCouncilThatApprovesAtOnceSaysSoInTheEvent() {
        fixture.givenNoPriorActivity()
                .when(new SelfRegisterMember("m1", new PersonalDetails("Lee Park", "lee.park@lewisham.gov.uk", ""), AT))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.<Object>exactSequenceOf(
                        Matchers.<Object>predicate(o -> o instanceof MemberRegistered),
                        Matchers.<Object>equalTo(new MemberSelfRegistered(
                                "m1", LEWISHAM, MemberRole.SERVICE_LEADER, RegistrationApproval.AT_ONCE, AT)),
                        Matchers.andNoMore())));
    }

    @Test
    void anAddressAtNoParticipatingDomainIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new SelfRegisterMember("m1", new PersonalDetails("Someone", "someone@gmail.example", ""), AT))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Your email address is not at the domain of an organisation that takes part");
    }

    @Test
    void theOrganisationsAdministratorApproves() {
        fixture.given(registered(), selfRegistered(WAIT))
                .when(new ApproveRegistration("m1", CAMDEN_ADMIN, AT))
                .expectEvents(new RegistrationApproved("m1", CAMDEN, "ca", AT));
    }

    @Test
    void anAdministratorDeclinesAndThePersonIsErased() {
        fixture.given(registered(), selfRegistered(WAIT))
                .when(new DeclineRegistration("m1", ADMIN, AT))
                .expectEvents(
                        new RegistrationDeclined("m1", CAMDEN, "admin", AT),
                        new MemberErased("m1", CAMDEN, ErasureReason.REGISTRATION_DECLINED, "", "admin", AT));
    }

    @Test
    void anotherOrganisationsAdministratorAndOtherRolesCannotDecide() {
        fixture.given(registered(), selfRegistered(WAIT))
                .when(new ApproveRegistration("m1", HACKNEY_ADMIN, AT))
                .expectException(RuleBrokenException.class)
                .expectExceptionMessage("You can only approve registrations to your own organisation");
        fixture.given(registered(), selfRegistered(WAIT))
                .when(new DeclineRegistration("m1", FACILITATOR, AT))
                .expectException(RuleBrokenException.class)
                .expectExceptionMessage(
                        "Only an administrator or an organisation administrator can approve registrations");
    }

    @Test
    void onlyAWaitingRegistrationCanBeDecidedOn() {
        fixture.given(registered(), selfRegistered(RegistrationApproval.AT_ONCE))
                .when(new ApproveRegistration("m1", ADMIN, AT))
                .expectException(RegistrationNotPendingException.class);
        fixture.given(registered(), selfRegistered(WAIT), new RegistrationApproved("m1", CAMDEN, "ca", AT))
                .when(new DeclineRegistration("m1", ADMIN, AT))
                .expectException(RegistrationNotPendingException.class);
        fixture.given(registered())
                .when(new ApproveRegistration("m1", ADMIN, AT))
                .expectException(RegistrationNotPendingException.class);
    }

    // A first single sign-on

    private static final String CAMDEN_TENANT = "9188040d-6c67-4c5b-b112-36a304b66dad";
    private static final String ENTRA_ISSUER = "https://login.microsoftonline.com/" + CAMDEN_TENANT + "/v2.0";

    private static RegisterMemberBySingleSignOn signedOn(
            String organisationId, String email, SingleSignOnProvider provider) {
        return new RegisterMemberBySingleSignOn(
                "m1",
                organisationId,
                new PersonalDetails("Grace Adeyemi", email, ""),
                provider,
                provider == SingleSignOnProvider.ENTRA ? ENTRA_ISSUER : "https://id.example",
                provider == SingleSignOnProvider.ENTRA ? CAMDEN_TENANT : "",
                AT);
    }

    @Test
    void anEntraNewcomerJoinsTheTenantsOrganisationWaitingAsItChoseWithTheirDetailsSealed() {
        fixture.givenNoPriorActivity()
                .when(signedOn(CAMDEN, "Grace.Adeyemi@Camden.gov.uk", SingleSignOnProvider.ENTRA))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.<Object>exactSequenceOf(
                        Matchers.<Object>predicate(o -> o instanceof MemberRegistered e
                                && e.organisationId().equals(CAMDEN)
                                && !e.personalData().contains("Grace")
                                && vault.open("m1", e.personalData())
                                        .orElseThrow()
                                        .email()
                                        .equals("grace.adeyemi@camden.gov.uk")),
                        Matchers.<Object>equalTo(new MemberRegisteredBySingleSignOn(
                                "m1",
                                CAMDEN,
                                MemberRole.SERVICE_LEADER,
                                WAIT,
                                SingleSignOnProvider.ENTRA,
                                ENTRA_ISSUER,
                                CAMDEN_TENANT,
                                AT)),
                        Matchers.andNoMore())));
    }

    @Test
    void anEntraNewcomerAtNoCouncilDomainJoinsTheTenantsOrganisationWhichWithNoDomainsApprovesEachOne() {
        fixture.givenNoPriorActivity()
                .when(signedOn("E09000012", "grace@hackney.onmicrosoft.example", SingleSignOnProvider.ENTRA))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.<Object>exactSequenceOf(
                        Matchers.<Object>predicate(o -> o instanceof MemberRegistered e
                                && e.organisationId().equals("E09000012")),
                        Matchers.<Object>predicate(o -> o instanceof MemberRegisteredBySingleSignOn e
                                && e.organisationId().equals("E09000012")
                                && e.approval() == WAIT),
                        Matchers.andNoMore())));
    }

    @Test
    void aTenantCannotAddAPersonAtAnotherOrganisationsDomain() {
        fixture.givenNoPriorActivity()
                .when(signedOn("E09000012", "grace.adeyemi@camden.gov.uk", SingleSignOnProvider.ENTRA))
                .expectException(RuleBrokenException.class)
                .expectExceptionMessage("The email address is at the domain of another organisation");
    }

    @Test
    void aGenericNewcomerJoinsTheOrganisationOfTheirDomainOnlyApprovedAsItChose() {
        fixture.givenNoPriorActivity()
                .when(signedOn(LEWISHAM, "lee.park@lewisham.gov.uk", SingleSignOnProvider.GENERIC))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.<Object>exactSequenceOf(
                        Matchers.<Object>predicate(o -> o instanceof MemberRegistered),
                        Matchers.<Object>equalTo(new MemberRegisteredBySingleSignOn(
                                "m1",
                                LEWISHAM,
                                MemberRole.SERVICE_LEADER,
                                RegistrationApproval.AT_ONCE,
                                SingleSignOnProvider.GENERIC,
                                "https://id.example",
                                "",
                                AT)),
                        Matchers.andNoMore())));
        fixture.givenNoPriorActivity()
                .when(signedOn(LEWISHAM, "someone@gmail.example", SingleSignOnProvider.GENERIC))
                .expectException(InvalidInputException.class);
    }

    @Test
    void aWaitingSingleSignOnNewcomerIsApprovedOrDeclinedLikeASelfRegisteredOne() {
        MemberRegisteredBySingleSignOn waiting = new MemberRegisteredBySingleSignOn(
                "m1",
                CAMDEN,
                MemberRole.SERVICE_LEADER,
                WAIT,
                SingleSignOnProvider.ENTRA,
                ENTRA_ISSUER,
                CAMDEN_TENANT,
                AT);
        fixture.given(registered(), waiting)
                .when(new ApproveRegistration("m1", CAMDEN_ADMIN, AT))
                .expectEvents(new RegistrationApproved("m1", CAMDEN, "ca", AT));
        fixture.given(registered(), waiting)
                .when(new DeclineRegistration("m1", ADMIN, AT))
                .expectEvents(
                        new RegistrationDeclined("m1", CAMDEN, "admin", AT),
                        new MemberErased("m1", CAMDEN, ErasureReason.REGISTRATION_DECLINED, "", "admin", AT));
    }
}
