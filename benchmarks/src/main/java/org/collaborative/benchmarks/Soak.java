package org.collaborative.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.collaborative.app.support.Browser;
import org.collaborative.app.support.RequestFuzzer;
import org.collaborative.app.support.RunningWorkspace;
import org.collaborative.benchmarks.Flatness.Sample;
import org.collaborative.benchmarks.Flatness.Tolerance;
import org.collaborative.benchmarks.Flatness.Verdict;

/**
 * The soak (issue 17): mixed load on the embedded stack for a fixed time, with the workspace app and the projections
 * app each in a JVM of its own as {@code run.sh} starts them (so their heap, threads and open files are theirs, not the
 * load driver's), then a verdict per measure on whether it was flat at the end.
 *
 * <p>The load is open-model: commands and page requests start on a fixed schedule whether or not earlier ones have
 * answered (latency counts from the scheduled time), with at most {@value #COMMANDS_IN_FLIGHT} commands and
 * {@value #PAGES_IN_FLIGHT} pages in flight; an arrival beyond that is not sent and is counted as skipped, so a machine
 * that cannot keep up shows as a lower achieved rate, not as a driver that runs out of memory. Commands are the web
 * forms a browser posts, with the session and CSRF token of one of four demo members who joined every soak group:
 * questions, answers and comments. Pages are group pages, the home page and theme pages. The viewers hold group pages'
 * live streams ({@link SoakViewers}).
 *
 * <p>Every {@code soak.sample-every} (10 s) it reads each JVM's threads and open files from {@code /proc/<pid>}, and the
 * publication lag and each view's consumer lag from both applications' {@code /actuator/prometheus}; every {@code soak.gc-every} (30 s) it asks both
 * JVMs for a full collection ({@code jcmd <pid> GC.run}) and reads the heap left after it from the JVM's GC log. The
 * verdict per measure is {@link Flatness}'s. Writes the section between the soak markers of docs/performance.md for a
 * run of 30 minutes or more (or with {@code -Dsoak.write=true}); a shorter run prints it.
 *
 * <pre>./mvnw -B -Psoak -DskipTests verify -pl benchmarks -am [-Dsoak.duration=PT30M]</pre>
 */
public final class Soak {

    static final String START = "<!-- soak:start -->";
    static final String END = "<!-- soak:end -->";

    private static final int COMMANDS_IN_FLIGHT = 64;
    private static final int PAGES_IN_FLIGHT = 256;
    private static final String PASSWORD = RequestFuzzer.DEMO_PASSWORD;
    /** A facilitator, who may form groups. */
    private static final String AMARA = "amara.okafor@londoncouncils.example";
    /** The members who post: a facilitator, a service leader, a chief executive and a councillor. */
    private static final List<String> POSTERS =
            List.of(AMARA, "tom.hughes@camden.example", "priya.shah@hackney.example", "mary.doyle@lewisham.example");
    /**
     * An answer or comment goes to a question posted at least this long ago, so that its item page exists: at load
     * average 40, 20 s was not enough for the items view (404s) while the projections ran minutes behind.
     */
    private static final long ITEM_AGE = TimeUnit.SECONDS.toNanos(120);

    private static final Pattern FULL_GC =
            Pattern.compile("Pause Full \\(Diagnostic Command\\) (\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    enum Kind {
        QUESTION("question posted", true),
        ANSWER("answer posted", true),
        COMMENT("comment posted", true),
        GROUP_PAGE("group page", false),
        HOME_PAGE("home page", false),
        THEME_PAGE("theme page", false);

        final String label;
        final boolean command;

        Kind(String label, boolean command) {
            this.label = label;
            this.command = command;
        }
    }

    /** One request: scheduled and finished (System.nanoTime), and how it ended ("ok", "refused", "404", an error). */
    record Result(Kind kind, long due, long finished, String outcome) {}

    /** A question acknowledged (the form's redirect received), for the answers, comments and the viewers' count. */
    record Asked(int group, String questionId, long acknowledged) {}

    /** One measure judged at the end: its name, unit and tolerance. */
    record Measure(String name, String unit, Tolerance tolerance) {}

    static final Measure APP_HEAP = new Measure("Workspace app: heap after a full GC", "MiB", new Tolerance(0.10, 8));
    static final Measure PROJECTIONS_HEAP =
            new Measure("Projections: heap after a full GC", "MiB", new Tolerance(0.10, 8));
    static final Measure APP_THREADS = new Measure("Workspace app: threads", "threads", new Tolerance(0.05, 3));
    static final Measure PROJECTIONS_THREADS = new Measure("Projections: threads", "threads", new Tolerance(0.05, 3));
    static final Measure APP_FILES = new Measure("Workspace app: open files", "files", new Tolerance(0.05, 5));
    static final Measure PROJECTIONS_FILES = new Measure("Projections: open files", "files", new Tolerance(0.05, 5));
    static final Measure PUBLICATION_LAG =
            new Measure("Publication lag (stored, not yet on Kafka)", "events", new Tolerance(0.5, 100));
    static final Measure VIEW_LAG =
            new Measure("Projections' consumer lag, largest view", "events", new Tolerance(0.5, 100));
    static final List<Measure> JUDGED = List.of(
            APP_HEAP,
            PROJECTIONS_HEAP,
            APP_THREADS,
            PROJECTIONS_THREADS,
            APP_FILES,
            PROJECTIONS_FILES,
            PUBLICATION_LAG,
            VIEW_LAG);

    private final Duration duration = Duration.parse(System.getProperty("soak.duration", "PT30M"));
    private final int commandsPerSecond = Integer.getInteger("soak.commands-per-second", 20);
    private final int pagesPerSecond = Integer.getInteger("soak.pages-per-second", 50);
    private final int viewerCount = Integer.getInteger("soak.viewers", 100);
    private final int groupCount = Integer.getInteger("soak.groups", 25);
    private final Duration sampleEvery = Duration.parse(System.getProperty("soak.sample-every", "PT10S"));
    private final Duration gcEvery = Duration.parse(System.getProperty("soak.gc-every", "PT30S"));
    private final long seed = Long.getLong("soak.seed", 17L);
    private final Path dir =
            Path.of(System.getProperty("soak.dir", "target/soak")).toAbsolutePath();

    private final Map<String, List<Sample>> series = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
    private final List<Asked> asked = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger commandsSkipped = new AtomicInteger();
    private final AtomicInteger pagesSkipped = new AtomicInteger();
    private final AtomicInteger scrapes = new AtomicInteger();
    private final Map<String, AtomicInteger> scrapesFailed = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private Jvm app;
    private Jvm projections;
    private long loadStart;
    private Instant loadStarted;
    private final List<String> notes = new ArrayList<>();

    /** One application's JVM: its process, its base URL and its GC log; the CPU ticks at the last sample. */
    private static final class Jvm {
        final String name;
        final Process process;
        final String url;
        final Path gcLog;
        long ticks = -1;

        Jvm(String name, Process process, String url, Path gcLog) {
            this.name = name;
            this.process = process;
            this.url = url;
            this.gcLog = gcLog;
        }
    }

    public static void main(String[] args) {
        try {
            new Soak().run();
        } catch (Throwable failure) {
            failure.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private void run() throws Exception {
        Instant began = Instant.now();
        Files.createDirectories(dir);
        Path data = dir.resolve("data");
        delete(data);
        RunningWorkspace.Ports ports = RunningWorkspace.Ports.free();
        List<String> appArguments = new ArrayList<>(List.of(
                "--server.port=" + ports.http(),
                "--collaborative.embedded.data-dir=" + data,
                "--collaborative.embedded.postgres.port=" + ports.postgres(),
                "--collaborative.embedded.kafka.port=" + ports.kafka(),
                "--collaborative.embedded.kafka.controller-port=" + ports.kafkaController(),
                "--collaborative.embedded.mongo.port=" + ports.mongo(),
                "--collaborative.embedded.smtp.port=" + ports.another(),
                "--logging.level.root=warn"));
        // The posting and sign-in limits would answer 429 to a load driver posting as four members.
        appArguments.addAll(RequestFuzzer.RAISED_LIMITS);
        app = launch("workspace app", require("workspace.jar"), ports.http(), appArguments);
        projections = launch(
                "projections",
                require("projections.jar"),
                ports.projectionsHttp(),
                List.of(
                        "--server.port=" + ports.projectionsHttp(),
                        "--spring.kafka.bootstrap-servers=127.0.0.1:" + ports.kafka(),
                        "--spring.mongodb.uri=mongodb://127.0.0.1:" + ports.mongo() + "/collaborative"));
        SoakViewers viewers = null;
        String report;
        try {
            awaitReady(app);
            awaitReady(projections);
            System.out.printf(
                    "Both applications ready after %d s%n",
                    Duration.between(began, Instant.now()).toSeconds());
            Map<String, Browser> members = new LinkedHashMap<>();
            for (String email : RequestFuzzer.DEMO_MEMBERS) {
                Browser member = Browser.at(app.url).signIn(email, PASSWORD);
                // As a browser follows the sign-in's redirect: the first request of a session records its sign-in
                // time, and concurrent first requests of one session race to insert it (see docs/performance.md).
                member.get("/");
                members.put(email, member);
            }
            List<String> groups = formGroups(members.get(AMARA));
            List<Browser> posters = joinGroups(members, groups);
            List<String> watched = new ArrayList<>();
            List<String> cookies = new ArrayList<>();
            List<String> everyone = new ArrayList<>(members.keySet());
            for (int v = 0; v < viewerCount; v++) {
                watched.add(groups.get(v % groups.size()));
                cookies.add(members.get(everyone.get(v % everyone.size())).cookieHeader());
            }
            viewers = new SoakViewers(app.url, watched, cookies);
            viewers.awaitConnected(2, TimeUnit.MINUTES);
            System.out.printf("%d viewers connected; the load starts for %s%n", viewerCount, duration);

            loadStart = System.nanoTime();
            loadStarted = Instant.now();
            long end = loadStart + duration.toNanos();
            Thread sampler = thread("soak-sampler", () -> sample(end + TimeUnit.MINUTES.toNanos(10)));
            Thread heapSampler = thread("soak-heap", () -> sampleHeap(end + TimeUnit.MINUTES.toNanos(10)));
            sampler.start();
            heapSampler.start();
            Thread commandLoad = thread("soak-commands", () -> commands(posters, groups, end));
            Thread pageLoad = thread("soak-pages", () -> pages(new ArrayList<>(members.values()), groups, end));
            commandLoad.start();
            pageLoad.start();
            commandLoad.join();
            pageLoad.join();
            System.out.println("The load has stopped; waiting for publication and the projections to catch up");
            long drained = drain();
            // The last notices still travel from the projections to the web app after the views have caught up.
            LiveLatency.sleepUntil(System.nanoTime() + TimeUnit.SECONDS.toNanos(15));
            viewers.close();
            sampler.interrupt();
            heapSampler.interrupt();
            sampler.join(TimeUnit.MINUTES.toMillis(2));
            heapSampler.join(TimeUnit.MINUTES.toMillis(2));
            writeSamples(dir.resolve("samples.csv"));
            report = report(began, viewers, groups, drained);
        } finally {
            if (viewers != null) {
                viewers.close();
            }
            ProjectionCatchUp.stop(projections.process);
            ProjectionCatchUp.stop(app.process);
        }
        System.out.println(report);
        String write = System.getProperty("soak.write", "auto");
        if (write.equals("true") || (write.equals("auto") && duration.compareTo(Duration.ofMinutes(30)) >= 0)) {
            write(Path.of(System.getProperty("performance.md", "docs/performance.md")), report);
            System.out.println("Written to docs/performance.md");
        } else {
            System.out.println("A run shorter than 30 minutes: not written to docs/performance.md");
        }
        delete(data);
    }

    // --- the stack -----------------------------------------------------------------------------------------------

    private Jvm launch(String name, String jar, int port, List<String> arguments) throws IOException {
        String file = name.replace(' ', '-');
        Path gcLog = dir.resolve(file + "-gc.log");
        Files.deleteIfExists(gcLog);
        List<String> command = new ArrayList<>(
                List.of(ColdStart.java(), "-XX:+UseSerialGC", "-Xlog:gc:file=" + gcLog + ":uptime", "-jar", jar));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(file + ".log").toFile())
                .start();
        return new Jvm(name, process, "http://127.0.0.1:" + port, gcLog);
    }

    private void awaitReady(Jvm jvm) {
        // Minutes on the shared two-core machine: the seed, then every projection catching up with it.
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
        while (!ready(jvm.url)) {
            if (!jvm.process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("The " + jvm.name + " did not become ready; see " + dir);
            }
            LiveLatency.sleepUntil(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(250));
        }
    }

    private boolean ready(String url) {
        try {
            return http.send(
                                    HttpRequest.newBuilder(URI.create(url + "/actuator/health/readiness"))
                                            .timeout(Duration.ofSeconds(5))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Amara forms the soak's open groups through the web form, spread over the themes. */
    private List<String> formGroups(Browser facilitator) {
        List<String> groups = new ArrayList<>();
        for (int g = 0; g < groupCount; g++) {
            String theme = ProjectionCatchUp.THEMES.get(g % ProjectionCatchUp.THEMES.size());
            facilitator.get("/themes/" + theme + "/groups/new");
            HttpResponse<String> formed = facilitator.post(
                    "/themes/" + theme + "/groups",
                    Map.of(
                            "groupId",
                            UUID.randomUUID().toString(),
                            "name",
                            "Soak group " + (g + 1),
                            "purpose",
                            "Questions, answers and comments of the soak.",
                            "visibility",
                            "OPEN"));
            String location = formed.headers().firstValue("Location").orElse("");
            if (formed.statusCode() != 302 || !location.contains("/groups/")) {
                throw new IllegalStateException("Forming a group answered " + formed.statusCode() + " " + location);
            }
            groups.add(location.substring(location.lastIndexOf('/') + 1));
        }
        return groups;
    }

    /** The posters other than Amara (who formed them) join every group; a member who cannot join does not post. */
    private List<Browser> joinGroups(Map<String, Browser> members, List<String> groups) {
        List<Browser> posters = new ArrayList<>();
        for (String email : POSTERS) {
            Browser member = members.get(email);
            boolean joinedAll = true;
            if (!email.equals(AMARA)) {
                for (String group : groups) {
                    member.get("/groups/" + group);
                    HttpResponse<String> joined = member.post("/groups/" + group + "/members", Map.of());
                    if (joined.statusCode() != 302) {
                        joinedAll = false;
                        notes.add(
                                email + " could not join a soak group (" + joined.statusCode() + ") and did not post");
                        break;
                    }
                }
            }
            if (joinedAll) {
                member.get("/groups/" + groups.get(0));
                posters.add(member);
            }
        }
        if (posters.isEmpty()) {
            throw new IllegalStateException("No member could post: " + notes);
        }
        return posters;
    }

    // --- the load ------------------------------------------------------------------------------------------------

    private void commands(List<Browser> posters, List<String> groups, long end) {
        ExecutorService pool = Executors.newFixedThreadPool(COMMANDS_IN_FLIGHT);
        Semaphore slots = new Semaphore(COMMANDS_IN_FLIGHT);
        Random random = new Random(seed);
        long interval = TimeUnit.SECONDS.toNanos(1) / commandsPerSecond;
        for (long i = 0; ; i++) {
            long due = loadStart + i * interval;
            if (due >= end) {
                break;
            }
            double roll = random.nextDouble();
            Kind kind = roll < 0.4 ? Kind.QUESTION : roll < 0.7 ? Kind.ANSWER : Kind.COMMENT;
            Browser poster = posters.get(random.nextInt(posters.size()));
            int group = random.nextInt(groups.size());
            long n = i;
            LiveLatency.sleepUntil(due);
            if (!slots.tryAcquire()) {
                commandsSkipped.incrementAndGet();
                continue;
            }
            pool.execute(() -> {
                try {
                    command(kind, poster, groups, group, n, due);
                } finally {
                    slots.release();
                }
            });
        }
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void command(Kind kind, Browser poster, List<String> groups, int group, long n, long due) {
        Asked target = kind == Kind.QUESTION ? null : olderQuestion();
        if (target == null) {
            kind = Kind.QUESTION;
        }
        String outcome;
        try {
            HttpResponse<String> response;
            String questionId = UUID.randomUUID().toString();
            switch (kind) {
                case QUESTION ->
                    response = poster.post(
                            "/groups/" + groups.get(group) + "/questions",
                            Map.of(
                                    "questionId", questionId,
                                    "title", "How do other boroughs keep the soak going? (" + n + ")",
                                    "body", "Soak question " + n + ": what worked, what it cost, who to ask."));
                case ANSWER ->
                    response = poster.post(
                            "/items/" + target.questionId() + "/answers",
                            Map.of(
                                    "answerId",
                                    UUID.randomUUID().toString(),
                                    "answer",
                                    "Soak answer " + n + ": we tried a pilot first and kept what worked."));
                default ->
                    response = poster.post(
                            "/items/" + target.questionId() + "/comments",
                            Map.of(
                                    "commentId",
                                    UUID.randomUUID().toString(),
                                    "comment",
                                    "Soak comment " + n + ": thanks, this helps."));
            }
            int status = response.statusCode();
            outcome = status == 302 ? "ok" : status == 200 ? "refused" : String.valueOf(status);
            if (kind == Kind.QUESTION && status == 302) {
                asked.add(new Asked(group, questionId, System.nanoTime()));
            }
        } catch (RuntimeException e) {
            outcome = e.getCause() == null
                    ? e.getClass().getSimpleName()
                    : e.getCause().getClass().getSimpleName();
        }
        results.add(new Result(kind, due, System.nanoTime(), outcome));
    }

    /** A question acknowledged long enough ago for its item page to exist, or null if none is yet. */
    private Asked olderQuestion() {
        long cutoff = System.nanoTime() - ITEM_AGE;
        synchronized (asked) {
            if (asked.isEmpty()) {
                return null;
            }
            for (int attempt = 0; attempt < 5; attempt++) {
                Asked candidate = asked.get(ThreadLocalRandom.current().nextInt(asked.size()));
                if (candidate.acknowledged() <= cutoff) {
                    return candidate;
                }
            }
            return null;
        }
    }

    private void pages(List<Browser> members, List<String> groups, long end) {
        Semaphore slots = new Semaphore(PAGES_IN_FLIGHT);
        Random random = new Random(seed + 1);
        List<String> cookies = members.stream().map(Browser::cookieHeader).toList();
        long interval = TimeUnit.SECONDS.toNanos(1) / pagesPerSecond;
        for (long i = 0; ; i++) {
            long due = loadStart + i * interval;
            if (due >= end) {
                break;
            }
            double roll = random.nextDouble();
            Kind kind;
            String path;
            if (roll < 0.5) {
                kind = Kind.GROUP_PAGE;
                path = "/groups/" + groups.get(random.nextInt(groups.size()));
            } else if (roll < 0.75) {
                kind = Kind.HOME_PAGE;
                path = "/";
            } else {
                kind = Kind.THEME_PAGE;
                path = "/themes/" + ProjectionCatchUp.THEMES.get(random.nextInt(ProjectionCatchUp.THEMES.size()));
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(app.url + path))
                    .header("Cookie", cookies.get(random.nextInt(cookies.size())))
                    .header("Accept", "text/html")
                    .timeout(Duration.ofSeconds(120))
                    .GET()
                    .build();
            LiveLatency.sleepUntil(due);
            if (!slots.tryAcquire()) {
                pagesSkipped.incrementAndGet();
                continue;
            }
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                String outcome = failure != null
                        ? failure.getClass().getSimpleName()
                        : response.statusCode() == 200 ? "ok" : String.valueOf(response.statusCode());
                results.add(new Result(kind, due, System.nanoTime(), outcome));
                slots.release();
            });
        }
        try {
            if (!slots.tryAcquire(PAGES_IN_FLIGHT, 5, TimeUnit.MINUTES)) {
                notes.add("some page requests had not answered five minutes after the load stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits (at most 10 minutes) for the publication lag and every view's lag to reach zero; nanoseconds taken. */
    private long drain() {
        long started = System.nanoTime();
        long deadline = started + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            double publication = metric(scrape(app), "collaborative_publication_lag_events", Double::sum);
            double views = metric(scrape(projections), "collaborative_view_lag_events", Math::max);
            if (publication == 0 && views == 0) {
                return System.nanoTime() - started;
            }
            LiveLatency.sleepUntil(System.nanoTime() + TimeUnit.SECONDS.toNanos(1));
        }
        notes.add("publication and the views had not caught up 10 minutes after the load stopped");
        return -1;
    }

    // --- sampling ------------------------------------------------------------------------------------------------

    private void sample(long until) {
        long every = sampleEvery.toNanos();
        long previous = System.nanoTime();
        long driverTicks = cpuTicks(ProcessHandle.current().pid());
        for (long k = 0; ; k++) {
            long due = loadStart + k * every;
            if (due > until || Thread.currentThread().isInterrupted()) {
                return;
            }
            try {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            } catch (InterruptedException stopped) {
                return;
            }
            double t = (System.nanoTime() - loadStart) / 1e9;
            double elapsed = (System.nanoTime() - previous) / 1e9;
            previous = System.nanoTime();
            // Each source on its own: a saturated web app answers its metrics late (its request threads are all
            // busy), which must not cost the samples read from /proc or from the projections.
            record(APP_THREADS.name(), t, osThreads(app));
            record(PROJECTIONS_THREADS.name(), t, osThreads(projections));
            record(APP_FILES.name(), t, openFiles(app));
            record(PROJECTIONS_FILES.name(), t, openFiles(projections));
            record("load average (1 min)", t, loadAverage());
            record("CPU % workspace app", t, cpuPercent(app, elapsed));
            record("CPU % projections", t, cpuPercent(projections, elapsed));
            long ticks = cpuTicks(ProcessHandle.current().pid());
            record("CPU % load driver", t, k == 0 ? Double.NaN : (ticks - driverTicks) / elapsed);
            driverTicks = ticks;
            try {
                Map<String, List<double[]>> appMetrics = scrapeAll(app);
                record(PUBLICATION_LAG.name(), t, first(appMetrics, "collaborative_publication_lag_events"));
                record("live viewers", t, first(appMetrics, "collaborative_live_viewers"));
                record("Workspace app: jvm_threads_live_threads", t, first(appMetrics, "jvm_threads_live_threads"));
            } catch (RuntimeException e) {
                scrapesFailed
                        .computeIfAbsent(app.name, n -> new AtomicInteger())
                        .incrementAndGet();
            }
            try {
                Map<String, List<double[]>> projectionsMetrics = scrapeAll(projections);
                record(VIEW_LAG.name(), t, largest(projectionsMetrics, "collaborative_view_lag_events"));
                record(
                        "Projections: jvm_threads_live_threads",
                        t,
                        first(projectionsMetrics, "jvm_threads_live_threads"));
            } catch (RuntimeException e) {
                scrapesFailed
                        .computeIfAbsent(projections.name, n -> new AtomicInteger())
                        .incrementAndGet();
            }
            scrapes.incrementAndGet();
            if (k % 6 == 0) {
                System.out.printf(
                        "  %4.0f s: heap after GC %s / %s MiB, threads %s / %s, files %s / %s, lag %s / %s, load %s%n",
                        t,
                        latest(APP_HEAP.name()),
                        latest(PROJECTIONS_HEAP.name()),
                        latest(APP_THREADS.name()),
                        latest(PROJECTIONS_THREADS.name()),
                        latest(APP_FILES.name()),
                        latest(PROJECTIONS_FILES.name()),
                        latest(PUBLICATION_LAG.name()),
                        latest(VIEW_LAG.name()),
                        latest("load average (1 min)"));
            }
        }
    }

    /**
     * Every {@code soak.gc-every}, a full collection of each JVM and the heap it left, on a thread of its own: each
     * {@code jcmd} is a JVM start, seconds on the loaded machine, which would stretch the other samples' interval.
     */
    private void sampleHeap(long until) {
        long every = gcEvery.toNanos();
        for (long k = 0; ; k++) {
            long due = loadStart + k * every;
            if (due > until) {
                return;
            }
            try {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            } catch (InterruptedException stopped) {
                return;
            }
            try {
                record(APP_HEAP.name(), (System.nanoTime() - loadStart) / 1e9, heapAfterFullGc(app));
                record(PROJECTIONS_HEAP.name(), (System.nanoTime() - loadStart) / 1e9, heapAfterFullGc(projections));
            } catch (RuntimeException e) {
                System.err.println("A heap sample failed: " + e);
            }
        }
    }

    private void record(String measure, double seconds, double value) {
        series.computeIfAbsent(measure, m -> Collections.synchronizedList(new ArrayList<>()))
                .add(new Sample(seconds, value));
    }

    private String latest(String measure) {
        List<Sample> samples = series.getOrDefault(measure, List.of());
        synchronized (samples) {
            return samples.isEmpty()
                    ? "-"
                    : String.format("%.0f", samples.get(samples.size() - 1).value());
        }
    }

    /** Asks the JVM for a full collection and reads, from its GC log, the heap it left in use, MiB. */
    private double heapAfterFullGc(Jvm jvm) {
        try {
            Process jcmd = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "jcmd")
                                    .toString(),
                            String.valueOf(jvm.process.pid()),
                            "GC.run")
                    .redirectErrorStream(true)
                    .start();
            jcmd.getInputStream().readAllBytes();
            if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
                return Double.NaN;
            }
            String log = Files.readString(jvm.gcLog);
            Matcher full = FULL_GC.matcher(log);
            double after = Double.NaN;
            while (full.find()) {
                after = mebibytes(full.group(3), full.group(4));
            }
            return after;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    static double mebibytes(String amount, String unit) {
        double value = Double.parseDouble(amount);
        return switch (unit) {
            case "K" -> value / 1024;
            case "G" -> value * 1024;
            default -> value;
        };
    }

    /** The process's threads as the kernel counts them (/proc/<pid>/status): Java threads and the JVM's own. */
    private static double osThreads(Jvm jvm) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(jvm.process.pid()), "status")).stream()
                    .filter(line -> line.startsWith("Threads:"))
                    .mapToDouble(line -> Double.parseDouble(
                            line.substring("Threads:".length()).strip()))
                    .findFirst()
                    .orElse(Double.NaN);
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** The descriptors the process holds open, counted in /proc (what process_files_open_files reports). */
    private static double openFiles(Jvm jvm) {
        try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(jvm.process.pid()), "fd"))) {
            return fds.count();
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** User and system CPU time of a process so far, in clock ticks (1/100 s). */
    private static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException e) {
            return -1;
        }
    }

    private static double cpuPercent(Jvm jvm, double elapsedSeconds) {
        long ticks = cpuTicks(jvm.process.pid());
        double percent = jvm.ticks < 0 || ticks < 0 ? Double.NaN : (ticks - jvm.ticks) / elapsedSeconds;
        jvm.ticks = ticks;
        return percent;
    }

    private String scrape(Jvm jvm) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(jvm.url + "/actuator/prometheus"))
                            .timeout(Duration.ofSeconds(8))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(jvm.name + "'s metrics answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Map<String, List<double[]>> scrapeAll(Jvm jvm) {
        return parse(scrape(jvm));
    }

    /** The Prometheus text format: each series' values by metric name (labels dropped). */
    static Map<String, List<double[]>> parse(String text) {
        Map<String, List<double[]>> metrics = new TreeMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.indexOf(' ');
            String name = line.substring(0, brace >= 0 && brace < space ? brace : space);
            String value = line.substring(line.lastIndexOf(' ') + 1);
            double parsed = value.equals("NaN") ? Double.NaN : Double.parseDouble(value);
            metrics.computeIfAbsent(name, n -> new ArrayList<>()).add(new double[] {parsed});
        }
        return metrics;
    }

    private static double first(Map<String, List<double[]>> metrics, String name) {
        List<double[]> values = metrics.get(name);
        return values == null || values.isEmpty() ? Double.NaN : values.get(0)[0];
    }

    private static double largest(Map<String, List<double[]>> metrics, String name) {
        List<double[]> values = metrics.get(name);
        if (values == null) {
            return Double.NaN;
        }
        return values.stream()
                .mapToDouble(v -> v[0])
                .filter(v -> !Double.isNaN(v))
                .max()
                .orElse(Double.NaN);
    }

    private double metric(String text, String name, java.util.function.DoubleBinaryOperator combine) {
        List<double[]> values = parse(text).get(name);
        if (values == null || values.isEmpty()) {
            return Double.NaN;
        }
        double combined = values.get(0)[0];
        for (int i = 1; i < values.size(); i++) {
            combined = combine.applyAsDouble(combined, values.get(i)[0]);
        }
        return combined;
    }

    // --- the report ----------------------------------------------------------------------------------------------

    private String report(Instant began, SoakViewers viewers, List<String> groups, long drained) {
        double seconds = duration.toSeconds();
        double sixth = seconds / 6;
        StringBuilder out = new StringBuilder();
        out.append(START).append("\n");
        out.append("### Soak run of ")
                .append(LocalDate.ofInstant(began, ZoneOffset.UTC))
                .append(" (")
                .append(minutes(seconds))
                .append(" of load from ")
                .append(loadStarted.truncatedTo(ChronoUnit.MINUTES).toString().substring(11, 16))
                .append(" UTC)\n\n");
        out.append("Measured by `./mvnw -B -Psoak -DskipTests verify -pl benchmarks -am")
                .append(duration.equals(Duration.ofMinutes(30)) ? "" : " -Dsoak.duration=" + duration)
                .append("` on ")
                .append(machine())
                .append(Benchmarks.tree())
                .append(". Load average (1 minute) over the run: ")
                .append(spread("load average (1 min)", 0, seconds, "%.1f"))
                .append(" (median, min–max); CPU of the workspace app ")
                .append(spread("CPU % workspace app", 0, seconds, "%.0f%%"))
                .append(", of the projections ")
                .append(spread("CPU % projections", 0, seconds, "%.0f%%"))
                .append(", of the load driver ")
                .append(spread("CPU % load driver", 0, seconds, "%.0f%%"))
                .append(" (100% = one core). ")
                .append(groups.size())
                .append(" open groups formed for the run.\n\n");

        out.append("| Load | Target | Sent | Skipped (in-flight cap) | Answered as expected | Refused or failed | "
                        + "Achieved | Latency p50 / p99, ms: whole run | ")
                .append(window(sixth, 2 * sixth))
                .append(" | ")
                .append(window(5 * sixth, seconds))
                .append(" |\n|---|---|---|---|---|---|---|---|---|---|\n");
        List<Result> all = new ArrayList<>(results);
        for (boolean command : new boolean[] {true, false}) {
            List<Result> ofLoad =
                    all.stream().filter(r -> r.kind().command == command).toList();
            int target = command ? commandsPerSecond : pagesPerSecond;
            int skipped = command ? commandsSkipped.get() : pagesSkipped.get();
            long ok = ofLoad.stream().filter(r -> r.outcome().equals("ok")).count();
            Map<String, Long> other = new TreeMap<>();
            ofLoad.stream()
                    .filter(r -> !r.outcome().equals("ok"))
                    .forEach(r -> other.merge(r.kind().label + " " + r.outcome(), 1L, Long::sum));
            Map<Kind, Long> byKind = new TreeMap<>();
            ofLoad.forEach(r -> byKind.merge(r.kind(), 1L, Long::sum));
            out.append(String.format(
                    "| %s (%s) | %d/s | %d | %d | %d | %s | %.1f/s | %s | %s | %s |%n",
                    command ? "Commands" : "Page requests",
                    byKind.entrySet().stream()
                            .map(e -> e.getValue() + " " + e.getKey().label)
                            .reduce((a, b) -> a + ", " + b)
                            .orElse("none"),
                    target,
                    ofLoad.size(),
                    skipped,
                    ok,
                    other.isEmpty()
                            ? "0"
                            : other.toString().replaceAll("[{}]", "").replace("=", ": "),
                    ok / seconds,
                    latencies(ofLoad, 0, seconds),
                    latencies(ofLoad, sixth, 2 * sixth),
                    latencies(ofLoad, 5 * sixth, seconds)));
        }
        out.append("\n");

        List<SoakViewers.Connection> connections = viewers.connections();
        int events =
                connections.stream().mapToInt(SoakViewers.Connection::events).sum();
        long expected = 0;
        long received = 0;
        long missed = 0;
        java.util.Set<Integer> missing = new java.util.TreeSet<>();
        List<Asked> acknowledged = new ArrayList<>(asked);
        // Per viewer, over all its connections: a notice can arrive on the stream after a reconnection (minutes after
        // its question when the projections run behind), so a per-connection count would call it missed.
        Map<Integer, List<SoakViewers.Connection>> byViewer = new TreeMap<>();
        connections.forEach(c ->
                byViewer.computeIfAbsent(c.viewer(), v -> new ArrayList<>()).add(c));
        for (Map.Entry<Integer, List<SoakViewers.Connection>> viewer : byViewer.entrySet()) {
            List<SoakViewers.Connection> of = viewer.getValue();
            int group = groups.indexOf(of.get(0).groupId());
            long opened =
                    of.stream().mapToLong(SoakViewers.Connection::opened).min().orElseThrow();
            long closed =
                    of.stream().mapToLong(SoakViewers.Connection::closed).max().orElseThrow();
            long due = acknowledged.stream()
                    .filter(a -> a.group() == group && a.acknowledged() >= opened && a.acknowledged() <= closed)
                    .count();
            int got = of.stream().mapToInt(SoakViewers.Connection::questions).sum();
            expected += due;
            received += got;
            if (got < due) {
                missed += due - got;
                missing.add(viewer.getKey());
            }
        }
        long reconnections = connections.stream()
                .filter(SoakViewers.Connection::endedByServer)
                .count();
        out.append(String.format(
                "**Live viewers.** %d streams on `/groups/{id}/live` (%d per group, the six demo members' sessions), "
                        + "open before the load started and held until every view had caught up after it: %s open on "
                        + "the web app's `collaborative_live_viewers` over the run. They received %,d "
                        + "`group-page-changed` events, %,d of them for a question posted, against %,d questions "
                        + "acknowledged in their groups while they watched: **%,d missed** (%d viewers missed at least "
                        + "one). Streams the server ended: %d (it ends each after 30 minutes; the viewer reconnects "
                        + "after 1 s, as EventSource does, and a notice sent in that gap is lost, as for a browser); "
                        + "failed attempts to connect: %d.%n%n",
                viewerCount,
                Math.max(1, viewerCount / groups.size()),
                spread("live viewers", 0, seconds, "%.0f"),
                events,
                received,
                expected,
                missed,
                missing.size(),
                reconnections,
                viewers.failedAttempts()));

        out.append(String.format(
                "**Flat at the end?** Each measure's last window (%s) against the window after warm-up (%s): the "
                        + "change of the median, and the rise of the least-squares line over the second half (%s). Flat "
                        + "when neither exceeds the allowance (the larger of a share of the early median and an "
                        + "amount). Heap after a full GC: every %d s, `jcmd <pid> GC.run` on each JVM and the heap left "
                        + "in use from its GC log; every %d s, threads (the kernel's count, Java's and the JVM's own) "
                        + "and open files from `/proc/<pid>`, and the lags from each application's "
                        + "`/actuator/prometheus` (8 s timeout; of %d scrapes, %d of the workspace app's and %d of the "
                        + "projections' did not answer in time, and their lag samples are missing).%n%n",
                window(5 * sixth, seconds),
                window(sixth, 2 * sixth),
                window(seconds / 2, seconds),
                gcEvery.toSeconds(),
                sampleEvery.toSeconds(),
                scrapes.get(),
                scrapesFailed.getOrDefault(app.name, new AtomicInteger()).get(),
                scrapesFailed
                        .getOrDefault(projections.name, new AtomicInteger())
                        .get()));
        out.append("| Measure | ")
                .append(window(sixth, 2 * sixth))
                .append(": median (min–max) | ")
                .append(window(5 * sixth, seconds))
                .append(": median (min–max) | Change | Second-half trend | Allowed | Flat? |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        int flat = 0;
        int judged = 0;
        for (Measure measure : JUDGED) {
            List<Sample> samples = new ArrayList<>(series.getOrDefault(measure.name(), List.of()));
            Verdict verdict = Flatness.judge(samples, seconds, measure.tolerance());
            String unit = measure.unit();
            out.append(String.format(
                    "| %s, %s | %s | %s | %s | %s | %s (%s) | %s |%n",
                    measure.name(),
                    unit,
                    window(verdict.early()),
                    window(verdict.last()),
                    signed(verdict.growth()),
                    signed(verdict.trendRise()),
                    number(verdict.tolerance()),
                    allowance(measure.tolerance()),
                    verdict.flat() == null
                            ? "no verdict (too few samples)"
                            : verdict.flat() ? "**flat**" : "**not flat**"));
            if (verdict.flat() != null) {
                judged++;
                if (verdict.flat()) {
                    flat++;
                }
            }
        }
        out.append(String.format(
                "%n%d of %d measures flat at the end. After the load stopped, publication and every view caught up in "
                        + "%s.%s Raw samples: `benchmarks/target/soak/samples.csv`; GC logs and both applications' logs "
                        + "beside it.%n",
                flat,
                judged,
                drained < 0 ? "more than 10 minutes (not caught up)" : String.format("%.0f s", drained / 1e9),
                notes.isEmpty() ? "" : " Notes: " + String.join("; ", notes) + "."));
        out.append("\n").append(END).append("\n");
        return out.toString();
    }

    private String latencies(List<Result> of, double from, double to) {
        double[] ms = of.stream()
                .filter(r -> r.outcome().equals("ok"))
                .filter(r -> {
                    double t = (r.due() - loadStart) / 1e9;
                    return t >= from && t <= to;
                })
                .mapToDouble(r -> (r.finished() - r.due()) / 1e6)
                .toArray();
        if (ms.length == 0) {
            return "–";
        }
        return String.format("%.0f / %.0f", LiveLatency.percentile(ms, 0.5), LiveLatency.percentile(ms, 0.99));
    }

    private String spread(String measure, double from, double to, String format) {
        List<Double> values = new ArrayList<>();
        for (Sample sample : new ArrayList<>(series.getOrDefault(measure, List.of()))) {
            if (sample.seconds() >= from && sample.seconds() <= to && !Double.isNaN(sample.value())) {
                values.add(sample.value());
            }
        }
        if (values.isEmpty()) {
            return "–";
        }
        Flatness.Window window = Flatness.Window.of(values);
        return String.format(format, window.median()) + " (" + String.format(format, window.min()) + "–"
                + String.format(format, window.max()) + ")";
    }

    private static String window(double from, double to) {
        return "minutes " + minuteMark(from) + "–" + minuteMark(to);
    }

    private static String minuteMark(double seconds) {
        double minutes = seconds / 60;
        return minutes == Math.rint(minutes) ? String.valueOf((long) minutes) : String.format("%.1f", minutes);
    }

    private static String minutes(double seconds) {
        return minuteMark(seconds) + " minutes";
    }

    private static String window(Flatness.Window window) {
        if (window.samples() == 0) {
            return "no samples";
        }
        return number(window.median()) + " (" + number(window.min()) + "–" + number(window.max()) + ", n="
                + window.samples() + ")";
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return Math.abs(value) >= 100 || value == Math.rint(value)
                ? String.format("%,.0f", value)
                : String.format("%.1f", value);
    }

    private static String signed(double value) {
        return Double.isNaN(value) ? "–" : (value > 0 ? "+" : "") + number(value);
    }

    private static String allowance(Tolerance tolerance) {
        return "max of " + Math.round(tolerance.relative() * 100) + "% and " + number(tolerance.absolute());
    }

    private static String machine() {
        try {
            String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElse("unknown CPU");
            return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), Java "
                    + System.getProperty("java.version")
                    + ", both applications `-XX:+UseSerialGC` with the default heap "
                    + "limit, as `run.sh` starts them, and the durable embedded default (fsync on)";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeSamples(Path file) throws IOException {
        List<String> lines = new ArrayList<>(List.of("seconds,measure,value"));
        series.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            List<Sample> samples = new ArrayList<>(entry.getValue());
            samples.sort(Comparator.comparingDouble(Sample::seconds));
            for (Sample sample : samples) {
                lines.add(String.format("%.1f,%s,%s", sample.seconds(), entry.getKey(), sample.value()));
            }
        });
        Files.write(file, lines);
    }

    static void write(Path performance, String report) throws IOException {
        String current = Files.readString(performance);
        int start = current.indexOf(START);
        int end = current.indexOf(END);
        String next = start >= 0 && end > start
                ? current.substring(0, start) + report + current.substring(end + END.length() + 1)
                : current + "\n" + report;
        Files.writeString(performance, next);
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static Thread thread(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    private static String require(String property) {
        String path = System.getProperty(property);
        if (path == null || !Files.isRegularFile(Path.of(path))) {
            throw new IllegalStateException("Not built: " + property + "=" + path);
        }
        return path;
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }
}
