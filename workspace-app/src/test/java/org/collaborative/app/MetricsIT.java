package org.collaborative.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.collaborative.app.support.Browser;
import org.collaborative.app.support.RunningWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the monitoring system scrapes, from both applications, without a member's session: command rate and latency,
 * publication lag, parked events (the publisher's and each view's), each view's consumer lag, dead-lettered records and
 * digests by state — and the figures are true (zero lag once the pipeline has caught up; nothing parked; the seed's
 * commands counted; an open live stream counted).
 */
class MetricsIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path data;

    @Test
    void bothApplicationsServeTheirFiguresToTheMonitoringSystemWithoutASession() throws Exception {
        try (RunningWorkspace workspace = RunningWorkspace.start(data, RunningWorkspace.Ports.free())) {
            workspace.awaitPublicationCaughtUp();
            workspace.awaitProjectionsCaughtUp();

            // A command of this test's own (the stack may have started from the seeded template, whose seed another
            // JVM run sent): Tom follows a group on a theme he may see.
            Browser tom = workspace.browser().signIn(PipelineIT.TOM, PipelineIT.PASSWORD);
            tom.get("/themes"); // a page first, for the CSRF token the API's session callers send
            HttpResponse<String> groups = tom.api("GET", "/api/groups?theme=behaviour-change", null);
            String groupId = groups.body().replaceFirst("(?s)^\\[\\{\"id\":\"([^\"]+)\".*", "$1");
            assertThat(tom.api("POST", "/api/follows", "{\"target\":\"GROUP\",\"targetId\":\"" + groupId + "\"}")
                            .statusCode())
                    .isEqualTo(201);
            workspace.awaitPublicationCaughtUp();

            // A viewer holding the group page's live stream open on this instance.
            java.util.concurrent.CompletableFuture<HttpResponse<Void>> stream = http.sendAsync(
                    HttpRequest.newBuilder(URI.create(workspace.baseUrl() + "/groups/" + groupId + "/live"))
                            .header("Cookie", tom.cookieHeader())
                            .header("Accept", "text/event-stream")
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(value(
                                    scrape(workspace.baseUrl()).body(), "collaborative_live_viewers(?:\\{[^}]*})?"))
                            .as("the open live stream is counted")
                            .isGreaterThanOrEqualTo(1));
            stream.cancel(true);

            HttpResponse<String> app = scrape(workspace.baseUrl());
            assertThat(app.statusCode()).isEqualTo(200);
            assertThat(app.headers().firstValue("Set-Cookie"))
                    .as("no session is made")
                    .isEmpty();
            assertThat(value(
                            app.body(),
                            "collaborative_commands_seconds_count\\{command=\"Follow\",outcome=\"done\"[^}]*}"))
                    .as("Tom's follow went through the command bus")
                    .isPositive();
            assertThat(app.body()).contains("collaborative_commands_seconds_bucket");
            assertThat(value(app.body(), "collaborative_publication_lag_events(?:\\{[^}]*})?"))
                    .as("nothing waits to be published")
                    .isZero();
            assertThat(value(app.body(), "collaborative_parked_events\\{side=\"publisher\"[^}]*}"))
                    .as("nothing is parked")
                    .isZero();
            assertThat(app.body()).contains("http_server_requests_seconds");

            String projections = "http://127.0.0.1:" + workspace.ports().projectionsHttp();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HttpResponse<String> views = scrape(projections);
                assertThat(views.statusCode()).isEqualTo(200);
                for (String view : RunningWorkspace.VIEWS) {
                    assertThat(value(views.body(), "collaborative_view_lag_events\\{view=\"" + view + "\"[^}]*}"))
                            .as("the %s view has applied every event", view)
                            .isZero();
                    assertThat(value(
                                    views.body(),
                                    "collaborative_parked_events\\{side=\"projections\",view=\"" + view + "\"[^}]*}"))
                            .as("the %s view has parked nothing", view)
                            .isZero();
                }
                assertThat(value(views.body(), "collaborative_dead_lettered_events(?:\\{[^}]*})?"))
                        .isZero();
                assertThat(views.body()).contains("collaborative_digests{state=\"ready\"");
            });

            for (String base : new String[] {workspace.baseUrl(), projections}) {
                HttpResponse<String> readiness = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(readiness.statusCode())
                        .as("readiness of %s, with Kafka in it", base)
                        .isEqualTo(200);
            }
            assertThat(workspace.unindexedQueries())
                    .as("every query the scrapes made is served by a declared index (ViewIndexes)")
                    .isEmpty();
        }
    }

    private HttpResponse<String> scrape(String base) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static double value(String exposition, String series) {
        Matcher matcher = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(exposition);
        assertThat(matcher.find()).as("series %s in%n%s", series, exposition).isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
