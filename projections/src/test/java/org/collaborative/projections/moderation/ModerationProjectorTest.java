package org.collaborative.projections.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.collaborative.projections.infrastructure.Events.envelope;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.Instant;
import org.collaborative.events.moderation.AnswerHidden;
import org.collaborative.events.moderation.AnswerReported;
import org.collaborative.events.moderation.AnswerReportsDismissed;
import org.collaborative.events.moderation.AnswerRestored;
import org.collaborative.events.moderation.ItemHidden;
import org.collaborative.events.moderation.ItemReported;
import org.collaborative.events.moderation.ItemRestored;
import org.collaborative.events.moderation.ReportsDismissed;
import org.collaborative.events.question.QuestionPosted;
import org.collaborative.projections.infrastructure.EventEnvelope;
import org.collaborative.projections.infrastructure.ProjectionRunner;
import org.collaborative.views.moderation.ModerationView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The moderation view on a real MongoDB wire-protocol server, through the runner. */
class ModerationProjectorTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private ProjectionRunner runner;
    private final ModerationProjector projector = new ModerationProjector();

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        server.bind(new InetSocketAddress("127.0.0.1", 0), 1, 1);
        client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        mongo = new MongoTemplate(client, "collaborative");
        runner = new ProjectionRunner(mongo);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    private ModerationView view(String id) {
        return mongo.findById(id, ModerationView.class, ModerationProjector.NAME);
    }

    @Test
    void reportsStayOpenUntilTheItemIsHiddenAndEverythingIsLogged() {
        runner.apply(
                projector,
                envelope(
                        "c1",
                        1,
                        new ItemReported("c1", "comment", "q1", "g1", "r1", "Rude", "priya", "E09000012", T0)));
        EventEnvelope second = envelope(
                "c1",
                2,
                new ItemReported(
                        "c1", "comment", "q1", "g1", "r2", "Very rude", "mary", "E09000023", T0.plusSeconds(10)));
        runner.apply(projector, second);

        ModerationView reported = view("c1");
        assertThat(reported.itemType()).isEqualTo("comment");
        assertThat(reported.parentItemId()).isEqualTo("q1");
        assertThat(reported.groupId()).isEqualTo("g1");
        assertThat(reported.hidden()).isNull();
        assertThat(reported.openReports()).extracting(ModerationView.Report::by).containsExactly("priya", "mary");
        assertThat(runner.apply(projector, second))
                .as("a redelivery changes nothing")
                .isEmpty();
        assertThat(view("c1")).isEqualTo(reported);

        runner.apply(
                projector,
                envelope("c1", 3, new ItemHidden("c1", "comment", "q1", "g1", "Abusive", "amara", T0.plusSeconds(60))));
        ModerationView hidden = view("c1");
        assertThat(hidden.openReports()).isEmpty();
        assertThat(hidden.hidden()).isEqualTo(new ModerationView.Hidden("amara", "Abusive", T0.plusSeconds(60)));

        runner.apply(
                projector,
                envelope(
                        "c1", 4, new ItemRestored("c1", "comment", "q1", "g1", "Misread", "sam", T0.plusSeconds(120))));
        ModerationView restored = view("c1");
        assertThat(restored.hidden()).isNull();
        assertThat(restored.lastActivity()).isEqualTo(T0.plusSeconds(120));
        assertThat(restored.log())
                .extracting(ModerationView.Entry::action, ModerationView.Entry::by, ModerationView.Entry::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("reported", "priya", "Rude"),
                        org.assertj.core.groups.Tuple.tuple("reported", "mary", "Very rude"),
                        org.assertj.core.groups.Tuple.tuple("hid", "amara", "Abusive"),
                        org.assertj.core.groups.Tuple.tuple("restored", "sam", "Misread"));
    }

    @Test
    void itemsNeverModeratedHaveNoDocument() {
        assertThat(runner.apply(
                        projector,
                        envelope(
                                "q1",
                                0,
                                new QuestionPosted(
                                        "q1", "g1", "t", "Who ran an e-auction?", "", "tom", "E09000007", T0))))
                .isEmpty();
        assertThat(mongo.getCollection(ModerationProjector.NAME).countDocuments())
                .isZero();
    }

    @Test
    void dismissingClosesTheReportsLeavesTheItemShownAndIsLogged() {
        runner.apply(
                projector,
                envelope(
                        "q1",
                        1,
                        new ItemReported("q1", "question", null, "g1", "r1", "Rude", "priya", "E09000012", T0)));
        runner.apply(
                projector,
                envelope(
                        "q1",
                        2,
                        new ReportsDismissed(
                                "q1", "question", null, "g1", "Blunt but fair", "amara", T0.plusSeconds(60))));

        ModerationView view = view("q1");
        assertThat(view.hidden()).isNull();
        assertThat(view.openReports()).isEmpty();
        assertThat(view.log()).extracting(ModerationView.Entry::action).containsExactly("reported", "dismissed");
        assertThat(view.log().get(1).reason()).isEqualTo("Blunt but fair");
        assertThat(view.log().get(1).by()).isEqualTo("amara");
    }

    @Test
    void anAnswerHasItsOwnDocumentNamingItsQuestion() {
        runner.apply(
                projector,
                envelope(
                        "q1",
                        3,
                        new AnswerReported("q1", "a1", "g1", "r1", "Names a resident", "tom", "E09000007", T0)));
        runner.apply(
                projector,
                envelope(
                        "q1",
                        4,
                        new AnswerReported(
                                "q1", "a2", "g1", "r2", "Off topic", "tom", "E09000007", T0.plusSeconds(1))));
        runner.apply(
                projector,
                envelope(
                        "q1",
                        5,
                        new AnswerHidden("q1", "a1", "g1", "priya", "Names a resident", "amara", T0.plusSeconds(60))));
        runner.apply(
                projector,
                envelope(
                        "q1",
                        6,
                        new AnswerReportsDismissed("q1", "a2", "g1", "Fair enough", "amara", T0.plusSeconds(61))));

        ModerationView hidden = view("a1");
        assertThat(hidden.itemType()).isEqualTo("answer");
        assertThat(hidden.parentItemId()).isEqualTo("q1");
        assertThat(hidden.pageItemId()).isEqualTo("q1");
        assertThat(hidden.groupId()).isEqualTo("g1");
        assertThat(hidden.hidden().reason()).isEqualTo("Names a resident");
        assertThat(hidden.openReports()).isEmpty();
        assertThat(view("a2").openReports()).isEmpty();
        assertThat(view("a2").log()).extracting(ModerationView.Entry::action).containsExactly("reported", "dismissed");
        assertThat(view("q1")).as("the question itself was never moderated").isNull();

        runner.apply(
                projector,
                envelope(
                        "q1",
                        7,
                        new AnswerRestored("q1", "a1", "g1", "priya", "A public officer", "sam", T0.plusSeconds(90))));
        assertThat(view("a1").hidden()).isNull();
        assertThat(view("a1").log())
                .extracting(ModerationView.Entry::action)
                .containsExactly("reported", "hid", "restored");
    }
}
