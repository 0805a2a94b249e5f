package org.collaborative.benchmarks;

import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.collaborative.app.question.PostQuestion;
import org.collaborative.app.support.RunningWorkspace;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Publication of a stored backlog of 10,000 questions in which one in a hundred cannot be read (its title is not text,
 * so the publisher parks it, ADR 27), against the same backlog with none: the issue asks that everything else flow at
 * 90% or more of normal throughput. The backlog is written straight into the event store, a copy of a real
 * {@code QuestionPosted} row per event with a fresh aggregate id, while the publisher is stopped; then the publisher is
 * started and timed until its token has passed the last event. The projections are stopped first: this figure is about
 * publication, and 120,000 questions would keep them busy for long after. Run it last.
 */
final class PoisonThroughput {

    static final int BACKLOG = 10_000;
    static final int ONE_IN = 100;

    private final RunningWorkspace workspace;
    private final JdbcTemplate jdbc;
    private final EventProcessor publisher;
    private final Map<String, Object> template;
    private final String readableQuestion;

    PoisonThroughput(RunningWorkspace workspace, String groupId, String tomId) {
        this.workspace = workspace;
        this.jdbc = workspace.jdbc();
        this.publisher = workspace
                .bean(EventProcessingConfiguration.class)
                .eventProcessor("kafka-publisher")
                .orElseThrow();
        readableQuestion = UUID.randomUUID().toString();
        workspace
                .bean(CommandGateway.class)
                .sendAndWait(new PostQuestion(
                        readableQuestion,
                        groupId,
                        "Poison benchmark template",
                        "",
                        tomId,
                        "E09000007",
                        workspace.bean(Clock.class).instant()));
        template = jdbc.queryForMap(
                "select type, payload_type, payload_revision, convert_from(payload, 'UTF8') as payload, meta_data"
                        + " from domain_event_entry where aggregate_identifier = ? and sequence_number = 0",
                readableQuestion);
    }

    Benchmarks.Figure figure() {
        workspace.stopProjections();
        return Benchmarks.rounds(
                "Publication with 1% unpublishable events",
                "events published per second (10,000-event backlog, 1 in 100 parked)",
                "events published per second (the same backlog, none parked)",
                "per second",
                true,
                () -> publish(true),
                () -> publish(false));
    }

    private double publish(boolean poison) {
        publisher.shutDown();
        jdbc.update("delete from dead_letter_entry where processing_group = 'kafka-publisher'");
        List<Object[]> rows = new ArrayList<>(BACKLOG);
        String payload = (String) template.get("payload");
        String now = java.time.Instant.now().toString();
        for (int i = 0; i < BACKLOG; i++) {
            String id = UUID.randomUUID().toString();
            String json = payload.replace(readableQuestion, id);
            if (poison && i % ONE_IN == ONE_IN / 2) {
                json = json.replaceFirst("\"title\"\\s*:\\s*\"[^\"]*\"", "\"title\":{\"unreadable\":true}");
            }
            rows.add(new Object[] {
                UUID.randomUUID().toString(),
                id,
                template.get("type"),
                now,
                template.get("payload_type"),
                template.get("payload_revision"),
                json,
                template.get("meta_data")
            });
        }
        jdbc.batchUpdate(
                "insert into domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number,"
                        + " type, time_stamp, payload_type, payload_revision, payload, meta_data)"
                        + " values (nextval('domain_event_entry_seq'), ?, ?, 0, ?, ?, ?, ?, convert_to(?, 'UTF8'), ?)",
                rows);
        long target = workspace.lastStoredEvent();
        double perSecond = Benchmarks.perSecond(BACKLOG, () -> {
            publisher.start();
            await().atMost(Duration.ofMinutes(10))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> workspace.publishedUpTo() >= target);
        });
        long parked = jdbc.queryForObject(
                "select count(*) from dead_letter_entry where processing_group = 'kafka-publisher'", Long.class);
        if (parked != (poison ? BACKLOG / ONE_IN : 0)) {
            throw new IllegalStateException("Expected " + (poison ? BACKLOG / ONE_IN : 0) + " parked, found " + parked);
        }
        return perSecond;
    }
}
