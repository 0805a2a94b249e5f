package org.collaborative.app.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.collaborative.app.account.SingleSignOnAccounts.Newcomer;
import org.collaborative.app.member.Accounts.Account;
import org.collaborative.events.member.MemberRole;
import org.collaborative.events.member.SingleSignOnProvider;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

/**
 * Single sign-on with a generic OpenID provider (the claims as its ID token gives them, after Spring Security checked
 * it): a member is found by their verified address (an invited one accepts their invitation so); a newcomer joins the organisation whose email domain the address
 * is at, approved at once or waiting as it chose (docs/adr/0025); anyone else is refused with a reason.
 */
class GenericSignInTest {

    private static final String LEWISHAM = "E09000023";
    private static final String CAMDEN = "E09000007";
    private static final String ISSUER = "https://id.londoncouncils.example";

    private final AccountsInMemory accounts = new AccountsInMemory(
                    Map.of("lewisham.example", LEWISHAM, "camden.example", CAMDEN), Set.of(LEWISHAM))
            .member("mary.doyle@lewisham.example", "Mary Doyle", LEWISHAM, MemberRole.FACILITATOR, false)
            .member("grace.adeyemi@camden.example", "Grace Adeyemi", CAMDEN, MemberRole.SERVICE_LEADER, true)
            .invited("ade.bello@camden.example", "Ade Bello", CAMDEN, MemberRole.FACILITATOR);
    private final OidcMembers members = new OidcMembers(accounts, null);

    private static Map<String, Object> claims(String email, Object verified) {
        return Map.of(
                "iss", ISSUER, "sub", "248289761001", "email", email, "email_verified", verified, "name", "Lee Park");
    }

    private static String reason(Runnable signIn) {
        try {
            signIn.run();
        } catch (OAuth2AuthenticationException refused) {
            return OidcLogin.reason(refused);
        }
        throw new AssertionError("The sign-in was not refused");
    }

    @Test
    void aMemberIsFoundByTheirVerifiedAddressWhateverItsCase() {
        assertThat(members.match(claims("Mary.Doyle@Lewisham.example", "true")).displayName())
                .isEqualTo("Mary Doyle");
        assertThat(accounts.registered).isEmpty();
    }

    @Test
    void aNewcomerAtADomainApprovingAtOnceBecomesAMemberOfItsOrganisation() {
        Account made = members.match(claims("lee.park@lewisham.example", true));

        assertThat(made.organisationId()).isEqualTo(LEWISHAM);
        assertThat(made.displayName()).isEqualTo("Lee Park");
        assertThat(made.passwordHash()).as("signs in with single sign-on only").isNull();
        assertThat(accounts.registered)
                .containsExactly(new Newcomer(
                        LEWISHAM, "lee.park@lewisham.example", "Lee Park", SingleSignOnProvider.GENERIC, ISSUER, ""));
        assertThat(members.match(claims("lee.park@lewisham.example", true)).memberId())
                .as("the next sign-in finds the same member")
                .isEqualTo(made.memberId());
        assertThat(accounts.registered).hasSize(1);
    }

    @Test
    void aNewcomerAtADomainApprovingByItsAdministratorWaitsAsASelfRegisteredPersonDoes() {
        assertThat(reason(() -> members.match(claims("sam.lee@camden.example", true))))
                .isEqualTo("awaiting-approval");
        assertThat(accounts.registered).extracting(Newcomer::organisationId).containsExactly(CAMDEN);
        assertThat(reason(() -> members.match(claims("grace.adeyemi@camden.example", true))))
                .as("a self-registered person waiting cannot sign in by single sign-on either")
                .isEqualTo("awaiting-approval");
    }

    @Test
    void anInvitedPersonSigningInWithTheirVerifiedAddressAcceptsTheInvitationOnce() {
        assertThat(reason(() -> members.match(claims("ade.bello@camden.example", false))))
                .as("an address the provider has not verified accepts nothing")
                .isEqualTo("unverified-email");
        assertThat(accounts.accepted).isEmpty();

        Account member = members.match(claims("Ade.Bello@camden.example", true));

        assertThat(member.displayName()).isEqualTo("Ade Bello");
        assertThat(accounts.accepted)
                .containsExactly(Map.entry(
                        member.memberId(),
                        new SingleSignOnAccounts.Provider(SingleSignOnProvider.GENERIC, ISSUER, "")));
        assertThat(accounts.invitationPending(member)).isFalse();
        assertThat(members.match(claims("ade.bello@camden.example", true)).memberId())
                .as("the next sign-in finds the member, accepting nothing again")
                .isEqualTo(member.memberId());
        assertThat(accounts.accepted).hasSize(1);
        assertThat(accounts.registered).isEmpty();
    }

    @Test
    void anAddressAtNoOrganisationsDomainOrUnverifiedOrWithoutANameMakesNoMember() {
        assertThat(reason(() -> members.match(claims("someone@gmail.example", true))))
                .isEqualTo("no-member");
        assertThat(reason(() -> members.match(claims("lee.park@lewisham.example", false))))
                .isEqualTo("unverified-email");
        assertThat(reason(() -> members.match(
                        Map.of("iss", ISSUER, "email", "lee.park@lewisham.example", "email_verified", true))))
                .isEqualTo("no-name");
        assertThat(accounts.registered).isEmpty();
    }

    @Test
    void aLongNameIsCutToWhatAMemberMayHave() {
        assertThat(OidcMembers.name(Map.of("name", "A".repeat(150))))
                .hasValueSatisfying(name -> assertThat(name).hasSize(100));
        assertThat(OidcMembers.name(Map.of("family_name", "Okafor"))).contains("Okafor");
        assertThat(OidcMembers.name(Map.of("name", " "))).isEmpty();
    }
}
