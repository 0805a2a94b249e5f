package org.collaborative.app.group;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.collaborative.views.group.GroupPage;
import org.collaborative.views.group.GroupPage.Membership;
import org.collaborative.views.group.GroupPage.QuestionSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A group's page reads one page of its questions from a real MongoDB wire-protocol server, not the whole list: the
 * group-page view keeps every question of the group in its document, newest first, and a group a year old holds
 * thousands.
 */
class GroupViewsTest {

    private static final Instant NOW = Instant.parse("2026-12-08T12:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private GroupViews groups;
    private MongoTemplate mongo;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        server.bind(new InetSocketAddress("127.0.0.1", 0), 1, 1);
        client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        mongo = new MongoTemplate(client, "collaborative");
        groups = new GroupViews(mongo);
        mongo.insert(group("busy", 45), GroupPage.COLLECTION);
        mongo.insert(group("quiet", 3), GroupPage.COLLECTION);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aPageReadsItsQuestionsAndTheFirstOfTheNextPageOnly() {
        GroupPage first = groups.findWithQuestionsPage("busy", 1).orElseThrow();
        assertThat(ids(first)).containsExactlyElementsOf(range(44, 24));
        // The rest of the group is read whole.
        assertThat(first.name()).isEqualTo("Group busy");
        assertThat(first.members()).hasSize(2);
        assertThat(first.facilitatorIds()).containsExactly("amara");

        assertThat(ids(groups.findWithQuestionsPage("busy", 2).orElseThrow())).containsExactlyElementsOf(range(24, 4));
        assertThat(ids(groups.findWithQuestionsPage("busy", 3).orElseThrow())).containsExactlyElementsOf(range(4, 0));
        assertThat(groups.findWithQuestionsPage("busy", 4).orElseThrow().questions())
                .isEmpty();
        assertThat(ids(groups.findWithQuestionsPage("quiet", 1).orElseThrow())).containsExactly("q2", "q1", "q0");
        // A page number as large as a request can carry is past the list, not an overflow.
        assertThat(groups.findWithQuestionsPage("busy", Integer.MAX_VALUE)
                        .orElseThrow()
                        .questions())
                .isEmpty();
        assertThat(groups.findWithQuestionsPage("busy", Integer.MAX_VALUE)
                        .orElseThrow()
                        .name())
                .isEqualTo("Group busy");
        // A page number below 1 is the first page.
        assertThat(ids(groups.findWithQuestionsPage("busy", 0).orElseThrow())).containsExactlyElementsOf(range(44, 24));
        assertThat(groups.findWithQuestionsPage("missing", 1)).isEmpty();
    }

    @Test
    void whetherAQuestionIsListedIsAskedOfMongoDbWithoutReadingTheList() {
        assertThat(groups.hasQuestion("busy", "q0")).isTrue();
        assertThat(groups.hasQuestion("busy", "q44")).isTrue();
        assertThat(groups.hasQuestion("quiet", "q44")).isFalse();
        assertThat(groups.hasQuestion("busy", "q45")).isFalse();
        assertThat(groups.awaitQuestion("busy", "q0", Duration.ZERO)).isTrue();
        assertThat(groups.awaitQuestion("busy", "q45", Duration.ofMillis(120))).isFalse();
    }

    @Test
    void waitingForAChangeToTheGroupReadsItWithoutItsQuestions() {
        List<GroupPage> seen = new ArrayList<>();
        GroupPage group = groups.awaitUntil(
                        "busy",
                        g -> {
                            seen.add(g);
                            return g.hasMember("tom");
                        },
                        Duration.ZERO)
                .orElseThrow();
        assertThat(group.questions()).isEmpty();
        assertThat(group.hasMember("tom")).isTrue();
        assertThat(seen).hasSize(1);
    }

    @Test
    void aThemesGroupsAreReadWithoutTheirQuestionsButWithTheirNumber() {
        mongo.insert(group("elsewhere", 7, "another"), GroupPage.COLLECTION);
        // A group whose document has no list of questions at all.
        mongo.insert(group("empty", 0), GroupPage.COLLECTION);
        mongo.updateFirst(
                new org.springframework.data.mongodb.core.query.Query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id")
                                .is("empty")),
                new org.springframework.data.mongodb.core.query.Update().unset("questions"),
                GroupPage.COLLECTION);
        List<GroupViews.GroupCard> cards = groups.cardsOnTheme("theme");
        assertThat(cards)
                .extracting(card -> card.group().name(), GroupViews.GroupCard::questions)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Group busy", 45),
                        org.assertj.core.groups.Tuple.tuple("Group empty", 0),
                        org.assertj.core.groups.Tuple.tuple("Group quiet", 3));
        assertThat(cards).allSatisfy(card -> {
            assertThat(card.group().questions()).isEmpty();
            assertThat(card.group().members()).hasSize(2);
            assertThat(card.group().visibility()).isEqualTo("OPEN");
        });
    }

    private static List<String> range(int newest, int oldest) {
        return IntStream.iterate(newest, i -> i >= oldest, i -> i - 1)
                .mapToObj(i -> "q" + i)
                .toList();
    }

    private static List<String> ids(GroupPage group) {
        return group.questions().stream().map(QuestionSummary::questionId).toList();
    }

    /** A group with {@code count} questions, newest first (q{count-1} ... q0), as the projector keeps them. */
    private static GroupPage group(String id, int count) {
        return group(id, count, "theme");
    }

    private static GroupPage group(String id, int count, String themeId) {
        List<QuestionSummary> questions = IntStream.iterate(count - 1, i -> i >= 0, i -> i - 1)
                .mapToObj(i -> new QuestionSummary(
                        "q" + i, "Question " + i, "Body " + i, "tom", "E09000007", NOW.minusSeconds(60L * (count - i))))
                .toList();
        return new GroupPage(
                id,
                themeId,
                "Group " + id,
                "Purpose",
                "OPEN",
                NOW.minusSeconds(86_400),
                List.of("amara"),
                List.of(
                        new Membership("amara", "E09000012", NOW.minusSeconds(86_400)),
                        new Membership("tom", "E09000007", NOW.minusSeconds(3_600))),
                questions,
                List.of(),
                List.of(),
                List.of(),
                null,
                Map.of(),
                0L);
    }
}
