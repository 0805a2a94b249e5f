package org.collaborative.app.seed;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.London;
import org.collaborative.app.retreat.RetreatCommands;
import org.collaborative.app.retreat.RetreatCommands.Details;
import org.collaborative.app.seed.DemoWorkspace.Person;
import org.collaborative.events.member.MemberRole;
import org.collaborative.events.retreat.InvitationScope;
import org.collaborative.events.retreat.RetreatKind;
import org.collaborative.events.retreat.SessionKind;

/**
 * The demo's retreats, sent as ordinary commands with their business times in the past where they happened then:
 * the 24-hour retreat of London's chief executives from the speech (held six weeks ago, by invitation, the four
 * themes as breakouts, everyone allocated), and a one-day conference for managers next month with open registration.
 */
final class DemoRetreats {

    /** The four themes the chief executives worked through, as the speech lists them. */
    static final List<String> SPEECH_THEMES = List.of(
            "behaviour-change",
            "worklessness-and-social-housing",
            "climate-change-and-carbon-reduction",
            "understanding-population-flows");

    static final String CHIEF_EXECUTIVES_RETREAT = DemoWorkspace.stableId("demo-retreat:chief-executives");
    static final String CONFERENCE = DemoWorkspace.stableId("demo-retreat:managers-conference");

    private DemoRetreats() {}

    static List<Object> commands(Instant at, List<Person> everyone) {
        List<Object> commands = new ArrayList<>();
        Actor amara = actor(DemoWorkspace.FACILITATOR);
        commands.addAll(chiefExecutivesRetreat(at, everyone, amara));
        commands.addAll(conference(at, everyone, amara));
        return commands;
    }

    private static List<Object> chiefExecutivesRetreat(Instant at, List<Person> everyone, Actor amara) {
        List<Object> commands = new ArrayList<>();
        Instant scheduled = at.minus(Duration.ofDays(70));
        LocalDateTime starts =
                LocalDate.ofInstant(at.minus(Duration.ofDays(42)), London.ZONE).atTime(LocalTime.NOON);
        List<Person> chiefs = everyone.stream()
                .filter(p -> p.role() == MemberRole.CHIEF_EXECUTIVE)
                .toList();
        String id = CHIEF_EXECUTIVES_RETREAT;
        commands.add(new RetreatCommands.ScheduleRetreat(
                id,
                new Details(
                        "London chief executives' retreat",
                        RetreatKind.CHIEF_EXECUTIVES_RETREAT,
                        "Cumberland Lodge, Windsor Great Park",
                        "",
                        starts,
                        starts.plusHours(24),
                        Math.max(1, chiefs.size()),
                        SPEECH_THEMES,
                        true),
                amara,
                scheduled));
        commands.add(session(
                id, "opening", "Why London needs to innovate", SessionKind.PLENARY, starts, 2, null, amara, scheduled));
        List<String> breakouts = new ArrayList<>();
        for (String theme : SPEECH_THEMES) {
            String sessionId = DemoWorkspace.stableId("demo-session:" + id + ":" + theme);
            breakouts.add(sessionId);
            commands.add(new RetreatCommands.PlanSession(
                    id,
                    sessionId,
                    new RetreatCommands.Session(
                            title(theme),
                            SessionKind.BREAKOUT,
                            starts.plusHours(3),
                            starts.plusHours(6),
                            "Breakout room " + (breakouts.size()),
                            amara.memberId(),
                            theme,
                            null),
                    amara,
                    scheduled));
        }
        commands.add(session(
                id,
                "commitments",
                "What we will do: commitments",
                SessionKind.PLENARY,
                starts.plusHours(20),
                3,
                null,
                amara,
                scheduled));
        commands.add(new RetreatCommands.InvitePeople(
                id,
                InvitationScope.ROLE,
                MemberRole.CHIEF_EXECUTIVE.name(),
                chiefs.stream().map(Person::memberId).toList(),
                amara,
                scheduled.plus(Duration.ofDays(1))));
        Instant registered = scheduled.plus(Duration.ofDays(7));
        for (int i = 0; i < chiefs.size(); i++) {
            Person chief = chiefs.get(i);
            commands.add(
                    new RetreatCommands.RegisterForRetreat(id, actor(chief), null, registered.plusSeconds(i * 60L)));
            // Each ranks two of the four themes: a spread of first choices, some more popular than others.
            List<String> ranking = List.of(breakouts.get(i % 3), breakouts.get(i % 3 + 1));
            commands.add(new RetreatCommands.StateBreakoutPreferences(
                    id, ranking, actor(chief), registered.plus(Duration.ofDays(2))));
        }
        commands.add(new RetreatCommands.AllocateBreakouts(
                id, amara, starts.atZone(London.ZONE).toInstant().minus(Duration.ofDays(3))));
        return commands;
    }

    private static List<Object> conference(Instant at, List<Person> everyone, Actor amara) {
        List<Object> commands = new ArrayList<>();
        Instant scheduled = at.minus(Duration.ofDays(10));
        LocalDateTime starts =
                LocalDate.ofInstant(at.plus(Duration.ofDays(30)), London.ZONE).atTime(9, 30);
        String id = CONFERENCE;
        commands.add(new RetreatCommands.ScheduleRetreat(
                id,
                new Details(
                        "London Collaborative managers' conference",
                        RetreatKind.ONE_DAY_CONFERENCE,
                        "Guildhall, City of London",
                        "https://meet.example.org/london-collaborative",
                        starts,
                        starts.withHour(17).withMinute(0),
                        150,
                        SPEECH_THEMES,
                        false),
                amara,
                scheduled));
        commands.add(session(
                id, "welcome", "Welcome and the year so far", SessionKind.PLENARY, starts, 1, null, amara, scheduled));
        commands.add(session(
                id,
                "process",
                "Improving what we already do",
                SessionKind.BREAKOUT,
                starts.plusHours(1),
                2,
                "behaviour-change",
                amara,
                scheduled));
        commands.add(session(
                id,
                "partnerships",
                "New partnerships",
                SessionKind.BREAKOUT,
                starts.plusHours(1),
                2,
                "worklessness-and-social-housing",
                amara,
                scheduled));
        commands.add(session(
                id, "close", "Pledges and close", SessionKind.PLENARY, starts.plusHours(6), 1, null, amara, scheduled));
        List<Person> managers = everyone.stream()
                .filter(p -> p.role() == MemberRole.SERVICE_LEADER)
                .limit(12)
                .toList();
        for (int i = 0; i < managers.size(); i++) {
            commands.add(new RetreatCommands.RegisterForRetreat(
                    id, actor(managers.get(i)), null, scheduled.plus(Duration.ofHours(2 + i))));
        }
        return commands;
    }

    private static RetreatCommands.PlanSession session(
            String retreatId,
            String name,
            String title,
            SessionKind kind,
            LocalDateTime starts,
            int hours,
            String themeId,
            Actor by,
            Instant at) {
        return new RetreatCommands.PlanSession(
                retreatId,
                DemoWorkspace.stableId("demo-session:" + retreatId + ":" + name),
                new RetreatCommands.Session(
                        title, kind, starts, starts.plusHours(hours), "Main hall", by.memberId(), themeId, null),
                by,
                at);
    }

    private static String title(String themeId) {
        return switch (themeId) {
            case "behaviour-change" -> "Issues of behaviour change";
            case "worklessness-and-social-housing" -> "Worklessness and social housing";
            case "climate-change-and-carbon-reduction" -> "Climate change and carbon reduction";
            default -> "Understanding population flows";
        };
    }

    private static Actor actor(Person person) {
        return new Actor(person.memberId(), person.organisationId(), person.role());
    }
}
