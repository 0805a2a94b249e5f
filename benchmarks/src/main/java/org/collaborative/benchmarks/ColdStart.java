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
 * Cold start of the embedded default from a built tree: fresh JVMs on the workspace and projections apps' jars with
 * an empty data folder, until both readiness probes answer, against a fresh JVM on the workspace jar that starts the
 * three embedded servers alone. Each launch gets free ports and a data folder of its own, and is stopped and deleted afterwards.
 */
final class ColdStart {

    private static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC");

    private final Path scratch;
    private final String jar;
    private final String projectionsJar;
    private final String classes;
    private int launches;

    ColdStart(Path scratch) {
        this.scratch = scratch;
        this.jar = requireFile("workspace.jar");
        this.projectionsJar = requireFile("projections.jar");
        this.classes = System.getProperty("benchmarks.classes", "");
    }

    Figure figure() {
        return Benchmarks.rounds(
                        List.of(new Benchmarks.Spec(
                                "Cold start of the embedded stack",
                                "seconds from launching the workspace and projections apps' jars on an empty data folder to "
                                        + "both readiness probes UP",
                                "seconds from launching a JVM on the same jar that starts only the three embedded servers on "
                                        + "an empty data folder to all three up",
                                "s",
                                false,
                                "the whole stack as `run.sh` starts it the first time after a build (no class-data "
                                        + "archive yet, ADR 26): `java -XX:+UseSerialGC -jar` on the workspace "
                                        + "app's jar and on the projections app's jar, launched together, on free ports and "
                                        + "an empty data folder, timed from launching them until both "
                                        + "`/actuator/health/readiness` probes answer 200 (polled every 50 ms): initdb, Kafka "
                                        + "storage format, both Spring contexts, Flyway, the seed, the live-update consumer "
                                        + "and every projection's consumer group joining the topic. Baseline: the same JVM "
                                        + "options "
                                        + "and the same jar (Spring Boot's `PropertiesLauncher` with `EmbeddedServersOnly` "
                                        + "on `loader.path`) starting PostgreSQL, Kafka and the MongoDB server exactly as the "
                                        + "app does (in parallel, same settings, same log levels) and nothing else, timed "
                                        + "from launch to its \"ready\" line; the ratio is what the application adds on top "
                                        + "of its servers. Runs after the benchmark's own stack has stopped; each launch is "
                                        + "stopped with SIGTERM and its folder deleted.")),
                        () -> new double[] {app()},
                        () -> new double[] {serversOnly()})
                .get(0);
    }

    /**
     * The whole embedded stack as {@code run.sh} starts it: the workspace app (which starts the servers) and the
     * projections app beside it, launched together, until both readiness probes answer.
     */
    private double app() {
        RunningWorkspace.Ports ports = RunningWorkspace.Ports.free();
        Path folder = folder("app");
        Process app = null;
        Process projections = null;
        try {
            List<String> appCommand = new java.util.ArrayList<>();
            appCommand.add(java());
            appCommand.addAll(JVM_OPTIONS);
            appCommand.addAll(List.of(
                    "-jar",
                    jar,
                    "--server.port=" + ports.http(),
                    "--collaborative.embedded.data-dir=" + folder.resolve("data"),
                    "--collaborative.embedded.postgres.port=" + ports.postgres(),
                    "--collaborative.embedded.kafka.port=" + ports.kafka(),
                    "--collaborative.embedded.kafka.controller-port=" + ports.kafkaController(),
                    "--collaborative.embedded.mongo.port=" + ports.mongo()));
            List<String> projectionsCommand = new java.util.ArrayList<>();
            projectionsCommand.add(java());
            projectionsCommand.addAll(JVM_OPTIONS);
            projectionsCommand.addAll(List.of(
                    "-jar",
                    projectionsJar,
                    "--server.port=" + ports.projectionsHttp(),
                    "--spring.kafka.bootstrap-servers=127.0.0.1:" + ports.kafka(),
                    "--spring.mongodb.uri=mongodb://127.0.0.1:" + ports.mongo() + "/collaborative"));
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(1))
                    .build();
            List<HttpRequest> probes = List.of(ports.http(), ports.projectionsHttp()).stream()
                    .map(port -> HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                            .timeout(Duration.ofSeconds(2))
                            .build())
                    .toList();
            long started = System.nanoTime();
            app = new ProcessBuilder(appCommand)
                    .redirectErrorStream(true)
                    .redirectOutput(folder.resolve("app.log").toFile())
                    .start();
            projections = new ProcessBuilder(projectionsCommand)
                    .redirectErrorStream(true)
                    .redirectOutput(folder.resolve("projections.log").toFile())
                    .start();
            long deadline = started + TimeUnit.MINUTES.toNanos(5);
            int ready = 0;
            while (true) {
                try {
                    while (ready < probes.size()
                            && http.send(probes.get(ready), HttpResponse.BodyHandlers.discarding())
                                            .statusCode()
                                    == 200) {
                        ready++;
                    }
                    if (ready == probes.size()) {
                        double seconds = (System.nanoTime() - started) / 1e9;
                        finish(projections, folder, false);
                        finish(app, folder, true);
                        return seconds;
                    }
                } catch (IOException notYet) {
                    // Not listening yet.
                }
                if (!app.isAlive() || !projections.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("The embedded stack did not become ready; see " + folder);
                }
                Thread.sleep(50);
            }
        } catch (Exception e) {
            finish(projections, folder, false);
            finish(app, folder, false);
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
            command.addAll(List.of(
                    "-cp",
                    jar,
                    "-Dloader.path=" + classes,
                    "-Dloader.main=" + EmbeddedServersOnly.class.getName(),
                    "org.springframework.boot.loader.launch.PropertiesLauncher",
                    folder.resolve("data").toString(),
                    String.valueOf(ports.postgres()),
                    String.valueOf(ports.kafka()),
                    String.valueOf(ports.kafkaController()),
                    String.valueOf(ports.mongo())));
            long started = System.nanoTime();
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
            Process running = process;
            CompletableFuture<Long> ready = new CompletableFuture<>();
            Thread output = new Thread(
                    () -> {
                        try (BufferedReader lines = new BufferedReader(
                                        new InputStreamReader(running.getInputStream(), StandardCharsets.UTF_8));
                                PrintWriter log =
                                        new PrintWriter(Files.newBufferedWriter(folder.resolve("servers.log")))) {
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
                        ready.completeExceptionally(
                                new IllegalStateException("The servers-only JVM ended before its servers were up; see "
                                        + folder.resolve("servers.log")));
                    },
                    "servers-only-output");
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
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
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
