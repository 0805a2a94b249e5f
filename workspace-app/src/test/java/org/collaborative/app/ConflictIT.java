package org.collaborative.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.collaborative.app.group.FormWorkingGroup;
import org.collaborative.app.group.JoinWorkingGroup;
import org.collaborative.app.group.LeaveWorkingGroup;
import org.collaborative.app.group.WorkingGroup;
import org.collaborative.app.infrastructure.eventstore.AggregateSnapshots;
import org.collaborative.app.infrastructure.web.ErrorSummary;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.support.Browser;
import org.collaborative.app.support.RunningWorkspace;
import org.collaborative.events.group.GroupVisibility;
import org.collaborative.events.member.MemberRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * 64 threads change one aggregate at once through two web instances (each instance locks an aggregate only for its
 * own commands, so the two really race on the event store). The second instance does not retry conflicts, so that
 * they reach people. No update is lost: every command either records its event or fails with a
 * {@link ConcurrencyException}, which the API answers with 409 and a problem detail and the pages with a GOV.UK error
 * message.
 */
class ConflictIT {

    private static final int THREADS = 64;
    private static final String PASSWORD = "a-long-test-password";

    @TempDir
    static Path data;

    private static RunningWorkspace workspace;
    private static String secondInstance;
    private static List<String> openGroups;

    enum Outcome {
        JOINED,
        CONFLICT
    }

    @BeforeAll
    static void start() {
        workspace = RunningWorkspace.start(data, RunningWorkspace.Ports.free());
        secondInstance = workspace.startAnotherWebInstance("--collaborative.commands.conflict-retries=0");
        openGroups = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> workspace
                                .jdbc()
                                .queryForList(
                                        "select group_id from group_directory where visibility = 'OPEN' order by group_id",
                                        String.class),
                        groups -> groups.size() >= 2);
    }

    @AfterAll
    static void stop() {
        if (workspace != null) {
            workspace.close();
        }
    }

    @Test
    void sixtyFourConcurrentCommandsThroughTwoInstancesLoseNothing() throws Exception {
        String group = openGroups.get(0);
        Long before = workspace.eventCount(group);
        long membersBefore = members(group);
        Clock clock = workspace.bean(Clock.class);
        List<Callable<Outcome>> joins = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            CommandGateway commands = workspace.bean(i % 2, CommandGateway.class);
            String member = UUID.randomUUID().toString();
            joins.add(() -> {
                try {
                    commands.sendAndWait(new JoinWorkingGroup(
                            group, member, "E09000007", MemberRole.SERVICE_LEADER, clock.instant()));
                    return Outcome.JOINED;
                } catch (ConcurrencyException conflict) {
                    return Outcome.CONFLICT;
                }
            });
        }
        long joined = race(joins).stream().filter(Outcome.JOINED::equals).count();
        System.out.printf(
                "ConflictIT (gateway): %d of %d joined, %d told of a conflict%n", joined, THREADS, THREADS - joined);

        assertThat(workspace.eventCount(group) - before)
                .as("events recorded for the commands that succeeded")
                .isEqualTo(joined);
        assertThat(members(group) - membersBefore)
                .as("members added to the directory")
                .isEqualTo(joined);
    }

    @Test
    void aConflictIsA409ProblemInTheApiAndAGovukErrorOnThePage() throws Exception {
        String group = openGroups.get(1);
        Long before = workspace.eventCount(group);
        Accounts accounts = workspace.bean(Accounts.class);
        String hash = workspace.bean(PasswordEncoder.class).encode(PASSWORD);
        List<Callable<Outcome>> joins = new ArrayList<>();
        List<String> apiConflicts = new ArrayList<>();
        List<String> pageConflicts = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            String email = "conflict-" + i + "@camden.example";
            accounts.addIfAbsent(new Accounts.Account(
                    UUID.randomUUID().toString(),
                    email,
                    "Person " + i,
                    "Service leader",
                    "E09000007",
                    MemberRole.SERVICE_LEADER,
                    hash));
            Browser browser = (i % 2 == 0 ? workspace.browser() : Browser.at(secondInstance)).signIn(email, PASSWORD);
            browser.get("/groups/" + group);
            boolean api = (i / 2) % 2 == 0;
            joins.add(() -> {
                if (api) {
                    HttpResponse<String> response = browser.api("POST", "/api/groups/" + group + "/members", null);
                    if (response.statusCode() == 201) {
                        return Outcome.JOINED;
                    }
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
                    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                    synchronized (apiConflicts) {
                        apiConflicts.add(response.body());
                    }
                    return Outcome.CONFLICT;
                }
                HttpResponse<String> response = browser.post("/groups/" + group + "/members", Map.of());
                if (response.statusCode() == 302) {
                    return Outcome.JOINED;
                }
                assertThat(response.statusCode()).isEqualTo(200);
                synchronized (pageConflicts) {
                    pageConflicts.add(response.body());
                }
                return Outcome.CONFLICT;
            });
        }
        long joined = race(joins).stream().filter(Outcome.JOINED::equals).count();
        System.out.printf(
                "ConflictIT (HTTP): %d of %d joined; %d conflicts in the API, %d on the page%n",
                joined, THREADS, apiConflicts.size(), pageConflicts.size());

        assertThat(workspace.eventCount(group) - before)
                .as("events recorded for the requests that succeeded")
                .isEqualTo(joined);
        assertThat(apiConflicts.size() + pageConflicts.size())
                .as("conflicts told to people")
                .isPositive();
        assertThat(apiConflicts)
                .allSatisfy(problem -> assertThat(problem)
                        .contains("\"status\":409")
                        .contains("\"type\":\"https://collaborative.london/problems/conflict\"")
                        .contains(ErrorSummary.CONFLICT));
        assertThat(pageConflicts)
                .allSatisfy(page -> assertThat(page)
                        .contains("<title>Error: ")
                        .contains("govuk-error-summary")
                        .contains(ErrorSummary.CONFLICT));
    }

    /**
     * A group past the snapshot threshold (ADR 31, every 100 events): the first instance writes its snapshot to
     * PostgreSQL, the second loads the group from it, and the rules that rest on events from before it still hold
     * there. A snapshot of another revision (an older build's shape), or one that cannot be read, is dropped: the group
     * is rebuilt from its events and snapshotted again.
     */
    @Test
    void aGroupLoadedFromItsSnapshotOnTheOtherInstanceKeepsEveryRule() {
        CommandGateway first = workspace.bean(0, CommandGateway.class);
        CommandGateway second = workspace.bean(1, CommandGateway.class);
        Clock clock = workspace.bean(Clock.class);
        String group = UUID.randomUUID().toString();
        String theme = workspace
                .jdbc()
                .queryForObject(
                        "select theme_id from theme_directory where not archived order by theme_id limit 1",
                        String.class);
        first.sendAndWait(new FormWorkingGroup(
                group,
                theme,
                "Snapshot rehearsal",
                "",
                GroupVisibility.OPEN,
                "rehearsal-facilitator",
                "E09000007",
                clock.instant()));
        for (int i = 0; i < 120; i++) {
            first.sendAndWait(new JoinWorkingGroup(
                    group, "rehearsal-member-" + i, "E09000007", MemberRole.SERVICE_LEADER, clock.instant()));
        }
        String revision = AggregateSnapshots.revisionOf(WorkingGroup.class);
        String snapshot =
                await().atMost(Duration.ofSeconds(30)).until(() -> snapshotOf(group, revision), json -> json != null);
        assertThat(snapshot).contains("\"rehearsal-facilitator\"", "\"rehearsal-member-0\"", "\"OPEN\"");

        keepsItsRules(second, group, clock, "after-snapshot");

        // What an older build wrote, of a shape this one no longer has.
        workspace
                .jdbc()
                .update(
                        "update snapshot_event_entry set payload_revision = '1/0badcafe',"
                                + " payload = convert_to('{}', 'UTF8') where aggregate_identifier = ?",
                        group);
        keepsItsRules(second, group, clock, "after-old-revision");
        await().atMost(Duration.ofSeconds(30)).until(() -> snapshotOf(group, revision), json -> json != null);

        // The current revision, but nothing this build can read.
        workspace
                .jdbc()
                .update(
                        "update snapshot_event_entry set payload = convert_to('{\"noSuchField\":true}', 'UTF8')"
                                + " where aggregate_identifier = ?",
                        group);
        keepsItsRules(first, group, clock, "after-unreadable");
    }

    /** The only facilitator cannot leave; a member joining again records nothing; a newcomer joins. */
    private static void keepsItsRules(CommandGateway commands, String group, Clock clock, String newcomer) {
        assertThatThrownBy(() ->
                        commands.sendAndWait(new LeaveWorkingGroup(group, "rehearsal-facilitator", clock.instant())))
                .hasMessageContaining("only facilitator");
        long before = workspace.eventCount(group);
        commands.sendAndWait(new JoinWorkingGroup(
                group, "rehearsal-member-7", "E09000007", MemberRole.SERVICE_LEADER, clock.instant()));
        assertThat(workspace.eventCount(group)).as("a member joining again").isEqualTo(before);
        commands.sendAndWait(
                new JoinWorkingGroup(group, newcomer, "E09000012", MemberRole.SERVICE_LEADER, clock.instant()));
        assertThat(workspace.eventCount(group)).as("a newcomer joining").isEqualTo(before + 1);
    }

    /** The group's snapshot as JSON, if it has one of this revision. */
    private static String snapshotOf(String group, String revision) {
        return workspace
                .jdbc()
                .query(
                        "select convert_from(payload, 'UTF8') from snapshot_event_entry"
                                + " where aggregate_identifier = ? and payload_revision = ?",
                        (row, n) -> row.getString(1),
                        group,
                        revision)
                .stream()
                .findFirst()
                .orElse(null);
    }

    private static long members(String group) {
        return workspace
                .jdbc()
                .queryForObject("select count(*) from group_member where group_id = ?", Long.class, group);
    }

    /** Runs every task at the same moment on its own thread; any failure other than a conflict fails the test. */
    private static List<Outcome> race(List<Callable<Outcome>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Callable<Outcome> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
