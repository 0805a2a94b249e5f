package org.collaborative.app.retreat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.app.personaldata.KeysInMemory;
import org.collaborative.app.personaldata.PersonalDataVault;
import org.collaborative.app.retreat.Retreat.NotInvitedException;
import org.collaborative.app.retreat.Retreat.RetreatCancelledException;
import org.collaborative.app.retreat.Retreat.SessionOutsideRetreatException;
import org.collaborative.app.retreat.RetreatCommands.AllocateBreakouts;
import org.collaborative.app.retreat.RetreatCommands.CancelRetreat;
import org.collaborative.app.retreat.RetreatCommands.ChangeRetreat;
import org.collaborative.app.retreat.RetreatCommands.DeclineRetreat;
import org.collaborative.app.retreat.RetreatCommands.Details;
import org.collaborative.app.retreat.RetreatCommands.DropSession;
import org.collaborative.app.retreat.RetreatCommands.GiveUpPlace;
import org.collaborative.app.retreat.RetreatCommands.InvitePeople;
import org.collaborative.app.retreat.RetreatCommands.MoveToBreakout;
import org.collaborative.app.retreat.RetreatCommands.PlanSession;
import org.collaborative.app.retreat.RetreatCommands.PostponeRetreat;
import org.collaborative.app.retreat.RetreatCommands.RegisterForRetreat;
import org.collaborative.app.retreat.RetreatCommands.ScheduleRetreat;
import org.collaborative.app.retreat.RetreatCommands.StateBreakoutPreferences;
import org.collaborative.events.member.MemberRole;
import org.collaborative.events.retreat.BreakoutPreferencesStated;
import org.collaborative.events.retreat.BreakoutsAllocated;
import org.collaborative.events.retreat.InvitationScope;
import org.collaborative.events.retreat.ParticipantMovedToBreakout;
import org.collaborative.events.retreat.PeopleInvited;
import org.collaborative.events.retreat.PlaceDeclined;
import org.collaborative.events.retreat.PlaceGivenUp;
import org.collaborative.events.retreat.PlaceTaken;
import org.collaborative.events.retreat.PromotedFromWaitingList;
import org.collaborative.events.retreat.RetreatCancelled;
import org.collaborative.events.retreat.RetreatChanged;
import org.collaborative.events.retreat.RetreatKind;
import org.collaborative.events.retreat.RetreatPostponed;
import org.collaborative.events.retreat.RetreatScheduled;
import org.collaborative.events.retreat.SessionDropped;
import org.collaborative.events.retreat.SessionKind;
import org.collaborative.events.retreat.SessionPlanned;
import org.collaborative.events.retreat.WaitingListJoined;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetreatTest {

    private static final String R = "r1";
    private static final Instant AT = Instant.parse("2027-01-10T09:00:00Z");
    private static final LocalDateTime STARTS = LocalDateTime.of(2027, 3, 4, 12, 0);
    private static final LocalDateTime ENDS = LocalDateTime.of(2027, 3, 5, 12, 0);
    private static final Actor FACILITATOR = new Actor("fac", "london-councils", MemberRole.FACILITATOR);
    private static final Actor CAMDEN = new Actor("m1", "camden", MemberRole.CHIEF_EXECUTIVE);
    private static final Actor HACKNEY = new Actor("m2", "hackney", MemberRole.CHIEF_EXECUTIVE);
    private static final Actor ISLINGTON = new Actor("m3", "islington", MemberRole.CHIEF_EXECUTIVE);
    private static final Actor LAMBETH = new Actor("m4", "lambeth", MemberRole.CHIEF_EXECUTIVE);

    private final PersonalDataVault vault = new PersonalDataVault(new KeysInMemory());
    private AggregateTestFixture<Retreat> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Retreat.class);
        fixture.registerInjectableResource(vault);
    }

    private static Details details(int capacity, boolean inviteOnly) {
        return new Details(
                "Chief executives' retreat",
                RetreatKind.CHIEF_EXECUTIVES_RETREAT,
                "Cumberland Lodge",
                "",
                STARTS,
                ENDS,
                capacity,
                List.of("behaviour-change"),
                inviteOnly);
    }

    private static RetreatScheduled scheduled(int capacity, boolean inviteOnly) {
        return new RetreatScheduled(
                R,
                "Chief executives' retreat",
                RetreatKind.CHIEF_EXECUTIVES_RETREAT,
                "Cumberland Lodge",
                "",
                STARTS,
                ENDS,
                capacity,
                List.of("behaviour-change"),
                inviteOnly,
                "fac",
                AT);
    }

    private static PlaceTaken placeTaken(Actor actor) {
        return new PlaceTaken(R, actor.memberId(), actor.organisationId(), null, AT);
    }

    private static SessionPlanned breakout(String sessionId, LocalDateTime startsAt) {
        return new SessionPlanned(
                R,
                sessionId,
                sessionId,
                SessionKind.BREAKOUT,
                startsAt,
                startsAt.plusHours(2),
                "",
                "fac",
                null,
                null,
                "fac",
                AT);
    }

    @Test
    void aFacilitatorSchedulesARetreat() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleRetreat(R, details(2, true), FACILITATOR, AT))
                .expectEvents(scheduled(2, true));
    }

    @Test
    void onlyFacilitatorsAndAdministratorsScheduleRetreats() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleRetreat(R, details(2, true), CAMDEN, AT))
                .expectException(RuleBrokenException.class)
                .expectNoEvents();
    }

    @Test
    void cannotScheduleARetreatThatEndsBeforeItStarts() {
        Details backwards = new Details(
                "Retreat", RetreatKind.ONE_DAY_CONFERENCE, "Guildhall", "", ENDS, STARTS, 10, List.of(), false);
        fixture.givenNoPriorActivity()
                .when(new ScheduleRetreat(R, backwards, FACILITATOR, AT))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("The end must be after the start");
    }

    @Test
    void cannotScheduleARetreatWithNoPlaces() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleRetreat(R, details(0, false), FACILITATOR, AT))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Capacity must be at least 1");
    }

    @Test
    void cannotScheduleARetreatWithNeitherPlaceNorLink() {
        Details nowhere =
                new Details("Retreat", RetreatKind.ONE_DAY_CONFERENCE, " ", "", STARTS, ENDS, 10, List.of(), false);
        fixture.givenNoPriorActivity()
                .when(new ScheduleRetreat(R, nowhere, FACILITATOR, AT))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Enter a place or an online link");
    }

    @Test
    void aSessionMustBeWithinTheRetreatsDates() {
        fixture.given(scheduled(10, false))
                .when(new PlanSession(
                        R,
                        "s1",
                        new RetreatCommands.Session(
                                "Dinner", SessionKind.PLENARY, ENDS, ENDS.plusHours(2), "Hall", null, null, null),
                        FACILITATOR,
                        AT))
                .expectException(SessionOutsideRetreatException.class)
                .expectNoEvents();
    }

    @Test
    void aSessionWithinTheDatesIsPlannedWithItsFacilitator() {
        fixture.given(scheduled(10, false))
                .when(new PlanSession(
                        R,
                        "s1",
                        new RetreatCommands.Session(
                                "s1", SessionKind.BREAKOUT, STARTS, STARTS.plusHours(2), "", "fac", null, null),
                        FACILITATOR,
                        AT))
                .expectEvents(breakout("s1", STARTS));
    }

    @Test
    void peopleTakePlacesUntilTheRetreatIsFullThenJoinTheWaitingListInOrder() {
        fixture.given(scheduled(2, false), placeTaken(CAMDEN), placeTaken(HACKNEY))
                .when(new RegisterForRetreat(R, ISLINGTON, null, AT))
                .expectEvents(new WaitingListJoined(R, "m3", "islington", null, AT));
    }

    @Test
    void givingUpAPlacePromotesTheFirstPersonWaiting() {
        fixture.given(
                        scheduled(2, false),
                        placeTaken(CAMDEN),
                        placeTaken(HACKNEY),
                        new WaitingListJoined(R, "m3", "islington", null, AT),
                        new WaitingListJoined(R, "m4", "lambeth", null, AT))
                .when(new GiveUpPlace(R, HACKNEY, AT))
                .expectEvents(new PlaceGivenUp(R, "m2", false, AT), new PromotedFromWaitingList(R, "m3", AT));
    }

    @Test
    void leavingTheWaitingListPromotesNobody() {
        fixture.given(
                        scheduled(1, false),
                        placeTaken(CAMDEN),
                        new WaitingListJoined(R, "m3", "islington", null, AT),
                        new WaitingListJoined(R, "m4", "lambeth", null, AT))
                .when(new GiveUpPlace(R, ISLINGTON, AT))
                .expectEvents(new PlaceGivenUp(R, "m3", true, AT));
    }

    @Test
    void moreCapacityPromotesPeopleWaitingInOrder() {
        fixture.given(
                        scheduled(1, false),
                        placeTaken(CAMDEN),
                        new WaitingListJoined(R, "m3", "islington", null, AT),
                        new WaitingListJoined(R, "m4", "lambeth", null, AT),
                        new WaitingListJoined(R, "m2", "hackney", null, AT))
                .when(new ChangeRetreat(R, details(3, false), FACILITATOR, AT))
                .expectEvents(
                        new RetreatChanged(
                                R,
                                "Chief executives' retreat",
                                RetreatKind.CHIEF_EXECUTIVES_RETREAT,
                                "Cumberland Lodge",
                                "",
                                STARTS,
                                ENDS,
                                3,
                                List.of("behaviour-change"),
                                false,
                                "fac",
                                AT),
                        new PromotedFromWaitingList(R, "m3", AT),
                        new PromotedFromWaitingList(R, "m4", AT));
    }

    @Test
    void capacityCannotFallBelowThePlacesTaken() {
        fixture.given(scheduled(2, false), placeTaken(CAMDEN), placeTaken(HACKNEY))
                .when(new ChangeRetreat(R, details(1, false), FACILITATOR, AT))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void registeringForACancelledRetreatIsRefused() {
        fixture.given(scheduled(10, false), new RetreatCancelled(R, "Snow.", "fac", AT))
                .when(new RegisterForRetreat(R, CAMDEN, null, AT))
                .expectException(RetreatCancelledException.class)
                .expectNoEvents();
    }

    @Test
    void registeringAfterTheRetreatIsRefused() {
        fixture.given(scheduled(10, false))
                .when(new RegisterForRetreat(R, CAMDEN, null, Instant.parse("2027-03-06T09:00:00Z")))
                .expectException(RuleBrokenException.class)
                .expectNoEvents();
    }

    @Test
    void onlyInviteesRegisterForAnInviteOnlyRetreat() {
        fixture.given(scheduled(10, true))
                .when(new RegisterForRetreat(R, CAMDEN, null, AT))
                .expectException(NotInvitedException.class)
                .expectNoEvents();
    }

    @Test
    void anInviteeRegisters() {
        fixture.given(scheduled(10, true), new PeopleInvited(R, InvitationScope.PERSON, "m1", List.of("m1"), "fac", AT))
                .when(new RegisterForRetreat(R, CAMDEN, null, AT))
                .expectEvents(placeTaken(CAMDEN));
    }

    @Test
    void registeringTwiceRecordsNothing() {
        fixture.given(scheduled(10, false), placeTaken(CAMDEN))
                .when(new RegisterForRetreat(R, CAMDEN, null, AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void accessAndDietaryNeedsAreSealedWithTheMembersKey() {
        fixture.given(scheduled(10, false))
                .when(new RegisterForRetreat(R, CAMDEN, new AttendanceNeeds("Step-free access", "Vegan"), AT))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(payload -> {
                            PlaceTaken taken = (PlaceTaken) payload;
                            return !taken.needs().contains("Vegan")
                                    && vault.openValue("m1", taken.needs(), AttendanceNeeds.class)
                                            .map(needs -> needs.dietary().equals("Vegan"))
                                            .orElse(false);
                        }),
                        Matchers.andNoMore())));
    }

    @Test
    void invitingSomeoneAlreadyInvitedOrRegisteredLeavesThemOut() {
        fixture.given(
                        scheduled(10, true),
                        new PeopleInvited(R, InvitationScope.PERSON, "m1", List.of("m1"), "fac", AT),
                        placeTaken(CAMDEN))
                .when(new InvitePeople(R, InvitationScope.ORGANISATION, "x", List.of("m1", "m2"), FACILITATOR, AT))
                .expectEvents(new PeopleInvited(R, InvitationScope.ORGANISATION, "x", List.of("m2"), "fac", AT));
    }

    @Test
    void onlyFacilitatorsInvite() {
        fixture.given(scheduled(10, true))
                .when(new InvitePeople(R, InvitationScope.PERSON, "m2", List.of("m2"), CAMDEN, AT))
                .expectException(RuleBrokenException.class);
    }

    @Test
    void anInviteeDeclines() {
        fixture.given(scheduled(10, true), new PeopleInvited(R, InvitationScope.PERSON, "m1", List.of("m1"), "fac", AT))
                .when(new DeclineRetreat(R, CAMDEN, AT))
                .expectEvents(new PlaceDeclined(R, "m1", AT));
    }

    @Test
    void postponingMovesTheRetreatLater() {
        fixture.given(scheduled(10, false), breakout("s1", STARTS))
                .when(new PostponeRetreat(R, STARTS.plusWeeks(1), ENDS.plusWeeks(1), "Budget week.", FACILITATOR, AT))
                .expectEvents(
                        new RetreatPostponed(R, STARTS.plusWeeks(1), ENDS.plusWeeks(1), "Budget week.", "fac", AT));
    }

    @Test
    void postponingToAnEarlierDateIsRefused() {
        fixture.given(scheduled(10, false))
                .when(new PostponeRetreat(R, STARTS.minusDays(1), ENDS, "Sooner.", FACILITATOR, AT))
                .expectException(InvalidInputException.class);
    }

    @Test
    void datesCannotChangeSoThatASessionFallsOutside() {
        Details shorter = new Details(
                "Chief executives' retreat",
                RetreatKind.CHIEF_EXECUTIVES_RETREAT,
                "Cumberland Lodge",
                "",
                STARTS.plusHours(3),
                ENDS,
                10,
                List.of(),
                false);
        fixture.given(scheduled(10, false), breakout("s1", STARTS))
                .when(new ChangeRetreat(R, shorter, FACILITATOR, AT))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void aCancelledRetreatCannotBeCancelledOrPlannedAgain() {
        fixture.given(scheduled(10, false), new RetreatCancelled(R, "Snow.", "fac", AT))
                .when(new CancelRetreat(R, "Again.", FACILITATOR, AT))
                .expectException(RetreatCancelledException.class);
    }

    @Test
    void cancellingNeedsAReason() {
        fixture.given(scheduled(10, false))
                .when(new CancelRetreat(R, " ", FACILITATOR, AT))
                .expectException(InvalidInputException.class);
    }

    @Test
    void aFacilitatorCancels() {
        fixture.given(scheduled(10, false))
                .when(new CancelRetreat(R, "Snow.", FACILITATOR, AT))
                .expectEvents(new RetreatCancelled(R, "Snow.", "fac", AT));
    }

    @Test
    void onlyPeopleWithAPlaceRankBreakouts() {
        fixture.given(scheduled(10, false), breakout("s1", STARTS))
                .when(new StateBreakoutPreferences(R, List.of("s1"), CAMDEN, AT))
                .expectException(RuleBrokenException.class);
    }

    @Test
    void preferencesNameOnlyBreakoutsOfTheRetreat() {
        fixture.given(scheduled(10, false), breakout("s1", STARTS), placeTaken(CAMDEN))
                .when(new StateBreakoutPreferences(R, List.of("s1", "elsewhere"), CAMDEN, AT))
                .expectException(InvalidInputException.class);
    }

    @Test
    void allocationPlacesEveryoneWithAPlaceHonouringFirstChoices() {
        fixture.given(
                        scheduled(10, false),
                        breakout("s1", STARTS),
                        breakout("s2", STARTS),
                        placeTaken(CAMDEN),
                        placeTaken(HACKNEY),
                        new BreakoutPreferencesStated(R, "m2", List.of("s2"), AT))
                .when(new AllocateBreakouts(R, FACILITATOR, AT))
                .expectEvents(new BreakoutsAllocated(R, Map.of("s1", List.of("m1"), "s2", List.of("m2")), "fac", AT));
    }

    @Test
    void aFacilitatorMovesSomeoneToAnotherBreakoutOfTheSameRound() {
        fixture.given(
                        scheduled(10, false),
                        breakout("s1", STARTS),
                        breakout("s2", STARTS),
                        placeTaken(CAMDEN),
                        new BreakoutsAllocated(R, Map.of("s1", List.of("m1"), "s2", List.of()), "fac", AT))
                .when(new MoveToBreakout(R, "m1", "s2", FACILITATOR, AT))
                .expectEvents(new ParticipantMovedToBreakout(R, "m1", "s1", "s2", "fac", AT));
    }

    @Test
    void droppingASessionTakesItOffTheAgenda() {
        fixture.given(scheduled(10, false), breakout("s1", STARTS))
                .when(new DropSession(R, "s1", FACILITATOR, AT))
                .expectEvents(new SessionDropped(R, "s1", "fac", AT));
    }

    @Test
    void theSessionFacilitatorIsAFacilitatorOfTheRetreat() {
        SessionPlanned camdenRuns = new SessionPlanned(
                R, "s1", "s1", SessionKind.PLENARY, STARTS, STARTS.plusHours(1), "", "m1", null, null, "fac", AT);
        fixture.given(scheduled(10, true), camdenRuns)
                .when(new InvitePeople(R, InvitationScope.PERSON, "m2", List.of("m2"), CAMDEN, AT))
                .expectEvents(new PeopleInvited(R, InvitationScope.PERSON, "m2", List.of("m2"), "m1", AT));
    }
}
