package org.collaborative.projections.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.collaborative.events.question.QuestionAnswered;
import org.collaborative.events.question.QuestionPosted;
import org.collaborative.projections.item.ItemsProjector;
import org.collaborative.views.item.ItemView;
import org.collaborative.views.parking.ParkedRecord;
import org.collaborative.views.parking.ParkedRetry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/**
 * The projections' parking rule (ADR 27) against a real MongoDB wire-protocol server, with the items view's real
 * projector and listener: a question whose stored document is damaged cannot be applied; once the error handler gives
 * up on it, it is parked with its error, the later records of its key are parked behind it, and other questions flow.
 * Another instance assigned the partition knows the key is parked; a retry while the damage remains keeps everything
 * parked with the new error, and after a repair re-applies the sequence in order and lets the key flow again. A MongoDB
 * outage parks nothing.
 */
class ParkedRecordsTest {

    private static final Instant T0 = Instant.parse("2026-12-07T07:00:00Z");
    private static final String VIEW = ItemsProjector.NAME;
    private static final String GROUP = "projection.";

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private ParkedRecords parked;
    private LiveViews views;
    private ProjectionConfiguration.ProjectionListener listener;
    private ConsumerAwareRecordRecoverer recoverer;
    private final List<String> announced = new ArrayList<>();
    private final ItemsProjector projector = new ItemsProjector();
    private long offset;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        server.bind(new InetSocketAddress("127.0.0.1", 0), 1, 1);
        client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        mongo = new MongoTemplate(client, "collaborative");
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        parked = new ParkedRecords(mongo, clock);
        ViewChangeNotifier notifier =
                new ViewChangeNotifier(null, ProjectionConfiguration.eventJson(), "changes", null) {
                    @Override
                    void changed(String view, String viewId, EventEnvelope event) {
                        announced.add(viewId + " " + event.sequence());
                    }
                };
        views = new LiveViews(new ProjectionRunner(mongo), notifier, new ViewRegistry(mongo, clock));
        listener = new ProjectionConfiguration.ProjectionListener(
                projector, views, parked, ProjectionConfiguration.eventJson());
        recoverer = ProjectionConfiguration.parkAfterRetries(parked, GROUP);
        parked.assigned(VIEW, List.of(0));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    private ConsumerRecord<String, byte[]> record(String questionId, long sequence, Object payload) {
        ConsumerRecord<String, byte[]> built = Events.record(questionId, sequence, payload);
        return new ConsumerRecord<>(
                built.topic(),
                0,
                offset++,
                built.timestamp(),
                built.timestampType(),
                built.serializedKeySize(),
                built.serializedValueSize(),
                built.key(),
                built.value(),
                built.headers(),
                java.util.Optional.empty());
    }

    private static QuestionPosted posted(String id) {
        return new QuestionPosted(id, "g1", "t", "Who ran an e-auction?", "", "tom", "E09000007", T0);
    }

    private static QuestionAnswered answered(String id, String answerId, int minutes) {
        return new QuestionAnswered(
                id, answerId, "g1", "Answer " + answerId, "mary", "E09000023", T0.plusSeconds(60L * minutes));
    }

    private List<String> answers(String id) {
        return mongo.findById(id, ItemView.class, VIEW).answers().stream()
                .map(ItemView.Answer::answerId)
                .toList();
    }

    private List<ParkedRecord> parkedOf(String key) {
        return mongo.find(
                query(where("view").is(VIEW).and("partition").is(0).and("key").is(key))
                        .with(Sort.by("offset")),
                ParkedRecord.class,
                ParkedRecord.COLLECTION);
    }

    /** As the error handler does once its retries are spent: hands the failing record to the recoverer. */
    private void retriesSpent(ConsumerRecord<String, byte[]> record, BatchListenerFailedException failure) {
        recoverer.accept(record, null, new ListenerExecutionFailedException("failed", GROUP + VIEW, failure));
    }

    /** A document written by another version: its creation time is not a time. */
    private void damage(String id) {
        mongo.getCollection(VIEW).updateOne(Filters.eq("_id", id), Updates.set("createdAt", new Document("at", "?")));
    }

    @Test
    void aRecordTheViewCannotApplyIsParkedItsKeyWaitsOtherKeysFlowAndARetryAfterTheRepairAppliesThemInOrder() {
        String q1 = UUID.randomUUID().toString();
        String q2 = UUID.randomUUID().toString();
        listener.onEvents(List.of(record(q1, 0, posted(q1)), record(q2, 0, posted(q2))));
        damage(q1);

        ConsumerRecord<String, byte[]> first = record(q1, 1, answered(q1, "a1", 1));
        ConsumerRecord<String, byte[]> other = record(q2, 1, answered(q2, "b1", 2));
        ConsumerRecord<String, byte[]> second = record(q1, 2, answered(q1, "a2", 3));
        BatchListenerFailedException failure = org.junit.jupiter.api.Assertions.assertThrows(
                BatchListenerFailedException.class, () -> listener.onEvents(List.of(first, other, second)));
        assertThat(failure.getIndex()).isZero();
        assertThat(parkedOf(q1))
                .as("nothing is parked before the retries are spent")
                .isEmpty();

        retriesSpent(first, failure);
        listener.onEvents(List.of(other, second));

        assertThat(answers(q2)).as("another key flows").containsExactly("b1");
        assertThat(parkedOf(q1))
                .extracting(ParkedRecord::offset, ParkedRecord::eventType, ParkedRecord::failed)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(first.offset(), QuestionAnswered.class.getName(), true),
                        org.assertj.core.groups.Tuple.tuple(second.offset(), QuestionAnswered.class.getName(), false));
        assertThat(parkedOf(q1).get(0).error()).contains("Instant");
        assertThat(parkedOf(q1).get(0).eventId()).isNotBlank();

        // Another instance is assigned the partition: it reads the parked key, and parks the key's next record too.
        ParkedRecords elsewhere = new ParkedRecords(mongo, Clock.fixed(T0.plusSeconds(600), ZoneOffset.UTC));
        elsewhere.assigned(VIEW, List.of(0));
        assertThat(elsewhere.owns(VIEW, 0, q1)).isTrue();
        assertThat(elsewhere.owns(VIEW, 0, q2)).isFalse();
        parked.revoked(VIEW, List.of(0));
        assertThat(parked.owns(VIEW, 0, q1)).isFalse();
        ProjectionConfiguration.ProjectionListener there = new ProjectionConfiguration.ProjectionListener(
                projector, views, elsewhere, ProjectionConfiguration.eventJson());
        ConsumerRecord<String, byte[]> third = record(q1, 3, answered(q1, "a3", 4));
        there.onEvents(List.of(third));
        assertThat(parkedOf(q1)).hasSize(3);

        // Retried while the document is still damaged: nothing moves, the first keeps its place with the new error.
        assertThat(elsewhere.retry(
                        VIEW, 0, q1, events -> views.applyAll(projector, events), ProjectionConfiguration.eventJson()))
                .contains(new ParkedRecords.Outcome(0, 3));
        assertThat(parkedOf(q1)).hasSize(3);
        assertThat(parkedOf(q1).get(0).lastTriedAt()).isEqualTo(T0.plusSeconds(600));
        assertThat(parked.retry(
                        VIEW, 0, q1, events -> views.applyAll(projector, events), ProjectionConfiguration.eventJson()))
                .as("only the instance that owns the partition retries")
                .isEmpty();

        mongo.getCollection(VIEW).updateOne(Filters.eq("_id", q1), Updates.set("createdAt", java.util.Date.from(T0)));
        assertThat(elsewhere.retry(
                        VIEW, 0, q1, events -> views.applyAll(projector, events), ProjectionConfiguration.eventJson()))
                .contains(new ParkedRecords.Outcome(3, 0));

        assertThat(answers(q1)).as("applied in order").containsExactly("a1", "a2", "a3");
        assertThat(parkedOf(q1)).isEmpty();
        assertThat(announced).contains(q1 + " 1", q1 + " 2", q1 + " 3");
        there.onEvents(List.of(record(q1, 4, answered(q1, "a4", 5))));
        assertThat(answers(q1)).as("the key flows again").containsExactly("a1", "a2", "a3", "a4");
    }

    @Test
    void aRetryRequestIsCarriedOutOnceByTheInstanceThatOwnsThePartitionAndAStaleOneIsDropped() {
        String q1 = UUID.randomUUID().toString();
        listener.onEvents(List.of(record(q1, 0, posted(q1))));
        damage(q1);
        ConsumerRecord<String, byte[]> first = record(q1, 1, answered(q1, "a1", 1));
        BatchListenerFailedException failure = org.junit.jupiter.api.Assertions.assertThrows(
                BatchListenerFailedException.class, () -> listener.onEvents(List.of(first)));
        retriesSpent(first, failure);
        mongo.getCollection(VIEW).updateOne(Filters.eq("_id", q1), Updates.set("createdAt", java.util.Date.from(T0)));

        // Two instances poll the same requests; only this one is assigned partition 0.
        ParkedRecords unassigned = new ParkedRecords(mongo, Clock.fixed(T0, ZoneOffset.UTC));
        unassigned.assigned(VIEW, List.of(1));
        ParkedRetries there =
                new ParkedRetries(List.of(projector), unassigned, views, mongo, ProjectionConfiguration.eventJson());
        ParkedRetries here =
                new ParkedRetries(List.of(projector), parked, views, mongo, ProjectionConfiguration.eventJson());
        mongo.insert(new ParkedRetry("r-1", VIEW, 0, q1, "member:sam", T0), ParkedRetry.COLLECTION);

        there.carryOutRequests();
        assertThat(parkedOf(q1)).as("not its partition: left alone").hasSize(1);
        assertThat(mongo.findById("r-1", Document.class, ParkedRetry.COLLECTION))
                .isNotNull();

        here.carryOutRequests();
        assertThat(parkedOf(q1)).isEmpty();
        assertThat(answers(q1)).containsExactly("a1");
        assertThat(mongo.findById("r-1", Document.class, ParkedRetry.COLLECTION))
                .as("carried out once, then deleted")
                .isNull();

        mongo.insert(new ParkedRetry("r-2", VIEW, 0, q1, "member:sam", T0), ParkedRetry.COLLECTION);
        there.carryOutRequests();
        assertThat(mongo.findById("r-2", Document.class, ParkedRetry.COLLECTION))
                .as("nothing of it is parked any more: dropped by whoever sees it")
                .isNull();
    }

    @Test
    void aRecordThatCannotBeReadIsParkedForTheViewWithItsError() {
        String key = UUID.randomUUID().toString();
        ConsumerRecord<String, byte[]> unreadable = record(key, 0, posted(key));
        unreadable.headers().remove("ce_type");
        unreadable.headers().add("ce_type", "org.collaborative.events.NoSuchEvent".getBytes());
        ConsumerRecord<String, byte[]> behind = record(key, 1, answered(key, "a1", 1));

        BatchListenerFailedException failure = org.junit.jupiter.api.Assertions.assertThrows(
                BatchListenerFailedException.class, () -> listener.onEvents(List.of(unreadable, behind)));
        retriesSpent(unreadable, failure);
        listener.onEvents(List.of(behind));

        assertThat(parkedOf(key)).hasSize(2);
        assertThat(parkedOf(key).get(0).error()).contains("Unknown event type org.collaborative.events.NoSuchEvent");
        assertThat(mongo.findById(key, ItemView.class, VIEW))
                .as("nothing of the key applied")
                .isNull();
    }

    @Test
    void mongoDbBeingAwayParksNothing() {
        String key = UUID.randomUUID().toString();
        ConsumerRecord<String, byte[]> record = record(key, 0, posted(key));
        BatchListenerFailedException outage = new BatchListenerFailedException(
                "away", new DataAccessResourceFailureException("Timed out connecting to MongoDB"), 0);

        assertThatThrownBy(() -> retriesSpent(record, outage)).hasMessageContaining("retried, not parked");
        assertThat(parkedOf(key)).isEmpty();
        assertThat(parked.owns(VIEW, 0, key)).isFalse();
    }
}
