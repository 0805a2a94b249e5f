package org.collaborative.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.collaborative.app.notification.EmbeddedMailServer;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs browser-journey files from {@code e2e/} (Playwright driving Debian's Chromium, with axe-core scans) with
 * {@code node --test} against a running workspace: {@code BrowserJourneysIT} runs the files beside
 * {@code support.mjs} against the seeded demo, {@code OnboardingIT} those in {@code e2e/demo-off/} against its
 * install with the demo off. On CI a missing Chromium is a failure ({@code .ci/run} installs it); on a developer's
 * machine without it the journeys are skipped with a message saying what to install.
 *
 * <p>A journey that follows an emailed link (an invitation, a registration's confirmation, a password reset) reads it
 * from the embedded SMTP server through a mailbox served on loopback while the journeys run ({@code MAILBOX_URL}, see
 * {@link #mailbox}).
 *
 * <p>The journeys run from a copy in {@code target/e2e/}, so their npm packages and failure screenshots land there and
 * the test leaves the source tree as it found it.
 */
public final class BrowserJourneys {

    public static final Path SOURCES = Path.of("../e2e").toAbsolutePath().normalize();
    public static final Path E2E = Path.of("target/e2e").toAbsolutePath().normalize();
    public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final Pattern LINK =
            Pattern.compile("https?://[^/\\s\"]+(/(?:invitations|password/reset|register/confirm)/[A-Za-z0-9_.-]+)");
    private static final List<String> NOT_COPIED = List.of("node_modules", "test-results");

    private BrowserJourneys() {}

    /**
     * Skips the calling test when Chromium is missing on a developer's machine (fails on CI), then copies the journeys
     * into target/e2e/ and installs their npm packages there unless the lock file is unchanged.
     */
    public static void prepare() throws IOException, InterruptedException {
        if (!Files.isExecutable(CHROMIUM)) {
            assertThat(System.getenv("CI"))
                    .as("Chromium must be installed on CI (.ci/run does it)")
                    .isNull();
            Assumptions.abort("Browser journeys skipped: install Debian's chromium (apt-get install chromium)");
        }
        Files.createDirectories(E2E);
        Path lock = E2E.resolve("package-lock.json");
        boolean installed = Files.isDirectory(E2E.resolve("node_modules/playwright-core"))
                && Files.isRegularFile(lock)
                && Files.mismatch(lock, SOURCES.resolve("package-lock.json")) == -1;
        copy(SOURCES, E2E);
        if (installed) {
            return;
        }
        // Never inheritIO here: a child sharing the forked JVM's stdin and stdout corrupts failsafe's
        // command channel ("std/in stream corrupted") and fails the build after every test has passed.
        Path log = Files.createTempFile("npm-ci", ".log");
        Process install = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                .directory(E2E.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean finished = install.waitFor(5, TimeUnit.MINUTES);
        String output = Files.readString(log);
        System.out.println(output);
        assertThat(finished).as("npm ci in %s finishes within 5 minutes", E2E).isTrue();
        assertThat(install.exitValue()).as("npm ci in %s:%n%s", E2E, output).isZero();
    }

    /** The journey files (ending .test.mjs) directly in {@code folder} of target/e2e/, relative to it, sorted. */
    public static List<String> filesIn(String folder) throws IOException {
        Path directory = E2E.resolve(folder).normalize();
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> E2E.relativize(file).toString())
                    .filter(name -> name.endsWith(".test.mjs"))
                    .sorted()
                    .toList();
        }
    }

    /**
     * Runs the journey files (paths relative to target/e2e/) against the workspace and fails unless every test in them
     * passes; {@code environment} adds to BASE_URL, CHROMIUM and MAILBOX_URL. {@code log} keeps their output.
     */
    public static void run(RunningWorkspace workspace, List<String> files, Map<String, String> environment, Path log)
            throws IOException, InterruptedException {
        assertThat(files).as("journey files to run").isNotEmpty();
        List<String> command = new ArrayList<>(List.of("node", "--test", "--test-reporter=spec"));
        command.addAll(files);
        ProcessBuilder run = new ProcessBuilder(command)
                .directory(E2E.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        HttpServer mailbox = mailbox(workspace.bean(EmbeddedMailServer.class));
        run.environment().putAll(environment);
        run.environment().put("BASE_URL", workspace.baseUrl());
        run.environment().put("CHROMIUM", CHROMIUM.toString());
        run.environment()
                .put("MAILBOX_URL", "http://127.0.0.1:" + mailbox.getAddress().getPort());
        Process journeys;
        boolean finished;
        try {
            journeys = run.start();
            finished = journeys.waitFor(20, TimeUnit.MINUTES);
            if (!finished) {
                journeys.destroyForcibly();
            }
        } finally {
            mailbox.stop(0);
        }
        String output = Files.readString(log);
        System.out.println(output);
        assertThat(finished).as("the journeys finish within 20 minutes").isTrue();
        assertThat(journeys.exitValue())
                .as("browser journeys (screenshots in %s):%n%s", E2E.resolve("test-results"), output)
                .isZero();
        assertThat(output)
                .containsPattern("pass [1-9][0-9]*")
                .contains("fail 0")
                .contains("cancelled 0");
    }

    /** Copies the journeys' sources, folders included, leaving out installed packages and earlier results. */
    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> entries = Files.list(from)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (Files.isDirectory(entry)) {
                    if (!NOT_COPIED.contains(name)) {
                        copy(entry, to.resolve(name));
                    }
                } else if (Files.isRegularFile(entry)) {
                    Files.copy(entry, to.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /**
     * What the embedded SMTP server received, for the journeys: {@code GET /links?to=address} answers the path of the
     * link in each email to that address (invitations, password resets, registrations' confirmations), oldest first,
     * one to a line. Only on loopback, only while the journeys run.
     */
    private static HttpServer mailbox(EmbeddedMailServer mail) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/links", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            String to = query == null || !query.startsWith("to=")
                    ? ""
                    : URLDecoder.decode(query.substring(3), StandardCharsets.UTF_8);
            List<EmbeddedMailServer.Received> oldestFirst = new ArrayList<>(mail.received());
            Collections.reverse(oldestFirst);
            List<String> links = new ArrayList<>();
            for (EmbeddedMailServer.Received received : oldestFirst) {
                if (!to.isEmpty() && received.to().contains(to)) {
                    linkIn(received.message()).ifPresent(links::add);
                }
            }
            byte[] body = String.join("\n", links).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        return server;
    }

    /** The path of the first link to the app in an email's plain-text parts. */
    public static Optional<String> linkIn(Part part) {
        try {
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    Optional<String> link = linkIn(multipart.getBodyPart(i));
                    if (link.isPresent()) {
                        return link;
                    }
                }
            } else if (part.isMimeType("text/plain")) {
                Matcher link = LINK.matcher(part.getContent().toString());
                if (link.find()) {
                    return Optional.of(link.group(1));
                }
            }
            return Optional.empty();
        } catch (Exception e) {
            throw new IllegalStateException("an email the embedded SMTP server received cannot be read", e);
        }
    }
}
