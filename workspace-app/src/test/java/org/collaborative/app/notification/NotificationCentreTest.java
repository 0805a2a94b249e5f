package org.collaborative.app.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.lang.reflect.Constructor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.collaborative.app.account.SignedIn;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.commitment.CommitmentViews;
import org.collaborative.app.follow.FollowViews;
import org.collaborative.app.group.GroupPages;
import org.collaborative.app.group.GroupViews;
import org.collaborative.app.retreat.RetreatViews;
import org.collaborative.events.member.MemberRole;
import org.collaborative.views.digest.ActivityView;
import org.collaborative.views.digest.ActivityView.Happening;
import org.collaborative.views.digest.ActivityView.Kind;
import org.collaborative.views.follow.Follows;
import org.collaborative.views.group.GroupPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The notification centre (and so the unread count in every page's header) on a real MongoDB wire-protocol server:
 * it reads the member's activity newest first, a page at a time, and stops once nothing older can enter the list, so
 * its cost does not grow with what the member has posted and followed.
 */
class NotificationCentreTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final WorkspaceUser TOM = SignedIn.as("tom", "E09000007", MemberRole.SERVICE_LEADER);

    private MongoServer server;
    private MongoClient client;
    /** Activity documents the centre has read from MongoDB. */
    private final AtomicInteger activityRead = new AtomicInteger();

    private final List<ActivityView> activity = new ArrayList<>();
    /** The filters of the centre's reads of group pages. */
    private final List<org.bson.Document> groupQueries = new ArrayList<>();

    private MongoTemplate mongo;
    private NotificationViews centre;

    @BeforeEach
    void start() throws Exception {
        server = new MongoServer(new MemoryBackend());
        server.bind(new InetSocketAddress("127.0.0.1", 0), 1, 1);
        client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        mongo = new MongoTemplate(client, "collaborative") {
            @Override
            public <T> List<T> find(Query query, Class<T> entityClass, String collectionName) {
                List<T> found = super.find(query, entityClass, collectionName);
                if (ActivityView.COLLECTION.equals(collectionName)) {
                    activityRead.addAndGet(found.size());
                }
                if (GroupPage.COLLECTION.equals(collectionName)) {
                    groupQueries.add(query.getQueryObject());
                }
                return found;
            }
        };
        FollowViews follows = make(FollowViews.class, mongo);
        GroupPages groups = make(GroupPages.class, make(GroupViews.class, mongo), null, null, null, follows);
        centre = new NotificationViews(
                mongo,
                follows,
                groups,
                make(CommitmentViews.class, mongo),
                make(RetreatViews.class, mongo, null, null));
        mongo.insert(
                new GroupPage(
                        "g1",
                        "t1",
                        "Homes for work",
                        "",
                        "OPEN",
                        NOW.minus(Duration.ofDays(90)),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        null,
                        Map.of(),
                        null),
                GroupPage.COLLECTION);
        mongo.insert(new Follows("tom", List.of("g1"), List.of(), Map.of(), null), Follows.COLLECTION);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void aMembersOwnUnansweredPostsAreNotReadAndTheNewestFiftyNotificationsAreListed() {
        // A prolific poster: 400 questions of their own that nobody has answered (nothing to tell them)...
        for (int i = 0; i < 400; i++) {
            insert(
                    "own-" + i,
                    "tom",
                    NOW.minus(Duration.ofMinutes(i)),
                    happening("tom", NOW.minus(Duration.ofMinutes(i))));
        }
        // ...and 120 questions by others in a group they follow, one a minute, each answered by someone else.
        List<Instant> expected = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            Instant asked = NOW.minus(Duration.ofHours(1)).minus(Duration.ofMinutes(2L * i));
            insert(
                    "other-" + i,
                    "mary",
                    asked.plusSeconds(30),
                    happening("mary", asked),
                    answer("ben", asked.plusSeconds(30)));
            expected.add(asked.plusSeconds(30));
            expected.add(asked);
        }
        // A question of Tom's answered by Mary long ago, where Tom's own reply is the newest thing in the whole
        // collection: it is read first, but its notification is older than fifty others and must not be listed.
        insert(
                "answered-long-ago",
                "tom",
                NOW.minusSeconds(5),
                happening("tom", NOW.minus(Duration.ofDays(20))),
                answer("mary", NOW.minus(Duration.ofDays(10))),
                answer("tom", NOW.minusSeconds(5)));

        mongo.insert(activity, ActivityView.COLLECTION);
        List<NotificationViews.Notification> listed = centre.centre(TOM, NOW);

        assertThat(listed).hasSize(NotificationViews.CENTRE_LIMIT);
        assertThat(listed)
                .extracting(NotificationViews.Notification::at)
                .containsExactlyElementsOf(expected.subList(0, NotificationViews.CENTRE_LIMIT));
        assertThat(listed).extracting(NotificationViews.Notification::link).noneMatch(l -> l.contains("own-"));
        // Of 521 items, one page of 100 is read: Tom's own unanswered posts stay in MongoDB, and the first page of the
        // rest already holds the fifty newest notifications.
        assertThat(activityRead.get()).isEqualTo(NotificationViews.ACTIVITY_PAGE);
        assertThat(centre.unread(TOM, NOW)).isEqualTo(NotificationViews.CENTRE_LIMIT);
    }

    @Test
    void anOldAnswerToTheMembersQuestionIsFoundBehindManyNewerItemsThatSayNothing() {
        // Thirty new questions by someone else in the followed group, 250 newer posts of Tom's own that nobody has
        // answered, and Tom's question answered 25 days ago, older than all of them: it is still listed, since fewer
        // than fifty notifications are newer.
        for (int i = 0; i < 30; i++) {
            insert(
                    "other-" + i,
                    "mary",
                    NOW.minus(Duration.ofHours(i)),
                    happening("mary", NOW.minus(Duration.ofHours(i))));
        }
        for (int i = 0; i < 250; i++) {
            insert(
                    "own-" + i,
                    "tom",
                    NOW.minus(Duration.ofMinutes(i)),
                    happening("tom", NOW.minus(Duration.ofMinutes(i))));
        }
        insert(
                "mine",
                "tom",
                NOW.minus(Duration.ofDays(25)),
                happening("tom", NOW.minus(Duration.ofDays(26))),
                answer("priya", NOW.minus(Duration.ofDays(25))));
        // Beyond the centre's 30 days: not listed.
        insert("too-old", "tom", NOW.minus(Duration.ofDays(31)), answer("priya", NOW.minus(Duration.ofDays(31))));

        mongo.insert(activity, ActivityView.COLLECTION);
        List<NotificationViews.Notification> listed = centre.centre(TOM, NOW);

        assertThat(listed).hasSize(31);
        assertThat(listed.get(30).link()).isEqualTo("/items/mine");
        assertThat(listed.get(30).text()).startsWith("New answer");
    }

    @Test
    void theGroupsOfTheItemsAreReadByIdAndOnlyThoseTheMemberMaySeeAreTold() {
        // Forty groups Tom does not follow, each with its list of questions: the centre must not read them all.
        for (int g = 0; g < 40; g++) {
            mongo.insert(
                    group("busy-" + g, "Busy " + g, "OPEN", List.of()).withQuestions(questions(200)),
                    GroupPage.COLLECTION);
        }
        // An open group Tom does not follow, where Mary answered his question; an invitation-only group he is no longer
        // in, where Ben answered his old question.
        mongo.insert(group("open", "Open door", "OPEN", List.of()), GroupPage.COLLECTION);
        mongo.insert(group("closed", "Closed door", "INVITATION_ONLY", List.of()), GroupPage.COLLECTION);
        insertIn(
                "open",
                "in-open",
                "tom",
                NOW.minus(Duration.ofHours(1)),
                happening("tom", NOW.minus(Duration.ofHours(3))),
                answer("mary", NOW.minus(Duration.ofHours(1))));
        insertIn(
                "closed",
                "in-closed",
                "tom",
                NOW.minus(Duration.ofHours(2)),
                happening("tom", NOW.minus(Duration.ofHours(4))),
                answer("ben", NOW.minus(Duration.ofHours(2))));
        insert("followed", "mary", NOW.minus(Duration.ofHours(5)), happening("mary", NOW.minus(Duration.ofHours(5))));

        mongo.insert(activity, ActivityView.COLLECTION);
        List<NotificationViews.Notification> listed = centre.centre(TOM, NOW);

        assertThat(listed)
                .extracting(NotificationViews.Notification::link)
                .containsExactly("/items/in-open", "/items/followed");
        assertThat(listed.get(0).text()).isEqualTo("New answer in ‘Open door’");
        // Every read of a group page asked for groups by id.
        assertThat(groupQueries)
                .isNotEmpty()
                .allSatisfy(filter -> assertThat(filter).containsKey("_id"));
    }

    private static GroupPage group(String id, String name, String visibility, List<GroupPage.Membership> members) {
        return new GroupPage(
                id,
                "t1",
                name,
                "",
                visibility,
                NOW.minus(Duration.ofDays(90)),
                List.of(),
                members,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null,
                Map.of(),
                null);
    }

    private static List<GroupPage.QuestionSummary> questions(int count) {
        List<GroupPage.QuestionSummary> questions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            questions.add(new GroupPage.QuestionSummary(
                    "q" + i, "Question " + i, "", "mary", "E09000012", NOW.minus(Duration.ofMinutes(i))));
        }
        return questions;
    }

    private void insert(String id, String authorId, Instant lastAt, Happening... happenings) {
        insertIn("g1", id, authorId, lastAt, happenings);
    }

    private void insertIn(String groupId, String id, String authorId, Instant lastAt, Happening... happenings) {
        activity.add(new ActivityView(
                id,
                "ITEM",
                "question",
                groupId,
                "t1",
                "Question " + id,
                authorId,
                "E09000007",
                "OPEN",
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                false,
                lastAt,
                List.of(happenings),
                Map.of(),
                null));
    }

    private static Happening happening(String actorId, Instant at) {
        return new Happening(
                "posted:" + actorId + ":" + at, Kind.QUESTION_POSTED, at, actorId, "E09000007", null, null, null);
    }

    private static Happening answer(String actorId, Instant at) {
        return new Happening(
                "answered:" + actorId + ":" + at, Kind.QUESTION_ANSWERED, at, actorId, "E09000012", null, null, null);
    }

    /** The views' constructors belong to their packages (Spring makes them); the test builds them the same way. */
    private static <T> T make(Class<T> type, Object... arguments) throws Exception {
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (constructor.getParameterCount() == arguments.length) {
                constructor.setAccessible(true);
                return type.cast(constructor.newInstance(arguments));
            }
        }
        throw new IllegalArgumentException("No constructor of " + type + " takes " + arguments.length);
    }
}
