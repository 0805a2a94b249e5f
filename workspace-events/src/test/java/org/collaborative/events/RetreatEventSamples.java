package org.collaborative.events;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import org.collaborative.events.retreat.SessionChanged;
import org.collaborative.events.retreat.SessionDropped;
import org.collaborative.events.retreat.SessionKind;
import org.collaborative.events.retreat.SessionPlanned;
import org.collaborative.events.retreat.WaitingListJoined;

/** One example of every retreat event, for the approval tests. */
final class RetreatEventSamples {

    private static final Instant AT = Instant.parse("2026-11-26T09:30:00.123Z");
    private static final String R = "5f0c1f7e-0000-4000-8000-000000000020";
    private static final String S = "5f0c1f7e-0000-4000-8000-000000000021";
    private static final String S2 = "5f0c1f7e-0000-4000-8000-000000000022";
    private static final String M = "5f0c1f7e-0000-4000-8000-000000000001";
    private static final String F = "5f0c1f7e-0000-4000-8000-000000000005";
    private static final String G = "5f0c1f7e-0000-4000-8000-000000000002";
    private static final String SEALED = "v1.q83vEjRWeJq83vEj.3q2-7wAAAAD_____ZmFrZSBjaXBoZXJ0ZXh0";
    private static final LocalDateTime STARTS = LocalDateTime.of(2027, 3, 4, 12, 0);
    private static final LocalDateTime ENDS = LocalDateTime.of(2027, 3, 5, 12, 0);

    static final List<Object> ALL = List.of(
            new RetreatScheduled(
                    R,
                    "Chief executives' retreat",
                    RetreatKind.CHIEF_EXECUTIVES_RETREAT,
                    "Cumberland Lodge, Windsor",
                    "",
                    STARTS,
                    ENDS,
                    40,
                    List.of("behaviour-change", "demand-management"),
                    true,
                    F,
                    AT),
            new RetreatChanged(
                    R,
                    "Chief executives' retreat 2027",
                    RetreatKind.CHIEF_EXECUTIVES_RETREAT,
                    "Cumberland Lodge, Windsor",
                    "https://meet.example.org/retreat",
                    STARTS,
                    ENDS,
                    45,
                    List.of("behaviour-change"),
                    true,
                    F,
                    AT),
            new RetreatPostponed(R, STARTS.plusWeeks(2), ENDS.plusWeeks(2), "Budget setting moved.", F, AT),
            new RetreatCancelled(R, "Too few places taken.", F, AT),
            new SessionPlanned(
                    R,
                    S,
                    "Behaviour change",
                    SessionKind.BREAKOUT,
                    STARTS.plusHours(2),
                    STARTS.plusHours(4),
                    "Library",
                    F,
                    "behaviour-change",
                    G,
                    F,
                    AT),
            new SessionChanged(
                    R,
                    S,
                    "Opening plenary",
                    SessionKind.PLENARY,
                    STARTS,
                    STARTS.plusHours(1),
                    "Hall",
                    F,
                    null,
                    null,
                    F,
                    AT),
            new SessionDropped(R, S, F, AT),
            new PeopleInvited(R, InvitationScope.ORGANISATION, "E09000007", List.of(M, G), F, AT),
            new PlaceTaken(R, M, "E09000007", SEALED, AT),
            new WaitingListJoined(R, M, "E09000007", null, AT),
            new PlaceDeclined(R, M, AT),
            new PlaceGivenUp(R, M, false, AT),
            new PromotedFromWaitingList(R, M, AT),
            new BreakoutPreferencesStated(R, M, List.of(S, S2), AT),
            new BreakoutsAllocated(R, new TreeMap<>(Map.of(S, List.of(M), S2, List.of(G))), F, AT),
            new ParticipantMovedToBreakout(R, M, S, S2, F, AT));

    private RetreatEventSamples() {}
}
