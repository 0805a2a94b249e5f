package org.collaborative.app.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How the tests launch an application's jar, as {@code run.sh} does (docs/adr/0026-class-data-sharing-at-start-up.md):
 * extracted once per build into {@code target/cds-tests/} beside the jar, with the JVM's archive of the classes it
 * loaded. The first launch in a test run writes the archive when its process stops (SIGTERM); later launches use it.
 * While one process is writing it, others run without; a missing or unusable archive costs only speed.
 */
final class ClassDataSharing {

    private static final Map<String, Process> ARCHIVING = new HashMap<>();

    private ClassDataSharing() {}

    /**
     * The JVM options and jar for launching this Boot jar: {@code -XX:SharedArchiveFile=... -jar extracted.jar}, or
     * {@code -XX:ArchiveClassesAtExit=...} for the one process that writes the archive, or plain {@code -jar} if the
     * jar cannot be extracted. Call {@link #launched} with the process.
     */
    static synchronized List<String> launchOptions(String bootJar) {
        return launchOptions(bootJar, true);
    }

    /**
     * As {@link #launchOptions(String)}; with {@code mayWrite} false, never the one that writes the archive (writing
     * it makes the process's stop take seconds, minutes under load: not for a caller that gives a stop two minutes).
     */
    static synchronized List<String> launchOptions(String bootJar, boolean mayWrite) {
        Path jar = Path.of(bootJar);
        Path directory = jar.resolveSibling("cds-tests");
        Path extracted = directory.resolve(jar.getFileName());
        Path archive = directory.resolve("classes.jsa");
        try {
            if (!Files.isRegularFile(extracted)
                    || Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(extracted)) > 0) {
                extract(jar, directory);
            }
            // Claimed (null until launched) by a process that has not finished writing it: not to be read yet.
            Process writer = ARCHIVING.get(bootJar);
            if (ARCHIVING.containsKey(bootJar) && (writer == null || writer.isAlive())) {
                return List.of("-jar", extracted.toString());
            }
            if (Files.isRegularFile(archive)
                    && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(extracted)) > 0) {
                return List.of("-Xshare:auto", "-XX:SharedArchiveFile=" + archive, "-jar", extracted.toString());
            }
            if (!mayWrite) {
                return List.of("-jar", extracted.toString());
            }
            Files.deleteIfExists(archive);
            ARCHIVING.put(bootJar, null);
            return List.of("-XX:ArchiveClassesAtExit=" + archive, "-jar", extracted.toString());
        } catch (IOException | RuntimeException e) {
            return List.of("-jar", bootJar);
        }
    }

    /** Notes the process launched with options from {@link #launchOptions}, if it is the one writing the archive. */
    static synchronized void launched(String bootJar, List<String> options, Process process) {
        if (options.get(0).startsWith("-XX:ArchiveClassesAtExit=")) {
            ARCHIVING.put(bootJar, process);
        }
    }

    private static void extract(Path jar, Path directory) throws IOException {
        deleteRecursively(directory);
        Process extract = new ProcessBuilder(
                        RunningWorkspace.javaExecutable(),
                        "-Djarmode=tools",
                        "-jar",
                        jar.toString(),
                        "extract",
                        "--destination",
                        directory.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            if (!extract.waitFor(2, TimeUnit.MINUTES) || extract.exitValue() != 0) {
                extract.destroyForcibly();
                throw new IOException("Could not extract " + jar);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
