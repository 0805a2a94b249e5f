package org.collaborative.app.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.app.member.Member.MemberErasedException;
import org.collaborative.app.personaldata.KeysInMemory;
import org.collaborative.app.personaldata.PersonalDataVault;
import org.collaborative.app.personaldata.PersonalDetails;
import org.collaborative.events.member.ErasureReason;
import org.collaborative.events.member.MemberErased;
import org.collaborative.events.member.MemberProfileChanged;
import org.collaborative.events.member.MemberRegistered;
import org.collaborative.events.member.MemberRole;
import org.collaborative.events.member.MemberRoleChanged;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MemberTest {

    private static final Instant AT = Instant.parse("2026-11-26T09:00:00Z");
    private static final PersonalDetails PRIYA =
            new PersonalDetails("Priya Shah", "priya.shah@hackney.example", "Chief executive");
    private static final Actor SELF = new Actor("m1", "E09000012", MemberRole.CHIEF_EXECUTIVE);
    private static final Actor ADMIN = new Actor("admin", "london-councils", MemberRole.ADMINISTRATOR);
    private static final Actor FACILITATOR = new Actor("fac", "london-councils", MemberRole.FACILITATOR);

    private final KeysInMemory keys = new KeysInMemory();
    private final PersonalDataVault vault = new PersonalDataVault(keys);
    private AggregateTestFixture<Member> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Member.class);
        fixture.registerInjectableResource(vault);
    }

    private MemberRegistered registered() {
        return new MemberRegistered("m1", "E09000012", MemberRole.CHIEF_EXECUTIVE, AT, vault.seal("m1", PRIYA));
    }

    private MemberErased erased() {
        return new MemberErased("m1", "E09000012", ErasureReason.ERASURE_REQUEST, "", "admin", AT);
    }

    @Test
    void registersAMemberWithTheirPersonalDetailsSealedUnderTheirOwnKey() {
        fixture.givenNoPriorActivity()
                .when(new RegisterMember(
                        "m1",
                        "E09000012",
                        MemberRole.CHIEF_EXECUTIVE,
                        new PersonalDetails(" Priya Shah ", "Priya.Shah@Hackney.example", "Chief executive"),
                        AT))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(
                                (MemberRegistered event) -> event.memberId().equals("m1")
                                        && event.organisationId().equals("E09000012")
                                        && event.role() == MemberRole.CHIEF_EXECUTIVE
                                        && event.registeredAt().equals(AT)
                                        && !event.personalData().contains("Priya")
                                        && vault.open("m1", event.personalData())
                                                .orElseThrow()
                                                .equals(PRIYA)),
                        Matchers.andNoMore())));
        assertThat(keys.find("m1")).isPresent();
    }

    @Test
    void cannotRegisterAMemberWithoutARole() {
        fixture.givenNoPriorActivity()
                .when(new RegisterMember("m1", "E09000012", null, PRIYA, AT))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Choose a role");
    }

    @Test
    void cannotRegisterAMemberWithoutAName() {
        fixture.givenNoPriorActivity()
                .when(new RegisterMember(
                        "m1",
                        "E09000012",
                        MemberRole.COUNCILLOR,
                        new PersonalDetails(" ", "someone@lewisham.example", null),
                        AT))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Enter a display name")
                .expectNoEvents();
    }

    @Test
    void cannotRegisterAMemberWithAMalformedEmailAddress() {
        fixture.givenNoPriorActivity()
                .when(new RegisterMember(
                        "m1",
                        "E09000012",
                        MemberRole.COUNCILLOR,
                        new PersonalDetails("Mary Doyle", "mary.doyle", null),
                        AT))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Enter an email address in the correct format, like name@example.com")
                .expectNoEvents();
    }

    @Test
    void aMemberChangesTheirNameAndJobTitleSealed() {
        fixture.given(registered())
                .when(new ChangeMemberProfile("m1", SELF, " Priya Shah-Khan ", " Chief executive, Hackney ", AT))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(
                                (MemberProfileChanged event) -> event.memberId().equals("m1")
                                        && event.changedAt().equals(AT)
                                        && !event.personalData().contains("Khan")
                                        && vault.open("m1", event.personalData())
                                                .orElseThrow()
                                                .equals(new PersonalDetails(
                                                        "Priya Shah-Khan", null, "Chief executive, Hackney"))),
                        Matchers.andNoMore())));
    }

    @Test
    void theJobTitleMayBeLeftEmpty() {
        fixture.given(registered())
                .when(new ChangeMemberProfile("m1", SELF, "Priya Shah", "  ", AT))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches((MemberProfileChanged event) -> vault.open("m1", event.personalData())
                                .orElseThrow()
                                .jobTitle()
                                .isEmpty()),
                        Matchers.andNoMore())));
    }

    @Test
    void cannotChangeSomeoneElsesProfile() {
        fixture.given(registered())
                .when(new ChangeMemberProfile("m1", ADMIN, "Someone else", "", AT))
                .expectException(RuleBrokenException.class)
                .expectExceptionMessage("You can only change your own profile")
                .expectNoEvents();
    }

    @Test
    void cannotBeShownByAnEmptyName() {
        fixture.given(registered())
                .when(new ChangeMemberProfile("m1", SELF, "   ", "Chief executive", AT))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Enter the name you want to be shown by")
                .expectNoEvents();
    }

    @Test
    void cannotHaveANameOrJobTitleWithControlCharacters() {
        fixture.given(registered())
                .when(new ChangeMemberProfile("m1", SELF, "Priya\u0000Shah", "", AT))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Name must not include control characters such as line breaks")
                .expectNoEvents();
        fixture.given(registered())
                .when(new ChangeMemberProfile("m1", SELF, "Priya Shah", "Chief\r\nexecutive", AT))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Job title must not include control characters such as line breaks")
                .expectNoEvents();
    }

    @Test
    void cannotHaveANameLongerThan100Characters() {
        fixture.given(registered())
                .when(new ChangeMemberProfile("m1", SELF, "x".repeat(101), "", AT))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Name must be 100 characters or fewer")
                .expectNoEvents();
    }

    @Test
    void cannotHaveAJobTitleLongerThan100Characters() {
        fixture.given(registered())
                .when(new ChangeMemberProfile("m1", SELF, "Priya Shah", "x".repeat(101), AT))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Job title must be 100 characters or fewer")
                .expectNoEvents();
    }

    @Test
    void anAdministratorErasesAMemberWithAReasonAndAReference() {
        fixture.given(registered())
                .when(new EraseMember("m1", ADMIN, ErasureReason.ERASURE_REQUEST, " DSAR-2026/114 ", AT))
                .expectEvents(new MemberErased(
                        "m1", "E09000012", ErasureReason.ERASURE_REQUEST, "DSAR-2026/114", "admin", AT));
    }

    @Test
    void onlyAnAdministratorCanEraseAMember() {
        fixture.given(registered())
                .when(new EraseMember("m1", FACILITATOR, ErasureReason.ERASURE_REQUEST, "", AT))
                .expectException(RuleBrokenException.class)
                .expectExceptionMessage("Only an administrator can erase a member")
                .expectNoEvents();
    }

    @Test
    void anAdministratorCannotEraseThemselves() {
        fixture.given(new MemberRegistered("admin", "london-councils", MemberRole.ADMINISTRATOR, AT, null))
                .when(new EraseMember("admin", ADMIN, ErasureReason.WITHDRAWN, "", AT))
                .expectException(RuleBrokenException.class)
                .expectExceptionMessage("You cannot erase your own account; ask another administrator")
                .expectNoEvents();
    }

    @Test
    void anErasureNeedsAReason() {
        fixture.given(registered())
                .when(new EraseMember("m1", ADMIN, null, "", AT))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Choose a reason")
                .expectNoEvents();
    }

    @Test
    void theReferenceCannotHoldANameOrAnAddress() {
        fixture.given(registered())
                .when(new EraseMember("m1", ADMIN, ErasureReason.ERASURE_REQUEST, "priya.shah@hackney.example", AT))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(
                        "Reference must only include letters, numbers, hyphens and slashes, not a name or address")
                .expectNoEvents();
    }

    @Test
    void anErasedMemberCannotBeErasedAgain() {
        fixture.given(registered(), erased())
                .when(new EraseMember("m1", ADMIN, ErasureReason.ERASURE_REQUEST, "", AT))
                .expectException(MemberErasedException.class)
                .expectNoEvents();
    }

    @Test
    void anErasedMemberCannotChangeTheirProfile() {
        fixture.given(registered(), erased())
                .when(new ChangeMemberProfile("m1", SELF, "Priya Shah", "", AT))
                .expectException(MemberErasedException.class)
                .expectExceptionMessage("This member's personal data has been erased")
                .expectNoEvents();
    }

    @Test
    void anAdministratorChangesAMembersRole() {
        fixture.given(registered())
                .when(new ChangeMemberRole("m1", ADMIN, MemberRole.FACILITATOR, AT))
                .expectEvents(
                        new MemberRoleChanged("m1", MemberRole.CHIEF_EXECUTIVE, MemberRole.FACILITATOR, "admin", AT));
    }

    @Test
    void givingAMemberTheRoleTheyHaveRecordsNothing() {
        fixture.given(registered())
                .when(new ChangeMemberRole("m1", ADMIN, MemberRole.CHIEF_EXECUTIVE, AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void onlyAnAdministratorChangesRoles() {
        fixture.given(registered())
                .when(new ChangeMemberRole("m1", FACILITATOR, MemberRole.ADMINISTRATOR, AT))
                .expectException(RuleBrokenException.class)
                .expectExceptionMessage("Only an administrator can change a member's role")
                .expectNoEvents();
    }

    @Test
    void anAdministratorCannotChangeTheirOwnRole() {
        fixture.given(new MemberRegistered("admin", "london-councils", MemberRole.ADMINISTRATOR, AT, null))
                .when(new ChangeMemberRole("admin", ADMIN, MemberRole.SERVICE_LEADER, AT))
                .expectException(RuleBrokenException.class)
                .expectExceptionMessage("You cannot change your own role; ask another administrator")
                .expectNoEvents();
    }
}
