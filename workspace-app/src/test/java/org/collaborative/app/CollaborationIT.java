package org.collaborative.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.collaborative.app.kernel.London;
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
    private static final String AMARA = "amara.okafor@londoncouncils.example";
    private static final String RETREAT = id("group:chief-executives-retreat");
    private static final String PORTAL = id("jobs-portal");
    private static final String TENANTS_QUESTION = id("question-tenants");
    private static final String AUCTION = id("pan-london-e-auction");
    private static final String FURNITURE = id("e-auction-furniture");
    private static final String FURNITURE_QUESTION = id("question-furniture");
    private static final String EVALUATION = id("e-auction-evaluation");
    private static final Pattern RESULT_LINK =
            Pattern.compile("<a class=\"govuk-link\" href=\"/(?:items|groups)/([0-9a-f-]{36})[^\"]*\">");
    private static final Pattern FIRST_RESULT =
            Pattern.compile("<a class=\"govuk-link\" href=\"/items/([0-9a-f-]{36})[^\"]*\">");

    @TempDir
    static Path data;

    private static RunningWorkspace workspace;

    @BeforeAll
    static void start() {
        workspace = RunningWorkspace.start(data, RunningWorkspace.Ports.free());
        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        await("the demo workspace to be projected")
                .atMost(Duration.ofSeconds(90))
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

    private static String memberId(String email) {
        return UUID.nameUUIDFromBytes(("demo-member:" + email).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    @Test
    void councilOnlyGroupsTakeRequestsThatFacilitatorsApproveOrDecline() {
        String gangs = workspace
                .jdbc()
                .queryForObject("select group_id from group_directory where theme_id = 'guns-and-gangs'", String.class);
        Browser mary = workspace.browser().signIn(MARY, PASSWORD);
        assertThat(mary.get("/groups/" + gangs).body()).contains("Ask to join this group");
        HttpResponse<String> asked = mary.post("/groups/" + gangs + "/members", Map.of());
        assertThat(location(asked)).endsWith("?done=asked");
        assertThat(mary.get(location(asked)).body())
                .contains("You have asked to join this group")
                .doesNotContain("Ask the group a question");
        assertThat(workspace
                        .jdbc()
                        .queryForObject(
                                "select count(*) from group_member where group_id = ? and member_id = ?",
                                Long.class,
                                gangs,
                                memberId(MARY)))
                .isZero();

        Browser amara = workspace.browser().signIn(AMARA, PASSWORD);
        String requests = amara.get("/groups/" + gangs).body();
        assertThat(requests).contains("Requests to join", "Cllr Mary Doyle", "Tom Hughes");
        HttpResponse<String> noReason =
                amara.post("/groups/" + gangs + "/requests/" + memberId(MARY) + "/decline", Map.of("reason", " "));
        assertThat(noReason.statusCode()).isEqualTo(200);
        assertThat(noReason.body())
                .contains("<a href=\"#decline-" + memberId(MARY)
                        + "-reason\">Enter why you are declining the request</a>");
        HttpResponse<String> declined = amara.post(
                "/groups/" + gangs + "/requests/" + memberId(MARY) + "/decline",
                Map.of("reason", "This group is for community safety leads."));
        assertThat(amara.get(location(declined)).body()).contains("Request declined");

        // Declined, Mary reads why and may ask again; a member who is not a facilitator cannot approve; the
        // facilitator can.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mary.get("/groups/" + gangs).body().contains("This group is for community safety leads."));
        assertThat(mary.get("/groups/" + gangs).body())
                .contains("A facilitator declined your request to join", "Ask to join this group");
        assertThat(mary.post("/groups/" + gangs + "/members", Map.of()).statusCode())
                .isEqualTo(302);
        mary.get("/groups/" + gangs);
        HttpResponse<String> notAllowed =
                mary.api("POST", "/api/groups/" + gangs + "/requests/" + memberId(MARY) + "/approval", null);
        assertThat(notAllowed.statusCode()).isEqualTo(422);
        assertThat(notAllowed.body()).contains("Only the group's facilitators can do this");
        amara.get("/groups/" + gangs);
        HttpResponse<String> approved =
                amara.api("POST", "/api/groups/" + gangs + "/requests/" + memberId(MARY) + "/approval", null);
        assertThat(approved.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mary.get("/groups/" + gangs).body().contains("Ask the group a question"));

        Browser ben = workspace.browser().signIn(BEN, PASSWORD);
        assertThat(ben.get("/groups/" + gangs).statusCode()).isEqualTo(404);
        assertThat(ben.get("/themes/guns-and-gangs").body()).doesNotContain("Routes out of gangs");
    }

    @Test
    void invitationOnlyGroupsAreSeenByMembersAndInviteesAndHaveSeveralFacilitators() {
        Browser mary = workspace.browser().signIn(MARY, PASSWORD);
        assertThat(mary.get("/groups/" + RETREAT).statusCode()).isEqualTo(404);
        assertThat(mary.get("/themes/behaviour-change").body()).doesNotContain("Chief executives&#39; retreat");

        Browser priya = workspace.browser().signIn(PRIYA, PASSWORD);
        String page = priya.get("/groups/" + RETREAT).body();
        assertThat(page).contains("Chief executives&#39; retreat", "Requests to join", "Invite someone", "Tom Hughes");
        assertThat(page.split("govuk-tag--blue\">Facilitator").length - 1)
                .as("two facilitators")
                .isEqualTo(2);
        HttpResponse<String> unknown =
                priya.post("/groups/" + RETREAT + "/invitations", Map.of("email", "nobody@nowhere.example"));
        assertThat(unknown.body()).contains("<a href=\"#invite-email\">There is no member with that email address");
        HttpResponse<String> invited = priya.post("/groups/" + RETREAT + "/invitations", Map.of("email", MARY));
        assertThat(priya.get(location(invited)).body()).contains("Invitation sent", "Invited, not yet joined");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> mary.get("/groups/" + RETREAT).body().contains("Accept the invitation"));
        HttpResponse<String> declined = mary.post("/groups/" + RETREAT + "/invitations/decline", Map.of());
        assertThat(mary.get(location(declined)).statusCode()).isEqualTo(302);
        assertThat(mary.get("/groups/" + RETREAT).statusCode()).isEqualTo(404);

        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        assertThat(tom.get("/groups/" + RETREAT).body()).contains("You have been invited to join this group");
        HttpResponse<String> accepted = tom.post("/groups/" + RETREAT + "/members", Map.of());
        assertThat(tom.get(location(accepted)).body())
                .contains("You have joined this group", "Ask the group a question");

        priya.get("/groups/" + RETREAT);
        HttpResponse<String> appointed =
                priya.post("/groups/" + RETREAT + "/facilitators", Map.of("memberId", memberId(TOM)));
        assertThat(priya.get(location(appointed)).body()).contains("They are now a facilitator of this group");
        assertThat(tom.get("/groups/" + RETREAT).body()).contains("Invite someone", "Leave this group");
    }

    @Test
    void aGroupsPageShowsTwentyQuestionsAtATimeNewestFirstWithOlderOnesOnLaterPages() {
        Browser amara = workspace.browser().signIn(AMARA, PASSWORD);
        String group = mintedGroupId(amara);
        amara.post(
                "/themes/behaviour-change/groups",
                Map.of("groupId", group, "name", "Many questions", "purpose", "", "visibility", "OPEN"));
        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        tom.get("/groups/" + group);
        assertThat(location(tom.post("/groups/" + group + "/members", Map.of())))
                .contains("done=joined");
        List<String> asked = new java.util.ArrayList<>();
        for (int i = 1; i <= 23; i++) {
            tom.get("/groups/" + group);
            String questionId = UUID.randomUUID().toString();
            HttpResponse<String> posted = tom.post(
                    "/groups/" + group + "/questions",
                    Map.of("questionId", questionId, "title", "Paged question number " + i, "body", ""));
            assertThat(location(posted)).contains("posted=" + questionId);
            asked.add(questionId);
        }
        // The last one posted, sent again (its form twice), as its poster sees it after the redirect: waited for,
        // listed
        // first, and asked once.
        tom.get("/groups/" + group);
        String first = tom.get(location(tom.post(
                        "/groups/" + group + "/questions",
                        Map.of("questionId", asked.get(22), "title", "Paged question number 23", "body", ""))))
                .body();
        assertThat(first)
                .contains("Your question has been posted")
                .doesNotContain("It will appear in the list shortly");
        assertThat(questionIds(first)).containsExactlyElementsOf(reversed(asked).subList(0, 20));
        assertThat(first).contains("href=\"/groups/" + group + "?page=2#questions-heading\"", "Older questions");
        assertThat(first).doesNotContain("Newer questions");

        String second = tom.get("/groups/" + group + "?page=2").body();
        assertThat(questionIds(second))
                .containsExactlyElementsOf(reversed(asked).subList(20, 23));
        assertThat(second)
                .contains("Newer questions", "Older questions, page 2")
                .doesNotContain("rel=\"next\"");
        assertThat(questionIds(tom.get("/groups/" + group + "/questions?page=2").body()))
                .containsExactlyElementsOf(reversed(asked).subList(20, 23));
        assertThat(tom.get("/groups/" + group + "?page=3").body()).contains("There are no older questions");
        assertThat(tom.get("/groups/" + group + "?page=two").statusCode()).isEqualTo(400);
    }

    /** The id a facilitator's new-group form on the behaviour-change theme was minted with. */
    private static String mintedGroupId(Browser facilitator) {
        String form = facilitator.get("/themes/behaviour-change/groups/new").body();
        Matcher minted =
                Pattern.compile("name=\"groupId\" value=\"([0-9a-f-]{36})\"").matcher(form);
        assertThat(minted.find()).isTrue();
        return minted.group(1);
    }

    private static List<String> questionIds(String page) {
        Matcher item = Pattern.compile("<li class=\"collaborative-card\"\\s+id=\"question-([0-9a-f-]{36})\"")
                .matcher(page);
        List<String> ids = new java.util.ArrayList<>();
        while (item.find()) {
            ids.add(item.group(1));
        }
        return ids;
    }

    private static List<String> reversed(List<String> list) {
        List<String> copy = new java.util.ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    @Test
    void facilitatorsFormGroupsAndMembersFollowGroupsAndItems() {
        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        assertThat(tom.get("/themes/behaviour-change/groups/new").statusCode()).isEqualTo(403);

        Browser amara = workspace.browser().signIn(AMARA, PASSWORD);
        assertThat(amara.get("/themes/behaviour-change").body()).contains("Form a working group");
        String form = amara.get("/themes/behaviour-change/groups/new").body();
        Matcher groupId =
                Pattern.compile("name=\"groupId\" value=\"([0-9a-f-]{36})\"").matcher(form);
        assertThat(groupId.find()).isTrue();
        HttpResponse<String> blankGroup = amara.post(
                "/themes/behaviour-change/groups", Map.of("groupId", groupId.group(1), "name", "", "purpose", ""));
        assertThat(blankGroup.body())
                .contains(
                        "<a href=\"#name\">Enter the name of the group</a>",
                        "<a href=\"#visibility\">Choose who can see and join the group</a>");
        HttpResponse<String> noVisibility = amara.post(
                "/themes/behaviour-change/groups",
                Map.of("groupId", groupId.group(1), "name", "Nudges that stick", "purpose", ""));
        assertThat(noVisibility.body())
                .contains(
                        "<a href=\"#visibility\">Choose who can see and join the group</a>",
                        "value=\"Nudges that stick\"");
        HttpResponse<String> formed = amara.post(
                "/themes/behaviour-change/groups",
                Map.of(
                        "groupId",
                        groupId.group(1),
                        "name",
                        "Nudges that stick",
                        "purpose",
                        "What keeps a change going.",
                        "visibility",
                        "OPEN"));
        assertThat(location(formed)).endsWith("/groups/" + groupId.group(1));
        assertThat(amara.get(location(formed)).body())
                .contains("Nudges that stick", "Open to all members", "Facilitator");
        amara.get("/themes/behaviour-change/groups/new");
        HttpResponse<String> formedAgain = amara.post(
                "/themes/behaviour-change/groups",
                Map.of("groupId", groupId.group(1), "name", "Nudges that stick", "purpose", "", "visibility", "OPEN"));
        assertThat(location(formedAgain)).isEqualTo(location(formed));
        assertThat(workspace.eventCount(groupId.group(1)))
                .as("a form sent twice forms one group")
                .isEqualTo(1);

        tom.get("/items/" + AUCTION);
        HttpResponse<String> follow =
                tom.post("/follows", Map.of("target", "ITEM", "targetId", AUCTION, "follow", "true"));
        assertThat(location(follow)).endsWith("/items/" + AUCTION + "?following=started");
        assertThat(tom.get(location(follow)).body())
                .contains("You are following this proposal", "Stop following this proposal");
        String buying = groupOf(tom, AUCTION);
        tom.get("/groups/" + buying);
        tom.post("/follows", Map.of("target", "GROUP", "targetId", buying, "follow", "true"));
        String following = tom.get("/following").body();
        assertThat(following).contains("A pan-London e-auction for IT hardware", "Buying better together");
        assertThat(tom.api("GET", "/api/follows", null).body()).contains(AUCTION, buying);
        tom.get("/items/" + AUCTION);
        tom.post("/follows", Map.of("target", "ITEM", "targetId", AUCTION, "follow", "false"));
        assertThat(tom.get("/following").body()).doesNotContain("A pan-London e-auction for IT hardware");

        String gangs = workspace
                .jdbc()
                .queryForObject("select group_id from group_directory where theme_id = 'guns-and-gangs'", String.class);
        Browser ben = workspace.browser().signIn(BEN, PASSWORD);
        ben.get("/themes");
        assertThat(ben.post("/follows", Map.of("target", "GROUP", "targetId", gangs, "follow", "true"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(ben.api("POST", "/api/follows", "{\"target\":\"GROUP\",\"targetId\":\"" + gangs + "\"}")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void theApiAnswersEndorsesChallengesAndCommentsWithProblemDetailsForBrokenRules() {
        Browser ben = workspace.browser().signIn(BEN, PASSWORD);
        ben.get("/themes");
        HttpResponse<String> notMember = ben.api("POST", "/api/items/" + PORTAL + "/endorsements", null);
        assertThat(notMember.statusCode()).isEqualTo(422);
        assertThat(notMember.body()).contains("Join this group before you endorse its proposals");
        HttpResponse<String> joined = ben.api("POST", "/api/groups/" + groupOf(ben, PORTAL) + "/members", null);
        assertThat(joined.statusCode()).isEqualTo(201);
        assertThat(joined.body()).contains("\"status\":\"joined\"");
        HttpResponse<String> endorsed = ben.api("POST", "/api/items/" + PORTAL + "/endorsements", null);
        assertThat(endorsed.statusCode()).isEqualTo(201);
        long events = workspace.eventCount(PORTAL);
        HttpResponse<String> twice = ben.api("POST", "/api/items/" + PORTAL + "/endorsements", null);
        assertThat(twice.statusCode()).isEqualTo(201);
        assertThat(workspace.eventCount(PORTAL))
                .as("endorsing twice records one endorsement")
                .isEqualTo(events);
        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        tom.get("/themes");
        // Tom, who drafted the proposal, is told of the endorsement even when he follows neither it nor its group.
        tom.api("DELETE", "/api/follows/GROUP/" + groupOf(tom, PORTAL), null);
        tom.api("DELETE", "/api/follows/ITEM/" + PORTAL, null);
        await("the author to be told of the endorsement")
                .atMost(Duration.ofSeconds(30))
                .until(() -> java.util.regex.Pattern.compile("Jobs Portal[^<]*</a>\\s*<br><span>Endorsed in ‘")
                        .matcher(tom.get("/notifications").body())
                        .find());
        HttpResponse<String> own = tom.api("POST", "/api/items/" + PORTAL + "/endorsements", null);
        assertThat(own.statusCode()).isEqualTo(422);
        assertThat(own.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(own.body()).contains("You cannot endorse your own proposal");

        HttpResponse<String> noReason = ben.api("POST", "/api/items/" + PORTAL + "/challenges", "{\"text\":\" \"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("\"field\":\"text\"");
        // One stance per person (ADR 29): Ben endorsed it, so his challenge is refused; Amara, who joins, challenges.
        HttpResponse<String> endorserChallenges = ben.api(
                "POST",
                "/api/items/" + PORTAL + "/challenges",
                "{\"text\":\"Most vacancies are filled before they are advertised.\"}");
        assertThat(endorserChallenges.statusCode()).isEqualTo(422);
        assertThat(endorserChallenges.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/problem+json");
        assertThat(endorserChallenges.body())
                .contains("You have endorsed this proposal, so you cannot also challenge it");
        Browser amara = workspace.browser().signIn(AMARA, PASSWORD);
        amara.get("/themes");
        amara.api("POST", "/api/groups/" + groupOf(amara, PORTAL) + "/members", null);
        HttpResponse<String> challenged = amara.api(
                "POST",
                "/api/items/" + PORTAL + "/challenges",
                "{\"text\":\"Most vacancies are filled before they are advertised.\"}");
        assertThat(challenged.statusCode()).isEqualTo(201);

        HttpResponse<String> question = ben.api("POST", "/api/items/" + TENANTS_QUESTION + "/endorsements", null);
        assertThat(question.statusCode()).isEqualTo(422);
        assertThat(question.body()).contains("Questions are answered, not endorsed");

        String commentId = UUID.randomUUID().toString();
        String comment = "{\"id\":\"" + commentId + "\",\"text\":\"The GLA could list its own jobs too.\"}";
        assertThat(ben.api("POST", "/api/items/" + PORTAL + "/comments", comment)
                        .statusCode())
                .isEqualTo(201);
        assertThat(ben.api("POST", "/api/items/" + PORTAL + "/comments", comment)
                        .statusCode())
                .as("the same comment sent twice")
                .isEqualTo(201);
        assertThat(workspace.eventCount(commentId)).isEqualTo(1);

        HttpResponse<String> answered = ben.api(
                "POST",
                "/api/items/" + TENANTS_QUESTION + "/answers",
                "{\"text\":\"The GLA's jobs brokerage helped 300 tenants.\"}");
        assertThat(answered.statusCode()).isEqualTo(422);
        assertThat(answered.body()).contains("This question is closed, so it takes no more answers");
        HttpResponse<String> badStatus = ben.api("POST", "/api/items/" + PORTAL + "/status", "{\"to\":\"SHELVED\"}");
        assertThat(badStatus.statusCode()).isEqualTo(400);
        HttpResponse<String> notFacilitator = ben.api(
                "POST",
                "/api/items/" + PORTAL + "/status",
                "{\"to\":\"DECIDED\",\"outcome\":\"TAKEN_FORWARD\",\"note\":\"Yes\"}");
        assertThat(notFacilitator.statusCode()).isEqualTo(422);

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            String item = ben.api("GET", "/api/items/" + PORTAL, null).body();
            return item.contains("Most vacancies are filled") && item.contains("The GLA could list");
        });
        assertThat(workspace.browser().api("GET", "/api/items/" + PORTAL, null).statusCode())
                .isEqualTo(401);
    }

    private static String id(String name) {
        return UUID.nameUUIDFromBytes(("demo-item:" + name).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    @Test
    void searchingAuctionFindsTheEAuctionWithItsHistoryAndEvidenceProfile() {
        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        String results = tom.get("/search?q=auction").body();
        assertThat(results)
                .contains(
                        "A pan-London e-auction for IT hardware",
                        "IT hardware e-auction saved ten councils about £400,000 each");
        Matcher first = FIRST_RESULT.matcher(results);
        assertThat(first.find()).isTrue();
        assertThat(results.substring(first.end(), results.indexOf("</a>", first.end()))
                        .toLowerCase())
                .as("a title match ranks first")
                .contains("auction");
        java.util.List<String> ranked =
                RESULT_LINK.matcher(results).results().map(m -> m.group(1)).toList();
        assertThat(ranked.indexOf(EVALUATION))
                .as("the £400,000 evidence is among the first three: %s", ranked)
                .isBetween(0, 2);
        assertThat(results)
                .as("snippets are plain text")
                .contains("Run the e-auction room for every London council")
                .doesNotContain("**every**", "**e-auction room**");

        String page = tom.get("/items/" + AUCTION).body();
        assertThat(page)
                .contains(
                        "A pan-London e-auction for IT hardware",
                        "Taken forward",
                        "Evidence profile",
                        "Best level: <strong>Level 3</strong>",
                        "2 items of evidence",
                        "drafted the proposal",
                        "opened it for challenge",
                        "challenged",
                        "recorded the group&#39;s endorsement",
                        "decided to take it forward",
                        "The audited savings are cashable");
        assertThat(page).contains("<strong>every</strong>").as("Markdown rendered");
    }

    @Test
    void anItemShowsAsItStoodOnAnEarlierDate() {
        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        // The demo's history starts 56 days ago; the e-auction was opened for challenge on day 14 and decided on day
        // 28.
        LocalDate then = Instant.now()
                .minus(Duration.ofDays(56 - 15))
                .atZone(London.ZONE)
                .toLocalDate();
        String page = tom.get("/items/" + AUCTION + "?day=" + then.getDayOfMonth() + "&month=" + then.getMonthValue()
                        + "&year=" + then.getYear())
                .body();
        assertThat(page)
                .contains(
                        "as it stood at the end of",
                        "Open for challenge",
                        "1 item of evidence",
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

        HttpResponse<String> empty = priya.post(
                "/items/" + FURNITURE + "/challenges",
                Map.of("challengeId", UUID.randomUUID().toString(), "reason", " "));
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("govuk-error-summary", "<a href=\"#reason\">Enter why you challenge it</a>");

        String challengeId = UUID.randomUUID().toString();
        HttpResponse<String> challenged = priya.post(
                "/items/" + FURNITURE + "/challenges",
                Map.of(
                        "challengeId",
                        challengeId,
                        "reason",
                        "Fleet vehicles need whole-life costing, not lowest price."));
        assertThat(priya.get(location(challenged)).body())
                .contains(
                        "Your challenge has been recorded",
                        "Fleet vehicles need whole-life costing",
                        "You have challenged this, so you cannot also endorse it.")
                .doesNotContain("id=\"endorse\"");
        // The same form sent twice records one challenge.
        priya.post(
                "/items/" + FURNITURE + "/challenges",
                Map.of(
                        "challengeId",
                        challengeId,
                        "reason",
                        "Fleet vehicles need whole-life costing, not lowest price."));
        // One stance per person (ADR 29): having challenged it, she cannot also endorse it.
        HttpResponse<String> endorsed = priya.post("/items/" + FURNITURE + "/endorsements", Map.of());
        assertThat(endorsed.statusCode()).isEqualTo(200);
        assertThat(endorsed.body())
                .contains(
                        "govuk-error-summary",
                        "You have challenged this proposal, so you cannot also endorse it: say in a comment what changed"
                                + " your mind");
        assertThat(workspace.eventCount(FURNITURE)).isEqualTo(4);

        // And the other way round: Mary endorses it, and is no longer offered a challenge.
        Browser mary = workspace.browser().signIn(MARY, PASSWORD);
        mary.get("/items/" + FURNITURE);
        HttpResponse<String> maryEndorsed = mary.post("/items/" + FURNITURE + "/endorsements", Map.of());
        assertThat(mary.get(location(maryEndorsed)).body())
                .contains("You have endorsed this", "Mary Doyle, Lewisham")
                .doesNotContain("Challenge this");
        HttpResponse<String> maryChallenges = mary.post(
                "/items/" + FURNITURE + "/challenges",
                Map.of("challengeId", UUID.randomUUID().toString(), "reason", "Second thoughts"));
        assertThat(maryChallenges.body())
                .contains("You have endorsed this proposal, so you cannot also challenge it: raise your concern in a"
                        + " comment");

        HttpResponse<String> hostile = priya.post(
                "/items/" + FURNITURE + "/comments",
                Map.of(
                        "commentId",
                        UUID.randomUUID().toString(),
                        "comment",
                        "<script>alert(1)</script>\n\n[click](javascript:alert(2)) <img src=x onerror=alert(3)>\n\n"
                                + "<div hx-get=\"/sign-out\">x</div>\n\n**fine** [ok](https://example.org/ok)"));
        String page = priya.get(location(hostile)).body();
        assertThat(page)
                .contains("Your comment has been posted", "<strong>fine</strong>", "&lt;script&gt;")
                .containsPattern("<a href=\"https://example.org/ok\" rel=\"(?=[a-z ]*nofollow)(?=[a-z ]*noopener)"
                        + "(?=[a-z ]*noreferrer)[a-z ]+\">ok</a>")
                .doesNotContain("<script>alert", "href=\"javascript", "<img", "<div hx-get");

        Browser croydonAuthorOfItsOwn = workspace.browser().signIn(TOM, PASSWORD);
        croydonAuthorOfItsOwn.get("/items/" + AUCTION);
        HttpResponse<String> own = croydonAuthorOfItsOwn.post("/items/" + AUCTION + "/endorsements", Map.of());
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("You cannot endorse your own proposal");
        HttpResponse<String> decided = croydonAuthorOfItsOwn.post(
                "/items/" + AUCTION + "/challenges",
                Map.of("challengeId", UUID.randomUUID().toString(), "reason", "Too late"));
        assertThat(decided.body()).contains("You cannot challenge your own proposal");
    }

    @Test
    void membersSubmitEvidenceMakeProposalsAndAnswerQuestions() {
        Browser mary = workspace.browser().signIn(MARY, PASSWORD);
        String group = groupOf(mary, AUCTION);
        String form = mary.get("/groups/" + group + "/evidence/new").body();
        assertThat(form)
                .contains(
                        "You can describe what you do and why it matters",
                        "There are manuals and systems so it can be replicated with consistent impact");

        // An empty form: every field's error at once, before any command.
        String blankId = UUID.randomUUID().toString();
        HttpResponse<String> blank = mary.post(
                "/groups/" + group + "/evidence",
                Map.of("evidenceId", blankId, "title", "", "summary", "", "source", ""));
        assertThat(blank.statusCode()).isEqualTo(200);
        assertThat(blank.body())
                .contains(
                        "<a href=\"#title\">Enter what the evidence shows</a>",
                        "<a href=\"#source\">Enter the source of the evidence</a>",
                        "<a href=\"#kind\">Choose the kind of evidence</a>",
                        "<a href=\"#level\">Choose how strong the evidence is</a>",
                        "You can enter up to 150 characters",
                        "value=\"" + blankId + "\"");
        assertThat(workspace.eventCount(blankId)).isZero();

        HttpResponse<String> missing = mary.post(
                "/groups/" + group + "/evidence",
                Map.of(
                        "evidenceId",
                        UUID.randomUUID().toString(),
                        "title",
                        "Lewisham's laptop refresh",
                        "summary",
                        "",
                        "source",
                        "Lewisham IT report",
                        "kind",
                        "DATA"));
        assertThat(missing.statusCode()).isEqualTo(200);
        assertThat(missing.body())
                .contains(
                        "<a href=\"#level\">Choose how strong the evidence is</a>",
                        "value=\"Lewisham&#39;s laptop refresh\"");

        String evidenceId = UUID.randomUUID().toString();
        HttpResponse<String> submitted = mary.post(
                "/groups/" + group + "/evidence",
                Map.of(
                        "evidenceId",
                        evidenceId,
                        "title",
                        "Lewisham's laptop refresh",
                        "summary",
                        "Bought through the auction.",
                        "source",
                        "https://example.org/lewisham",
                        "kind",
                        "DATA",
                        "level",
                        "2"));
        assertThat(submitted.statusCode()).isEqualTo(302);
        assertThat(mary.get(location(submitted)).body())
                .contains("Your evidence has been submitted", "Level 2", "href=\"https://example.org/lewisham\"");
        // Back, and save again: the same form (its id) leads to the same page, and records nothing new.
        HttpResponse<String> again = mary.post(
                "/groups/" + group + "/evidence",
                Map.of(
                        "evidenceId",
                        evidenceId,
                        "title",
                        "Lewisham's laptop refresh",
                        "summary",
                        "Bought through the auction.",
                        "source",
                        "https://example.org/lewisham",
                        "kind",
                        "DATA",
                        "level",
                        "2"));
        assertThat(location(again)).isEqualTo(location(submitted));
        assertThat(workspace.eventCount(evidenceId))
                .as("evidence sent twice is submitted once")
                .isEqualTo(1);

        HttpResponse<String> unchanged = mary.post(
                "/items/" + evidenceId + "/revision",
                Map.of(
                        "title",
                        "Lewisham's laptop refresh",
                        "summary",
                        "Bought through the auction.",
                        "source",
                        "https://example.org/lewisham",
                        "kind",
                        "DATA",
                        "level",
                        "2"));
        assertThat(unchanged.body()).contains("Change something before you save a revision");
        HttpResponse<String> revised = mary.post(
                "/items/" + evidenceId + "/revision",
                Map.of(
                        "title",
                        "Lewisham's laptop refresh",
                        "summary",
                        "Bought through the auction, audited.",
                        "source",
                        "https://example.org/lewisham",
                        "kind",
                        "DATA",
                        "level",
                        "3"));
        assertThat(mary.get(location(revised)).body())
                .contains("Your evidence has been revised", "Level 3", "revised the evidence");

        String proposalId = UUID.randomUUID().toString();
        HttpResponse<String> blankProposal = mary.post(
                "/groups/" + group + "/proposals", Map.of("proposalId", proposalId, "title", "", "summary", ""));
        assertThat(blankProposal.body())
                .contains(
                        "<a href=\"#title\">Enter what you propose</a>",
                        "<a href=\"#summary\">Enter a summary of the proposal</a>",
                        "<a href=\"#form\">Choose what kind of change it is</a>",
                        "value=\"" + proposalId + "\"");
        Map<String, String> proposal = Map.of(
                "proposalId",
                proposalId,
                "title",
                "Auction toner too",
                "summary",
                "Printer consumables next.",
                "form",
                "PROCESS_IMPROVEMENT");
        HttpResponse<String> drafted = mary.post("/groups/" + group + "/proposals", proposal);
        assertThat(mary.get(location(drafted)).body()).contains("Your proposal has been saved as a draft", "Draft");
        HttpResponse<String> draftedAgain = mary.post("/groups/" + group + "/proposals", proposal);
        assertThat(location(draftedAgain)).isEqualTo(location(drafted));
        assertThat(workspace.eventCount(proposalId))
                .as("a proposal sent twice is one draft")
                .isEqualTo(1);
        mary.post("/items/" + proposalId + "/links", Map.of("evidenceId", evidenceId));
        HttpResponse<String> opened = mary.post("/items/" + proposalId + "/status", Map.of("to", "OPEN_FOR_CHALLENGE"));
        assertThat(mary.get(location(opened)).body())
                .contains("Open for challenge", "Best level: <strong>Level 3</strong>");

        HttpResponse<String> answered = mary.post(
                "/items/" + FURNITURE_QUESTION + "/answers",
                Map.of("answerId", UUID.randomUUID().toString(), "answer", "Lewisham used a framework instead."));
        assertThat(mary.get(location(answered)).body())
                .contains("Your answer has been posted", "Answers (3)", "Accepted answer");
    }

    @Test
    void searchHonoursGroupVisibilityFiltersAndPhrases() {
        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        String councilOnly = workspace
                .jdbc()
                .queryForObject(
                        "select group_id from group_directory where visibility = 'COUNCIL_ONLY' order by group_id limit 1",
                        String.class);
        tom.get("/groups/" + councilOnly);
        tom.post("/groups/" + councilOnly + "/members", Map.of());
        // A council-only group: Tom asks, and a facilitator approves.
        Browser amara = workspace.browser().signIn(AMARA, PASSWORD);
        amara.get("/groups/" + councilOnly);
        amara.post("/groups/" + councilOnly + "/requests/" + memberId(TOM) + "/approve", Map.of());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> tom.get("/groups/" + councilOnly).body().contains("Ask the group a question"));
        String questionId = UUID.randomUUID().toString();
        tom.post(
                "/groups/" + councilOnly + "/questions",
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
        assertThat(tom.get("/search?q=%22jobs+portal%22").body())
                .contains("Put 90% of council jobs on the London Jobs Portal");
        assertThat(tom.get("/search?q=%22portal+jobs%22").body()).contains("No results");
        assertThat(tom.get("/search?q=auctions&organisation=E09000008").body())
                .contains("Extend the e-auction to office furniture and vehicles")
                .doesNotContain("A pan-London e-auction for IT hardware");
        assertThat(tom.get("/search?q=cashable&type=comment").body()).contains("Comment on:");
    }

    /**
     * A facilitator renames a group and search finds it by its new name alone; archived, it refuses a member's question
     * with a GOV.UK error summary and its page says why; an administrator reopens it and the member asks again.
     */
    @Test
    void facilitatorsRenameAndArchiveTheirGroupsAndAnAdministratorReopensThem() {
        Browser amara = workspace.browser().signIn(AMARA, PASSWORD);
        String group = mintedGroupId(amara);
        assertThat(location(amara.post(
                        "/themes/behaviour-change/groups",
                        Map.of(
                                "groupId",
                                group,
                                "name",
                                "Kerbside caddies",
                                "purpose",
                                "Food waste caddies.",
                                "visibility",
                                "OPEN"))))
                .endsWith("/groups/" + group);
        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        await("the group's page")
                .atMost(Duration.ofSeconds(30))
                .until(() -> tom.get("/groups/" + group).statusCode() == 200);
        tom.post("/groups/" + group + "/members", Map.of());
        await("Tom is a member")
                .atMost(Duration.ofSeconds(30))
                .until(() -> tom.get("/groups/" + group).body().contains("id=\"question-form\""));

        // Renaming: every error at once, then the new name everywhere, search included.
        assertThat(tom.get("/groups/" + group + "/edit").statusCode())
                .as("a member who does not look after the group")
                .isEqualTo(404);
        amara.get("/groups/" + group + "/edit");
        HttpResponse<String> blank =
                amara.post("/groups/" + group + "/edit", Map.of("name", "", "purpose", "x".repeat(2_001)));
        assertThat(blank.body())
                .contains(
                        "<a href=\"#name\">Enter the name of the group</a>",
                        "<a href=\"#purpose\">What the group is for must be 2,000 characters or fewer</a>");
        HttpResponse<String> renamed = amara.post(
                "/groups/" + group + "/edit",
                Map.of("name", "Quillwort compost club", "purpose", "Compost bins for flats."));
        assertThat(location(renamed)).endsWith("/groups/" + group + "?done=renamed");
        assertThat(amara.get(location(renamed)).body()).contains("Quillwort compost club", "Compost bins for flats.");
        await("search finds the group by its new name")
                .atMost(Duration.ofSeconds(30))
                .until(() -> tom.get("/search?q=quillwort").body().contains("/groups/" + group));
        assertThat(tom.api("GET", "/api/search?q=kerbside&type=group", null).body())
                .as("the old name is no longer found")
                .doesNotContain(group);
        assertThat(tom.get("/themes/behaviour-change").body()).contains("Quillwort compost club");

        // Archiving: a reason is required; then the group takes nothing new and says why.
        amara.get("/groups/" + group + "/edit");
        assertThat(amara.post("/groups/" + group + "/archive", Map.of("reason", ""))
                        .body())
                .contains("<a href=\"#archive-reason\">Enter why the group is being archived</a>");
        HttpResponse<String> archived =
                amara.post("/groups/" + group + "/archive", Map.of("reason", "Merged into the waste programme board."));
        assertThat(location(archived)).endsWith("/groups/" + group + "?done=archived");
        await("the page says the group is archived")
                .atMost(Duration.ofSeconds(30))
                .until(() -> tom.get("/groups/" + group).body().contains("This group was archived on"));
        String page = tom.get("/groups/" + group).body();
        assertThat(page).contains("Merged into the waste programme board.").doesNotContain("id=\"question-form\"");
        HttpResponse<String> refused = tom.post(
                "/groups/" + group + "/questions",
                Map.of("questionId", UUID.randomUUID().toString(), "title", "Who collects on Sundays?", "body", ""));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body())
                .contains(
                        "There is a problem",
                        "<a href=\"#archived\">This group is archived, so you cannot post a question to it</a>");
        HttpResponse<String> apiRefused =
                tom.api("POST", "/api/groups/" + group + "/questions", "{\"title\":\"Who collects on Sundays?\"}");
        assertThat(apiRefused.statusCode()).isEqualTo(422);
        assertThat(apiRefused.body()).contains("This group is archived, so you cannot post a question to it");
        Browser mary = workspace.browser().signIn(MARY, PASSWORD);
        mary.get("/groups/" + group);
        assertThat(mary.post("/groups/" + group + "/members", Map.of()).body())
                .contains("This group is archived, so you cannot join it");
        assertThat(tom.get("/themes/behaviour-change").body()).contains("Archived working groups");

        // Reopening is for administrators.
        amara.get("/groups/" + group);
        assertThat(amara.post("/groups/" + group + "/reopen", Map.of()).body())
                .contains("Only administrators can reopen an archived group");
        Browser sam = workspace.browser().signIn("sam.lee@londoncouncils.example", PASSWORD);
        assertThat(sam.get("/groups/" + group).body()).contains("id=\"reopen\"");
        assertThat(location(sam.post("/groups/" + group + "/reopen", Map.of())))
                .endsWith("/groups/" + group + "?done=reopened");
        await("the group is open again")
                .atMost(Duration.ofSeconds(30))
                .until(() -> tom.get("/groups/" + group).body().contains("id=\"question-form\""));
        HttpResponse<String> asked =
                tom.api("POST", "/api/groups/" + group + "/questions", "{\"title\":\"Who collects on Sundays?\"}");
        assertThat(asked.statusCode()).isEqualTo(201);
    }

    @Test
    void workingGroupsAreFoundByNameAndPurposeBySomeoneWhoMaySeeThem() {
        String telecare = groupId("older-people-living-independently", "Staying at home with telecare");
        String gangs = groupId("guns-and-gangs", "Routes out of gangs");
        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        String results = tom.get("/search?q=telecare").body();
        assertThat(results)
                .contains(
                        "<a class=\"govuk-link\" href=\"/groups/" + telecare + "\">Staying at home with "
                                + "telecare</a>",
                        "Working group",
                        "Telecare, reablement and keeping people well at home.");
        assertThat(tom.get("/search?q=telecare&type=group").body())
                .contains("/groups/" + telecare)
                .doesNotContain("A shared telecare call centre for south London")
                .contains("<option value=\"group\" selected=\"selected\">Working groups</option>");
        assertThat(tom.get("/search?q=%22buying+better+together%22").body()).contains("Buying better together");
        HttpResponse<String> api = tom.api("GET", "/api/search?q=telecare&type=group", null);
        assertThat(api.body()).contains("\"type\":\"group\"", "\"path\":\"/groups/" + telecare + "\"");

        // A council-only group is found by councils, never by partners; an invitation-only one by those invited.
        assertThat(tom.get("/search?q=gangs").body()).contains("/groups/" + gangs);
        Browser ben = workspace.browser().signIn(BEN, PASSWORD);
        assertThat(ben.get("/search?q=gangs").body()).doesNotContain("/groups/" + gangs, "Routes out of gangs");
        assertThat(ben.api("GET", "/api/search?q=gangs&type=group", null).body())
                .isEqualTo("[]");
        assertThat(tom.get("/search?q=retreat").body()).as("Tom is invited").contains("/groups/" + RETREAT);
        assertThat(ben.get("/search?q=retreat").body()).doesNotContain("/groups/" + RETREAT);
    }

    private static String groupId(String themeId, String name) {
        return UUID.nameUUIDFromBytes(("demo-group:" + themeId + ":" + name).getBytes(StandardCharsets.UTF_8))
                .toString();
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
        assertThat(levelThree)
                .contains("Audited e-auction savings, 2009 to 2010")
                .doesNotContain("IT hardware e-auction saved ten councils about £400,000 each");

        HttpResponse<String> csv = tom.get("/evidence.csv?theme=climate-change-and-carbon-reduction");
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("evidence-library.csv");
        assertThat(csv.body())
                .contains(
                        "\"Title\",\"Theme\",\"Group\",\"Kind\",\"Level\"",
                        "\"IT hardware e-auction saved ten councils about £400,000 each\"",
                        "\"Evaluation\",\"2\"");

        String portfolio =
                tom.get("/themes/climate-change-and-carbon-reduction").body();
        assertThat(portfolio)
                .contains(
                        "Open questions",
                        "Has anyone run an e-auction for office furniture?",
                        "Proposals by stage",
                        "Recent activity",
                        "Buying better together");
        assertThat(portfolio.substring(portfolio.indexOf("theme-evidence-profile")))
                .contains("Level 3");

        String pipeline = tom.get("/proposals").body();
        assertThat(pipeline)
                .contains(
                        "Taken forward",
                        "A pan-London e-auction for IT hardware",
                        "Not taken forward",
                        "Spin reablement out as a social enterprise",
                        "Withdrawn",
                        "A recycling reward card");

        String group = groupOf(tom, AUCTION);
        String items = tom.get("/groups/" + group + "/items.csv").body();
        assertThat(items)
                .contains(
                        "\"Proposal\",\"A pan-London e-auction for IT hardware\",\"Taken forward\"",
                        "\"Question\",\"Has anyone run an e-auction for office furniture?\",\"Open\"");

        String councilOnly = workspace
                .jdbc()
                .queryForObject(
                        "select group_id from group_directory where visibility = 'COUNCIL_ONLY' order by group_id limit 1",
                        String.class);
        Browser ben = workspace.browser().signIn(BEN, PASSWORD);
        assertThat(ben.get("/groups/" + councilOnly + "/items.csv").statusCode())
                .isEqualTo(404);
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

        HttpResponse<String> created =
                amara.post("/themes", Map.of("title", "Digital inclusion", "summary", "Getting residents online."));
        assertThat(created.headers().firstValue("Location").orElseThrow())
                .endsWith("/themes/digital-inclusion?saved=created");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> amara.get("/themes").body().contains("Digital inclusion"));
        HttpResponse<String> twice = amara.post("/themes", Map.of("title", "Digital inclusion", "summary", ""));
        assertThat(twice.body()).contains("There is already a theme called Digital inclusion");

        amara.get("/themes/digital-inclusion/edit");
        amara.post(
                "/themes/digital-inclusion", Map.of("title", "Digital inclusion", "summary", "Skills, kit and data."));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> amara.get("/themes/digital-inclusion").body().contains("Skills, kit and data."));
        HttpResponse<String> archived = amara.post("/themes/digital-inclusion/archive", Map.of());
        assertThat(archived.statusCode()).isEqualTo(302);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            String themes = amara.get("/themes").body();
            return themes.contains("Archived themes")
                    && themes.indexOf("Digital inclusion") > themes.indexOf("Archived themes");
        });
        tom.get("/themes");
        HttpResponse<String> refused = tom.post("/themes/behaviour-change/archive", Map.of());
        assertThat(refused.body()).contains("Only facilitators and administrators can change themes");
    }

    @Test
    void theMemberDirectoryAndOrganisationProfilesShowWhoTakesPart() {
        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        String directory = tom.get("/members").body();
        assertThat(directory)
                .contains("Amara Okafor", "Programme lead, capital ambition", "Priya Shah", "Chief executive");
        assertThat(Browser.mainContent(
                        tom.get("/members?organisation=E09000012").body()))
                .contains("Priya Shah")
                .doesNotContain("Tom Hughes");

        String hackney = tom.get("/organisations/E09000012").body();
        assertThat(hackney)
                .contains(
                        "Hackney",
                        "Priya Shah",
                        "Buying better together",
                        "IT hardware e-auction saved ten councils about £400,000 each");
        assertThat(tom.get("/organisations/no-such-council").statusCode()).isEqualTo(404);
    }

    private static String groupOf(Browser browser, String itemId) {
        Matcher group = Pattern.compile("href=\"/groups/([0-9a-f-]{36})\"")
                .matcher(browser.get("/items/" + itemId).body());
        assertThat(group.find()).isTrue();
        return group.group(1);
    }

    private static String location(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.substring(
                location.indexOf("/items/") >= 0 ? location.indexOf("/items/") : location.indexOf('/', 8));
    }
}
