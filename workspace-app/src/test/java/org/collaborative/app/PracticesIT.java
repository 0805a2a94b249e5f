package org.collaborative.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.collaborative.app.support.Browser;
import org.collaborative.app.support.RunningWorkspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Practices through the real stack: the demo's practices are seeded by commands, published to Kafka and projected
 * into MongoDB; a member records a move for their own council on the practice page (event store → Kafka → the
 * {@code adoptions} view → the page), and a move dated in the future records nothing and keeps what was typed; the
 * person who recorded a practice changes it on "Change this practice" (sent twice, it changes once; a form opened before
 * that change is refused).
 */
class PracticesIT {

    static final String PASSWORD = "collaborate-in-london";
    static final String TOM = "tom.hughes@camden.example";
    static final String AMARA = "amara.okafor@londoncouncils.example";
    static final String CAMDEN = "E09000007";
    static final String AUCTION = UUID.nameUUIDFromBytes(("practice-from-proposal:"
                            + UUID.nameUUIDFromBytes("demo-item:pan-london-e-auction".getBytes(StandardCharsets.UTF_8)))
                    .getBytes(StandardCharsets.UTF_8))
            .toString();
    static final String REABLEMENT = UUID.nameUUIDFromBytes(
                    "demo-practice:telecare-reablement".getBytes(StandardCharsets.UTF_8))
            .toString();

    @TempDir
    static Path data;

    static RunningWorkspace workspace;

    @BeforeAll
    static void start() {
        workspace = RunningWorkspace.start(data, RunningWorkspace.Ports.free());
        await("the demo's practices to be projected")
                .atMost(Duration.ofSeconds(180))
                .until(() -> workspace
                                .mongo()
                                .getCollection("adoptions")
                                .countDocuments(new Document("practiceId", REABLEMENT))
                        >= 30);
        workspace.awaitPublicationCaughtUp();
        workspace.awaitProjectionsCaughtUp();
    }

    @AfterAll
    static void stop() {
        if (workspace != null) {
            workspace.close();
        }
    }

    @Test
    void theDemoShowsTheAuctionsTenVerifiedCashableSavings() {
        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        assertThat(tom.get("/practices").body()).contains("IT hardware e-auction", "London Jobs Portal");
        String page = tom.get("/practices/" + AUCTION).body();
        assertThat(page)
                .contains("IT hardware e-auction", "Hackney", "Sutton", "<!-- spread views: practice/spread.html -->");
        assertThat(page.split("govuk-tag--green\">Verified<", -1)).hasSize(11);
        assertThat(page).contains("£380,000 once", "Director of finance, Hackney");
    }

    @Test
    void reablementsAdoptionsSpreadOverTwoYears() {
        List<Document> adopted = workspace
                .mongo()
                .getCollection("adoptions")
                .find(new Document("practiceId", REABLEMENT)
                        .append("stage", new Document("$in", List.of("ADOPTED", "EMBEDDED"))))
                .into(new java.util.ArrayList<>());
        assertThat(adopted).hasSize(26);
        List<LocalDate> adoptedOn = adopted.stream()
                .map(d -> d.getList("moves", Document.class).stream()
                        .filter(m -> m.getString("stage").equals("ADOPTED"))
                        .map(m -> m.getDate("happenedOn")
                                .toInstant()
                                .atZone(ZoneId.of("UTC"))
                                .toLocalDate())
                        .findFirst()
                        .orElseThrow())
                .sorted()
                .toList();
        assertThat(adoptedOn.get(0)).isBefore(adoptedOn.get(25).minusYears(1));
    }

    @Test
    void aMemberRecordsThatTheirCouncilIsExploringAndSeesIt() {
        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        tom.get("/practices/" + AUCTION);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        HttpResponse<String> moved = tom.post(
                "/practices/" + AUCTION + "/moves",
                Map.of(
                        "stage", "EXPLORING",
                        "day", Integer.toString(today.getDayOfMonth()),
                        "month", Integer.toString(today.getMonthValue()),
                        "year", Integer.toString(today.getYear())));

        assertThat(moved.statusCode()).isEqualTo(302);
        assertThat(workspace
                        .jdbc()
                        .queryForList(
                                "select payload_type from domain_event_entry where aggregate_identifier = ?",
                                String.class,
                                AUCTION + ":" + CAMDEN))
                .containsExactly("org.collaborative.events.practice.AdoptionStageRecorded");
        await("Camden's adoption to be projected")
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> workspace
                                .mongo()
                                .getCollection("adoptions")
                                .find(new Document("_id", AUCTION + ":" + CAMDEN))
                                .first(),
                        d -> d != null && "EXPLORING".equals(d.getString("stage")));
        String page = tom.get(
                        moved.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""))
                .body();
        assertThat(page).contains("Your council's move has been recorded", "adoption-" + CAMDEN, "Exploring");
    }

    @Test
    void aMoveDatedInTheFutureRecordsNothingAndKeepsWhatWasTyped() {
        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        tom.get("/practices/" + REABLEMENT);
        Integer before = storedEvents();
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Europe/London")).plusDays(2);
        HttpResponse<String> refused = tom.post(
                "/practices/" + REABLEMENT + "/moves",
                Map.of(
                        "stage", "PILOTING",
                        "day", Integer.toString(tomorrow.getDayOfMonth()),
                        "month", Integer.toString(tomorrow.getMonthValue()),
                        "year", Integer.toString(tomorrow.getYear())));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body())
                .contains(
                        "There is a problem", "The date it happened must be today or in the past", "href=\"#move-day\"")
                .contains("value=\"" + tomorrow.getYear() + "\"");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void theRecorderChangesThePracticeOnceEvenWhenTheFormIsSentTwiceAndAStaleFormIsRefused() {
        Browser amara = workspace.browser().signIn(AMARA, PASSWORD);
        String form = amara.get("/practices/" + AUCTION + "/edit").body();
        assertThat(form)
                .contains("Change this practice", "IT hardware e-auction", "You can enter up to 10,000 characters");
        java.util.regex.Matcher version = java.util.regex.Pattern.compile("name=\"basedOn\" value=\"(\\d+)\"")
                .matcher(form);
        assertThat(version.find())
                .as("the form carries the version it was opened on")
                .isTrue();
        String summary = "Councils buy laptops together through quarterly reverse e-auctions run by London Councils.";
        Map<String, String> change =
                Map.of("basedOn", version.group(1), "name", "IT hardware e-auction", "summary", summary);

        HttpResponse<String> saved = amara.post("/practices/" + AUCTION, change);
        assertThat(saved.statusCode()).isEqualTo(302);
        String location = saved.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(location).isEqualTo("/practices/" + AUCTION + "?done=revised");
        // The redirect came once the view had the change: the page shows it at once.
        assertThat(amara.get(location).body()).contains("The practice has been changed", summary);

        HttpResponse<String> again = amara.post("/practices/" + AUCTION, change);
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(revisions(AUCTION)).isEqualTo(1);

        HttpResponse<String> stale = amara.post(
                "/practices/" + AUCTION,
                Map.of("basedOn", version.group(1), "name", "IT hardware e-auction", "summary", "An older idea."));
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body())
                .contains(
                        "There is a problem",
                        "Someone else changed this practice after you opened it",
                        "An older idea.");
        assertThat(revisions(AUCTION)).isEqualTo(1);
    }

    private static Integer revisions(String practiceId) {
        return workspace
                .jdbc()
                .queryForObject(
                        "select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type = ?",
                        Integer.class,
                        practiceId,
                        "org.collaborative.events.practice.PracticeRevised");
    }

    private static Integer storedEvents() {
        return workspace.jdbc().queryForObject("select count(*) from domain_event_entry", Integer.class);
    }
}
