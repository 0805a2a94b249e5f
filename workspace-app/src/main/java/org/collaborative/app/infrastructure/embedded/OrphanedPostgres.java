package org.collaborative.app.infrastructure.embedded;

import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server left running on the data directory by an earlier run whose JVM died without stopping it
 * (SIGKILL, out of memory): {@code pg_ctl} starts the server in a session of its own, so it outlives the JVM. Left
 * alone, the next start's {@code pg_ctl start} fails and the library connects to the old server, started with that
 * run's settings. This stops it first, so that every run serves from a server it started itself.
 *
 * <p>Ownership is decided by two facts: the library's lock file ({@code epg-lock}) is held by a live JVM running the
 * stack, so a server whose lock is free has no owner; and {@code postmaster.pid} names the server's process, which
 * must be alive and be a {@code postgres} started with {@code -D} this directory. Anything else is refused, never
 * stopped.
 */
final class OrphanedPostgres {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostgres.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private OrphanedPostgres() {}

    /** Stops an orphaned server of this data directory, if there is one; refuses if the directory is in use. */
    static void stopIfAny(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try (FileChannel lockFile = FileChannel.open(
                        directory.resolve("epg-lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = tryLock(lockFile, directory)) {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
            if (lines.isEmpty() || !lines.get(0).trim().matches("\\d+")) {
                // PostgreSQL writes the file when it starts; an incomplete one is its own to judge.
                return;
            }
            long pid = Long.parseLong(lines.get(0).trim());
            Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
            if (process.isEmpty()) {
                log.info(
                        "PostgreSQL was not stopped cleanly last time (process {} is gone): it recovers from its "
                                + "write-ahead log as it starts",
                        pid);
                return;
            }
            Optional<Path> binary = postgresOf(process.get(), directory);
            if (binary.isEmpty()) {
                throw new IllegalStateException(pidFile + " names process " + pid + ", which is running but is not a "
                        + "PostgreSQL server of " + directory + " ("
                        + process.get().info().commandLine().orElse("command unknown")
                        + "). If no PostgreSQL server uses that folder, delete " + pidFile + " and start again.");
            }
            log.warn(
                    "PostgreSQL (process {}) was left running on {} by an earlier run that did not stop it: stopping "
                            + "it, to start afresh with this run's settings",
                    pid,
                    directory);
            stop(process.get(), binary.get(), directory);
            log.warn("Stopped the PostgreSQL server left running by an earlier run (process {})", pid);
        }
    }

    private static FileLock tryLock(FileChannel lockFile, Path directory) throws IOException {
        FileLock lock;
        try {
            lock = lockFile.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            lock = null;
        }
        if (lock == null) {
            throw new IllegalStateException("The PostgreSQL data in " + directory + " is in use by another running "
                    + "copy of Collaborative (it holds " + directory.resolve("epg-lock") + "): stop that one first, "
                    + "or give this one a data folder of its own (COLLABORATIVE_EMBEDDED_DATA_DIR)");
        }
        return lock;
    }

    /** The process's {@code postgres} binary, if it is a PostgreSQL server started on this data directory. */
    static Optional<Path> postgresOf(ProcessHandle process, Path directory) {
        ProcessHandle.Info info = process.info();
        Optional<Path> binary = info.command()
                .map(Path::of)
                .filter(command -> command.getFileName().toString().equals("postgres"));
        String[] arguments = info.arguments().orElse(new String[0]);
        for (int i = 0; binary.isPresent() && i + 1 < arguments.length; i++) {
            if (arguments[i].equals("-D") && sameDirectory(Path.of(arguments[i + 1]), directory)) {
                return binary;
            }
        }
        return Optional.empty();
    }

    /**
     * A fast shutdown with the server's own {@code pg_ctl} (ends the sessions, writes a checkpoint); if that is not
     * done within the time-out, the server is refused rather than killed.
     */
    private static void stop(ProcessHandle process, Path postgres, Path directory) throws IOException {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            // pg_ctl refuses to run as root; the library runs it (and so the server) in a user namespace, as nobody.
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(
                postgres.resolveSibling("pg_ctl").toString(),
                "-D",
                directory.toString(),
                "stop",
                "-m",
                "fast",
                "-w",
                "-t",
                String.valueOf(STOP_TIMEOUT.toSeconds())));
        Process stopping = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(stopping.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        try {
            int status = stopping.waitFor();
            if (status != 0) {
                throw new IllegalStateException("Could not stop the PostgreSQL server left running on " + directory
                        + " (process " + process.pid() + "; pg_ctl exited with " + status + ": " + output
                        + "). Stop it, then start again.");
            }
            process.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the PostgreSQL server left running", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "The PostgreSQL server left running on " + directory + " (process " + process.pid()
                            + ") did not exit after pg_ctl stopped it. Stop it, then start again.",
                    e);
        }
    }

    private static boolean sameDirectory(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
