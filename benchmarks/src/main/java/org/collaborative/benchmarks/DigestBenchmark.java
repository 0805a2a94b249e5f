package org.collaborative.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.collaborative.projections.digest.ActivityProjector;
import org.collaborative.projections.digest.DigestScheduler;
import org.collaborative.projections.digest.DigestSources;
import org.collaborative.projections.digest.NotificationSettingsProjector;
import org.collaborative.projections.follow.FollowsProjector;
import org.collaborative.projections.group.GroupPageProjector;
import org.collaborative.projections.organisation.OrganisationsProjector;
import org.collaborative.projections.theme.ThemeListProjector;
import org.collaborative.views.digest.ActivityView;
import org.collaborative.views.digest.ActivityView.Happening;
import org.collaborative.views.digest.ActivityView.Kind;
import org.collaborative.views.digest.Digest;
import org.collaborative.views.digest.DigestWeek;
import org.collaborative.views.digest.NotificationSettings;
import org.collaborative.views.follow.Follows;
import org.collaborative.views.group.GroupPage;
import org.collaborative.views.organisation.OrganisationCard;
import org.collaborative.views.theme.ThemeCard;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * 1,000 chief executives' weekly digests over a generated history, against the raw aggregation queries alone.
 *
 * <p>The history is written straight into the views the digests read, on a MongoDB wire-protocol server with the
 * embedded default's H2 backend and one worker thread: the 33 boroughs on their tile grid, 8 themes, 40 groups of
 * about 150 members, 1,000 chief executives spread over the boroughs (each in 6 groups), and 3,000 items with 4 weeks of
 * happenings (submitted, revised up and down, opened, endorsed, decided, asked, answered). Subject: the projections'
 * own {@link DigestScheduler#runDue()} making all 1,000 digests of one week (the queries, the ranking of every digest,
 * the claim and the stored result), on an emptied {@code digests} collection each round. Baseline: the same queries
 * ({@link DigestSources#load}) with nothing else.
 */
final class DigestBenchmark {

    static final int CHIEF_EXECUTIVES = 1_000;
    static final int GROUPS = 40;
    static final int ITEMS = 3_000;
    private static final DigestWeek WEEK = DigestWeek.of(java.time.LocalDate.of(2026, 11, 23), LocalTime.of(8, 0));

    private final Path data;

    DigestBenchmark(Path data) {
        this.data = data;
    }

    Benchmarks.Figure figure() throws Exception {
        Path directory = Files.createDirectories(data.resolve("digest-benchmark"));
        MongoServer server =
                new MongoServer(new H2Backend(directory.resolve("views.mv").toString()));
        server.bind(new InetSocketAddress("127.0.0.1", 0), 1, 1);
        try (MongoClient client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoTemplate mongo = new MongoTemplate(client, "collaborative");
            generate(mongo);
            Clock clock = Clock.fixed(WEEK.due().plus(Duration.ofMinutes(5)), ZoneOffset.UTC);
            DigestSources sources = new DigestSources(mongo);
            return Benchmarks.rounds(
                    "1,000 chief executives' digests",
                    "seconds to make 1,000 chief executives' digests of one week (" + ITEMS + " items, " + GROUPS
                            + " groups, 4 weeks of history)",
                    "seconds for the same raw aggregation queries alone",
                    "seconds",
                    false,
                    () -> {
                        mongo.dropCollection(Digest.COLLECTION);
                        DigestScheduler scheduler = new DigestScheduler(
                                mongo, sources, clock, 7, Duration.ZERO, Duration.ofMinutes(10), true);
                        long started = System.nanoTime();
                        int made = scheduler.runDue();
                        double seconds = (System.nanoTime() - started) / 1e9;
                        if (made != CHIEF_EXECUTIVES) {
                            throw new IllegalStateException("Made " + made + " digests, not " + CHIEF_EXECUTIVES);
                        }
                        return seconds;
                    },
                    () -> {
                        long started = System.nanoTime();
                        int found = sources.load(WEEK).activity().size();
                        double seconds = (System.nanoTime() - started) / 1e9;
                        if (found == 0) {
                            throw new IllegalStateException("The generated history has no activity");
                        }
                        return seconds;
                    });
        } finally {
            server.shutdownNow();
        }
    }

    /** Writes the generated history into the views, with a fixed seed so that every run ranks the same week. */
    static void generate(MongoTemplate mongo) throws Exception {
        Random random = new Random(20261126L);
        List<OrganisationCard> boroughs = new ArrayList<>();
        List<String> lines;
        try (var in = DigestBenchmark.class.getResourceAsStream("/reference/london-boroughs.csv")) {
            lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .lines()
                    .toList();
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            boroughs.add(new OrganisationCard(
                    cells[0],
                    cells[1],
                    "LOCAL_AUTHORITY",
                    cells[0],
                    cells[4],
                    Integer.parseInt(cells[2]),
                    Integer.parseInt(cells[3]),
                    Map.of(),
                    null));
        }
        boroughs.forEach(card -> mongo.save(card, OrganisationsProjector.NAME));
        List<String> themes = List.of(
                "behaviour-change",
                "worklessness-and-social-housing",
                "climate-change-and-carbon-reduction",
                "understanding-population-flows",
                "child-poverty-and-aspiration",
                "affordable-homes-and-tenure",
                "guns-and-gangs",
                "older-people-living-independently");
        for (String theme : themes) {
            mongo.save(
                    new ThemeCard(theme, theme.replace('-', ' '), "", WEEK.from(), List.of(), false, Map.of(), null),
                    ThemeListProjector.NAME);
        }
        List<String> chiefs = new ArrayList<>();
        for (int i = 0; i < CHIEF_EXECUTIVES; i++) {
            String id = "ce-" + i;
            chiefs.add(id);
            mongo.save(
                    new NotificationSettings(
                            id,
                            boroughs.get(i % boroughs.size()).id(),
                            "CHIEF_EXECUTIVE",
                            DayOfWeek.MONDAY.name(),
                            "08:00",
                            true,
                            List.of(),
                            null,
                            Map.of(),
                            null),
                    NotificationSettingsProjector.NAME);
            mongo.save(new Follows(id, List.of(), List.of(), Map.of(), null), FollowsProjector.NAME);
        }
        List<List<GroupPage.Membership>> members = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            members.add(new ArrayList<>());
        }
        for (int c = 0; c < CHIEF_EXECUTIVES; c++) {
            for (int k = 0; k < 6; k++) {
                int g = (c * 7 + k * 11) % GROUPS;
                members.get(g)
                        .add(new GroupPage.Membership(
                                chiefs.get(c),
                                boroughs.get(c % boroughs.size()).id(),
                                WEEK.from().minus(Duration.ofDays(60))));
            }
        }
        for (int g = 0; g < GROUPS; g++) {
            List<GroupPage.Membership> groupMembers = members.get(g);
            List<String> facilitators = List.of(groupMembers.get(0).memberId());
            List<GroupPage.JoinRequest> requests = List.of(new GroupPage.JoinRequest(
                    "newcomer-" + g,
                    boroughs.get(g % boroughs.size()).id(),
                    WEEK.from().plus(Duration.ofHours(20 + g)),
                    null,
                    null));
            mongo.save(
                    new GroupPage(
                            "group-" + g,
                            themes.get(g % themes.size()),
                            "Group " + g,
                            "",
                            "OPEN",
                            WEEK.from().minus(Duration.ofDays(90)),
                            facilitators,
                            groupMembers,
                            List.of(),
                            requests,
                            List.of(),
                            List.of(),
                            null,
                            Map.of(),
                            null),
                    GroupPageProjector.NAME);
            mongo.save(
                    new ActivityView(
                            ActivityProjectorName.groupId(g),
                            "GROUP",
                            null,
                            "group-" + g,
                            themes.get(g % themes.size()),
                            "Group " + g,
                            null,
                            null,
                            null,
                            List.of(),
                            List.of(),
                            List.of(),
                            List.of(),
                            List.of(),
                            false,
                            requests.get(0).requestedAt(),
                            List.of(new Happening(
                                    "join-" + g,
                                    Kind.JOIN_REQUESTED,
                                    requests.get(0).requestedAt(),
                                    "newcomer-" + g,
                                    requests.get(0).organisationId(),
                                    "newcomer-" + g,
                                    null,
                                    null)),
                            Map.of(),
                            null),
                    ActivityProjector.NAME);
        }
        Instant start = WEEK.due().minus(Duration.ofDays(28));
        for (int i = 0; i < ITEMS; i++) {
            int g = random.nextInt(GROUPS);
            OrganisationCard by = boroughs.get(random.nextInt(boroughs.size()));
            String type = switch (i % 3) {
                case 0 -> "question";
                case 1 -> "evidence";
                default -> "proposal";
            };
            Instant created = start.plus(Duration.ofMinutes(random.nextInt(28 * 24 * 60)));
            List<Happening> happenings = new ArrayList<>();
            List<String> endorsers = new ArrayList<>();
            List<String> endorsingOrganisations = new ArrayList<>();
            String status;
            if (type.equals("question")) {
                happenings.add(happening(i, Kind.QUESTION_POSTED, created, by.id(), null, null));
                status = random.nextInt(3) == 0 ? "CLOSED" : "OPEN";
            } else if (type.equals("evidence")) {
                int level = 1 + random.nextInt(3);
                happenings.add(happening(i, Kind.EVIDENCE_SUBMITTED, created, by.id(), level, null));
                happenings.add(happening(
                        i,
                        Kind.EVIDENCE_REVISED,
                        created.plus(Duration.ofDays(2)),
                        by.id(),
                        level + (random.nextBoolean() ? 1 : -1),
                        null));
                status = "CURRENT";
            } else {
                happenings.add(happening(i, Kind.PROPOSAL_DRAFTED, created, by.id(), null, null));
                happenings.add(
                        happening(i, Kind.PROPOSAL_OPENED, created.plus(Duration.ofHours(3)), by.id(), null, null));
                String endorser = boroughs.get(random.nextInt(boroughs.size())).id();
                endorsingOrganisations.add(endorser);
                endorsers.add("someone-" + i);
                happenings.add(
                        happening(i, Kind.PROPOSAL_ENDORSED, created.plus(Duration.ofDays(1)), endorser, null, null));
                boolean decided = random.nextInt(3) == 0;
                if (decided) {
                    happenings.add(happening(
                            i,
                            Kind.PROPOSAL_DECIDED,
                            created.plus(Duration.ofDays(3)),
                            null,
                            null,
                            random.nextBoolean() ? "TAKEN_FORWARD" : "NOT_TAKEN_FORWARD"));
                }
                status = decided ? "TAKEN_FORWARD" : "OPEN_FOR_CHALLENGE";
            }
            happenings.sort(java.util.Comparator.comparing(Happening::at));
            List<String> evidence = type.equals("proposal") && i >= 2 ? List.of("item-" + (i - 1)) : List.of();
            mongo.save(
                    new ActivityView(
                            "item-" + i,
                            "ITEM",
                            type,
                            "group-" + g,
                            themes.get(g % themes.size()),
                            "Item " + i,
                            "author-" + i,
                            by.id(),
                            status,
                            endorsers,
                            endorsers,
                            endorsingOrganisations,
                            List.of(),
                            evidence,
                            false,
                            happenings.get(happenings.size() - 1).at(),
                            happenings,
                            Map.of(),
                            null),
                    ActivityProjector.NAME);
        }
    }

    private static Happening happening(
            int item, Kind kind, Instant at, String organisationId, Integer level, String outcome) {
        return new Happening(
                kind + "|" + item + "|" + at, kind, at, "author-" + item, organisationId, null, level, outcome);
    }

    /** The activity document id of a group, as the projector names it. */
    private static final class ActivityProjectorName {
        static String groupId(int g) {
            return "group:group-" + g;
        }
    }
}
