package org.collaborative.app.seed;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.collaborative.app.commitment.AgreeAction;
import org.collaborative.app.commitment.CheckIns;
import org.collaborative.app.commitment.MakePledge;
import org.collaborative.app.commitment.RaiseCheckIn;
import org.collaborative.app.commitment.RecordProgress;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.London;
import org.collaborative.app.seed.DemoWorkspace.Person;
import org.collaborative.events.member.MemberRole;
import org.collaborative.events.retreat.CommitmentProgress;

/**
 * The outputs of the demo's chief executives' retreat (held six weeks ago, {@link DemoRetreats}): actions and pledges
 * at different check-in stages, sent as ordinary commands at the times they would have happened. The 30-day check-in
 * fell due eleven days ago: one action is on track, one is overdue with its check-in unanswered, one pledge is done,
 * one dropped with a reason, one waits for its owner; the e-auction action feeds the proposal it came from.
 */
final class DemoOutputs {

    private DemoOutputs() {}

    static List<Object> commands(Instant at, List<Person> everyone) {
        String retreat = DemoRetreats.CHIEF_EXECUTIVES_RETREAT;
        LocalDate startsOn = LocalDate.ofInstant(at.minus(Duration.ofDays(42)), London.ZONE);
        LocalDate endsOn = startsOn.plusDays(1);
        // Agreed in the closing plenary, on the retreat's last morning.
        Instant agreed = endsOn.atTime(10, 0).atZone(London.ZONE).toInstant();
        Instant checkIn = CheckIns.dueAt(endsOn, 30);
        List<Person> chiefs = everyone.stream()
                .filter(p -> p.role() == MemberRole.CHIEF_EXECUTIVE)
                .toList();
        Person priya = DemoWorkspace.CHIEF_EXECUTIVE;
        Person second =
                chiefs.stream().filter(p -> !p.equals(priya)).findFirst().orElse(priya);
        Person third = chiefs.stream()
                .filter(p -> !p.equals(priya) && !p.equals(second))
                .findFirst()
                .orElse(priya);
        Actor amara = actor(DemoWorkspace.FACILITATOR);
        String buying = group(DemoWorkspace.BUYING_GROUP);
        String tenants = group("Tenants into work");
        String session = DemoWorkspace.stableId("demo-session:" + retreat + ":commitments");
        String auction = DemoWorkspace.stableId("demo-item:pan-london-e-auction");

        List<Object> commands = new ArrayList<>();
        String onTrack = id("action:e-auction-specification");
        commands.add(new AgreeAction(
                onTrack,
                retreat,
                session,
                null,
                null,
                "Draft one specification for laptops and desktops for the pan-London e-auction",
                priya.memberId(),
                priya.organisationId(),
                endsOn.plusDays(120),
                buying,
                auction,
                amara,
                agreed));
        String overdue = id("action:jobs-portal-referrals");
        commands.add(new AgreeAction(
                overdue,
                retreat,
                session,
                null,
                null,
                "Share the Jobs Portal referral figures with every council in the group",
                second.memberId(),
                second.organisationId(),
                endsOn.plusDays(35),
                tenants,
                null,
                amara,
                agreed.plusSeconds(60)));
        String done = id("pledge:hackney-e-auction");
        commands.add(new MakePledge(
                done,
                retreat,
                session,
                null,
                null,
                "Hackney will join the next e-auction round for IT hardware",
                endsOn.plusDays(60),
                buying,
                auction,
                actor(priya),
                agreed.plusSeconds(120)));
        String dropped = id("pledge:shared-legal-services");
        commands.add(new MakePledge(
                dropped,
                retreat,
                session,
                null,
                null,
                "We will pilot shared legal services with a neighbouring borough by March",
                endsOn.plusDays(150),
                buying,
                null,
                actor(second),
                agreed.plusSeconds(180)));
        String waiting = id("pledge:tenants-into-work");
        commands.add(new MakePledge(
                waiting,
                retreat,
                session,
                null,
                null,
                "We will offer ten work placements to social tenants through the Jobs Portal",
                endsOn.plusDays(90),
                tenants,
                null,
                actor(third),
                agreed.plusSeconds(240)));
        for (String id : List.of(onTrack, overdue, done, dropped, waiting)) {
            commands.add(new RaiseCheckIn(id, checkIn));
        }
        commands.add(new RecordProgress(
                onTrack,
                CommitmentProgress.ON_TRACK,
                "First draft shared with the group",
                actor(priya),
                checkIn.plus(Duration.ofDays(2))));
        commands.add(new RecordProgress(
                done, CommitmentProgress.DONE, null, actor(priya), checkIn.plus(Duration.ofDays(1))));
        commands.add(new RecordProgress(
                dropped,
                CommitmentProgress.DROPPED,
                "No budget for the pilot this year; we will revisit it in April",
                actor(second),
                checkIn.plus(Duration.ofDays(3))));
        return commands;
    }

    private static String group(String name) {
        return DemoWorkspace.GROUPS.stream()
                .filter(g -> g.name().equals(name))
                .findFirst()
                .orElseThrow()
                .groupId();
    }

    private static String id(String name) {
        return DemoWorkspace.stableId("demo-output:" + name);
    }

    private static Actor actor(Person person) {
        return new Actor(person.memberId(), person.organisationId(), person.role());
    }
}
