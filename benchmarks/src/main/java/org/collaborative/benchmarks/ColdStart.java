package org.collaborative.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.collaborative.app.support.RunningWorkspace;
import org.collaborative.benchmarks.Benchmarks.Figure;

/**
 * Cold start of the embedded default from a built tree: a fresh JVM on the workspace app's jar with an empty data
 * folder, until its readiness probe answers, against a fresh JVM on the same jar that starts the three embedded
 * servers alone. Each launch gets free ports and a data folder of its own, and is stopped and deleted afterwards.
 */
final class ColdStart {

    private static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC");

    private final Path scratch;
    private final String jar;
    private final String classes;
    private int launches;

    ColdStart(Path scratch) {
        this.scratch = scratch;
        this.jar = requireFile("workspace.jar");
        this.classes = System.getProperty("benchmarks.classes", "");
    }

    Figure figure() {
        return Benchmarks.rounds(List.of(new Benchmarks.Spec("Cold start of the embedded stack",
                        "seconds from launching the workspace app's jar on an empty data folder to readiness UP",
                        "seconds from launching a JVM on the same jar that starts only the three embedded servers on "
                                + "an empty data folder to all three up", "s", false,
                        "`java -XX:+UseSerialGC -jar workspace-app/target/workspace-app-*-exec.jar` (as `run.sh`, "
                                + "without the projections process) on free ports and an empty data folder, timed "
                                + "from launching the JVM until `/actuator/health/readiness` answers 200 (polled "
                                + "every 50 ms): initdb, Kafka storage format, the Spring context, Flyway, the seed "
                                + "and the live-update consumer joining its topic. Baseline: the same JVM options "
                                + "and the same jar (Spring Boot's `PropertiesLauncher` with `EmbeddedServersOnly` "
                                + "on `loader.path`) starting PostgreSQL, Kafka and the MongoDB server exactly as the "
                                + "app does (in parallel, same settings, same log levels) and nothing else, timed "
                                + "from launch to its \"ready\" line; the ratio is what the application adds on top "
                                + "of its servers. Runs after the benchmark's own stack has stopped; each launch is "
                                + "stopped with SIGTERM and its folder deleted.")),
                () -> new double[] {app()}, () -> new double[] {serversOnly()}).get(0);
    }

    private double app() {
        RunningWorkspace.Ports ports = RunningWorkspace.Ports.free();
        Path folder = folder("app");
        Process process = null;
        try {
            List<String> command = new java.util.ArrayList<>();
            command.add(java());
            command.addAll(JVM_OPTIONS);
            command.addAll(List.of("-jar", jar,
                    "--server.port=" + ports.http(),
                    "--collaborative.embedded.data-dir=" + folder.resolve("data"),
                    "--collaborative.embedded.postgres.port=" + ports.postgres(),
                    "--collaborative.embedded.kafka.port=" + ports.kafka(),
                    "--collaborative.embedded.kafka.controller-port=" + ports.kafkaController(),
                    "--collaborative.embedded.mongo.port=" + ports.mongo()));
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            HttpRequest readiness = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + ports.http() + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).build();
            long started = System.nanoTime();
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(folder.resolve("app.log").toFile()).start();
            long deadline = started + TimeUnit.MINUTES.toNanos(5);
            while (true) {
                try {
                    if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        double seconds = (System.nanoTime() - started) / 1e9;
                        finish(process, folder, true);
                        return seconds;
                    }
                } catch (IOException notYet) {
                    // Not listening yet.
                }
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("The workspace app did not become ready; see " + folder.resolve("app.log"));
                }
                Thread.sleep(50);
            }
        } catch (Exception e) {
            finish(process, folder, false);
            throw new IllegalStateException(e);
        }
    }

    private double serversOnly() {
        RunningWorkspace.Ports ports = RunningWorkspace.Ports.free();
        Path folder = folder("servers");
        Process process = null;
        try {
            List<String> command = new java.util.ArrayList<>();
            command.add(java());
            command.addAll(JVM_OPTIONS);
            command.addAll(List.of("-cp", jar, "-Dloader.path=" + classes,
                    "-Dloader.main=" + EmbeddedServersOnly.class.getName(),
                    "org.springframework.boot.loader.launch.PropertiesLauncher",
                    folder.resolve("data").toString(), String.valueOf(ports.postgres()), String.valueOf(ports.kafka()),
                    String.valueOf(ports.kafkaController()), String.valueOf(ports.mongo())));
            long started = System.nanoTime();
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
            Process running = process;
            CompletableFuture<Long> ready = new CompletableFuture<>();
            Thread output = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(
                                new InputStreamReader(running.getInputStream(), StandardCharsets.UTF_8));
                        PrintWriter log = new PrintWriter(Files.newBufferedWriter(folder.resolve("servers.log")))) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        if (line.equals(EmbeddedServersOnly.READY)) {
                            ready.complete(System.nanoTime());
                        }
                        log.println(line);
                    }
                } catch (IOException e) {
                    ready.completeExceptionally(e);
                }
                ready.completeExceptionally(new IllegalStateException(
                        "The servers-only JVM ended before its servers were up; see " + folder.resolve("servers.log")));
            }, "servers-only-output");
            output.setDaemon(true);
            output.start();
            double seconds = (ready.get(5, TimeUnit.MINUTES) - started) / 1e9;
            finish(process, folder, true);
            return seconds;
        } catch (Exception e) {
            finish(process, folder, false);
            throw new IllegalStateException(e);
        }
    }

    private Path folder(String kind) {
        try {
            return Files.createDirectories(scratch.resolve("cold-start-" + (++launches) + "-" + kind));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM (each JVM stops its servers in a shutdown hook); the folder goes unless it holds a failure's log. */
    private static void finish(Process process, Path folder, boolean delete) {
        long stopping = System.nanoTime();
        ProjectionCatchUp.stop(process);
        System.out.printf("  %s stopped in %.1f s%n", folder.getFileName(), (System.nanoTime() - stopping) / 1e9);
        if (!delete) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete " + folder + ": " + e);
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String requireFile(String property) {
        String path = System.getProperty(property);
        if (path == null || !new File(path).isFile()) {
            throw new IllegalStateException("Not built: " + property + "=" + path);
        }
        return path;
    }
}
