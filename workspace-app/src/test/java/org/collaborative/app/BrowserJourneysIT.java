package org.collaborative.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.collaborative.app.notification.EmbeddedMailServer;
import org.collaborative.app.support.Browser;
import org.collaborative.app.support.RunningWorkspace;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the browser journeys and the XSS corpus in {@code e2e/} (Playwright driving Debian's Chromium, with axe-core
 * scans) against the whole product on the embedded stack. On CI a missing Chromium is a failure ({@code .ci/run}
 * installs it); on a developer's machine without it the journeys are skipped with a message saying what to install.
 *
 * <p>A journey that follows an emailed link (an invitation, a registration's confirmation) reads it from the embedded
 * SMTP server through a mailbox this test serves on loopback ({@code MAILBOX_URL}, see {@link #mailbox}).
 *
 * <p>The journeys run from a copy in {@code target/e2e/}, so their npm packages and failure screenshots land there and
 * the test leaves the source tree as it found it.
 */
class BrowserJourneysIT {

    static final Path SOURCES = Path.of("../e2e").toAbsolutePath().normalize();
    static final Path E2E = Path.of("target/e2e").toAbsolutePath().normalize();
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final Pattern LINK =
            Pattern.compile("https?://[^/\\s\"]+(/(?:invitations|password/reset|register/confirm)/[A-Za-z0-9_.-]+)");

    @TempDir
    Path data;

    @Test
    void everyJourneyPassesWithNoAccessibilityViolations() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            assertThat(System.getenv("CI"))
                    .as("Chromium must be installed on CI (.ci/run does it)")
                    .isNull();
            Assumptions.abort("Browser journeys skipped: install Debian's chromium (apt-get install chromium)");
        }
        prepareJourneys();
        // The XSS corpus posts about 650 times as one person: far beyond the posting limit people have.
        try (RunningWorkspace workspace =
                RunningWorkspace.start(data, RunningWorkspace.Ports.free(), "--collaborative.posting.burst=100000")) {
            Browser tom = workspace.browser().signIn(PipelineIT.TOM, PipelineIT.PASSWORD);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> tom.get("/themes/behaviour-change").body().contains("Nudging recycling"));

            lintOpenApiDocument(tom);
            HttpServer mailbox = mailbox(workspace.bean(EmbeddedMailServer.class));

            Path log = data.resolve("journeys.log");
            // Every feature's journeys: each *.test.mjs file beside support.mjs (or, while working on some, only
            // those named in -De2e.files=board,pages).
            List<String> only = List.of(System.getProperty("e2e.files", "").split(",")).stream()
                    .filter(name -> !name.isBlank())
                    .map(name -> name.strip() + ".test.mjs")
                    .toList();
            List<String> command = new ArrayList<>(List.of("node", "--test", "--test-reporter=spec"));
            try (Stream<Path> files = Files.list(E2E)) {
                files.map(file -> file.getFileName().toString())
                        .filter(name -> name.endsWith(".test.mjs"))
                        .filter(name -> only.isEmpty() || only.contains(name))
                        .sorted()
                        .forEach(command::add);
            }
            ProcessBuilder run = new ProcessBuilder(command)
                    .directory(E2E.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            run.environment().put("BASE_URL", workspace.baseUrl());
            run.environment().put("CHROMIUM", CHROMIUM.toString());
            run.environment()
                    .put(
                            "MAILBOX_URL",
                            "http://127.0.0.1:" + mailbox.getAddress().getPort());
            Process journeys = run.start();
            boolean finished;
            try {
                finished = journeys.waitFor(20, TimeUnit.MINUTES);
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
            java.util.Collections.reverse(oldestFirst);
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
    private static java.util.Optional<String> linkIn(Part part) {
        try {
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    java.util.Optional<String> link = linkIn(multipart.getBodyPart(i));
                    if (link.isPresent()) {
                        return link;
                    }
                }
            } else if (part.isMimeType("text/plain")) {
                Matcher link = LINK.matcher(part.getContent().toString());
                if (link.find()) {
                    return java.util.Optional.of(link.group(1));
                }
            }
            return java.util.Optional.empty();
        } catch (Exception e) {
            throw new IllegalStateException("an email the embedded SMTP server received cannot be read", e);
        }
    }

    /**
     * The OpenAPI document, as the running workspace serves it, passes Redocly's recommended rules with no errors: a
     * program's author can rely on it (security schemes, problem responses, operation ids and summaries).
     */
    private void lintOpenApiDocument(Browser browser) throws IOException, InterruptedException {
        java.net.http.HttpResponse<String> document = browser.api("GET", "/v3/api-docs", null);
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.body())
                .contains("\"title\":\"Collaborative API\"", "\"personalAccessToken\"", "application/problem+json");
        Path openApi = data.resolve("openapi.json");
        Files.writeString(openApi, document.body());
        Path log = data.resolve("redocly.log");
        ProcessBuilder linter = new ProcessBuilder(
                        E2E.resolve("node_modules/.bin/redocly").toString(),
                        "lint",
                        "--config",
                        E2E.resolve("redocly.yaml").toString(),
                        openApi.toString())
                .directory(data.toFile());
        // No network here or on CI: no telemetry, no update check.
        linter.environment().put("REDOCLY_TELEMETRY", "off");
        linter.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        Process lint = linter.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean finished = lint.waitFor(2, TimeUnit.MINUTES);
        String output = Files.readString(log);
        System.out.println(output);
        assertThat(finished).as("the OpenAPI lint finishes").isTrue();
        assertThat(lint.exitValue())
                .as("Redocly's recommended rules, no errors:%n%s", output)
                .isZero();
    }

    /** Copies the journeys into target/e2e/ and installs their npm packages there unless the lock file is unchanged. */
    private static void prepareJourneys() throws IOException, InterruptedException {
        Files.createDirectories(E2E);
        Path lock = E2E.resolve("package-lock.json");
        boolean installed = Files.isDirectory(E2E.resolve("node_modules/playwright-core"))
                && Files.isRegularFile(lock)
                && Files.mismatch(lock, SOURCES.resolve("package-lock.json")) == -1;
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, E2E.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
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
}
