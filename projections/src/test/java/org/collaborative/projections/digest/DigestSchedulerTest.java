package org.collaborative.projections.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.collaborative.projections.digest.DigestFixtures.ORGANISATIONS;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.collaborative.projections.follow.FollowsProjector;
import org.collaborative.projections.group.GroupPageProjector;
import org.collaborative.projections.organisation.OrganisationsProjector;
import org.collaborative.views.digest.Digest;
import org.collaborative.views.digest.DigestWeek;
import org.collaborative.views.digest.NotificationSettings;
import org.collaborative.views.group.GroupPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The scheduler against a real MongoDB wire-protocol server: one digest per member per week however many instances
 * race, a week missed during downtime made once on catch-up, quiet weeks kept as EMPTY (never sent), stale claims
 * taken over, previews on request.
 */
class DigestSchedulerTest {

    /** 09:00 BST on Monday 30 March 2026: the 08:00 digests of ISO week 14 fell due an hour ago. */
    private static final Instant MONDAY_NINE = Instant.parse("2026-03-30T08:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private MutableClock clock;

    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        server.bind(new InetSocketAddress("127.0.0.1", 0), 1, 1);
        client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        mongo = new MongoTemplate(client, "collaborative");
        clock = new MutableClock(MONDAY_NINE);
        ORGANISATIONS.values().forEach(card -> mongo.save(card, OrganisationsProjector.NAME));
        DigestFixtures.groups().values().forEach(group -> mongo.save(group, GroupPageProjector.NAME));
        DigestFixtures.aBusyWeek().all().forEach(view -> mongo.save(view, ActivityProjector.NAME));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    private DigestScheduler scheduler() {
        return new DigestScheduler(
                mongo, new DigestSources(mongo), clock, 7, Duration.ZERO, Duration.ofMinutes(10), true);
    }

    private void settings(NotificationSettings settings) {
        mongo.save(settings, NotificationSettingsProjector.NAME);
    }

    /** Priya's "preview my digest now", as the web page records it. */
    private void requestPreview(String id) {
        mongo.insert(
                new Digest(
                        id,
                        "priya",
                        null,
                        null,
                        null,
                        "preview",
                        null,
                        null,
                        "REQUESTED",
                        null,
                        clock.instant(),
                        null,
                        null,
                        List.of(),
                        List.of(),
                        0,
                        null,
                        null,
                        null,
                        0,
                        null),
                Digest.COLLECTION);
    }

    private List<Digest> digests() {
        return mongo.findAll(Digest.class, Digest.COLLECTION);
    }

    /** Many members of Buying better together, half of them chief executives of Hackney and half from Camden. */
    private List<String> manyMembers(int count) {
        List<String> ids = new ArrayList<>();
        GroupPage g1 = mongo.findById("g1", GroupPage.class, GroupPageProjector.NAME);
        List<GroupPage.Membership> members = new ArrayList<>(g1.members());
        for (int i = 0; i < count; i++) {
            String id = "member-" + i;
            boolean chief = i % 2 == 0;
            settings(new NotificationSettings(
                    id,
                    chief ? DigestFixtures.HACKNEY : DigestFixtures.CAMDEN,
                    chief ? "CHIEF_EXECUTIVE" : "SERVICE_LEADER",
                    null,
                    null,
                    true,
                    List.of(),
                    null,
                    Map.of(),
                    null));
            members.add(DigestFixtures.member(id, chief ? DigestFixtures.HACKNEY : DigestFixtures.CAMDEN));
            ids.add(id);
        }
        mongo.save(
                new GroupPage(
                        g1.id(),
                        g1.themeId(),
                        g1.name(),
                        g1.purpose(),
                        g1.visibility(),
                        g1.formedAt(),
                        g1.facilitatorIds(),
                        members,
                        g1.questions(),
                        g1.requests(),
                        g1.invitations(),
                        g1.items(),
                        null,
                        Map.of(),
                        g1.version()),
                GroupPageProjector.NAME);
        return ids;
    }

    @Test
    void twoInstancesRacingOnOneMongoDbMakeEachMembersDigestExactlyOnce() throws Exception {
        List<String> members = manyMembers(40);
        DigestScheduler first = scheduler();
        DigestScheduler second = scheduler();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<Integer>> runs = new ArrayList<>();
        for (DigestScheduler instance : List.of(first, second, first, second)) {
            Callable<Integer> run = () -> {
                go.await();
                return instance.runDue();
            };
            runs.add(threads.submit(run));
        }
        go.countDown();
        int made = 0;
        for (Future<Integer> run : runs) {
            made += run.get();
        }
        threads.shutdown();

        assertThat(made).isEqualTo(members.size());
        List<Digest> digests = digests();
        assertThat(digests).hasSize(members.size());
        assertThat(digests).extracting(Digest::id).doesNotHaveDuplicates().allMatch(id -> id.endsWith(":2026-W14"));
        assertThat(digests).extracting(Digest::state).containsOnly("READY");
        assertThat(digests)
                .extracting(Digest::claimedBy)
                .containsAnyOf(first.instance(), second.instance())
                .allMatch(by -> by.equals(first.instance()) || by.equals(second.instance()));
        Digest chief = mongo.findById("member-0:2026-W14", Digest.class, Digest.COLLECTION);
        assertThat(chief.kind()).isEqualTo("CHIEF_EXECUTIVE");
        assertThat(chief.organisationName()).isEqualTo("Hackney");
        assertThat(chief.sections()).isNotEmpty();
        assertThat(chief.from()).isEqualTo(Instant.parse("2026-03-23T08:00:00Z"));
        assertThat(chief.due()).isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));

        // Running again, on either instance, makes nothing more.
        assertThat(first.runDue() + second.runDue()).isZero();
        assertThat(digests()).hasSize(members.size());
    }

    @Test
    void aWeekMissedWhileNothingRanIsMadeOnceOnCatchUpAndTheNextWeekOnItsOwnDay() {
        settings(DigestFixtures.priya());
        // Down all Monday: the projections come back on Wednesday afternoon.
        clock.set(Instant.parse("2026-04-01T14:00:00Z"));
        DigestScheduler scheduler = scheduler();

        assertThat(scheduler.runDue()).isEqualTo(1);
        assertThat(scheduler.runDue()).isZero();
        assertThat(digests()).extracting(Digest::id).containsExactly("priya:2026-W14");

        // Sunday night: nothing new is due yet; Monday 08:00 BST: week 15 is.
        clock.set(Instant.parse("2026-04-05T22:00:00Z"));
        assertThat(scheduler.runDue()).isZero();
        clock.set(Instant.parse("2026-04-06T07:00:00Z"));
        assertThat(scheduler.runDue()).isEqualTo(1);
        assertThat(mongo.findById("priya:2026-W15", Digest.class, Digest.COLLECTION)
                        .state())
                .as("nothing happened in week 15")
                .isEqualTo("EMPTY");
    }

    @Test
    void aMemberWhoMovesTheirDigestLaterInAWeekThatHadOneGetsTheNextWeekCoveringEverythingSinceTheLast() {
        settings(DigestFixtures.priya());
        DigestScheduler scheduler = scheduler();
        assertThat(scheduler.runDue()).isEqualTo(1);
        Digest monday = mongo.findById("priya:2026-W14", Digest.class, Digest.COLLECTION);
        assertThat(monday.due()).isEqualTo(Instant.parse("2026-03-30T07:00:00Z")); // 08:00 BST

        // A few minutes later Priya moves her digest to Wednesdays at 10:05. Week 14 has had its digest, so the new
        // day and time start in week 15, as the settings page says (the same rule, DigestWeek.next).
        NotificationSettings wednesdays = new NotificationSettings(
                "priya",
                DigestFixtures.HACKNEY,
                "CHIEF_EXECUTIVE",
                "WEDNESDAY",
                "10:05",
                true,
                List.of(),
                null,
                Map.of(),
                null);
        mongo.remove(query(where("_id").is("priya")), NotificationSettingsProjector.NAME);
        settings(wednesdays);
        // (Her week 13 digest came the Monday before.)
        DigestWeek next = DigestWeek.next(
                MONDAY_NINE,
                java.time.DayOfWeek.WEDNESDAY,
                java.time.LocalTime.of(10, 5),
                List.of("2026-W13", "2026-W14"));
        assertThat(next.week()).isEqualTo("2026-W15");
        assertThat(next.due()).isEqualTo(Instant.parse("2026-04-08T09:05:00Z"));

        clock.set(Instant.parse("2026-04-01T09:10:00Z")); // Wednesday of week 14, 10:10 BST
        assertThat(scheduler.runDue()).isZero();

        // A preview meanwhile holds what the next digest would: from where Monday's ended.
        requestPreview("priya:preview-2");
        assertThat(scheduler.runPreviews()).isEqualTo(1);
        assertThat(mongo.findById("priya:preview-2", Digest.class, Digest.COLLECTION)
                        .from())
                .isEqualTo(monday.due());

        // Wednesday of week 15: the digest covers everything since Monday's, nine days, with no gap and no overlap.
        clock.set(Instant.parse("2026-04-08T09:10:00Z"));
        assertThat(scheduler.runDue()).isEqualTo(1);
        Digest wednesday = mongo.findById("priya:2026-W15", Digest.class, Digest.COLLECTION);
        assertThat(wednesday.from()).isEqualTo(monday.due());
        assertThat(wednesday.due()).isEqualTo(next.due());
    }

    @Test
    void aQuietWeekIsRecordedAsEmptySoItIsNeitherShownNorSentNorMadeAgain() {
        settings(DigestFixtures.priya());
        clock.set(Instant.parse("2026-04-27T07:30:00Z"));
        DigestScheduler scheduler = scheduler();

        assertThat(scheduler.runDue()).isEqualTo(1);
        Digest quiet = mongo.findById("priya:2026-W18", Digest.class, Digest.COLLECTION);
        assertThat(quiet.state()).isEqualTo("EMPTY");
        assertThat(quiet.sections()).isEmpty();
        assertThat(scheduler.runDue()).isZero();
    }

    @Test
    void aMemberWhoStoppedTheEmailStillGetsTheirDigestKeptInTheApp() {
        settings(new NotificationSettings(
                "priya",
                DigestFixtures.HACKNEY,
                "CHIEF_EXECUTIVE",
                "MONDAY",
                "08:00",
                false,
                List.of(),
                null,
                Map.of(),
                null));

        scheduler().runDue();

        assertThat(mongo.findById("priya:2026-W14", Digest.class, Digest.COLLECTION)
                        .state())
                .isEqualTo("KEPT");
    }

    @Test
    void aDigestWhoseMakerDiedIsTakenOverOnlyOnceItsClaimIsStale() {
        settings(DigestFixtures.priya());
        DigestWeek week = DigestWeek.latestDue(MONDAY_NINE, java.time.DayOfWeek.MONDAY, java.time.LocalTime.of(8, 0));
        mongo.insert(
                new Digest(
                        "priya:2026-W14",
                        "priya",
                        DigestFixtures.HACKNEY,
                        null,
                        null,
                        week.week(),
                        week.from(),
                        week.due(),
                        "COMPOSING",
                        "projections-dead",
                        MONDAY_NINE.minusSeconds(120),
                        null,
                        null,
                        List.of(),
                        List.of(),
                        0,
                        null,
                        null,
                        null,
                        0,
                        null),
                Digest.COLLECTION);
        DigestScheduler scheduler = scheduler();

        assertThat(scheduler.runDue()).as("the claim is two minutes old").isZero();

        clock.set(MONDAY_NINE.plus(Duration.ofMinutes(15)));
        assertThat(scheduler.runDue()).isEqualTo(1);
        Digest taken = mongo.findById("priya:2026-W14", Digest.class, Digest.COLLECTION);
        assertThat(taken.state()).isEqualTo("READY");
        assertThat(taken.claimedBy()).isEqualTo(scheduler.instance());
    }

    @Test
    void aPreviewCoversTheSevenDaysUpToNowAndIsNeverSent() {
        settings(DigestFixtures.priya());
        clock.set(Instant.parse("2026-03-29T12:00:00Z"));
        requestPreview("priya:preview-1");

        assertThat(scheduler().runPreviews()).isEqualTo(1);

        Digest preview = mongo.findById("priya:preview-1", Digest.class, Digest.COLLECTION);
        assertThat(preview.state()).isEqualTo("PREVIEW");
        assertThat(preview.due()).isEqualTo(clock.instant());
        assertThat(preview.sections()).isNotEmpty();
        assertThat(mongo.count(query(where("state").is("READY")), Digest.COLLECTION))
                .isZero();
        assertThat(mongo.count(query(where("_id").exists(true)), FollowsProjector.NAME))
                .isZero();
    }
}
