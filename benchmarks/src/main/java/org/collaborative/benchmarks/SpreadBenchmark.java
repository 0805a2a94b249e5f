package org.collaborative.benchmarks;

import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.DoubleSupplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.practice.RecordAdoptionMove;
import org.collaborative.app.practice.RecordPractice;
import org.collaborative.app.spread.BoroughGrid;
import org.collaborative.app.spread.SavingsLedger;
import org.collaborative.app.spread.SpreadFigures;
import org.collaborative.app.support.Browser;
import org.collaborative.app.support.RunningWorkspace;
import org.collaborative.events.member.MemberRole;
import org.collaborative.events.practice.AdoptionStage;
import org.collaborative.views.spread.PracticeSpread;
import org.collaborative.views.spread.PracticeSpread.Move;
import org.collaborative.views.spread.PracticeSpread.Outcome;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The spread of practice (ADR 19), two figures.
 *
 * <ul>
 *   <li><b>Practice page under a fixed load</b>: a practice with all 33 boroughs adopting over two years (aware,
 *       exploring, piloting, adopted; a third embedded), recorded through the command side and projected; p99 of its
 *       page (the practice, its adoptions, and the spread views computed when read: curve, Rogers categories, tile
 *       map, peer lens, savings) at 100 requests/s, against a static file at the same rate on the same server.
 *   <li><b>Spread figures for 200 practices</b>: on a MongoDB server of its own (the embedded default's H2 backend),
 *       200 generated practice-spread documents (33 organisations, about 4.5 moves each over two years, 10 outcomes);
 *       subject: read them all and compute every figure for today (stages, adopters with Rogers categories, the curve,
 *       Camden's peer lens, and the ledger by practice, theme and organisation); baseline: one raw aggregation that
 *       counts each practice's adopters ($unwind moves, $match adopting stages, $group twice).
 * </ul>
 */
final class SpreadBenchmark {

    static final int PRACTICES = 200;
    private static final String CAMDEN = "E09000007";
    private static final String AMARA = "amara.okafor@londoncouncils.example";

    private SpreadBenchmark() {}

    /** The practice page with 33 adopters and two years of moves against a static file, on the running workspace. */
    static Benchmarks.Figure practicePage(RunningWorkspace workspace, Browser reader) {
        CommandGateway commands = workspace.bean(CommandGateway.class);
        Clock clock = workspace.bean(Clock.class);
        Actor amara = new Actor(
                UUID.nameUUIDFromBytes(("demo-member:" + AMARA).getBytes(StandardCharsets.UTF_8))
                        .toString(),
                "london-councils",
                MemberRole.FACILITATOR);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, java.time.ZoneId.of("Europe/London"));
        LocalDate start = today.minusDays(730);
        String practice = UUID.randomUUID().toString();
        commands.sendAndWait(new RecordPractice(
                practice,
                "Benchmark practice",
                "Thirty-three boroughs over two years",
                "behaviour-change",
                CAMDEN,
                null,
                start,
                amara,
                now));
        List<BoroughGrid.Tile> tiles = BoroughGrid.london().tiles();
        for (int i = 0; i < tiles.size(); i++) {
            String council = tiles.get(i).organisationId();
            LocalDate adopted = start.plusDays(100 + i * 18L);
            AdoptionStage[] path = {AdoptionStage.AWARE, AdoptionStage.EXPLORING, AdoptionStage.PILOTING};
            for (int step = 0; step < path.length; step++) {
                commands.sendAndWait(new RecordAdoptionMove(
                        practice,
                        council,
                        path[step],
                        adopted.minusDays(90 - step * 30L),
                        null,
                        null,
                        null,
                        amara,
                        now));
            }
            commands.sendAndWait(new RecordAdoptionMove(
                    practice, council, AdoptionStage.ADOPTED, adopted, null, null, null, amara, now));
            if (i % 3 == 0 && adopted.plusDays(60).isBefore(today)) {
                commands.sendAndWait(new RecordAdoptionMove(
                        practice, council, AdoptionStage.EMBEDDED, adopted.plusDays(60), null, null, null, amara, now));
            }
        }
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> reader.get("/practices/" + practice).body().contains("By ")
                        && reader.get("/api/practices/" + practice + "/spread")
                                .body()
                                .contains("\"rank\":33"));
        String cookie = reader.cookieHeader();
        DoubleSupplier page =
                () -> Benchmarks.p99AtFixedRate(workspace.baseUrl() + "/practices/" + practice, cookie, 100, 500);
        DoubleSupplier file =
                () -> Benchmarks.p99AtFixedRate(workspace.baseUrl() + "/css/collaborative.css", cookie, 100, 500);
        return Benchmarks.rounds(
                        List.of(new Benchmarks.Spec(
                                "Practice page under a fixed load",
                                "p99 of a practice page with 33 adopters and 2 years of moves at 100 requests/s, ms",
                                "p99 of a static file at 100 requests/s, ms",
                                "ms",
                                false,
                                "a practice recorded through the command side with all 33 boroughs moving aware →"
                                        + " exploring → piloting → adopted (a third embedded) over two years (about"
                                        + " 145 moves), projected; 500 requests of its page at 100/s on an open-loop"
                                        + " schedule with a signed-in session (the page reads the practice, its"
                                        + " adoptions and its practice-spread history and computes the curve, the"
                                        + " Rogers categories, the tile map, the peer lens and the savings when read)."
                                        + " Baseline: the same for /css/collaborative.css on the same server.")),
                        () -> new double[] {page.getAsDouble()},
                        () -> new double[] {file.getAsDouble()})
                .get(0);
    }

    /** The figures of 200 practices computed from their histories, against the raw aggregation query. */
    static Benchmarks.Figure figuresOf200(Path data) throws Exception {
        Path directory = Files.createDirectories(data.resolve("spread-benchmark"));
        MongoServer server =
                new MongoServer(new H2Backend(directory.resolve("views.mv").toString()));
        server.bind(new InetSocketAddress("127.0.0.1", 0), 1, 1);
        try (MongoClient client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoTemplate mongo = new MongoTemplate(client, "collaborative");
            LocalDate today = LocalDate.of(2026, 12, 6);
            generate(mongo, today);
            BoroughGrid grid = BoroughGrid.london();
            List<Document> pipeline = List.of(
                    new Document("$unwind", "$moves"),
                    new Document(
                            "$match",
                            new Document(
                                    "moves.stage",
                                    new Document("$in", List.of("PILOTING", "ADOPTED", "EMBEDDED", "ADAPTED")))),
                    new Document(
                            "$group",
                            new Document(
                                            "_id",
                                            new Document("practice", "$_id")
                                                    .append("organisation", "$moves.organisationId"))
                                    .append("first", new Document("$min", "$moves.happenedOn"))),
                    new Document(
                            "$group",
                            new Document("_id", "$_id.practice").append("adopters", new Document("$sum", 1))));
            return Benchmarks.rounds(
                            List.of(new Benchmarks.Spec(
                                    "Spread figures for 200 practices",
                                    "ms to read 200 practices' histories and compute every spread figure and the"
                                            + " ledger for a day",
                                    "ms for the raw aggregation query counting each practice's adopters",
                                    "ms",
                                    false,
                                    "200 generated practice-spread documents (33 organisations each, 4 or 5 moves"
                                            + " each over two years, up to 10 outcomes) on a MongoDB wire-protocol"
                                            + " server of its own (H2 backend, one worker). Subject: read them all and"
                                            + " compute, for one day, each practice's stages, adopters with Rogers"
                                            + " categories, S-curve and Camden's peer lens, and the ledger by"
                                            + " practice, theme and organisation. Baseline: one aggregation over the"
                                            + " same collection ($unwind the moves, $match the adopting stages, $group"
                                            + " by practice and organisation with the first day, $group by practice"
                                            + " counting adopters).")),
                            () -> new double[] {timeSubject(mongo, today, grid)},
                            () -> new double[] {timeBaseline(mongo, pipeline)})
                    .get(0);
        } finally {
            server.shutdownNow();
        }
    }

    /** Milliseconds to read every history and compute every figure for the day. */
    private static double timeSubject(MongoTemplate mongo, LocalDate today, BoroughGrid grid) {
        long started = System.nanoTime();
        List<PracticeSpread> all = mongo.findAll(PracticeSpread.class, PracticeSpread.COLLECTION);
        int adopters = 0;
        for (PracticeSpread practice : all) {
            SpreadFigures figures = SpreadFigures.of(practice, today);
            adopters += figures.adopters().size();
            figures.curve();
            figures.stages();
            figures.categoryCounts();
            figures.peerLens(CAMDEN, grid);
        }
        SavingsLedger ledger = SavingsLedger.of(all, today);
        ledger.byPractice();
        ledger.byTheme();
        ledger.byOrganisation();
        double ms = (System.nanoTime() - started) / 1e6;
        if (all.size() != PRACTICES || adopters == 0) {
            throw new IllegalStateException(all.size() + " practices, " + adopters + " adopters");
        }
        return ms;
    }

    /** Milliseconds for the raw aggregation. */
    private static double timeBaseline(MongoTemplate mongo, List<Document> pipeline) {
        long started = System.nanoTime();
        List<Document> result = new ArrayList<>();
        mongo.getCollection(PracticeSpread.COLLECTION).aggregate(pipeline).into(result);
        double ms = (System.nanoTime() - started) / 1e6;
        if (result.size() != PRACTICES) {
            throw new IllegalStateException("The aggregation found " + result.size() + " practices");
        }
        return ms;
    }

    /** 200 practices with a fixed seed: each borough aware, exploring, and for most piloting and adopted. */
    static void generate(MongoTemplate mongo, LocalDate today) {
        Random random = new Random(20261206L);
        List<BoroughGrid.Tile> tiles = BoroughGrid.london().tiles();
        String[] themes = {"behaviour-change", "worklessness-and-social-housing", "child-poverty-and-aspiration"};
        for (int p = 0; p < PRACTICES; p++) {
            LocalDate start = today.minusDays(730);
            List<Move> moves = new ArrayList<>();
            List<Outcome> outcomes = new ArrayList<>();
            for (BoroughGrid.Tile tile : tiles) {
                String org = tile.organisationId();
                String adoption = "p" + p + ":" + org;
                LocalDate aware = start.plusDays(random.nextInt(500));
                Instant recorded =
                        aware.plusDays(3).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
                moves.add(new Move(adoption, org, "AWARE", aware, null, null, null, "m", recorded));
                moves.add(new Move(adoption, org, "EXPLORING", aware.plusDays(30), null, null, null, "m", recorded));
                if (random.nextInt(4) > 0) {
                    moves.add(new Move(adoption, org, "PILOTING", aware.plusDays(90), null, null, null, "m", recorded));
                    moves.add(new Move(adoption, org, "ADOPTED", aware.plusDays(180), null, null, null, "m", recorded));
                } else {
                    moves.add(
                            new Move(adoption, org, "DECLINED", aware.plusDays(60), null, "COST", null, "m", recorded));
                }
                if (outcomes.size() < 10 && random.nextBoolean()) {
                    outcomes.add(new Outcome(
                            "o" + p + org,
                            adoption,
                            org,
                            random.nextBoolean() ? "CASHABLE_SAVING" : "NON_CASHABLE_SAVING",
                            (long) random.nextInt(50_000_000),
                            random.nextBoolean() ? "RECURRING" : "ONE_OFF",
                            aware,
                            aware.plusYears(1),
                            null,
                            null,
                            null,
                            null,
                            "Finance return",
                            2,
                            "m",
                            recorded,
                            random.nextBoolean() ? "finance" : null,
                            random.nextBoolean() ? aware.plusDays(200) : null));
                }
            }
            mongo.save(
                    PracticeSpread.empty("practice-" + p)
                            .described(
                                    "Practice " + p,
                                    themes[p % themes.length],
                                    CAMDEN,
                                    null,
                                    start.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
                                    start)
                            .withMoves(moves)
                            .withOutcomes(outcomes),
                    PracticeSpread.COLLECTION);
        }
    }
}
