package org.collaborative.benchmarks;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.awaitility.core.ConditionTimeoutException;
import org.collaborative.app.support.RunningWorkspace;

/**
 * Issue 17's long check of the first-start stall (ADR 2's amendment): N consecutive fresh starts of the whole embedded
 * default, each on a new empty data folder with the demo seed on, while busy-spinning threads of this JVM keep every
 * core busy. Each start must publish the whole seed: every event in the event store on {@code collaborative.events}
 * (read back and matched by event id), the publisher's lag metric at 0 and every view's consumer group at the end of
 * the topic. Too slow for the test command; see docs/operations.md, "Fresh starts under CPU load".
 *
 * <pre>./mvnw -B -Pfresh-starts -DskipTests verify -pl benchmarks -am [-Dfresh.starts=30]</pre>
 *
 * Writes a table per start and a summary to {@code benchmarks/target/fresh-starts-report.md} and into
 * docs/performance.md (between its fresh-starts markers) after every start, so an interrupted run still records the
 * starts it completed, and exits with status 1 if any start did not publish the whole seed.
 */
public final class FreshStarts {

    static final String START = "<!-- fresh-starts:start -->";
    static final String END = "<!-- fresh-starts:end -->";

    private static final String EVENTS = ProjectionCatchUp.EVENTS;
    /** What a start's logs must not hold: the stall's symptoms and their consequences. */
    private static final Map<String, Pattern> SYMPTOMS = Map.of(
            "out-of-order", Pattern.compile("OutOfOrderSequence|OUT_OF_ORDER_SEQUENCE"),
            "delivery time-out", Pattern.compile("Expiring \\d+ record|has passed since batch creation"),
            "parked", Pattern.compile("(WARN|ERROR).*(?i:\\bpark|dead.letter)"));
    /** The publisher's gate holding a batch (expected on a first start, and harmless). */
    private static final Pattern HELD = Pattern.compile("publication waits");

    private final Path scratch;
    private final String jar;
    private final String projectionsJar;
    private final Duration readyWithin;
    private final Duration publishedWithin;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private FreshStarts(Path scratch, Duration readyWithin, Duration publishedWithin) {
        this.scratch = scratch;
        this.jar = required("workspace.jar");
        this.projectionsJar = required("projections.jar");
        this.readyWithin = readyWithin;
        this.publishedWithin = publishedWithin;
    }

    public static void main(String[] arguments) throws Exception {
        int starts = Integer.getInteger("fresh.starts", 30);
        int spinners =
                Integer.getInteger("fresh.load-threads", Runtime.getRuntime().availableProcessors());
        Duration readyWithin = Duration.ofMinutes(Long.getLong("fresh.ready-minutes", 15));
        Duration publishedWithin = Duration.ofMinutes(Long.getLong("fresh.published-minutes", 5));
        Path report = Path.of(System.getProperty("fresh.report", "target/fresh-starts-report.md"));
        Path performance = Path.of(System.getProperty("performance.md", "docs/performance.md"));
        // Optional: begin no start after this instant (a run that must end by a given time records what it did).
        Instant until = System.getProperty("fresh.until", "").isBlank()
                ? Instant.MAX
                : Instant.parse(System.getProperty("fresh.until"));
        Path scratch = Files.createTempDirectory("collaborative-fresh-starts");
        Runtime.getRuntime().addShutdownHook(new Thread(FreshStarts::stopLaunched, "fresh-starts-stop"));
        Files.createDirectories(report.toAbsolutePath().getParent());

        FreshStarts run = new FreshStarts(scratch, readyWithin, publishedWithin);
        List<Start> done = new ArrayList<>();
        Instant began = Instant.now();
        CpuLoad load = CpuLoad.start(spinners);
        try {
            for (int n = 1; n <= starts && Instant.now().isBefore(until); n++) {
                Start start = run.start(n);
                done.add(start);
                System.out.println(start.row());
                String section = section(done, starts, spinners, load, began);
                Files.writeString(report, section);
                write(performance, section);
            }
        } finally {
            load.stop();
        }
        String section = section(done, starts, spinners, load, began);
        Files.writeString(report, section);
        write(performance, section);
        System.out.println(section);
        deleteQuietly(scratch);
        System.exit(done.stream().allMatch(Start::whole) ? 0 : 1);
    }

    /** The processes of the start under way, stopped by the shutdown hook if the run itself is stopped. */
    private static final List<Process> LAUNCHED = new java.util.concurrent.CopyOnWriteArrayList<>();

    private static void stopLaunched() {
        for (int i = LAUNCHED.size() - 1; i >= 0; i--) {
            stop(LAUNCHED.get(i));
        }
    }

    /** One fresh start: launch, readiness, the whole seed published and projected, then a clean stop. */
    private Start start(int n) throws IOException {
        RunningWorkspace.Ports ports = RunningWorkspace.Ports.free();
        Path folder = Files.createDirectories(scratch.resolve("start-" + n));
        Path appLog = folder.resolve("app.log");
        Path projectionsLog = folder.resolve("projections.log");
        Start result = new Start(n);
        result.loadAtLaunch = loadAverage();
        Process app = null;
        Process projections = null;
        long launched = System.nanoTime();
        try {
            app = new ProcessBuilder(command(
                            jar,
                            "--server.port=" + ports.http(),
                            "--collaborative.embedded.data-dir=" + folder.resolve("data"),
                            "--collaborative.embedded.postgres.port=" + ports.postgres(),
                            "--collaborative.embedded.kafka.port=" + ports.kafka(),
                            "--collaborative.embedded.kafka.controller-port=" + ports.kafkaController(),
                            "--collaborative.embedded.mongo.port=" + ports.mongo()))
                    .redirectErrorStream(true)
                    .redirectOutput(appLog.toFile())
                    .start();
            LAUNCHED.add(app);
            projections = new ProcessBuilder(command(
                            projectionsJar,
                            "--server.port=" + ports.projectionsHttp(),
                            "--spring.kafka.bootstrap-servers=127.0.0.1:" + ports.kafka(),
                            "--spring.mongodb.uri=mongodb://127.0.0.1:" + ports.mongo() + "/collaborative"))
                    .redirectErrorStream(true)
                    .redirectOutput(projectionsLog.toFile())
                    .start();
            LAUNCHED.add(projections);
            Process a = app;
            Process p = projections;
            await("both readiness probes")
                    .atMost(readyWithin)
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptionsMatching(FreshStarts::notAnExit)
                    .until(() -> alive(a, p) && ready(ports.http()) && ready(ports.projectionsHttp()));
            result.readySeconds = seconds(launched);
            result.loadPeak = Math.max(result.loadPeak, loadAverage());

            String bootstrap = "127.0.0.1:" + ports.kafka();
            try (Connection store = DriverManager.getConnection(
                            "jdbc:postgresql://127.0.0.1:" + ports.postgres() + "/collaborative",
                            "collaborative",
                            "collaborative");
                    Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                await("the whole seed published and projected")
                        .atMost(publishedWithin)
                        .pollInterval(Duration.ofMillis(250))
                        // A probe that times out on a starved machine (HTTP, JDBC, admin client) is "not yet".
                        .ignoreExceptionsMatching(FreshStarts::notAnExit)
                        .until(() -> {
                            result.loadPeak = Math.max(result.loadPeak, loadAverage());
                            return alive(a, p) && caughtUp(store, admin, ports, result);
                        });
                result.publishedSeconds = seconds(launched);
                // The cheap signs agree; now the record-by-record check.
                Set<String> stored = eventIds(store);
                result.stored = stored.size();
                TopicContents topic = read(bootstrap);
                result.onTopic = topic.distinct.size();
                result.duplicates = topic.records - topic.distinct.size();
                Set<String> missing = new HashSet<>(stored);
                missing.removeAll(topic.distinct);
                result.missing = missing.size();
                result.parked = count(store, "select count(*) from dead_letter_entry")
                        + Math.round(metric(ports.http(), "collaborative_parked_events"))
                        + Math.round(metric(ports.projectionsHttp(), "collaborative_parked_events"));
            }
        } catch (ConditionTimeoutException e) {
            result.failure = e.getMessage() + (e.getCause() == null ? "" : " (last: " + e.getCause() + ")");
        } catch (Exception e) {
            result.failure = e.toString();
        } finally {
            long stopping = System.nanoTime();
            result.cleanStop = stop(projections) & stop(app) & !listening(ports.postgres());
            LAUNCHED.clear();
            result.stopSeconds = seconds(stopping);
            result.symptoms = symptoms(appLog, projectionsLog);
            result.held = matches(appLog, HELD);
            if (!result.whole()) {
                keepLogs(n, appLog, projectionsLog);
            }
            deleteQuietly(folder);
        }
        return result;
    }

    /**
     * The cheap signs, polled: the publisher's lag metric at 0, as many records on the topic as events in the store,
     * and every view's consumer group at the topic's end (the projections' lag metric, and their committed offsets).
     */
    private boolean caughtUp(Connection store, Admin admin, RunningWorkspace.Ports ports, Start result)
            throws Exception {
        long events = count(store, "select count(*) from domain_event_entry");
        double publicationLag = metric(ports.http(), "collaborative_publication_lag_events");
        if (events == 0 || publicationLag != 0) {
            return false;
        }
        long records = ProjectionCatchUp.endOffsets(admin, EVENTS).values().stream()
                .mapToLong(Long::longValue)
                .sum();
        if (records < events) {
            return false;
        }
        double viewLag = metric(ports.projectionsHttp(), "collaborative_view_lag_events");
        return viewLag == 0 && ProjectionCatchUp.lag(admin, "projection.") == 0;
    }

    /** The sum of a series' samples (all labels), from the app's Prometheus endpoint; NaN if any sample is NaN. */
    private double metric(int port, String name) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return Double.NaN;
        }
        double sum = 0;
        boolean found = false;
        for (String line : response.body().split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                found = true;
            }
        }
        return found ? sum : Double.NaN;
    }

    private boolean ready(int port) {
        try {
            return http.send(
                                    HttpRequest.newBuilder(URI.create(
                                                    "http://127.0.0.1:" + port + "/actuator/health/readiness"))
                                            .timeout(Duration.ofSeconds(5))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean alive(Process app, Process projections) {
        if (!app.isAlive() || !projections.isAlive()) {
            throw new ProcessExited();
        }
        return true;
    }

    private static boolean notAnExit(Throwable e) {
        return !(e instanceof ProcessExited);
    }

    private static final class ProcessExited extends IllegalStateException {
        ProcessExited() {
            super("A process of the stack exited during its start");
        }
    }

    private static Set<String> eventIds(Connection store) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Statement statement = store.createStatement();
                ResultSet rows = statement.executeQuery("select event_identifier from domain_event_entry")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private static long count(Connection store, String query) throws SQLException {
        try (Statement statement = store.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private record TopicContents(long records, Set<String> distinct) {}

    /** Every record on the events topic, from the beginning to the end offsets: how many, and their event ids. */
    private static TopicContents read(String bootstrap) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        long records = 0;
        Set<String> ids = new HashSet<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = ProjectionCatchUp.partitions(consumer, EVENTS);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + EVENTS + " to its end");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    records++;
                    Header id = record.headers().lastHeader("ce_id");
                    if (id != null) {
                        ids.add(new String(id.value(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return new TopicContents(records, ids);
    }

    /** SIGTERM, then up to 60 s for the JVM to stop its servers; true if it stopped by itself. */
    private static boolean stop(Process process) {
        if (process == null) {
            return true;
        }
        process.destroy();
        try {
            if (process.waitFor(60, TimeUnit.SECONDS)) {
                return true;
            }
            process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** Whether something still answers on the port (PostgreSQL left running by a JVM that did not stop it). */
    private static boolean listening(int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> symptoms(Path... logs) {
        List<String> found = new ArrayList<>();
        SYMPTOMS.forEach((name, pattern) -> {
            long lines = Stream.of(logs).mapToLong(log -> matches(log, pattern)).sum();
            if (lines > 0) {
                found.add(name + " ×" + lines);
            }
        });
        found.sort(null);
        return found;
    }

    private static long matches(Path log, Pattern pattern) {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> pattern.matcher(line).find()).count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    private static void keepLogs(int n, Path... logs) {
        try {
            Path kept = Files.createDirectories(Path.of("target", "fresh-starts-failed"));
            for (Path log : logs) {
                if (Files.exists(log)) {
                    Files.copy(
                            log,
                            kept.resolve("start-" + n + "-" + log.getFileName()),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            System.err.println("Could not keep the logs of start " + n + ": " + e);
        }
    }

    private List<String> command(String jarFile, String... arguments) {
        List<String> command = new ArrayList<>(List.of(ColdStart.java(), "-XX:+UseSerialGC", "-jar", jarFile));
        command.addAll(List.of(arguments));
        return command;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static String required(String property) {
        String path = System.getProperty(property);
        if (path == null || !Files.isRegularFile(Path.of(path))) {
            throw new IllegalStateException("Not built: " + property + "=" + path);
        }
        return path;
    }

    private static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete " + folder + ": " + e);
        }
    }

    /** What one start did. */
    static final class Start {
        final int n;
        double loadAtLaunch;
        double loadPeak;
        double readySeconds = Double.NaN;
        double publishedSeconds = Double.NaN;
        double stopSeconds;
        long stored;
        long onTopic;
        long missing = -1;
        long duplicates;
        long parked;
        long held;
        boolean cleanStop;
        List<String> symptoms = List.of();
        String failure;

        Start(int n) {
            this.n = n;
        }

        /** The whole seed published and projected, with none of the stall's symptoms, and a clean stop. */
        boolean whole() {
            return failure == null && stored > 0 && missing == 0 && parked == 0 && symptoms.isEmpty() && cleanStop;
        }

        String row() {
            return String.format(
                    "| %d | %.0f | %s | %s | %d | %d | %d | %d | %d | %d | %s | %.1f%s | %s |",
                    n,
                    loadAtLaunch,
                    format(readySeconds),
                    format(publishedSeconds),
                    stored,
                    onTopic,
                    missing,
                    duplicates,
                    parked,
                    held,
                    symptoms.isEmpty() ? "none" : String.join(", ", symptoms),
                    stopSeconds,
                    cleanStop ? "" : " (not clean)",
                    whole() ? "yes" : "**no**" + (failure == null ? "" : ": " + failure.replace('|', '/')));
        }

        private static String format(double seconds) {
            return Double.isNaN(seconds) ? "–" : String.format("%.1f", seconds);
        }
    }

    /** Busy-spinning threads of this JVM at normal priority: what "under CPU load" means here. */
    static final class CpuLoad {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();
        private final long started = System.nanoTime();
        private long cpuNanos;
        private long wallNanos;

        static CpuLoad start(int count) {
            CpuLoad load = new CpuLoad();
            for (int i = 0; i < count; i++) {
                Thread spinner = new Thread(
                        () -> {
                            long x = 1;
                            while (load.running.get()) {
                                x = x * 6364136223846793005L + 1442695040888963407L;
                            }
                            if (x == 42) {
                                System.out.print("");
                            }
                        },
                        "cpu-load-" + i);
                spinner.setDaemon(true);
                spinner.start();
                load.threads.add(spinner);
            }
            return load;
        }

        /** The CPU time the spinners got so far, in cores (1.0 = one core all the time). */
        double cores() {
            ThreadMXBean bean = ManagementFactory.getThreadMXBean();
            long cpu = cpuNanos;
            if (running.get()) {
                cpu = threads.stream()
                        .mapToLong(t -> Math.max(0, bean.getThreadCpuTime(t.getId())))
                        .sum();
            }
            long wall = running.get() ? System.nanoTime() - started : wallNanos;
            return wall == 0 ? 0 : (double) cpu / wall;
        }

        void stop() {
            ThreadMXBean bean = ManagementFactory.getThreadMXBean();
            cpuNanos = threads.stream()
                    .mapToLong(t -> Math.max(0, bean.getThreadCpuTime(t.getId())))
                    .sum();
            wallNanos = System.nanoTime() - started;
            running.set(false);
        }

        int threads() {
            return threads.size();
        }
    }

    static String section(List<Start> done, int planned, int spinners, CpuLoad load, Instant began) {
        DateTimeFormatter at =
                DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm 'UTC'").withZone(ZoneOffset.UTC);
        long whole = done.stream().filter(Start::whole).count();
        List<Double> ready = done.stream()
                .map(s -> s.readySeconds)
                .filter(s -> !s.isNaN())
                .sorted()
                .toList();
        List<Double> published = done.stream()
                .map(s -> s.publishedSeconds)
                .filter(s -> !s.isNaN())
                .sorted()
                .toList();
        double loadLow = done.stream().mapToDouble(s -> s.loadAtLaunch).min().orElse(Double.NaN);
        double loadHigh = done.stream()
                .mapToDouble(s -> Math.max(s.loadAtLaunch, s.loadPeak))
                .max()
                .orElse(Double.NaN);
        StringBuilder out = new StringBuilder();
        out.append(START).append('\n');
        out.append("Run of ")
                .append(at.format(began))
                .append(Benchmarks.tree())
                .append(": **")
                .append(whole)
                .append(" of ")
                .append(done.size())
                .append(" fresh starts published the whole seed**");
        if (done.size() < planned) {
            out.append(" (")
                    .append(planned)
                    .append(" planned, ")
                    .append(done.size())
                    .append(" run: a run ends early at `-Dfresh.until`, or when stopped)");
        }
        out.append(". Ready (both probes UP) after ")
                .append(summary(ready))
                .append("; whole seed published and projected after ")
                .append(summary(published))
                .append(", both in seconds from launching the two JVMs. Load: ")
                .append(spinners)
                .append(" busy-spinning threads in the harness's JVM (they got ")
                .append(String.format("%.2f", load.cores()))
                .append(
                        " cores on average), on top of whatever else the shared machine ran: the one-minute load average was ")
                .append(String.format("%.0f–%.0f", loadLow, loadHigh))
                .append(" over the run.\n\n");
        out.append(
                "| Start | Load at launch | Ready (s) | Published (s) | Events stored | On the topic | Missing | "
                        + "Sent twice | Parked | Batches held by the gate | Stall's symptoms in the logs | Stop (s) | Whole |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        done.forEach(start -> out.append(start.row()).append('\n'));
        out.append(END).append('\n');
        return out.toString();
    }

    private static String summary(List<Double> sorted) {
        if (sorted.isEmpty()) {
            return "–";
        }
        return String.format(
                "p50 %.0f, max %.0f (min %.0f)",
                Benchmarks.median(sorted), sorted.get(sorted.size() - 1), sorted.get(0));
    }

    private static void write(Path performance, String section) throws IOException {
        String current = Files.exists(performance) ? Files.readString(performance) : "# Performance\n";
        int start = current.indexOf(START);
        int end = current.indexOf(END);
        String next = start >= 0 && end > start
                ? current.substring(0, start) + section + current.substring(end + END.length() + 1)
                : current + "\n" + section;
        Files.writeString(performance, next);
    }
}
