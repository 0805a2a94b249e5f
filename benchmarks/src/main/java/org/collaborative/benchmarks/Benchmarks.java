package org.collaborative.benchmarks;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.collaborative.app.group.FormWorkingGroup;
import org.collaborative.app.question.PostQuestion;
import org.collaborative.app.support.Browser;
import org.collaborative.app.support.RunningWorkspace;
import org.collaborative.events.group.GroupVisibility;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Measures the product on the embedded stack against raw baselines on the same servers in the same run: one warm-up
 * round discarded, then five rounds in which baseline and subject alternate which goes first. Each figure is reported
 * as the median ratio with its range, and written to docs/performance.md with a description of the machine.
 */
public final class Benchmarks {

    private static final int ROUNDS = Integer.getInteger("benchmarks.rounds", 5);
    private static final String TOM = "tom.hughes@camden.example";
    private static final String PASSWORD = "collaborate-in-london";

    /** What one figure compares, and (for the report) what exactly is timed; note may be null. */
    record Spec(String name, String subject, String baseline, String unit, boolean higherIsBetter, String note) {}

    /** One figure: subject and baseline per round, and how their ratio is read. */
    record Figure(
            String name,
            String subject,
            String baseline,
            String unit,
            boolean higherIsBetter,
            String note,
            List<Double> subjects,
            List<Double> baselines) {

        List<Double> ratios() {
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < subjects.size(); i++) {
                ratios.add(subjects.get(i) / baselines.get(i));
            }
            return ratios;
        }
    }

    private final RunningWorkspace workspace;
    private final String groupId;
    final String tomId;

    private Benchmarks(RunningWorkspace workspace) {
        this.workspace = workspace;
        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        this.groupId = await().atMost(Duration.ofSeconds(60))
                .until(() -> tom.firstGroupOn("behaviour-change"), id -> id != null);
        this.tomId = UUID.nameUUIDFromBytes(("demo-member:" + TOM).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /**
     * Runs every figure and rewrites the section of docs/performance.md. For a quick look at some figures, set
     * {@code -Dbenchmarks.only=} a comma-separated list of commands, publication, page, practice, import, projection,
     * screen, board, aggregate, poison, digest, spread, history, coldstart (and {@code -Dbenchmarks.rounds=} to change
     * the number of rounds): the report is then printed, not written. {@code -Dbenchmarks.history=} sets how many
     * events the history figure grows the store to (1,000,000 by default). {@code -Dbenchmarks.snapshots=off} starts the stack with
     * snapshots off, to see what they buy in the aggregate figure.
     */
    public static void main(String[] args) {
        try {
            run();
        } catch (Throwable failure) {
            // Axon leaves a non-daemon thread behind: without an explicit exit a failed run would hang.
            failure.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run() throws Exception {
        long started = System.nanoTime();
        String only = System.getProperty("benchmarks.only", "");
        boolean partial =
                !only.isBlank() || !System.getProperty("benchmarks.rounds", "").isBlank();
        java.util.function.Predicate<String> wanted =
                key -> only.isBlank() || List.of(only.split(",")).contains(key);
        Path data = Files.createTempDirectory("collaborative-benchmarks");
        List<Figure> figures = new ArrayList<>();
        if (wanted.test("commands")
                || wanted.test("publication")
                || wanted.test("page")
                || wanted.test("projection")
                || wanted.test("screen")
                || wanted.test("practice")
                || wanted.test("import")
                || wanted.test("board")
                || wanted.test("aggregate")
                || wanted.test("poison")) {
            // The per-person posting limit would answer 429 to a load driver posting as one member: measure the
            // pipeline, not the limit.
            List<String> arguments = new ArrayList<>(List.of("--collaborative.posting.burst=1000000"));
            arguments.addAll(AggregateLoading.arguments());
            try (RunningWorkspace workspace =
                    RunningWorkspace.start(data, RunningWorkspace.Ports.free(), arguments.toArray(String[]::new))) {
                Benchmarks benchmarks = new Benchmarks(workspace);
                // These two need a quiet pipeline that has caught up, and groups of their own: they run before the
                // others fill the behaviour-change group with thousands of questions and the projections with a
                // backlog.
                List<Figure> later = new ArrayList<>();
                if (wanted.test("projection")) {
                    later.add(new ProjectionCatchUp(workspace, data, benchmarks.tomId).figure());
                }
                if (wanted.test("screen")) {
                    later.addAll(new LiveLatency(workspace, benchmarks.tomId).figures());
                }
                if (wanted.test("board")) {
                    later.addAll(new LiveBoardDelivery(workspace, benchmarks.tomId).figures());
                }
                // Each figure starts from a pipeline that has caught up: not while the projections are still working
                // off the events of the figure before.
                if (wanted.test("commands")) {
                    ProjectionCatchUp.awaitQuiet(workspace);
                    figures.add(benchmarks.commandsAgainstJdbc());
                }
                if (wanted.test("publication")) {
                    ProjectionCatchUp.awaitQuiet(workspace);
                    figures.add(benchmarks.publicationAgainstRawProducer());
                }
                if (wanted.test("page")) {
                    ProjectionCatchUp.awaitQuiet(workspace);
                    figures.add(benchmarks.pageAgainstStaticFile());
                }
                if (wanted.test("practice")) {
                    ProjectionCatchUp.awaitQuiet(workspace);
                    figures.add(SpreadBenchmark.practicePage(
                            workspace, workspace.browser().signIn(TOM, PASSWORD)));
                }
                if (wanted.test("import")) {
                    ProjectionCatchUp.awaitQuiet(workspace);
                    figures.add(ImportBenchmark.figure(workspace, PASSWORD));
                }
                figures.addAll(later);
                if (wanted.test("aggregate")) {
                    ProjectionCatchUp.awaitQuiet(workspace);
                    figures.add(new AggregateLoading(workspace).figure());
                }
                if (wanted.test("poison")) {
                    // Last: it stops the projections.
                    ProjectionCatchUp.awaitQuiet(workspace);
                    figures.add(new PoisonThroughput(workspace, benchmarks.groupId, benchmarks.tomId).figure());
                }
            }
        }
        if (wanted.test("digest")) {
            // Weekly digests need only MongoDB: a server of their own, with a generated history.
            figures.add(new DigestBenchmark(data).figure());
        }
        if (wanted.test("spread")) {
            // The spread figures need only MongoDB: a server of their own, with 200 generated practices.
            figures.add(SpreadBenchmark.figuresOf200(data));
        }
        if (wanted.test("history")) {
            // A stack of its own, grown to 1,000,000 events (-Dbenchmarks.history= for another count): hours on two
            // cores, most of them the projections catching up with the history.
            figures.addAll(new HistoryGrowth(data).figures());
        }
        if (wanted.test("coldstart")) {
            // Cold start launches whole stacks of its own: it runs once the benchmark's stack has stopped.
            figures.add(new ColdStart(data).figure());
        }
        String report = report(figures, Duration.ofNanos(System.nanoTime() - started));
        System.out.println(report);
        if (!partial) {
            write(Path.of(System.getProperty("performance.md", "docs/performance.md")), report);
        }
    }

    // --- the figures -------------------------------------------------------------------------------------------

    /** Questions posted through the web form and the command side, against raw inserts of rows of the same size. */
    Figure commandsAgainstJdbc() throws Exception {
        int threads = 4;
        int perThread = 50;
        JdbcTemplate jdbc = workspace.jdbc();
        jdbc.execute("create table if not exists bench_row (id varchar(64) primary key, payload bytea not null)");
        int rowSize = jdbc.queryForObject(
                "select coalesce(avg(length(payload)), 300)::int from domain_event_entry where payload_type like '%QuestionPosted'",
                Integer.class);
        byte[] row = new byte[rowSize];
        List<Browser> browsers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Browser browser = workspace.browser().signIn(TOM, PASSWORD);
            browser.get("/groups/" + groupId);
            browsers.add(browser);
        }
        DoubleSupplier web = () -> perSecond(
                threads * perThread,
                () -> parallel(threads, t -> {
                    for (int i = 0; i < perThread; i++) {
                        var response = browsers.get(t)
                                .post(
                                        "/groups/" + groupId + "/questions",
                                        Map.of(
                                                "questionId",
                                                UUID.randomUUID().toString(),
                                                "title",
                                                "Benchmark question " + i,
                                                "body",
                                                ""));
                        if (response.statusCode() != 302) {
                            throw new IllegalStateException("A post was refused: " + response.statusCode());
                        }
                    }
                }));
        DoubleSupplier raw = () -> perSecond(
                threads * perThread,
                () -> parallel(threads, t -> {
                    for (int i = 0; i < perThread; i++) {
                        jdbc.update(
                                "insert into bench_row (id, payload) values (?, ?)",
                                UUID.randomUUID().toString(),
                                row);
                    }
                }));
        return rounds(
                "Commands through the web form and command side",
                "questions posted per second (4 browsers)",
                "raw JDBC inserts per second of " + rowSize + "-byte rows (4 threads)",
                "per second",
                true,
                web,
                raw);
    }

    /**
     * Catching up a backlog from the event store to Kafka, against a raw producer with acks=all. The backlog's
     * questions go to groups of their own: in the behaviour-change group (thousands of questions by then, all in one
     * view document) projecting them afterwards took minutes and loaded the machine through the next figure.
     */
    Figure publicationAgainstRawProducer() throws Exception {
        int backlog = 500;
        int backlogGroups = 10;
        CommandGateway commands = workspace.bean(CommandGateway.class);
        Clock clock = workspace.bean(Clock.class);
        List<String> groups = new ArrayList<>();
        for (int g = 0; g < backlogGroups; g++) {
            String group = UUID.randomUUID().toString();
            commands.sendAndWait(new FormWorkingGroup(
                    group,
                    ProjectionCatchUp.THEMES.get(g % ProjectionCatchUp.THEMES.size()),
                    "Publication benchmark group " + g,
                    "Questions for the publication benchmark.",
                    GroupVisibility.OPEN,
                    tomId,
                    "E09000007",
                    clock.instant()));
            groups.add(group);
        }
        EventProcessor publisher = workspace
                .bean(EventProcessingConfiguration.class)
                .eventProcessor("kafka-publisher")
                .orElseThrow();
        JdbcTemplate jdbc = workspace.jdbc();
        int size = jdbc.queryForObject(
                "select coalesce(avg(length(payload)), 300)::int from domain_event_entry where payload_type like '%QuestionPosted'",
                Integer.class);
        Properties config = new Properties();
        config.put(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                "127.0.0.1:" + workspace.ports().kafka());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        try (Admin admin = Admin.create(Map.of(
                        "bootstrap.servers", "127.0.0.1:" + workspace.ports().kafka()));
                KafkaProducer<String, byte[]> producer =
                        new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            admin.createTopics(List.of(new NewTopic("bench.raw", 6, (short) 1)))
                    .all()
                    .get();
            byte[] value = new byte[size];
            // A freshly created topic first gets one record per partition, one at a time, before anything is timed:
            // right after creation, under load, a burst of idempotent sends has met OutOfOrderSequenceException here.
            for (int partition = 0; partition < 6; partition++) {
                producer.send(new ProducerRecord<>("bench.raw", partition, "probe", value))
                        .get(2, TimeUnit.MINUTES);
            }
            DoubleSupplier raw = () -> perSecond(backlog, () -> {
                List<Future<RecordMetadata>> sends = new ArrayList<>();
                for (int i = 0; i < backlog; i++) {
                    sends.add(producer.send(
                            new ProducerRecord<>("bench.raw", UUID.randomUUID().toString(), value)));
                }
                for (Future<RecordMetadata> send : sends) {
                    send.get();
                }
            });
            DoubleSupplier publication = () -> {
                publisher.shutDown();
                parallel(4, t -> {
                    for (int i = 0; i < backlog / 4; i++) {
                        commands.sendAndWait(new PostQuestion(
                                UUID.randomUUID().toString(),
                                groups.get((t + 4 * i) % backlogGroups),
                                "Backlog question " + i,
                                "",
                                tomId,
                                "E09000007",
                                clock.instant()));
                    }
                });
                long target = workspace.lastStoredEvent();
                return perSecond(backlog, () -> {
                    publisher.start();
                    await().atMost(Duration.ofMinutes(5))
                            .pollInterval(Duration.ofMillis(20))
                            .until(() -> workspace.publishedUpTo() >= target);
                });
            };
            return rounds(
                    "Publication from the event store to Kafka",
                    "events published per second (500-event backlog)",
                    "raw producer records per second (acks=all, idempotent, " + size + " bytes)",
                    "per second",
                    true,
                    publication,
                    raw);
        }
    }

    /**
     * The 99th percentile of a group page at 100 requests a second, against a static file from the same server. The
     * page is a group with 20 questions, not the one the other figures fill with thousands (its view embeds every
     * question: see docs/performance.md).
     */
    Figure pageAgainstStaticFile() {
        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        String cookie = tom.cookieHeader();
        String pageGroup = tom.firstGroupOn("worklessness-and-social-housing");
        if (pageGroup == null) {
            throw new IllegalStateException("No group on the worklessness theme");
        }
        CommandGateway commands = workspace.bean(CommandGateway.class);
        Clock clock = workspace.bean(Clock.class);
        for (int i = 0; i < 20; i++) {
            commands.sendAndWait(new PostQuestion(
                    UUID.randomUUID().toString(),
                    pageGroup,
                    "How do we keep tenants in work after the first year? (" + i + ")",
                    "Details of question " + i,
                    tomId,
                    "E09000007",
                    clock.instant()));
        }
        // The questions queue behind the projections' backlog from the figures before (thousands of events into one
        // group's document), which can take minutes on a contended machine.
        long waiting = System.nanoTime();
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> tom.get("/groups/" + pageGroup).body().contains("after the first year? (19)"));
        System.out.printf(
                "  the page's 20 questions were on it after %d s%n", (System.nanoTime() - waiting) / 1_000_000_000L);
        DoubleSupplier page = () -> p99AtFixedRate(workspace.baseUrl() + "/groups/" + pageGroup, cookie, 100, 500);
        DoubleSupplier file = () -> p99AtFixedRate(workspace.baseUrl() + "/css/collaborative.css", cookie, 100, 500);
        return rounds(
                "Group page under a fixed load",
                "p99 of a group page with 20 questions at 100 requests/s, ms",
                "p99 of a static file at 100 requests/s, ms",
                "ms",
                false,
                page,
                file);
    }

    // --- measuring ---------------------------------------------------------------------------------------------

    static Figure rounds(
            String name,
            String subject,
            String baseline,
            String unit,
            boolean higherIsBetter,
            DoubleSupplier measureSubject,
            DoubleSupplier measureBaseline) {
        return rounds(
                        List.of(new Spec(name, subject, baseline, unit, higherIsBetter, null)),
                        () -> new double[] {measureSubject.getAsDouble()},
                        () -> new double[] {measureBaseline.getAsDouble()})
                .get(0);
    }

    /**
     * Several figures from one measurement (e.g. p50 and p99 of the same latencies): each supplier returns one value
     * per spec, in order. Warm-up round first, then {@link #ROUNDS} rounds alternating which side goes first.
     */
    static List<Figure> rounds(
            List<Spec> specs, Supplier<double[]> measureSubject, Supplier<double[]> measureBaseline) {
        return rounds(specs, 1, measureSubject, measureBaseline);
    }

    /** The same with more than one warm-up round, for a subject that is still warming up after one. */
    static List<Figure> rounds(
            List<Spec> specs, int warmUps, Supplier<double[]> measureSubject, Supplier<double[]> measureBaseline) {
        String name = specs.get(0).name();
        long started = System.nanoTime();
        for (int warmUp = 0; warmUp < warmUps; warmUp++) {
            System.out.printf(
                    "%s, warm-up: %s against %s%n", name, format(measureSubject.get()), format(measureBaseline.get()));
        }
        List<double[]> subjects = new ArrayList<>();
        List<double[]> baselines = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            if (round % 2 == 0) {
                baselines.add(measureBaseline.get());
                subjects.add(measureSubject.get());
            } else {
                subjects.add(measureSubject.get());
                baselines.add(measureBaseline.get());
            }
            System.out.printf(
                    "%s, round %d: %s against %s (%d s so far)%n",
                    name,
                    round + 1,
                    format(subjects.get(round)),
                    format(baselines.get(round)),
                    (System.nanoTime() - started) / 1_000_000_000L);
        }
        List<Figure> figures = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            int index = i;
            Spec spec = specs.get(i);
            figures.add(new Figure(
                    spec.name(),
                    spec.subject(),
                    spec.baseline(),
                    spec.unit(),
                    spec.higherIsBetter(),
                    spec.note(),
                    subjects.stream().map(values -> values[index]).toList(),
                    baselines.stream().map(values -> values[index]).toList()));
        }
        return figures;
    }

    private static String format(double[] values) {
        StringBuilder out = new StringBuilder();
        for (double value : values) {
            out.append(out.isEmpty() ? "" : " / ").append(String.format("%.1f", value));
        }
        return out.toString();
    }

    interface Work {
        void run() throws Exception;
    }

    interface PerThread {
        void run(int thread) throws Exception;
    }

    static double perSecond(int operations, Work work) {
        long started = System.nanoTime();
        try {
            work.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return operations / ((System.nanoTime() - started) / 1e9);
    }

    static void parallel(int threads, PerThread work) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                running.add(pool.submit(() -> {
                    work.run(thread);
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Open-loop load: requests start on schedule whether or not earlier ones have answered. */
    static double p99AtFixedRate(String url, String cookie, int perSecond, int requests) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", cookie)
                .GET()
                .build();
        List<CompletableFuture<Long>> latencies = new ArrayList<>();
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long start = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            long due = start + i * interval;
            // Parked, not spinning: a spinning scheduler took one of the two cores from the server it measured.
            LiveLatency.sleepUntil(due);
            long sent = System.nanoTime();
            latencies.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .thenApply(response -> {
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException(url + " answered " + response.statusCode());
                        }
                        return System.nanoTime() - sent;
                    }));
        }
        List<Long> sorted =
                new ArrayList<>(latencies.stream().map(CompletableFuture::join).toList());
        Collections.sort(sorted);
        return sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1) / 1e6;
    }

    // --- reporting ---------------------------------------------------------------------------------------------

    static final String START = "<!-- benchmarks:start -->";
    static final String END = "<!-- benchmarks:end -->";

    private static String report(List<Figure> figures, Duration took) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append(START).append("\n");
        out.append("## Benchmarks (").append(LocalDate.now()).append(")\n\n");
        out.append("Measured by `./mvnw -B -Pbenchmarks -DskipTests verify -pl benchmarks -am` on ")
                .append(machine())
                .append(tree())
                .append(". One warm-up round discarded, then ")
                .append(ROUNDS)
                .append(
                        " rounds in which baseline and subject alternate which goes first. Ratio = subject ÷ baseline; ")
                .append("median, with the range over the rounds. The whole run took ")
                .append(Math.round(took.toSeconds() / 60.0))
                .append(" minutes.\n\n");
        out.append("| Figure | Subject (median) | Baseline (median) | Ratio (median) | Ratio range | Better when |\n");
        out.append("|---|---|---|---|---|---|\n");
        for (Figure figure : figures) {
            List<Double> ratios = new ArrayList<>(figure.ratios());
            Collections.sort(ratios);
            out.append(String.format(
                    "| %s | %s: %.1f | %s: %.1f | %s | %s–%s | %s |%n",
                    figure.name(),
                    figure.subject(),
                    median(figure.subjects()),
                    figure.baseline(),
                    median(figure.baselines()),
                    ratio(median(ratios)),
                    ratio(ratios.get(0)),
                    ratio(ratios.get(ratios.size() - 1)),
                    figure.higherIsBetter() ? "higher" : "lower"));
        }
        List<Figure> noted =
                figures.stream().filter(figure -> figure.note() != null).toList();
        if (!noted.isEmpty()) {
            out.append("\nWhat is timed:\n\n");
            for (Figure figure : noted) {
                out.append("- **")
                        .append(figure.name())
                        .append("**: ")
                        .append(figure.note())
                        .append("\n");
            }
        }
        out.append("\n").append(END).append("\n");
        return out.toString();
    }

    /** Three decimals, or three significant digits for a ratio below 0.1 (0.00134, not 0.001). */
    private static String ratio(double value) {
        if (value >= 0.1) {
            return String.format("%.3f", value);
        }
        return new java.math.BigDecimal(value)
                .round(new java.math.MathContext(3))
                .stripTrailingZeros()
                .toPlainString();
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /**
     * Which tree was measured: BENCHMARKS_TREE if set (e.g. for an exported commit), else git's description of the
     * working tree ("-dirty" when it has uncommitted changes).
     */
    static String tree() {
        String given = System.getenv("BENCHMARKS_TREE");
        if (given != null && !given.isBlank()) {
            return ", " + given.strip();
        }
        try {
            Process git = new ProcessBuilder("git", "describe", "--always", "--dirty")
                    .redirectErrorStream(true)
                    .start();
            String description = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return git.waitFor() == 0 ? ", tree " + description : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static String machine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).strip())
                .findFirst()
                .orElse("unknown CPU");
        long memory = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), Java "
                + System.getProperty("java.version") + ", benchmark JVM heap limit " + memory + " MiB";
    }

    private static void write(Path performance, String report) throws IOException {
        String current = Files.exists(performance) ? Files.readString(performance) : "# Performance\n";
        int start = current.indexOf(START);
        int end = current.indexOf(END);
        String next = start >= 0 && end > start
                ? current.substring(0, start) + report + current.substring(end + END.length() + 1)
                : current + "\n" + report;
        Files.writeString(performance, next);
    }
}
