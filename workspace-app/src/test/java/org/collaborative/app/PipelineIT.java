package org.collaborative.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.collaborative.app.support.Browser;
import org.collaborative.app.support.RunningWorkspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path on the embedded default: a question posted in the web UI becomes an event in PostgreSQL, is published
 * to Kafka, is projected into MongoDB by the projections process, and shows on the group page, live for other viewers.
 */
class PipelineIT {

    static final String PASSWORD = "collaborate-in-london";
    static final String TOM = "tom.hughes@camden.example";
    static final String PRIYA = "priya.shah@hackney.example";
    static final String BEN = "ben.carter@gla.example";

    @TempDir
    static Path data;

    static RunningWorkspace workspace;
    static String groupId;

    @BeforeAll
    static void start() {
        workspace = RunningWorkspace.start(data, RunningWorkspace.Ports.free());
        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        groupId = await("the seeded themes and groups to be projected")
                .atMost(Duration.ofSeconds(60))
                .until(() -> tom.firstGroupOn("behaviour-change"), id -> id != null);
    }

    @AfterAll
    static void stop() {
        if (workspace != null) {
            workspace.close();
        }
    }

    private static Map<String, String> question(String id, String title) {
        return Map.of("questionId", id, "title", title, "body", "We saved money on laptops.\nWho else has tried?");
    }

    @Test
    void theThemeListShowsEveryThemeWithItsGroupCount() {
        String themes = workspace.browser().signIn(TOM, PASSWORD).get("/themes").body();

        assertThat(themes).contains("Behaviour change", "Worklessness and social housing", "Guns and gangs");
        assertThat(Pattern.compile("href=\"/themes/").matcher(themes).results().count())
                .isEqualTo(8);
        assertThat(themes).contains("govuk-table__cell--numeric\">1<");
    }

    @Test
    void aQuestionPostedWithoutJavaScriptIsStoredPublishedProjectedAndShown() {
        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        tom.get("/groups/" + groupId);
        String id = UUID.randomUUID().toString();

        HttpResponse<String> posted = tom.post(
                "/groups/" + groupId + "/questions", question(id, "Has anyone run an e-auction for IT hardware?"));

        assertThat(posted.statusCode()).isEqualTo(302);
        String location = posted.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/groups/" + groupId + "?posted=" + id);
        String page = tom.get(location.replaceFirst("^https?://[^/]+", "").replaceFirst("#.*", ""))
                .body();
        assertThat(page)
                .contains(
                        "Your question has been posted",
                        "Has anyone run an e-auction for IT hardware?",
                        "Tom Hughes",
                        "Camden");

        assertThat(workspace
                        .jdbc()
                        .queryForList(
                                "select payload_type from domain_event_entry where aggregate_identifier = ?",
                                String.class,
                                id))
                .containsExactly("org.collaborative.events.question.QuestionPosted");
        workspace.awaitPublicationCaughtUp();
        ConsumerRecord<String, byte[]> record = workspace.readTopic("collaborative.events").stream()
                .filter(r -> r.key().equals(id))
                .findFirst()
                .orElseThrow();
        String eventId = workspace
                .jdbc()
                .queryForObject(
                        "select event_identifier from domain_event_entry where aggregate_identifier = ?",
                        String.class,
                        id);
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_id")).isEqualTo(eventId);
        assertThat(header(record, "ce_type")).isEqualTo("org.collaborative.events.question.QuestionPosted");
        assertThat(header(record, "ce_source")).isEqualTo("/collaborative/workspace-app");
        assertThat(header(record, "ce_time")).isNotBlank();
        assertThat(header(record, "ce_aggregateid")).isEqualTo(id);
        assertThat(header(record, "ce_aggregatetype")).isEqualTo("Question");
        assertThat(header(record, "ce_aggregatesequence")).isEqualTo("0");
        assertThat(header(record, "ce_revision")).isEqualTo("1");
        assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .contains("\"title\":\"Has anyone run an e-auction for IT hardware?\"");
    }

    @Test
    void anHtmxPostSwapsInAFreshFormAndShowsTheQuestionAtOnce() {
        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        tom.get("/groups/" + groupId);
        String id = UUID.randomUUID().toString();

        HttpResponse<String> posted = tom.post(
                "/groups/" + groupId + "/questions",
                question(id, "Which councils share a jobs portal?"),
                "HX-Request",
                "true");

        assertThat(posted.statusCode()).isEqualTo(200);
        assertThat(posted.body())
                .contains(
                        "id=\"question-form\"",
                        "Your question has been posted",
                        "hx-swap-oob=\"afterbegin:#question-list\"",
                        "Which councils share a jobs portal?")
                .doesNotContain("<html")
                .doesNotContain("value=\"" + id + "\"");
    }

    @Test
    void aViewerConnectedToAnotherInstanceSeesTheQuestionArriveLive() throws Exception {
        String otherInstance = workspace.startAnotherWebInstance();
        Browser priya = Browser.at(otherInstance).signIn(PRIYA, PASSWORD);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        var stream = priya.stream("/groups/" + groupId + "/live").thenAccept(response -> {
            assertThat(response.statusCode()).isEqualTo(200);
            response.body().forEach(lines::add);
        });
        assertThat(lines.poll(20, TimeUnit.SECONDS)).isEqualTo(":connected");

        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        tom.get("/groups/" + groupId);
        tom.post(
                "/groups/" + groupId + "/questions",
                question(UUID.randomUUID().toString(), "Who pilots telecare for older people?"));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String line;
        do {
            line = lines.poll(1, TimeUnit.SECONDS);
            assertThat(System.nanoTime())
                    .as("a live notice for the group within 30 s")
                    .isLessThan(deadline);
        } while (!"event:group-page-changed".equals(line));
        assertThat(priya.get("/groups/" + groupId + "/questions", "HX-Request", "true")
                        .body())
                .contains("Who pilots telecare for older people?", "id=\"live-status\"");
        stream.cancel(true);
    }

    @Test
    void anEmptyQuestionIsRefusedWithAGovUkErrorSummaryAndTheFormKept() {
        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        tom.get("/groups/" + groupId);

        HttpResponse<String> page = tom.post(
                "/groups/" + groupId + "/questions",
                Map.of("questionId", UUID.randomUUID().toString(), "title", "  ", "body", "Keep these details"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains(
                        "<title>Error: ",
                        "govuk-error-summary",
                        "There is a problem",
                        "href=\"#title\"",
                        "Enter your question",
                        "Keep these details");
        HttpResponse<String> fragment = tom.post(
                "/groups/" + groupId + "/questions",
                Map.of("questionId", UUID.randomUUID().toString(), "title", "", "body", ""),
                "HX-Request",
                "true");
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body())
                .contains(
                        "id=\"question-form\"",
                        "govuk-error-message",
                        "id=\"error-summary\" hx-swap-oob=\"true\"",
                        "govuk-error-summary",
                        "Enter your question")
                .doesNotContain("<html");
    }

    @Test
    void aTwentyThousandCharacterQuestionIsRefusedAndNothingIsStored() {
        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        tom.get("/groups/" + groupId);
        String id = UUID.randomUUID().toString();

        HttpResponse<String> page = tom.post("/groups/" + groupId + "/questions", question(id, "x".repeat(20_000)));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("govuk-error-summary", "Your question must be 150 characters or fewer");
        assertThat(workspace.eventCount(id)).isZero();
    }

    @Test
    void aFormPostedTwiceAsksTheQuestionOnce() {
        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        tom.get("/groups/" + groupId);
        String id = UUID.randomUUID().toString();

        HttpResponse<String> first = tom.post("/groups/" + groupId + "/questions", question(id, "Double click?"));
        HttpResponse<String> second = tom.post("/groups/" + groupId + "/questions", question(id, "Double click?"));

        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(second.statusCode()).isEqualTo(302);
        assertThat(workspace.eventCount(id)).isEqualTo(1L);
    }

    @Test
    void anUnknownGroupIsNotFound() {
        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        tom.get("/themes");

        assertThat(tom.get("/groups/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        HttpResponse<String> post = tom.post(
                "/groups/" + UUID.randomUUID() + "/questions",
                question(UUID.randomUUID().toString(), "Anyone?"));
        assertThat(post.statusCode()).isEqualTo(404);
        assertThat(post.body()).contains("Page not found");
    }

    @Test
    void aPartnerCannotSeeACouncilOnlyGroupAndANonMemberCannotPost() {
        String councilOnly =
                groupOn("understanding-population-flows", workspace.browser().signIn(TOM, PASSWORD));
        Browser ben = workspace.browser().signIn(BEN, PASSWORD);
        assertThat(ben.get("/groups/" + councilOnly).statusCode()).isEqualTo(404);

        ben.get("/groups/" + groupId);
        String id = UUID.randomUUID().toString();
        HttpResponse<String> refused = ben.post("/groups/" + groupId + "/questions", question(id, "Can partners ask?"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body())
                .contains("<a href=\"#join\">Join this group before you post a question to it</a>", "id=\"join\"");
        assertThat(workspace.eventCount(id)).isZero();
    }

    @Test
    void aMemberJoinsAGroupAndSeesThemselvesListed() {
        Browser ben = workspace.browser().signIn(BEN, PASSWORD);
        String group = groupOn("older-people-living-independently", ben);
        assertThat(ben.get("/groups/" + group).body()).contains("Join this group");

        HttpResponse<String> joined = ben.post("/groups/" + group + "/members", Map.of());
        assertThat(joined.statusCode()).isEqualTo(302);
        String page = ben.get("/groups/" + group + "?done=joined").body();
        assertThat(page).contains("You have joined this group", "Ben Carter", "Ask the group a question");

        HttpResponse<String> left = ben.post("/groups/" + group + "/leave", Map.of());
        assertThat(left.statusCode()).isEqualTo(302);
        String after =
                Browser.mainContent(ben.get("/groups/" + group + "?done=left").body());
        assertThat(after)
                .contains("You have left this group", "Join this group")
                .doesNotContain("Ben Carter");
        assertThat(workspace
                        .jdbc()
                        .queryForObject(
                                "select count(*) from group_member where group_id = ? and member_id = ?",
                                Long.class,
                                group,
                                UUID.nameUUIDFromBytes(
                                                "demo-member:ben.carter@gla.example".getBytes(StandardCharsets.UTF_8))
                                        .toString()))
                .isZero();
    }

    @Test
    void theJsonApiAnswersWithDataOrAProblemDetail() {
        HttpResponse<String> anonymous = workspace.browser().api("GET", "/api/themes", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(anonymous.body()).contains("\"status\":401");

        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        HttpResponse<String> themes = tom.api("GET", "/api/themes", null);
        assertThat(themes.statusCode()).isEqualTo(200);
        assertThat(themes.body()).contains("\"id\":\"behaviour-change\"", "\"groupCount\":");
        assertThat(tom.api("GET", "/api/groups/" + groupId, null).body()).contains("\"id\":\"" + groupId + "\"");
        assertThat(tom.api("GET", "/api/groups/" + UUID.randomUUID(), null).statusCode())
                .isEqualTo(404);

        HttpResponse<String> noToken = tom.api("POST", "/api/groups/" + groupId + "/questions", "{\"title\":\"Hi\"}");
        assertThat(noToken.statusCode())
                .as("no page read yet, so no CSRF token")
                .isEqualTo(403);
        assertThat(noToken.body()).contains("CSRF");

        tom.get("/themes");
        HttpResponse<String> empty = tom.api("POST", "/api/groups/" + groupId + "/questions", "{\"title\":\" \"}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("\"field\":\"title\"", "Enter your question");

        String id = UUID.randomUUID().toString();
        HttpResponse<String> asked = tom.api(
                "POST",
                "/api/groups/" + groupId + "/questions",
                "{\"questionId\":\"" + id + "\",\"title\":\"Asked through the API\",\"body\":\"Anyone?\"}");
        assertThat(asked.statusCode()).isEqualTo(201);
        assertThat(workspace.eventCount(id)).isEqualTo(1);

        Browser ben = workspace.browser().signIn(BEN, PASSWORD);
        ben.get("/themes");
        HttpResponse<String> refused =
                ben.api("POST", "/api/groups/" + groupId + "/questions", "{\"title\":\"Me too?\"}");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Join this group before you post a question to it");

        HttpResponse<String> openApi = workspace.browser().api("GET", "/v3/api-docs", null);
        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(openApi.body()).contains("\"openapi\"", "/api/themes", "/api/groups/{groupId}/questions");
    }

    @Test
    void signInIsNeededAndStateChangesNeedTheCsrfToken() {
        Browser anonymous = workspace.browser();
        HttpResponse<String> themes = anonymous.get("/themes");
        assertThat(themes.statusCode()).isEqualTo(302);
        assertThat(themes.headers().firstValue("Location").orElseThrow()).endsWith("/sign-in");

        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        HttpResponse<String> forged = tom.post(
                "/groups/" + groupId + "/questions",
                Map.of("_csrf", "forged", "questionId", UUID.randomUUID().toString(), "title", "Forged"));
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void everyStoredEventIsOnTheTopicOnceAndEveryGroupHasItsView() {
        workspace.awaitPublicationCaughtUp();
        List<ConsumerRecord<String, byte[]>> records = workspace.readTopic("collaborative.events");
        Map<String, Long> perAggregateSequence = records.stream()
                .collect(Collectors.groupingBy(
                        r -> r.key() + "#" + header(r, "ce_aggregatesequence"), Collectors.counting()));
        Set<String> stored = Set.copyOf(workspace
                .jdbc()
                .queryForList(
                        "select aggregate_identifier || '#' || sequence_number from domain_event_entry", String.class));

        assertThat(perAggregateSequence.keySet()).isEqualTo(stored);
        assertThat(perAggregateSequence.entrySet().stream()
                        .filter(e -> e.getValue() > 1)
                        .map(e -> e.getKey() + " "
                                + records.stream()
                                        .filter(r ->
                                                (r.key() + "#" + header(r, "ce_aggregatesequence")).equals(e.getKey()))
                                        .map(r -> header(r, "ce_type") + "@" + r.partition() + ":" + r.offset() + " id="
                                                + header(r, "ce_id"))
                                        .toList())
                        .toList())
                .as("records on the topic more than once")
                .isEmpty();
        records.forEach(r -> assertThat(r.key()).isEqualTo(header(r, "ce_aggregateid")));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                workspace.mongo().getCollection("group-page").countDocuments())
                        .as("nine demo groups and the retreat")
                        .isEqualTo(10L));
        assertThat(workspace.mongo().getCollection("organisations").countDocuments())
                .isEqualTo(35L);
    }

    private static String groupOn(String themeId, Browser browser) {
        String group = browser.firstGroupOn(themeId);
        assertThat(group).as("a group on %s", themeId).isNotNull();
        return group;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
