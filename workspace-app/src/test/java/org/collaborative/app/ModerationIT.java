package org.collaborative.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.collaborative.app.support.Browser;
import org.collaborative.app.support.RunningWorkspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Abuse and moderation on the running stack: posting limits answer 429 on pages, htmx and the API (shared through
 * PostgreSQL by a second web instance with a small limit); a reported question hidden by the group's facilitator
 * leaves the group page, search, the API and the CSV export for everyone but its moderators, and comes back when
 * restored; the moderation log shows it all. One answer hidden on its own leaves its text out for readers while the
 * question and its other answers stay.
 */
class ModerationIT {

    private static final String PASSWORD = "collaborate-in-london";
    private static final String TOM = "tom.hughes@camden.example";
    private static final String PRIYA = "priya.shah@hackney.example";
    private static final String MARY = "mary.doyle@lewisham.example";
    private static final String AMARA = "amara.okafor@londoncouncils.example";
    private static final String SAM = "sam.lee@londoncouncils.example";

    @TempDir
    static Path data;

    private static RunningWorkspace workspace;
    /** A second web instance whose posting limit is 3 posts, then one an hour. */
    private static String limited;
    /** An open group facilitated by Amara, which Tom and Priya belong to. */
    private static String group;

    @BeforeAll
    static void start() {
        workspace = RunningWorkspace.start(data, RunningWorkspace.Ports.free());
        limited = workspace.startAnotherWebInstance(
                "--collaborative.posting.burst=3", "--collaborative.posting.hourly=1");
        await("the demo groups")
                .atMost(Duration.ofSeconds(90))
                .until(() -> workspace
                                .jdbc()
                                .queryForObject(
                                        "select count(*) from group_directory where visibility = 'OPEN'", Long.class)
                        > 0);
        group = workspace.jdbc().queryForObject("""
                select f.group_id from group_member f join group_directory g on g.group_id = f.group_id
                where f.member_id = ? and f.facilitator and g.visibility = 'OPEN' order by f.group_id limit 1
                """, String.class, memberId(AMARA));
        for (String email : new String[] {TOM, PRIYA}) {
            Browser member = workspace.browser().signIn(email, PASSWORD);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> member.get("/groups/" + group).statusCode() == 200);
            member.post("/groups/" + group + "/members", Map.of());
        }
        await("Tom and Priya to be members")
                .atMost(Duration.ofSeconds(30))
                .until(() -> workspace
                                .jdbc()
                                .queryForObject(
                                        "select count(*) from group_member where group_id = ? and member_id in (?, ?)",
                                        Long.class,
                                        group,
                                        memberId(TOM),
                                        memberId(PRIYA))
                        == 2);
    }

    @AfterAll
    static void stop() {
        if (workspace != null) {
            workspace.close();
        }
    }

    private static String memberId(String email) {
        return UUID.nameUUIDFromBytes(("demo-member:" + email).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    @Test
    void postingMoreThanTheLimitIsRefusedWith429OnPagesHtmxAndTheApi() {
        Browser priya = Browser.at(limited).signIn(PRIYA, PASSWORD);
        priya.get("/groups/" + group);
        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> posted = priya.post(
                    "/groups/" + group + "/questions",
                    Map.of("questionId", UUID.randomUUID().toString(), "title", "Within the limit " + i, "body", ""));
            assertThat(posted.statusCode()).as("post %s", i).isEqualTo(302);
            priya.get("/groups/" + group);
        }

        HttpResponse<String> page = priya.post(
                "/groups/" + group + "/questions",
                Map.of("questionId", UUID.randomUUID().toString(), "title", "One too many", "body", "Kept as typed"));
        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(page.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 3600L);
        assertThat(page.body())
                .contains(
                        "There is a problem",
                        "You have posted a lot in a short time",
                        "You can post again in",
                        "value=\"One too many\"",
                        "Kept as typed");

        HttpResponse<String> htmx = priya.post(
                "/groups/" + group + "/questions",
                Map.of("questionId", UUID.randomUUID().toString(), "title", "Through htmx", "body", ""),
                "HX-Request",
                "true");
        assertThat(htmx.statusCode()).isEqualTo(429);
        assertThat(htmx.body())
                .contains("id=\"question-form\"", "You have posted a lot in a short time", "value=\"Through htmx\"")
                .doesNotContain("<html");

        HttpResponse<String> api =
                priya.api("POST", "/api/groups/" + group + "/questions", "{\"title\": \"Through the API\"}");
        assertThat(api.statusCode()).isEqualTo(429);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(api.headers().firstValue("Retry-After")).isPresent();
        assertThat(api.body())
                .contains(
                        "\"type\":\"https://collaborative.london/problems/too-many-posts\"",
                        "\"status\":429",
                        "You have posted a lot in a short time");

        // The allowance is kept in PostgreSQL: the other instance (with the default limit) finds it spent too, and
        // refuses a comment with what was typed kept.
        String item = workspace
                .jdbc()
                .queryForObject(
                        "select item_id from item_directory where group_id = ? and item_type = 'question' limit 1",
                        String.class,
                        group);
        Browser elsewhere = workspace.browser().signIn(PRIYA, PASSWORD);
        elsewhere.get("/items/" + item);
        HttpResponse<String> comment = elsewhere.post(
                "/items/" + item + "/comments",
                Map.of("commentId", UUID.randomUUID().toString(), "comment", "A comment too many"));
        assertThat(comment.statusCode()).isEqualTo(429);
        assertThat(comment.body()).contains("You have posted a lot in a short time", "A comment too many");
        // Nothing else was stored for the refused posts.
        assertThat(workspace.jdbc().queryForObject("""
                select count(*) from domain_event_entry
                where payload_type = 'org.collaborative.events.question.QuestionPosted'
                  and convert_from(payload, 'UTF8')::json ->> 'askedBy' = ?
                  and convert_from(payload, 'UTF8')::json ->> 'title' in ('One too many', 'Through htmx', 'Through the API')
                """, Long.class, memberId(PRIYA)))
                .isZero();
    }

    @Test
    void aHiddenQuestionLeavesTheGroupSearchTheApiAndExportsUntilItIsRestored() {
        String word = "Quokkaberry" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        String title = "Who has tried " + word + " budgeting?";
        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        tom.get("/groups/" + group);
        HttpResponse<String> asked = tom.api(
                "POST", "/api/groups/" + group + "/questions", "{\"title\": \"" + title + "\", \"body\": \"Details\"}");
        assertThat(asked.statusCode()).isEqualTo(201);
        String question = asked.body().replaceAll(".*\"questionId\":\"([^\"]+)\".*", "$1");
        String search = "/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8);
        await("the question to be findable")
                .atMost(Duration.ofSeconds(30))
                .until(() -> tom.get(search).body().contains(title));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> tom.get("/groups/" + group).body().contains(title));

        // Mary, who is not a member of the open group, reports it; a report needs a reason.
        Browser mary = workspace.browser().signIn(MARY, PASSWORD);
        assertThat(mary.get("/items/" + question).body()).contains("Report this question");
        String form = mary.get("/items/" + question + "/report").body();
        String reportId = form.replaceAll("(?s).*name=\"reportId\" value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> noReason =
                mary.post("/items/" + question + "/report", Map.of("reportId", reportId, "reason", " "));
        assertThat(noReason.statusCode()).isEqualTo(200);
        assertThat(noReason.body()).contains("<a href=\"#reason\">Enter why a facilitator should look at it</a>");
        HttpResponse<String> reported = mary.post(
                "/items/" + question + "/report", Map.of("reportId", reportId, "reason", "It names a resident"));
        assertThat(reported.headers().firstValue("Location").orElse("")).endsWith("?done=reported");

        // Only the group's facilitators and administrators moderate.
        assertThat(mary.get("/moderation").statusCode()).isEqualTo(404);
        assertThat(tom.get("/items/" + question + "/moderate").statusCode()).isEqualTo(404);
        Browser amara = workspace.browser().signIn(AMARA, PASSWORD);
        await("the report on the moderation page")
                .atMost(Duration.ofSeconds(30))
                .until(() -> amara.get("/moderation").body().contains("It names a resident"));
        assertThat(amara.get("/items/" + question + "/moderate").body())
                .contains("Hide this question", "It names a resident");
        HttpResponse<String> hidden = amara.post(
                "/items/" + question + "/moderate",
                Map.of("action", "hide", "reason", "Personal details of a resident"));
        assertThat(hidden.headers().firstValue("Location").orElse("")).endsWith("?done=hidden");

        await("the question to be hidden")
                .atMost(Duration.ofSeconds(30))
                .until(() -> tom.get("/items/" + question).body().contains("This item was hidden by a facilitator"));
        assertThat(tom.get("/items/" + question).body()).doesNotContain(title);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !tom.get("/groups/" + group).body().contains(title));
        assertThat(tom.get(search).body()).doesNotContain(title);
        assertThat(tom.api("GET", "/api/search?q=" + word, null).body()).doesNotContain(question);
        assertThat(tom.api("GET", "/api/items/" + question, null).statusCode()).isEqualTo(404);
        assertThat(tom.api("GET", "/api/groups/" + group, null).body()).doesNotContain(title);
        assertThat(tom.get("/groups/" + group + "/items.csv").body()).doesNotContain(title);
        tom.get("/groups/" + group);
        assertThat(tom.post(
                                "/items/" + question + "/answers",
                                Map.of("answerId", UUID.randomUUID().toString(), "answer", "Me"))
                        .statusCode())
                .isEqualTo(404);

        // Its author is told, with the reason, in their notification centre; nobody else is.
        await("Tom to be told")
                .atMost(Duration.ofSeconds(30))
                .until(() ->
                        tom.get("/notifications").body().contains("hid your question: Personal details of a resident"));
        assertThat(mary.get("/notifications").body()).doesNotContain("Personal details of a resident");

        // Its moderators still see it, marked, with the reason.
        assertThat(amara.get("/items/" + question).body())
                .contains(title, "Hidden by a facilitator", "Personal details of a resident", "Restore this question");
        assertThat(amara.get("/groups/" + group).body()).contains("Hidden by facilitators", title);
        HttpResponse<String> asModerator = amara.api("GET", "/api/items/" + question, null);
        assertThat(asModerator.statusCode()).isEqualTo(200);
        assertThat(asModerator.body()).contains("Personal details of a resident");
        assertThat(amara.get("/moderation").body()).contains("Hidden now (", title);

        // Meanwhile it takes no part, even from its moderators: no answers (the aggregate), no comments (through the
        // item directory).
        assertThat(amara.post(
                                "/items/" + question + "/answers",
                                Map.of("answerId", UUID.randomUUID().toString(), "answer", "Noted"))
                        .body())
                .contains("This question is hidden, so it cannot be answered until a facilitator restores it");
        assertThat(amara.post(
                                "/items/" + question + "/comments",
                                Map.of("commentId", UUID.randomUUID().toString(), "comment", "Noted"))
                        .body())
                .contains("This question is hidden, so it cannot be commented on until a facilitator restores it");

        // Restored, it is back for everyone; the log has the report, the hide and the restore.
        Browser sam = workspace.browser().signIn(SAM, PASSWORD);
        sam.get("/items/" + question + "/moderate");
        HttpResponse<String> restored = sam.post(
                "/items/" + question + "/moderate",
                Map.of("action", "restore", "reason", "The asker removed the name"));
        assertThat(restored.headers().firstValue("Location").orElse("")).endsWith("?done=restored");
        await("the question to be back")
                .atMost(Duration.ofSeconds(30))
                .until(() -> tom.get("/items/" + question).body().contains(title));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> tom.get("/groups/" + group).body().contains(title));
        assertThat(tom.get(search).body()).contains(title);
        assertThat(tom.get("/groups/" + group + "/items.csv").body()).contains(title);
        await("Tom to be told it is back")
                .atMost(Duration.ofSeconds(30))
                .until(() -> tom.get("/notifications")
                        .body()
                        .contains("restored your question: The asker removed the name"));
        await("the log")
                .atMost(Duration.ofSeconds(30))
                .until(() -> amara.get("/moderation/log").body().contains("The asker removed the name"));
        assertThat(amara.get("/moderation/log").body())
                .contains(
                        "It names a resident",
                        "Personal details of a resident",
                        "Cllr Mary Doyle",
                        "Amara Okafor",
                        "Sam Lee");
    }

    @Test
    void aHiddenCommentLeavesItsItemsPage() {
        String item = workspace
                .jdbc()
                .queryForObject(
                        "select item_id from item_directory where group_id = ? and item_type = 'question' limit 1",
                        String.class,
                        group);
        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        tom.get("/items/" + item);
        String commentId = UUID.randomUUID().toString();
        String words = "Buy my timeshare " + Long.toString(System.nanoTime(), 36);
        tom.post("/items/" + item + "/comments", Map.of("commentId", commentId, "comment", words));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> tom.get("/items/" + item).body().contains(words));

        Browser amara = workspace.browser().signIn(AMARA, PASSWORD);
        amara.get("/items/" + item + "/moderate?comment=" + commentId);
        HttpResponse<String> hidden = amara.post(
                "/items/" + item + "/moderate?comment=" + commentId, Map.of("action", "hide", "reason", "Advertising"));
        assertThat(hidden.headers().firstValue("Location").orElse("")).contains("?done=hidden&ref=" + commentId);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !tom.get("/items/" + item).body().contains(words));
        assertThat(amara.get("/items/" + item).body()).contains(words, "Hidden by a facilitator: <span>Advertising");
        assertThat(tom.api("GET", "/api/items/" + item, null).body()).doesNotContain(words);
    }

    @Test
    void aHiddenAnswerLosesItsTextForReadersWhileItsQuestionStays() {
        String word = "Wombatfig" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        String title = "Who pools " + Long.toString(System.nanoTime(), 36) + " contracts?";
        Browser amara = workspace.browser().signIn(AMARA, PASSWORD);
        amara.get("/groups/" + group);
        HttpResponse<String> asked =
                amara.api("POST", "/api/groups/" + group + "/questions", "{\"title\": \"" + title + "\"}");
        assertThat(asked.statusCode()).isEqualTo(201);
        String question = asked.body().replaceAll(".*\"questionId\":\"([^\"]+)\".*", "$1");
        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        // The answer is refused (404) until the question has reached the views: wait for its page, as a reader would.
        await("the question to be shown")
                .atMost(Duration.ofSeconds(30))
                .until(() -> tom.get("/items/" + question).statusCode() == 200);
        String answer = UUID.randomUUID().toString();
        assertThat(tom.api(
                                "POST",
                                "/api/items/" + question + "/answers",
                                "{\"id\": \"" + answer + "\", \"text\": \"Ask " + word + " at number 4\"}")
                        .statusCode())
                .isEqualTo(201);
        String search = "/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8);
        await("the answer to be findable")
                .atMost(Duration.ofSeconds(30))
                .until(() -> tom.get(search).body().contains(title));

        // Mary, who can see the open group, reports the answer; Amara hides it.
        Browser mary = workspace.browser().signIn(MARY, PASSWORD);
        // The search index has the answer; the question's own view may come a moment later.
        String form = await("the answer on its question's page")
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> mary.get("/items/" + question + "/report?answer=" + answer)
                                .body(),
                        body -> body.contains("Report this answer"));
        assertThat(form).contains("Report this answer", word);
        String reportId = form.replaceAll("(?s).*name=\"reportId\" value=\"([^\"]+)\".*", "$1");
        assertThat(mary.post(
                                "/items/" + question + "/report?answer=" + answer,
                                Map.of("reportId", reportId, "reason", "It names a resident"))
                        .headers()
                        .firstValue("Location")
                        .orElse(""))
                .endsWith("?done=reported");
        assertThat(mary.get("/items/" + question + "/moderate?answer=" + answer).statusCode())
                .isEqualTo(404);
        await("the report on the moderation page")
                .atMost(Duration.ofSeconds(30))
                .until(() -> amara.get("/moderation").body().contains("Answer: Ask " + word));
        HttpResponse<String> hidden = amara.post(
                "/items/" + question + "/moderate?answer=" + answer,
                Map.of("action", "hide", "reason", "Names a resident"));
        assertThat(hidden.headers().firstValue("Location").orElse("")).endsWith("?done=hidden&ref=" + answer);

        await("the answer to be hidden")
                .atMost(Duration.ofSeconds(30))
                .until(() ->
                        mary.get("/items/" + question).body().contains("A facilitator of this group hid this answer"));
        assertThat(mary.get("/items/" + question).body()).contains(title).doesNotContain(word, "Names a resident");
        assertThat(mary.api("GET", "/api/items/" + question, null).body())
                .contains(answer)
                .doesNotContain(word);
        await("the answer to leave search")
                .atMost(Duration.ofSeconds(30))
                .until(() -> !mary.get(search).body().contains(title));
        assertThat(amara.get("/items/" + question).body()).contains(word, "Names a resident");
        // It cannot be accepted meanwhile; its author is told, with the reason.
        assertThat(amara.post("/items/" + question + "/answers/" + answer + "/acceptance", Map.of())
                        .body())
                .contains("This answer is hidden, so it cannot be accepted until a facilitator restores it");
        await("Tom to be told")
                .atMost(Duration.ofSeconds(30))
                .until(() -> tom.get("/notifications")
                        .body()
                        .contains("hid your answer to this question: Names a resident"));

        Browser sam = workspace.browser().signIn(SAM, PASSWORD);
        sam.get("/items/" + question + "/moderate?answer=" + answer);
        assertThat(sam.post(
                                "/items/" + question + "/moderate?answer=" + answer,
                                Map.of("action", "restore", "reason", "A public officer"))
                        .headers()
                        .firstValue("Location")
                        .orElse(""))
                .endsWith("?done=restored&ref=" + answer);
        await("the answer to be back")
                .atMost(Duration.ofSeconds(30))
                .until(() -> mary.get("/items/" + question).body().contains(word));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mary.get(search).body().contains(title));
    }
}
