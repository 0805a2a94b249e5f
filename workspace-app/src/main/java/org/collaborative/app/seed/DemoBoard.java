package org.collaborative.app.seed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.collaborative.app.board.BoardCommands.OpenBoard;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.retreat.AttendanceNeeds;
import org.collaborative.app.retreat.RetreatCommands.Details;
import org.collaborative.app.retreat.RetreatCommands.InvitePeople;
import org.collaborative.app.retreat.RetreatCommands.PlanSession;
import org.collaborative.app.retreat.RetreatCommands.RegisterForRetreat;
import org.collaborative.app.retreat.RetreatCommands.ScheduleRetreat;
import org.collaborative.app.retreat.RetreatCommands.Session;
import org.collaborative.events.retreat.InvitationScope;
import org.collaborative.events.retreat.RetreatKind;
import org.collaborative.events.retreat.SessionKind;

/**
 * A live board to try in the demo: an invitation-only half-day rehearsal three weeks ahead, with one plenary session
 * run by Amara, whose board is open and empty; Tom, Priya and Mary have places. Ordinary commands, like
 * {@link DemoWorkspace}; the browser journey of the live board (e2e/board.test.mjs) runs a session on it.
 */
final class DemoBoard {

    static final String RETREAT = DemoWorkspace.stableId("demo-retreat:live-board-rehearsal");
    static final String SESSION = DemoWorkspace.stableId("demo-session:live-board-rehearsal:plenary");

    private DemoBoard() {}

    static List<Object> commands(Instant at) {
        DemoWorkspace.Person amara = DemoWorkspace.FACILITATOR;
        Actor facilitator = new Actor(amara.memberId(), amara.organisationId(), amara.role());
        LocalDate day = LocalDate.ofInstant(at, org.collaborative.app.kernel.London.ZONE)
                .plusWeeks(3);
        List<DemoWorkspace.Person> participants =
                List.of(DemoWorkspace.SERVICE_LEADER, DemoWorkspace.CHIEF_EXECUTIVE, DemoWorkspace.COUNCILLOR);
        List<Object> commands = new ArrayList<>();
        commands.add(new ScheduleRetreat(
                RETREAT,
                new Details(
                        "Live board rehearsal",
                        RetreatKind.ONE_DAY_CONFERENCE,
                        "London Councils, 59½ Southwark Street",
                        null,
                        day.atTime(LocalTime.of(9, 30)),
                        day.atTime(LocalTime.of(13, 0)),
                        30,
                        List.of(),
                        true),
                facilitator,
                at));
        commands.add(new PlanSession(
                RETREAT,
                SESSION,
                new Session(
                        "What should we stop doing alone?",
                        SessionKind.PLENARY,
                        day.atTime(LocalTime.of(10, 0)),
                        day.atTime(LocalTime.of(11, 0)),
                        "Room 1",
                        amara.memberId(),
                        null,
                        null),
                facilitator,
                at));
        commands.add(new InvitePeople(
                RETREAT,
                InvitationScope.PERSON,
                "rehearsal",
                participants.stream().map(DemoWorkspace.Person::memberId).toList(),
                facilitator,
                at));
        for (DemoWorkspace.Person person : participants) {
            commands.add(new RegisterForRetreat(
                    RETREAT,
                    new Actor(person.memberId(), person.organisationId(), person.role()),
                    new AttendanceNeeds("", ""),
                    at));
        }
        commands.add(new OpenBoard(SESSION, amara.memberId(), at));
        return commands;
    }
}
