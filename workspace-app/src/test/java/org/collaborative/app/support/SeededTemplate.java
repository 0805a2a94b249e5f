package org.collaborative.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The demo workspace seeded once per test JVM: the first test stack that starts on an empty data folder with the
 * default seed builds it (seeds, publishes every event, lets every projection catch up, then stops cleanly), and every
 * such start after it begins from a copy, as a restart of an installed workspace does. Seeding the demo (thousands of
 * commands, published and projected) was most of each class's start-up and of the suite's CPU on two cores; the
 * seeding path itself still runs, in the template's build, wherever the seed settings differ, and where a test asks
 * for its own ({@link RunningWorkspace#startAsIs}: PrivacyIT reads the seed's log output for personal data).
 *
 * <p>{@code -Dcollaborative.tests.seeded-template=false} turns it off: every stack seeds its own.
 */
final class SeededTemplate {

    private static Path folder;

    private SeededTemplate() {}

    /** Whether a start on this folder with these arguments can begin from the template. */
    static boolean serves(Path dataDirectory, String... arguments) {
        return Boolean.parseBoolean(System.getProperty("collaborative.tests.seeded-template", "true"))
                && isEmpty(dataDirectory)
                && Arrays.stream(arguments).noneMatch(argument -> argument.startsWith("--collaborative.seed."));
    }

    /** Copies the template (built on first use) into the empty data folder, permissions included. */
    static synchronized void copyInto(Path dataDirectory) {
        try {
            if (folder == null) {
                folder = build();
            }
            copy(folder, dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy the seeded template into " + dataDirectory, e);
        }
    }

    private static Path build() throws IOException {
        Path built = Files.createTempDirectory("collaborative-seeded-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(built)));
        long started = System.nanoTime();
        try (RunningWorkspace workspace = RunningWorkspace.startAsIs(built, RunningWorkspace.Ports.free())) {
            workspace.awaitPublicationCaughtUp();
            workspace.awaitProjectionsCaughtUp();
        }
        System.out.printf(
                "Seeded the template workspace in %d ms: later stacks start from a copy%n",
                (System.nanoTime() - started) / 1_000_000);
        return built;
    }

    private static boolean isEmpty(Path directory) {
        if (!Files.isDirectory(directory)) {
            return !Files.exists(directory);
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A copy that keeps each file's and folder's permissions: PostgreSQL refuses a data directory anyone but its owner
     * can read.
     */
    private static void copy(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                Path target = to.resolve(from.relativize(dir).toString());
                if (Files.exists(target)) {
                    Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(dir));
                } else {
                    Files.copy(dir, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.copy(
                        file,
                        to.resolve(from.relativize(file).toString()),
                        StandardCopyOption.COPY_ATTRIBUTES,
                        java.nio.file.LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void delete(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A temporary folder the system cleans anyway.
        }
    }
}
