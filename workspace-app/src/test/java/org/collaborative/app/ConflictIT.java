package org.collaborative.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.collaborative.app.group.JoinWorkingGroup;
import org.collaborative.app.support.RunningWorkspace;
import org.collaborative.events.member.MemberRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 64 threads change one aggregate at once through two web instances (each instance locks an aggregate only for its
 * own commands, so the two really race on the event store). No update is lost: every command either records its event
 * or fails with a {@link ConcurrencyException}, which the pages turn into a GOV.UK error message; the gateway's
 * retries resolve most conflicts.
 */
class ConflictIT {

    private static final int THREADS = 64;

    @TempDir
    Path data;

    enum Outcome { JOINED, CONFLICT }

    @Test
    void sixtyFourConcurrentJoinsThroughTwoInstancesLoseNothing() throws Exception {
        try (RunningWorkspace workspace = RunningWorkspace.start(data, RunningWorkspace.Ports.free())) {
            workspace.startAnotherWebInstance();
            String group = await().atMost(Duration.ofSeconds(60)).until(() -> workspace.jdbc()
                    .queryForList("select group_id from group_directory where visibility = 'OPEN' order by group_id limit 1",
                            String.class)
                    .stream().findFirst().orElse(null), id -> id != null);
            Long before = workspace.eventCount(group);
            Clock clock = workspace.bean(Clock.class);

            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Outcome>> outcomes = new ArrayList<>();
            try {
                for (int i = 0; i < THREADS; i++) {
                    CommandGateway commands = workspace.bean(i % 2, CommandGateway.class);
                    String member = UUID.randomUUID().toString();
                    Callable<Outcome> join = () -> {
                        start.await();
                        try {
                            commands.sendAndWait(new JoinWorkingGroup(group, member, "E09000007", MemberRole.SERVICE_LEADER, clock.instant()));
                            return Outcome.JOINED;
                        } catch (ConcurrencyException conflict) {
                            return Outcome.CONFLICT;
                        }
                    };
                    outcomes.add(pool.submit(join));
                }
                start.countDown();
                long joined = 0;
                for (Future<Outcome> outcome : outcomes) {
                    // Any failure other than a conflict would surface here, failing the test.
                    if (outcome.get() == Outcome.JOINED) {
                        joined++;
                    }
                }
                System.out.printf("ConflictIT: %d of %d joined, %d told of a conflict%n", joined, THREADS, THREADS - joined);

                Long after = workspace.eventCount(group);
                assertThat(after - before).as("events recorded for the commands that succeeded").isEqualTo(joined);
                assertThat(joined).as("most conflicts resolve by retrying").isGreaterThan(THREADS / 2);
                Long members = workspace.jdbc().queryForObject(
                        "select count(*) from group_member where group_id = ?", Long.class, group);
                assertThat(members - 1).as("members beside the facilitator").isGreaterThanOrEqualTo(joined);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
