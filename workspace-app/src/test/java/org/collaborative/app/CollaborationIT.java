package org.collaborative.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.collaborative.app.infrastructure.web.Dates;
import org.collaborative.app.support.Browser;
import org.collaborative.app.support.RunningWorkspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collaboration core on the running stack, as a new user would try it: search for the e-auction, open it, see its
 * history and evidence profile (now and as it stood weeks ago), endorse, challenge, comment, answer; submit evidence
 * and make a proposal; and nobody finds what they may not see.
 */
class CollaborationIT {

    private static final String PASSWORD = "collaborate-in-london";
    private static final String TOM = "tom.hughes@camden.example";
    private static final String PRIYA = "priya.shah@hackney.example";
    private static final String MARY = "mary.doyle@lewisham.example";
    private static final String BEN = "ben.carter@gla.example";
    private static final String AUCTION = id("pan-london-e-auction");
    private static final String FURNITURE = id("e-auction-furniture");
    private static final String FURNITURE_QUESTION = id("question-furniture");
    private static final Pattern FIRST_RESULT =
            Pattern.compile("<a class=\"govuk-link\" href=\"/items/([0-9a-f-]{36})[^\"]*\">");

    @TempDir
    static Path data;

    private static RunningWorkspace workspace;

    @BeforeAll
    static void start() {
        workspace = RunningWorkspace.start(data, RunningWorkspace.Ports.free());
        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        await("the demo workspace to be projected").atMost(Duration.ofSeconds(90))
                .until(() -> tom.get("/items/" + AUCTION).body().contains("decided to take it forward"));
        workspace.awaitPublicationCaughtUp();
        workspace.awaitProjectionsCaughtUp();
    }

    @AfterAll
    static void stop() {
        if (workspace != null) {
            workspace.close();
        }
    }

    private static String id(String name) {
        return UUID.nameUUIDFromBytes(("demo-item:" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Test
    void searchingAuctionFindsTheEAuctionWithItsHistoryAndEvidenceProfile() {
        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        String results = tom.get("/search?q=auction").body();
        assertThat(results).contains("A pan-London e-auction for IT hardware",
                "IT hardware e-auction saved ten councils about £400,000 each");
        Matcher first = FIRST_RESULT.matcher(results);
        assertThat(first.find()).isTrue();
        assertThat(results.substring(first.end(), results.indexOf("</a>", first.end())).toLowerCase())
                .as("a title match ranks first").contains("auction");

        String page = tom.get("/items/" + AUCTION).body();
        assertThat(page).contains("A pan-London e-auction for IT hardware", "Taken forward", "Evidence profile",
                "Best level: <strong>Level 3</strong>", "2 items of evidence",
                "drafted the proposal", "opened it for challenge", "challenged", "recorded the group&#39;s endorsement",
                "decided to take it forward", "The audited savings are cashable");
        assertThat(page).contains("<strong>every</strong>").as("Markdown rendered");
    }

    @Test
    void anItemShowsAsItStoodOnAnEarlierDate() {
        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        // The demo's history starts 56 days ago; the e-auction was opened for challenge on day 14 and decided on day 28.
        LocalDate then = Instant.now().minus(Duration.ofDays(56 - 15)).atZone(Dates.LONDON).toLocalDate();
        String page = tom.get("/items/" + AUCTION + "?day=" + then.getDayOfMonth() + "&month=" + then.getMonthValue()
                + "&year=" + then.getYear()).body();
        assertThat(page).contains("as it stood at the end of", "Open for challenge", "1 item of evidence",
                "Best level: <strong>Level 2</strong>");
        assertThat(page).doesNotContain("decided to take it forward", "Taken forward");

        HttpResponse<String> invalid = tom.get("/items/" + AUCTION + "?day=31&month=2&year=2026");
        assertThat(invalid.statusCode()).isEqualTo(200);
        assertThat(invalid.body()).contains("govuk-error-summary", "Enter a real date");
    }

    @Test
    void aMemberEndorsesChallengesAndCommentsAndBrokenRulesAreExplained() {
        Browser priya = workspace.browser().signIn(PRIYA, PASSWORD);
        priya.get("/items/" + FURNITURE);

        HttpResponse<String> endorsed = priya.post("/items/" + FURNITURE + "/endorsements", Map.of());
        assertThat(endorsed.statusCode()).isEqualTo(302);
        assertThat(priya.get(location(endorsed)).body()).contains("You have endorsed this", "Priya Shah, Hackney");

        HttpResponse<String> empty = priya.post("/items/" + FURNITURE + "/challenges",
                Map.of("challengeId", UUID.randomUUID().toString(), "reason", " "));
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("govuk-error-summary", "<a href=\"#reason\">Enter a reason</a>");

        String challengeId = UUID.randomUUID().toString();
        HttpResponse<String> challenged = priya.post("/items/" + FURNITURE + "/challenges",
                Map.of("challengeId", challengeId, "reason", "Fleet vehicles need whole-life costing, not lowest price."));
        assertThat(priya.get(location(challenged)).body()).contains("Your challenge has been recorded",
                "Fleet vehicles need whole-life costing");
        // The same form sent twice records one challenge.
        priya.post("/items/" + FURNITURE + "/challenges",
                Map.of("challengeId", challengeId, "reason", "Fleet vehicles need whole-life costing, not lowest price."));
        assertThat(workspace.eventCount(FURNITURE)).isEqualTo(5);

        HttpResponse<String> hostile = priya.post("/items/" + FURNITURE + "/comments", Map.of(
                "commentId", UUID.randomUUID().toString(),
                "comment", "<script>alert(1)</script>\n\n[click](javascript:alert(2)) <img src=x onerror=alert(3)>\n\n"
                        + "<div hx-get=\"/sign-out\">x</div>\n\n**fine** [ok](https://example.org/ok)"));
        String page = priya.get(location(hostile)).body();
        assertThat(page).contains("Your comment has been posted", "<strong>fine</strong>", "&lt;script&gt;")
                .containsPattern("<a href=\"https://example.org/ok\" rel=\"(?=[a-z ]*nofollow)(?=[a-z ]*noopener)"
                        + "(?=[a-z ]*noreferrer)[a-z ]+\">ok</a>")
                .doesNotContain("<script>alert", "href=\"javascript", "<img", "<div hx-get");

        Browser croydonAuthorOfItsOwn = workspace.browser().signIn(TOM, PASSWORD);
        croydonAuthorOfItsOwn.get("/items/" + AUCTION);
        HttpResponse<String> own = croydonAuthorOfItsOwn.post("/items/" + AUCTION + "/endorsements", Map.of());
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("You cannot endorse your own proposal");
        HttpResponse<String> decided = croydonAuthorOfItsOwn.post("/items/" + AUCTION + "/challenges",
                Map.of("challengeId", UUID.randomUUID().toString(), "reason", "Too late"));
        assertThat(decided.body()).contains("You cannot challenge your own proposal");
    }

    @Test
    void membersSubmitEvidenceMakeProposalsAndAnswerQuestions() {
        Browser mary = workspace.browser().signIn(MARY, PASSWORD);
        String group = groupOf(mary, AUCTION);
        String form = mary.get("/groups/" + group + "/evidence/new").body();
        assertThat(form).contains("You can describe what you do and why it matters",
                "There are manuals and systems so it can be replicated with consistent impact");

        HttpResponse<String> missing = mary.post("/groups/" + group + "/evidence", Map.of(
                "evidenceId", UUID.randomUUID().toString(), "title", "Lewisham's laptop refresh",
                "summary", "", "source", "Lewisham IT report", "kind", "DATA"));
        assertThat(missing.statusCode()).isEqualTo(200);
        assertThat(missing.body()).contains("<a href=\"#level\">Choose a level of evidence from 1 to 5</a>",
                "value=\"Lewisham&#39;s laptop refresh\"");

        String evidenceId = UUID.randomUUID().toString();
        HttpResponse<String> submitted = mary.post("/groups/" + group + "/evidence", Map.of(
                "evidenceId", evidenceId, "title", "Lewisham's laptop refresh", "summary", "Bought through the auction.",
                "source", "https://example.org/lewisham", "kind", "DATA", "level", "2"));
        assertThat(submitted.statusCode()).isEqualTo(302);
        assertThat(mary.get(location(submitted)).body()).contains("Your evidence has been submitted", "Level 2",
                "href=\"https://example.org/lewisham\"");

        HttpResponse<String> unchanged = mary.post("/items/" + evidenceId + "/revision", Map.of(
                "title", "Lewisham's laptop refresh", "summary", "Bought through the auction.",
                "source", "https://example.org/lewisham", "kind", "DATA", "level", "2"));
        assertThat(unchanged.body()).contains("Change something before you save a revision");
        HttpResponse<String> revised = mary.post("/items/" + evidenceId + "/revision", Map.of(
                "title", "Lewisham's laptop refresh", "summary", "Bought through the auction, audited.",
                "source", "https://example.org/lewisham", "kind", "DATA", "level", "3"));
        assertThat(mary.get(location(revised)).body()).contains("Your evidence has been revised", "Level 3",
                "revised the evidence");

        String proposalId = UUID.randomUUID().toString();
        HttpResponse<String> drafted = mary.post("/groups/" + group + "/proposals", Map.of(
                "proposalId", proposalId, "title", "Auction toner too", "summary", "Printer consumables next.",
                "form", "PROCESS_IMPROVEMENT"));
        assertThat(mary.get(location(drafted)).body()).contains("Your proposal has been saved as a draft", "Draft");
        mary.post("/items/" + proposalId + "/links", Map.of("evidenceId", evidenceId));
        HttpResponse<String> opened = mary.post("/items/" + proposalId + "/status", Map.of("to", "OPEN_FOR_CHALLENGE"));
        assertThat(mary.get(location(opened)).body()).contains("Open for challenge", "Best level: <strong>Level 3</strong>");

        HttpResponse<String> answered = mary.post("/items/" + FURNITURE_QUESTION + "/answers",
                Map.of("answerId", UUID.randomUUID().toString(), "answer", "Lewisham used a framework instead."));
        assertThat(mary.get(location(answered)).body()).contains("Your answer has been posted", "Answers (3)",
                "Accepted answer");
    }

    @Test
    void searchHonoursGroupVisibilityFiltersAndPhrases() {
        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        String councilOnly = workspace.jdbc().queryForObject(
                "select group_id from group_directory where visibility = 'COUNCIL_ONLY' order by group_id limit 1",
                String.class);
        tom.get("/groups/" + councilOnly);
        tom.post("/groups/" + councilOnly + "/members", Map.of());
        tom.get("/groups/" + councilOnly);
        String questionId = UUID.randomUUID().toString();
        tom.post("/groups/" + councilOnly + "/questions",
                Map.of("questionId", questionId, "title", "Zorbing census of churn", "body", ""));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> tom.get("/search?q=zorbing").body().contains("Zorbing census of churn"));

        Browser ben = workspace.browser().signIn(BEN, PASSWORD);
        assertThat(ben.get("/search?q=zorbing").body()).contains("No results").doesNotContain("Zorbing census");
        assertThat(ben.api("GET", "/api/search?q=zorbing", null).body()).isEqualTo("[]");
        assertThat(ben.get("/items/" + questionId).statusCode()).isEqualTo(404);

        assertThat(tom.get("/search?q=auction&type=question").body())
                .contains("Has anyone run an e-auction for office furniture?")
                .doesNotContain("A pan-London e-auction for IT hardware");
        assertThat(tom.get("/search?q=%22jobs+portal%22").body()).contains("Put 90% of council jobs on the London Jobs Portal");
        assertThat(tom.get("/search?q=%22portal+jobs%22").body()).contains("No results");
        assertThat(tom.get("/search?q=auctions&organisation=E09000008").body())
                .contains("Extend the e-auction to office furniture and vehicles")
                .doesNotContain("A pan-London e-auction for IT hardware");
        assertThat(tom.get("/search?q=cashable&type=comment").body()).contains("Comment on:");
    }

    @Test
    void theApiServesItemsAndSearch() {
        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        HttpResponse<String> search = tom.api("GET", "/api/search?q=auction", null);
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.body()).contains("\"itemId\":\"" + AUCTION + "\"");
        HttpResponse<String> item = tom.api("GET", "/api/items/" + AUCTION, null);
        assertThat(item.body()).contains("\"status\":\"TAKEN_FORWARD\"", "\"history\":[");
        HttpResponse<String> blank = tom.api("GET", "/api/search?q=+", null);
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("Enter words to search for");
    }

    @Test
    void theEvidenceLibraryPipelineAndCsvExportsShowWhatPeopleMaySee() {
        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        String levelThree = tom.get("/evidence?level=3").body();
        assertThat(levelThree).contains("Audited e-auction savings, 2009 to 2010")
                .doesNotContain("IT hardware e-auction saved ten councils about £400,000 each");

        HttpResponse<String> csv = tom.get("/evidence.csv?theme=climate-change-and-carbon-reduction");
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("evidence-library.csv");
        assertThat(csv.body()).contains("\"Title\",\"Theme\",\"Group\",\"Kind\",\"Level\"",
                "\"IT hardware e-auction saved ten councils about £400,000 each\"", "\"Evaluation\",\"2\"");

        String portfolio = tom.get("/themes/climate-change-and-carbon-reduction").body();
        assertThat(portfolio).contains("Open questions", "Has anyone run an e-auction for office furniture?",
                "Proposals by stage", "Recent activity", "Buying better together");
        assertThat(portfolio.substring(portfolio.indexOf("theme-evidence-profile"))).contains("Level 3");

        String pipeline = tom.get("/proposals").body();
        assertThat(pipeline).contains("Taken forward", "A pan-London e-auction for IT hardware",
                "Not taken forward", "Spin reablement out as a social enterprise", "Withdrawn", "A recycling reward card");

        String group = groupOf(tom, AUCTION);
        String items = tom.get("/groups/" + group + "/items.csv").body();
        assertThat(items).contains("\"Proposal\",\"A pan-London e-auction for IT hardware\",\"Taken forward\"",
                "\"Question\",\"Has anyone run an e-auction for office furniture?\",\"Open\"");

        String councilOnly = workspace.jdbc().queryForObject(
                "select group_id from group_directory where visibility = 'COUNCIL_ONLY' order by group_id limit 1",
                String.class);
        Browser ben = workspace.browser().signIn(BEN, PASSWORD);
        assertThat(ben.get("/groups/" + councilOnly + "/items.csv").statusCode()).isEqualTo(404);
    }

    @Test
    void facilitatorsCreateDescribeAndArchiveThemes() {
        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        assertThat(tom.get("/themes/new").statusCode()).isEqualTo(403);

        Browser amara = workspace.browser().signIn("amara.okafor@londoncouncils.example", PASSWORD);
        amara.get("/themes/new");
        HttpResponse<String> empty = amara.post("/themes", Map.of("title", " ", "summary", ""));
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("<a href=\"#title\">Enter a title</a>");

        HttpResponse<String> created = amara.post("/themes", Map.of("title", "Digital inclusion", "summary", "Getting residents online."));
        assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/themes/digital-inclusion?saved=created");
        await().atMost(Duration.ofSeconds(30)).until(() -> amara.get("/themes").body().contains("Digital inclusion"));
        HttpResponse<String> twice = amara.post("/themes", Map.of("title", "Digital inclusion", "summary", ""));
        assertThat(twice.body()).contains("There is already a theme called Digital inclusion");

        amara.get("/themes/digital-inclusion/edit");
        amara.post("/themes/digital-inclusion", Map.of("title", "Digital inclusion", "summary", "Skills, kit and data."));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> amara.get("/themes/digital-inclusion").body().contains("Skills, kit and data."));
        HttpResponse<String> archived = amara.post("/themes/digital-inclusion/archive", Map.of());
        assertThat(archived.statusCode()).isEqualTo(302);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            String themes = amara.get("/themes").body();
            return themes.contains("Archived themes") && themes.indexOf("Digital inclusion") > themes.indexOf("Archived themes");
        });
        tom.get("/themes");
        HttpResponse<String> refused = tom.post("/themes/behaviour-change/archive", Map.of());
        assertThat(refused.body()).contains("Only facilitators and administrators can change themes");
    }

    @Test
    void theMemberDirectoryAndOrganisationProfilesShowWhoTakesPart() {
        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        String directory = tom.get("/members").body();
        assertThat(directory).contains("Amara Okafor", "Programme lead, capital ambition", "Priya Shah", "Chief executive");
        assertThat(tom.get("/members?organisation=E09000012").body()).contains("Priya Shah").doesNotContain("Tom Hughes");

        String hackney = tom.get("/organisations/E09000012").body();
        assertThat(hackney).contains("Hackney", "Priya Shah", "Buying better together",
                "IT hardware e-auction saved ten councils about £400,000 each");
        assertThat(tom.get("/organisations/no-such-council").statusCode()).isEqualTo(404);
    }

    private static String groupOf(Browser browser, String itemId) {
        Matcher group = Pattern.compile("href=\"/groups/([0-9a-f-]{36})\"").matcher(browser.get("/items/" + itemId).body());
        assertThat(group.find()).isTrue();
        return group.group(1);
    }

    private static String location(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.substring(location.indexOf("/items/") >= 0 ? location.indexOf("/items/") : location.indexOf('/', 8));
    }
}
