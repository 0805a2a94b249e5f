package org.collaborative.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.collaborative.app.support.Browser;
import org.collaborative.app.support.BrowserJourneys;
import org.collaborative.app.support.RequestFuzzer;
import org.collaborative.app.support.RunningWorkspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the browser journeys and the XSS corpus in {@code e2e/} (Playwright driving Debian's Chromium, with axe-core
 * scans) against the whole product on the embedded stack with the demo workspace seeded, through
 * {@link BrowserJourneys} (which also serves the embedded SMTP server's mailbox to journeys that follow emailed links).
 * The journeys in {@code e2e/demo-off/} need an install without the demo and run in {@code OnboardingIT} instead. After
 * them, on the same stack, a fixed-seed sample of the request fuzzer ({@link RequestFuzzer}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserJourneysIT {

    /** The sample of the request fuzzer in the test command: fixed, so that a failure is the same on every run. */
    static final long FUZZ_SEED = 17L;

    static final int FUZZ_REQUESTS = Integer.getInteger("fuzz.requests", 600);

    @TempDir
    static Path data;

    private static RunningWorkspace workspace;

    @BeforeAll
    static void start() {
        // The XSS corpus posts about 650 times as one person, and the fuzzer thousands of times as each demo member:
        // far beyond the posting (and sign-in, registration and reset) limits people have.
        List<String> arguments = new ArrayList<>(RequestFuzzer.RAISED_LIMITS);
        workspace = RunningWorkspace.start(data, RunningWorkspace.Ports.free(), arguments.toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        if (workspace != null) {
            workspace.close();
        }
    }

    @Test
    @Order(1)
    void everyJourneyPassesWithNoAccessibilityViolations() throws Exception {
        BrowserJourneys.prepare();
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

    /**
     * A sample of the request fuzzer (issue 17; the long run of 100,000 requests is {@code Fuzzing} in the benchmarks
     * module): generated requests to every API operation in the OpenAPI document and every form on the pages the demo
     * members of each role reach, valid and mutated, with a fixed seed. No server error, no stack trace in any body,
     * every 4xx under /api a problem detail, every refused form a GOV.UK error. Run after the journeys, on the same
     * stack: what they posted is more for it to read.
     */
    @Test
    @Order(2)
    void aSampleOfFuzzedRequestsBreaksNoRule() {
        Browser tom = workspace.browser().signIn(PipelineIT.TOM, PipelineIT.PASSWORD);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> tom.get("/themes/behaviour-change").body().contains("Nudging recycling"));
        RequestFuzzer.Report report = RequestFuzzer.run(
                workspace.baseUrl(),
                new RequestFuzzer.Settings(
                        FUZZ_SEED, FUZZ_REQUESTS, 15, RequestFuzzer.DEMO_MEMBERS, RequestFuzzer.DEMO_PASSWORD),
                System.out::println);
        System.out.println(report.summary());
        assertThat(report.sent()).isEqualTo(FUZZ_REQUESTS);
        assertThat(report.operations())
                .as("API operations read from the OpenAPI document")
                .isGreaterThan(60);
        assertThat(report.forms()).as("forms found on the pages").isGreaterThan(30);
        assertThat(report.failures())
                .as("requests that broke a rule (seed %d; each names its request)", FUZZ_SEED)
                .isEmpty();
    }

    /**
     * The OpenAPI document, as the running workspace serves it, passes Redocly's recommended rules with no errors: a
     * program's author can rely on it (security schemes, problem responses, operation ids and summaries).
     */
    private static void lintOpenApiDocument(Browser browser) throws IOException, InterruptedException {
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
