package org.collaborative.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.collaborative.app.support.Browser;
import org.collaborative.app.support.BrowserJourneys;
import org.collaborative.app.support.RunningWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the browser journeys and the XSS corpus in {@code e2e/} (Playwright driving Debian's Chromium, with axe-core
 * scans) against the whole product on the embedded stack with the demo workspace seeded, through
 * {@link BrowserJourneys} (which also serves the embedded SMTP server's mailbox to journeys that follow emailed links).
 * The journeys in {@code e2e/demo-off/} need an install without the demo and run in {@code OnboardingIT} instead.
 */
class BrowserJourneysIT {

    @TempDir
    Path data;

    @Test
    void everyJourneyPassesWithNoAccessibilityViolations() throws Exception {
        BrowserJourneys.prepare();
        // The XSS corpus posts about 650 times as one person: far beyond the posting limit people have.
        try (RunningWorkspace workspace =
                RunningWorkspace.start(data, RunningWorkspace.Ports.free(), "--collaborative.posting.burst=100000")) {
            Browser tom = workspace.browser().signIn(PipelineIT.TOM, PipelineIT.PASSWORD);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> tom.get("/themes/behaviour-change").body().contains("Nudging recycling"));

            lintOpenApiDocument(tom);

            // Every feature's journeys: each *.test.mjs file beside support.mjs (or, while working on some, only
            // those named in -De2e.files=board,pages).
            List<String> only = List.of(System.getProperty("e2e.files", "").split(",")).stream()
                    .filter(name -> !name.isBlank())
                    .map(name -> name.strip() + ".test.mjs")
                    .toList();
            List<String> files = BrowserJourneys.filesIn(".").stream()
                    .filter(name -> only.isEmpty() || only.contains(name))
                    .toList();
            BrowserJourneys.run(workspace, files, Map.of(), data.resolve("journeys.log"));
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
                        BrowserJourneys.E2E.resolve("node_modules/.bin/redocly").toString(),
                        "lint",
                        "--config",
                        BrowserJourneys.E2E.resolve("redocly.yaml").toString(),
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
}
