package org.collaborative.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.collaborative.app.support.Browser;
import org.collaborative.app.support.RunningWorkspace;
import org.collaborative.views.spread.PracticeSpread;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spread views through the real stack: the demo's e-auction, projected into practice-spread from the event
 * stream, read back as the curve, the map, the peer lens and the ledger; a move recorded by Camden reaches the map.
 */
class SpreadIT {

    private static final String PASSWORD = "collaborate-in-london";
    private static final String AUCTION = UUID.nameUUIDFromBytes(("practice-from-proposal:"
                            + UUID.nameUUIDFromBytes("demo-item:pan-london-e-auction".getBytes(StandardCharsets.UTF_8)))
                    .getBytes(StandardCharsets.UTF_8))
            .toString();
    private static final String CAMDEN = "E09000007";

    @TempDir
    static Path data;

    private static RunningWorkspace workspace;
    private static Browser tom;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() {
        workspace = RunningWorkspace.start(data, RunningWorkspace.Ports.free());
        tom = workspace.browser().signIn("tom.hughes@camden.example", PASSWORD);
        // The ten councils' savings are verified at the end of the seed: wait until the view holds all ten.
        await("the e-auction's spread to be projected")
                .atMost(Duration.ofSeconds(120))
                .until(() -> {
                    PracticeSpread spread =
                            workspace.mongo().findById(AUCTION, PracticeSpread.class, PracticeSpread.COLLECTION);
                    return spread != null
                            && spread.name() != null
                            && spread.outcomes().size() == 10
                            && spread.outcomes().stream().allMatch(o -> o.verifiedBy() != null);
                });
    }

    @AfterAll
    static void stop() {
        if (workspace != null) {
            workspace.close();
        }
    }

    private JsonNode api(String path) throws Exception {
        HttpResponse<String> response = tom.api("GET", path, null);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return json.readTree(response.body());
    }

    @Test
    void theDemoAuctionsTenAdoptersSavingsAndCamdensPeerLens() throws Exception {
        JsonNode spread = api("/api/practices/" + AUCTION + "/spread");

        assertThat(spread.get("adopters")).hasSize(10);
        assertThat(spread.get("adopters").get(0).get("category").asText()).isEqualTo("INNOVATORS");
        assertThat(spread.get("curve")
                        .get(spread.get("curve").size() - 1)
                        .get("adopters")
                        .asInt())
                .isEqualTo(10);
        // Ten one-off cashable savings, from £380,000 rising by £5,000: £4,025,000, all verified; nothing non-cashable.
        JsonNode savings = spread.get("savings");
        assertThat(savings.get("cashable").get("oneOffVerified").asLong()).isEqualTo(402_500_000L);
        assertThat(savings.get("cashable").get("oneOffClaimed").asLong()).isZero();
        assertThat(savings.get("nonCashable").get("oneOffVerified").asLong()).isZero();
        // Camden's neighbours on the tile map include Brent, Islington and Westminster, which adopted it.
        assertThat(spread.get("peerLens").get("neighboursSentence").asText())
                .startsWith("3 of your 8 neighbouring boroughs have put this practice to work");

        // The day before the first adoption, nobody had adopted.
        LocalDate first = LocalDate.parse(
                spread.get("adopters").get(0).get("firstAdopted").asText());
        JsonNode before = api("/api/practices/" + AUCTION + "/spread?asOf=" + first.minusDays(1));
        assertThat(before.get("adopters")).isEmpty();
        assertThat(before.get("savings").get("cashable").get("oneOffVerified").asLong())
                .isZero();
    }

    @Test
    void thePracticePageShowsTheCurveAndTheMapWithTheirTablesAndTheLedgerItsCsv() throws Exception {
        HttpResponse<String> page = tom.get("/practices/" + AUCTION);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains(
                        "id=\"spread-curve\"",
                        "id=\"curve-table\"",
                        "id=\"spread-map\"",
                        "id=\"map-table\"",
                        "3 of your 8 neighbouring boroughs");

        HttpResponse<String> ledger = tom.get("/savings");
        assertThat(ledger.statusCode()).isEqualTo(200);
        assertThat(ledger.body()).contains("IT hardware e-auction", "£4,025,000");

        HttpResponse<String> csv = tom.get("/savings.csv");
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body().lines().filter(l -> l.startsWith("\"IT hardware e-auction\"")))
                .hasSize(10);
    }

    @Test
    void aMoveCamdenRecordsReachesTheMap() throws Exception {
        tom.get("/practices/" + AUCTION);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        HttpResponse<String> recorded = tom.api(
                "POST",
                "/api/practices/" + AUCTION + "/adoptions/" + CAMDEN + "/moves",
                "{\"stage\":\"EXPLORING\",\"happenedOn\":\"" + today + "\"}");
        assertThat(recorded.statusCode()).isBetween(200, 299);

        await("Camden's move to reach the spread")
                .atMost(Duration.ofSeconds(60))
                .until(() -> "EXPLORING"
                        .equals(api("/api/practices/" + AUCTION + "/spread")
                                .get("stages")
                                .path(CAMDEN)
                                .asText()));
        assertThat(api("/api/practices/" + AUCTION + "/spread")
                        .get("peerLens")
                        .get("ownStage")
                        .asText())
                .isEqualTo("EXPLORING");
    }
}
