package org.collaborative.app.member;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.app.member.Member.InvitationNotPendingException;
import org.collaborative.app.member.Member.MemberErasedException;
import org.collaborative.app.personaldata.KeysInMemory;
import org.collaborative.app.personaldata.PersonalDataVault;
import org.collaborative.app.personaldata.PersonalDetails;
import org.collaborative.events.member.ErasureReason;
import org.collaborative.events.member.InvitationAccepted;
import org.collaborative.events.member.InvitationAcceptedBySingleSignOn;
import org.collaborative.events.member.InvitationResent;
import org.collaborative.events.member.InvitationRevoked;
import org.collaborative.events.member.MemberErased;
import org.collaborative.events.member.MemberInvited;
import org.collaborative.events.member.MemberRegistered;
import org.collaborative.events.member.MemberRole;
import org.collaborative.events.member.MemberRoleChanged;
import org.collaborative.events.member.SingleSignOnProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MemberInvitationTest {

    private static final Instant AT = Instant.parse("2026-12-06T09:00:00Z");
    private static final String CAMDEN = "E09000007";
    private static final String CAMDEN_TENANT = "9188040d-6c67-4c5b-b112-36a304b66dad";
    private static final String ENTRA_ISSUER = "https://login.microsoftonline.com/" + CAMDEN_TENANT + "/v2.0";
    private static final PersonalDetails AMARA =
            new PersonalDetails("Amara Okafor", "Amara.Okafor@Camden.example", "Head of housing");
    private static final Actor ADMIN = new Actor("admin", "london-councils", MemberRole.ADMINISTRATOR);
    private static final Actor CAMDEN_ADMIN = new Actor("ca", CAMDEN, MemberRole.ORGANISATION_ADMINISTRATOR);
    private static final Actor HACKNEY_ADMIN = new Actor("ha", "E09000012", MemberRole.ORGANISATION_ADMINISTRATOR);
    private static final Actor FACILITATOR = new Actor("fac", CAMDEN, MemberRole.FACILITATOR);

    private final PersonalDataVault vault = new PersonalDataVault(new KeysInMemory());
    private AggregateTestFixture<Member> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Member.class);
        fixture.registerInjectableResource(vault);
    }

    private InviteMember invite(Actor actor, String organisationId, MemberRole role) {
        return new InviteMember("m1", organisationId, role, AMARA, actor, AT);
    }

    private MemberRegistered registered() {
        return new MemberRegistered("m1", CAMDEN, MemberRole.SERVICE_LEADER, AT, vault.seal("m1", AMARA));
    }

    private MemberInvited invited() {
        return new MemberInvited("m1", CAMDEN, MemberRole.SERVICE_LEADER, "admin", AT);
    }

    @Test
    void anAdministratorInvitesAPersonWhoseDetailsAreSealed() {
        fixture.givenNoPriorActivity()
                .when(invite(ADMIN, CAMDEN, MemberRole.SERVICE_LEADER))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.<Object>exactSequenceOf(
                        Matchers.<Object>predicate(o -> o instanceof MemberRegistered e
                                && e.memberId().equals("m1")
                                && e.role() == MemberRole.SERVICE_LEADER
                                && !e.personalData().contains("Amara")
                                && vault.open("m1", e.personalData())
                                        .orElseThrow()
                                        .email()
                                        .equals("amara.okafor@camden.example")),
                        Matchers.<Object>equalTo(
                                new MemberInvited("m1", CAMDEN, MemberRole.SERVICE_LEADER, "admin", AT)),
                        Matchers.andNoMore())));
    }

    @Test
    void anOrganisationAdministratorInvitesToTheirOwnCouncil() {
        fixture.givenNoPriorActivity()
                .when(invite(CAMDEN_ADMIN, CAMDEN, MemberRole.CHIEF_EXECUTIVE))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anOrganisationAdministratorCannotInviteToAnotherCouncil() {
        fixture.givenNoPriorActivity()
                .when(invite(HACKNEY_ADMIN, CAMDEN, MemberRole.SERVICE_LEADER))
                .expectException(RuleBrokenException.class)
                .expectExceptionMessage("You can only invite people to your own organisation");
    }

    @Test
    void anOrganisationAdministratorCannotInviteAnAdministrator() {
        fixture.givenNoPriorActivity()
                .when(invite(CAMDEN_ADMIN, CAMDEN, MemberRole.ADMINISTRATOR))
                .expectException(InvalidInputException.class);
    }

    @Test
    void aFacilitatorCannotInvite() {
        fixture.givenNoPriorActivity()
                .when(invite(FACILITATOR, CAMDEN, MemberRole.SERVICE_LEADER))
                .expectException(RuleBrokenException.class);
    }

    @Test
    void theOperatorInvitesOnlyAnAdministrator() {
        fixture.givenNoPriorActivity()
                .when(InviteMember.firstAdministrator("m1", CAMDEN, AMARA, AT))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.<Object>exactSequenceOf(
                        Matchers.<Object>predicate(
                                o -> o instanceof MemberRegistered e && e.role() == MemberRole.ADMINISTRATOR),
                        Matchers.<Object>equalTo(
                                new MemberInvited("m1", CAMDEN, MemberRole.ADMINISTRATOR, "operator", AT)),
                        Matchers.andNoMore())));
        fixture.givenNoPriorActivity()
                .when(invite(null, CAMDEN, MemberRole.SERVICE_LEADER))
                .expectException(RuleBrokenException.class);
    }

    @Test
    void anInvitationWithoutAValidEmailIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new InviteMember(
                        "m1",
                        CAMDEN,
                        MemberRole.SERVICE_LEADER,
                        new PersonalDetails("Amara", "not-an-address", ""),
                        ADMIN,
                        AT))
                .expectException(InvalidInputException.class);
    }

    @Test
    void acceptingAPendingInvitationIsRecorded() {
        fixture.given(registered(), invited())
                .when(new AcceptInvitation("m1", AT))
                .expectEvents(new InvitationAccepted("m1", AT));
    }

    @Test
    void anInvitationIsAcceptedOnlyOnce() {
        fixture.given(registered(), invited(), new InvitationAccepted("m1", AT))
                .when(new AcceptInvitation("m1", AT))
                .expectException(InvitationNotPendingException.class);
    }

    @Test
    void aMemberWhoWasNeverInvitedHasNoInvitationToAccept() {
        fixture.given(registered())
                .when(new AcceptInvitation("m1", AT))
                .expectException(InvitationNotPendingException.class);
    }

    @Test
    void signingInWithSingleSignOnAcceptsAPendingInvitationSayingWhichProviderVouched() {
        fixture.given(registered(), invited())
                .when(bySingleSignOn())
                .expectEvents(new InvitationAcceptedBySingleSignOn(
                        "m1", SingleSignOnProvider.ENTRA, ENTRA_ISSUER, CAMDEN_TENANT, AT));
    }

    @Test
    void anInvitationAcceptedBySingleSignOnCannotBeAcceptedAgainWithTheLinkNorRevoked() {
        fixture.given(
                        registered(),
                        invited(),
                        new InvitationAcceptedBySingleSignOn(
                                "m1", SingleSignOnProvider.ENTRA, ENTRA_ISSUER, CAMDEN_TENANT, AT))
                .when(new AcceptInvitation("m1", AT))
                .expectException(InvitationNotPendingException.class);
        fixture.given(
                        registered(),
                        invited(),
                        new InvitationAcceptedBySingleSignOn(
                                "m1", SingleSignOnProvider.ENTRA, ENTRA_ISSUER, CAMDEN_TENANT, AT))
                .when(new RevokeInvitation("m1", ADMIN, AT))
                .expectException(InvitationNotPendingException.class);
    }

    @Test
    void anInvitationAcceptedWithTheLinkIsNotAcceptedAgainBySingleSignOn() {
        fixture.given(registered(), invited(), new InvitationAccepted("m1", AT))
                .when(bySingleSignOn())
                .expectException(InvitationNotPendingException.class);
    }

    private static AcceptInvitationBySingleSignOn bySingleSignOn() {
        return new AcceptInvitationBySingleSignOn("m1", SingleSignOnProvider.ENTRA, ENTRA_ISSUER, CAMDEN_TENANT, AT);
    }

    @Test
    void aPendingInvitationIsResentByAnAdministrator() {
        fixture.given(registered(), invited())
                .when(new ResendInvitation("m1", CAMDEN_ADMIN, AT))
                .expectEvents(new InvitationResent("m1", "ca", AT));
    }

    @Test
    void anotherCouncilsAdministratorCannotResend() {
        fixture.given(registered(), invited())
                .when(new ResendInvitation("m1", HACKNEY_ADMIN, AT))
                .expectException(RuleBrokenException.class);
    }

    @Test
    void revokingAnInvitationErasesThePersonsDetails() {
        fixture.given(registered(), invited())
                .when(new RevokeInvitation("m1", ADMIN, AT))
                .expectEvents(
                        new InvitationRevoked("m1", "admin", AT),
                        new MemberErased("m1", CAMDEN, ErasureReason.INVITATION_REVOKED, "", "admin", AT));
    }

    @Test
    void aRevokedInvitationCannotBeAccepted() {
        fixture.given(
                        registered(),
                        invited(),
                        new InvitationRevoked("m1", "admin", AT),
                        new MemberErased("m1", CAMDEN, ErasureReason.INVITATION_REVOKED, "", "admin", AT))
                .when(new AcceptInvitation("m1", AT))
                .expectException(MemberErasedException.class);
    }

    @Test
    void anAcceptedInvitationCannotBeRevoked() {
        fixture.given(registered(), invited(), new InvitationAccepted("m1", AT))
                .when(new RevokeInvitation("m1", ADMIN, AT))
                .expectException(InvitationNotPendingException.class);
    }

    @Test
    void theOperatorMakesAnExistingMemberAnAdministrator() {
        fixture.given(registered())
                .when(new MakeFirstAdministrator("m1", AT))
                .expectEvents(new MemberRoleChanged(
                        "m1", MemberRole.SERVICE_LEADER, MemberRole.ADMINISTRATOR, "operator", AT));
    }
}
