package org.collaborative.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * <p>The journeys run from a copy in {@code target/e2e/}, so their npm packages and failure screenshots land there and
 * the test leaves the source tree as it found it.
 */
class BrowserJourneysIT {

    static final Path SOURCES = Path.of("../e2e").toAbsolutePath().normalize();
    static final Path E2E = Path.of("target/e2e").toAbsolutePath().normalize();
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

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

            Path log = data.resolve("journeys.log");
            // Every feature's journeys: each *.test.mjs file beside support.mjs.
            List<String> command = new ArrayList<>(List.of("node", "--test", "--test-reporter=spec"));
            try (Stream<Path> files = Files.list(E2E)) {
                files.map(file -> file.getFileName().toString())
                        .filter(name -> name.endsWith(".test.mjs"))
                        .sorted()
                        .forEach(command::add);
            }
            ProcessBuilder run = new ProcessBuilder(command)
                    .directory(E2E.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            run.environment().put("BASE_URL", workspace.baseUrl());
            run.environment().put("CHROMIUM", CHROMIUM.toString());
            Process journeys = run.start();
            boolean finished = journeys.waitFor(20, TimeUnit.MINUTES);
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
