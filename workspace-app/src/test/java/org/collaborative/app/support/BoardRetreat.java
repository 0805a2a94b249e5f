package org.collaborative.app.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.member.Accounts;
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
 * An invitation-only retreat a month ahead, with one plenary session run by Amara (a facilitator), set up with the
 * retreats' own commands in a running workspace: the people given are invited, and those of them in
 * {@code registering} take a place. For tests of the live board, which needs a session and its participants.
 */
public record BoardRetreat(String retreatId, String sessionId) {

    public static final String AMARA = "amara.okafor@londoncouncils.example";

    public static BoardRetreat setUp(RunningWorkspace workspace, List<String> invited, List<String> registering) {
        return setUp(workspace, invited, registering, List.of());
    }

    /** As {@link #setUp(RunningWorkspace, List, List)}, for a retreat that covers these themes. */
    public static BoardRetreat setUp(
            RunningWorkspace workspace, List<String> invited, List<String> registering, List<String> themeIds) {
        CommandGateway commands = workspace.bean(CommandGateway.class);
        Accounts accounts = workspace.bean(Accounts.class);
        Actor amara = actor(accounts, AMARA);
        String retreatId = UUID.randomUUID().toString();
        String sessionId = UUID.randomUUID().toString();
        LocalDate day = LocalDate.now().plusDays(30);
        Instant now = Instant.now();
        commands.sendAndWait(new ScheduleRetreat(
                retreatId,
                new Details(
                        "Board rehearsal " + retreatId.substring(0, 8),
                        RetreatKind.ONE_DAY_CONFERENCE,
                        "Southwark Street",
                        null,
                        day.atTime(LocalTime.of(9, 0)),
                        day.atTime(LocalTime.of(17, 0)),
                        20,
                        themeIds,
                        true),
                amara,
                now));
        commands.sendAndWait(new PlanSession(
                retreatId,
                sessionId,
                new Session(
                        "What should London do together?",
                        SessionKind.PLENARY,
                        LocalDateTime.of(day, LocalTime.of(10, 0)),
                        LocalDateTime.of(day, LocalTime.of(11, 0)),
                        "Room 1",
                        amara.memberId(),
                        null,
                        null),
                amara,
                now));
        commands.sendAndWait(new InvitePeople(
                retreatId,
                InvitationScope.PERSON,
                "people",
                invited.stream().map(email -> actor(accounts, email).memberId()).toList(),
                amara,
                now));
        for (String email : registering) {
            commands.sendAndWait(
                    new RegisterForRetreat(retreatId, actor(accounts, email), new AttendanceNeeds("", ""), now));
        }
        return new BoardRetreat(retreatId, sessionId);
    }

    public String board() {
        return "/retreats/" + retreatId + "/sessions/" + sessionId + "/board";
    }

    private static Actor actor(Accounts accounts, String email) {
        var account = accounts.findByEmail(email).orElseThrow();
        return new Actor(account.memberId(), account.organisationId(), account.role());
    }
}
