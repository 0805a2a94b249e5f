package org.collaborative.app.support;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The whole product on the embedded default as {@code run.sh} starts it: the workspace app from its built jar (which
 * starts PostgreSQL, Kafka and the MongoDB stand-in; PostgreSQL as a process of its own) and the projections from
 * theirs, each a child process of the test, so that a test can kill any of them outright. Unlike
 * {@link RunningWorkspace}, the stores run with the embedded default's own settings: durable.
 */
public final class WorkspaceProcesses implements AutoCloseable {

    private final Path dataDirectory;
    private final RunningWorkspace.Ports ports;
    private final int smtpPort;
    private Process app;
    private Process projections;

    private WorkspaceProcesses(Path dataDirectory, RunningWorkspace.Ports ports) {
        this.dataDirectory = dataDirectory;
        this.ports = ports;
        this.smtpPort = ports.another();
    }

    /**
     * Starts both applications and waits until both are ready; extra {@code --name=value} arguments go to the app. An
     * empty data folder starts from a copy of the seeded template ({@link SeededTemplate}), as an installed workspace
     * restarts: the durable settings are the servers' start options, not their files'.
     */
    public static WorkspaceProcesses start(Path dataDirectory, RunningWorkspace.Ports ports, String... appArguments) {
        if (SeededTemplate.serves(dataDirectory, appArguments)) {
            SeededTemplate.copyInto(dataDirectory);
        }
        WorkspaceProcesses workspace = new WorkspaceProcesses(dataDirectory, ports);
        try {
            // Launched together, as run.sh launches them; then each is waited for.
            workspace.launchApp(appArguments);
            workspace.launchProjections();
            workspace.awaitApp();
            workspace.awaitProjections();
            return workspace;
        } catch (RuntimeException e) {
            try {
                workspace.close();
            } catch (RuntimeException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
    }

    private void launchApp(String... extraArguments) {
        List<String> command = new ArrayList<>(List.of(
                RunningWorkspace.javaExecutable(),
                "-Xmx768m",
                "-XX:+UseSerialGC",
                "-jar",
                appJar(),
                "--server.port=" + ports.http(),
                "--collaborative.embedded.data-dir=" + dataDirectory,
                "--collaborative.embedded.postgres.port=" + ports.postgres(),
                "--collaborative.embedded.kafka.port=" + ports.kafka(),
                "--collaborative.embedded.kafka.controller-port=" + ports.kafkaController(),
                "--collaborative.embedded.mongo.port=" + ports.mongo(),
                "--collaborative.embedded.smtp.port=" + smtpPort,
                "--logging.level.org.apache.kafka=error",
                "--logging.level.kafka=error"));
        command.addAll(List.of(extraArguments));
        app = launch(command, "workspace-app.log");
    }

    private void awaitApp() {
        await("the workspace app to be ready")
                .atMost(Duration.ofMinutes(6))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> ready(app, baseUrl(), "workspace-app.log"));
    }

    private void launchProjections() {
        // The archive RunningWorkspace's launches write, if there is one: close() gives each stop two minutes.
        String jar = RunningWorkspace.projectionsJar();
        List<String> launch = ClassDataSharing.launchOptions(jar, false);
        List<String> command =
                new ArrayList<>(List.of(RunningWorkspace.javaExecutable(), "-Xmx512m", "-XX:+UseSerialGC"));
        command.addAll(launch);
        command.addAll(List.of(
                "--server.port=" + ports.projectionsHttp(),
                "--spring.kafka.bootstrap-servers=127.0.0.1:" + ports.kafka(),
                "--spring.mongodb.uri=mongodb://127.0.0.1:" + ports.mongo() + "/collaborative",
                "--logging.level.org.apache.kafka=error"));
        projections = launch(command, "projections.log");
        ClassDataSharing.launched(jar, launch, projections);
    }

    private void awaitProjections() {
        await("the projections to be ready")
                .atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> ready(projections, "http://127.0.0.1:" + ports.projectionsHttp(), "projections.log"));
    }

    private Process launch(List<String> command, String logName) {
        try {
            Files.createDirectories(dataDirectory);
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dataDirectory.resolve(logName).toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + command, e);
        }
    }

    private boolean ready(Process process, String url, String logName) {
        if (!process.isAlive()) {
            throw new IllegalStateException("The process exited; see " + dataDirectory.resolve(logName));
        }
        return RunningWorkspace.ready(url);
    }

    static String appJar() {
        String jar = System.getProperty("workspace-app.jar");
        if (jar == null || !new File(jar).isFile()) {
            throw new IllegalStateException("The workspace app's jar is not built (workspace-app.jar=" + jar + ")");
        }
        return jar;
    }

    /** The PostgreSQL server named by the data directory's {@code postmaster.pid}, if it is running. */
    public Optional<ProcessHandle> postgres() {
        return postgres(dataDirectory);
    }

    private static Optional<ProcessHandle> postgres(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postgres").resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            String pid = Files.readAllLines(pidFile, StandardCharsets.US_ASCII)
                    .get(0)
                    .trim();
            return ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive);
        } catch (java.nio.file.NoSuchFileException removedMeanwhile) {
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * SIGKILL to every process of the stack at once: both JVMs (and with the app's, the broker and the MongoDB
     * stand-in), PostgreSQL's server and each of its processes. Nothing gets to flush, stop or clean up.
     */
    public void killEverything() {
        List<ProcessHandle> victims = new ArrayList<>();
        postgres().ifPresent(postmaster -> {
            victims.add(postmaster);
            postmaster.descendants().forEach(victims::add);
        });
        victims.add(app.toHandle());
        victims.add(projections.toHandle());
        victims.forEach(ProcessHandle::destroyForcibly);
        victims.forEach(process -> process.onExit().join());
    }

    /**
     * SIGKILL to both JVMs only, as the out-of-memory killer would: the app's shutdown hook never runs, so the
     * PostgreSQL server it started is left running.
     */
    public void killJvms() {
        for (Process process : List.of(app, projections)) {
            process.destroyForcibly();
            process.onExit().join();
        }
    }

    public String appLog() {
        try {
            return Files.readString(dataDirectory.resolve("workspace-app.log"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public RunningWorkspace.Ports ports() {
        return ports;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + ports.http();
    }

    public Browser browser() {
        return Browser.at(baseUrl());
    }

    /** A connection to the application's database, as the application connects. */
    public Connection database() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + ports.postgres() + "/collaborative", "collaborative", "collaborative");
    }

    /**
     * Stops both applications the way {@code run.sh} does on Ctrl-C: SIGTERM to each, projections first, and waits.
     * The app stops its PostgreSQL server; one still running afterwards is killed and reported as a failure.
     */
    @Override
    public void close() {
        boolean appRunning = app != null && app.isAlive();
        for (Process process : new Process[] {projections, app}) {
            if (process != null && process.isAlive()) {
                process.destroy();
                try {
                    process.onExit().get(2, java.util.concurrent.TimeUnit.MINUTES);
                } catch (Exception notStopped) {
                    process.destroyForcibly();
                    process.onExit().join();
                    throw new IllegalStateException(
                            "A process did not stop on SIGTERM; see " + dataDirectory, notStopped);
                }
            }
        }
        if (appRunning && postgres().isPresent()) {
            long pid = postgres().get().pid();
            killPostgres(dataDirectory);
            throw new IllegalStateException("The app stopped and left PostgreSQL running (process " + pid + ")");
        }
    }

    /** SIGKILL to a PostgreSQL server running on this data folder, and to each of its processes. */
    public static void killPostgres(Path dataDirectory) {
        postgres(dataDirectory).ifPresent(postmaster -> {
            List<ProcessHandle> victims =
                    new ArrayList<>(postmaster.descendants().toList());
            victims.add(postmaster);
            victims.forEach(ProcessHandle::destroyForcibly);
            victims.forEach(process -> process.onExit().join());
        });
    }
}
