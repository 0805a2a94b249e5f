package org.collaborative.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.collaborative.app.proposal.DraftProposalFromBoard;
import org.collaborative.app.support.BoardRetreat;
import org.collaborative.app.support.Browser;
import org.collaborative.app.support.RunningWorkspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session's live board on the embedded stack: a card posted through one web instance reaches a viewer connected to
 * another (the view-change notice through Kafka, ADR 6), the vote stays secret until it is revealed, and a card on a
 * closed board is refused with the GOV.UK error summary keeping what was typed, and a cluster becomes one draft proposal
 * that it links to, that links back to it, and that an action agreed from the cluster feeds; through the JSON API too,
 * with a problem detail for each refusal.
 */
class BoardIT {

    static final String PASSWORD = PipelineIT.PASSWORD;

    @TempDir
    static Path data;

    static RunningWorkspace workspace;
    static BoardRetreat retreat;

    @BeforeAll
    static void start() {
        workspace = RunningWorkspace.start(data, RunningWorkspace.Ports.free());
        retreat = BoardRetreat.setUp(
                workspace, List.of(PipelineIT.TOM, PipelineIT.PRIYA), List.of(PipelineIT.TOM, PipelineIT.PRIYA));
        Browser amara = workspace.browser().signIn(BoardRetreat.AMARA, PASSWORD);
        amara.get(retreat.board());
        assertThat(amara.post(retreat.board() + "/open", Map.of()).statusCode()).isEqualTo(302);
        await("the board's opening to be projected")
                .atMost(Duration.ofSeconds(60))
                .until(() -> amara.get(retreat.board()).body().contains("Voting has not opened yet"));
    }

    @AfterAll
    static void stop() {
        if (workspace != null) {
            workspace.close();
        }
    }

    @Test
    void aCardPostedThroughOneInstanceReachesAViewerConnectedToAnother() throws Exception {
        String otherInstance = workspace.startAnotherWebInstance();
        Browser priya = Browser.at(otherInstance).signIn(PipelineIT.PRIYA, PASSWORD);
        String seen = priya.get(retreat.board()).body();
        assertThat(seen).doesNotContain("Share one temporary accommodation team");
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        var stream = priya.stream(retreat.board() + "/live").thenAccept(response -> {
            assertThat(response.statusCode()).isEqualTo(200);
            response.body().forEach(lines::add);
        });
        assertThat(lines.poll(20, TimeUnit.SECONDS)).isEqualTo(":connected");

        Browser tom = workspace.browser().signIn(PipelineIT.TOM, PASSWORD);
        tom.get(retreat.board());
        HttpResponse<String> posted = tom.post(
                retreat.board() + "/cards",
                Map.of(
                        "cardId", UUID.randomUUID().toString(),
                        "kind", "IDEA",
                        "text", "Share one temporary accommodation team"));
        assertThat(posted.statusCode()).isEqualTo(302);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String line;
        do {
            line = lines.poll(1, TimeUnit.SECONDS);
            assertThat(System.nanoTime())
                    .as("a live notice for the board within 30 s")
                    .isLessThan(deadline);
        } while (!"event:board-changed".equals(line));
        String refreshed = priya.get(retreat.board() + "/content?seenOpened=true&seenCards=0", "HX-Request", "true")
                .body();
        assertThat(refreshed)
                .contains("Share one temporary accommodation team", "id=\"board-status\"", "1 new card.")
                .doesNotContain("<html");
        stream.cancel(true);
    }

    @Test
    void theVoteIsSecretUntilRevealedAndACardOnAClosedBoardIsRefused() {
        BoardRetreat session = BoardRetreat.setUp(
                workspace, List.of(PipelineIT.TOM, PipelineIT.PRIYA), List.of(PipelineIT.TOM, PipelineIT.PRIYA));
        String api = "/api" + session.board();
        Browser amara = workspace.browser().signIn(BoardRetreat.AMARA, PASSWORD);
        Browser tom = workspace.browser().signIn(PipelineIT.TOM, PASSWORD);
        Browser priya = workspace.browser().signIn(PipelineIT.PRIYA, PASSWORD);
        // The API takes the CSRF token of the page a script runs on: each reads the retreat's page first.
        for (Browser browser : List.of(amara, tom, priya)) {
            browser.get("/retreats/" + session.retreatId());
        }
        assertThat(amara.api("POST", api, null).statusCode()).isEqualTo(204);
        String card = UUID.randomUUID().toString();
        assertThat(tom.api(
                                "POST",
                                api + "/cards",
                                "{\"cardId\":\"" + card + "\",\"kind\":\"IDEA\",\"text\":\"Pool agency staff\"}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(amara.api("POST", api + "/voting", "{\"dotsPerPerson\":2}").statusCode())
                .isEqualTo(204);
        assertThat(tom.api("POST", api + "/cards/" + card + "/dots", null).statusCode())
                .isEqualTo(204);
        assertThat(tom.api("POST", api + "/cards/" + card + "/dots", null).statusCode())
                .isEqualTo(204);
        HttpResponse<String> beyond = tom.api("POST", api + "/cards/" + card + "/dots", null);
        assertThat(beyond.statusCode()).isEqualTo(422);
        assertThat(beyond.body()).contains("You have used all your 2 dots");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> tom.api("GET", api, null).body().contains("\"yourDots\":2"));
        assertThat(priya.api("GET", api, null).body()).contains("\"yourDots\":0", "\"dots\":null");

        assertThat(amara.api("POST", api + "/voting/close", null).statusCode()).isEqualTo(204);
        HttpResponse<String> late = priya.api("POST", api + "/cards/" + card + "/dots", null);
        assertThat(late.statusCode()).isEqualTo(422);
        assertThat(late.body()).contains("Voting has closed");
        assertThat(amara.api("POST", api + "/results", null).statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> priya.api("GET", api, null).body().contains("\"dots\":2"));

        assertThat(amara.api("POST", api + "/close", null).statusCode()).isEqualTo(204);
        priya.get(session.board());
        HttpResponse<String> refused = priya.post(
                session.board() + "/cards",
                Map.of("cardId", UUID.randomUUID().toString(), "kind", "QUESTION", "text", "One more thought?"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body())
                .contains(
                        "<title>Error: ",
                        "There is a problem",
                        "This board is closed, so it takes no more cards",
                        "One more thought?");
    }

    @Test
    void aClusterBecomesOneDraftProposalThatLinksBackAndThatItsActionsFeed() {
        Map<String, Object> group = workspace
                .jdbc()
                .queryForMap(
                        "select group_id, theme_id from group_directory where not archived order by group_id limit 1");
        String groupId = (String) group.get("group_id");
        BoardRetreat session = BoardRetreat.setUp(
                workspace, List.of(PipelineIT.TOM), List.of(PipelineIT.TOM), List.of((String) group.get("theme_id")));
        String api = "/api" + session.board();
        Browser amara = workspace.browser().signIn(BoardRetreat.AMARA, PASSWORD);
        Browser tom = workspace.browser().signIn(PipelineIT.TOM, PASSWORD);
        for (Browser browser : List.of(amara, tom)) {
            browser.get("/retreats/" + session.retreatId());
        }
        assertThat(amara.api("POST", api, null).statusCode()).isEqualTo(204);
        String cluster = UUID.randomUUID().toString();
        assertThat(amara.api(
                                "POST",
                                api + "/clusters",
                                "{\"clusterId\":\"" + cluster + "\",\"name\":\"Shared services\"}")
                        .statusCode())
                .isEqualTo(201);
        for (String text : List.of("Pool temporary accommodation", "Share one legal team")) {
            String card = UUID.randomUUID().toString();
            assertThat(tom.api(
                                    "POST",
                                    api + "/cards",
                                    "{\"cardId\":\"" + card + "\",\"kind\":\"IDEA\",\"text\":\"" + text + "\"}")
                            .statusCode())
                    .isEqualTo(201);
            assertThat(amara.api("PUT", api + "/cards/" + card + "/cluster", "{\"clusterId\":\"" + cluster + "\"}")
                            .statusCode())
                    .isEqualTo(204);
        }
        String form = session.board() + "/clusters/" + cluster + "/proposal";
        await("the form filled in from the cluster")
                .atMost(Duration.ofSeconds(30))
                .until(() -> amara.get(form + "/new").body().contains("- Share one legal team"));
        assertThat(amara.get(form + "/new").body())
                .contains("value=\"Shared services\"", "- Pool temporary accommodation\n- Share one legal team");
        assertThat(tom.get(form + "/new").statusCode()).as("only a facilitator").isEqualTo(404);

        HttpResponse<String> incomplete =
                amara.post(form, Map.of("title", "Shared services across boroughs", "summary", "", "groupId", groupId));
        assertThat(incomplete.statusCode()).isEqualTo(200);
        assertThat(incomplete.body())
                .contains("There is a problem", "Enter a summary of the proposal", "Shared services across boroughs");

        Map<String, String> fields = Map.of(
                "title", "Shared services across boroughs",
                "summary", "- Pool temporary accommodation\n- Share one legal team",
                "form", "NEW_PARTNERSHIP",
                "groupId", groupId);
        String proposal = DraftProposalFromBoard.idFor(session.sessionId(), cluster);
        for (int sent = 0; sent < 2; sent++) {
            HttpResponse<String> saved = amara.post(form, fields);
            assertThat(saved.statusCode()).isEqualTo(302);
            assertThat(saved.headers().firstValue("Location").orElseThrow())
                    .endsWith("/items/" + proposal + "?done=drafted");
        }
        assertThat(workspace
                        .jdbc()
                        .queryForObject(
                                "select count(*) from domain_event_entry where aggregate_identifier = ?",
                                Long.class,
                                proposal))
                .as("sent twice, drafted once: ProposalDrafted and ProposalDraftedFromBoard")
                .isEqualTo(2L);

        await("the cluster to link to its draft")
                .atMost(Duration.ofSeconds(30))
                .until(() -> amara.get(session.board()).body().contains("/items/" + proposal));
        assertThat(amara.get(session.board()).body()).contains("proposal=" + proposal);
        await("the proposal to say where it came from")
                .atMost(Duration.ofSeconds(30))
                .until(() -> amara.get("/items/" + proposal).body().contains("Came from"));
        assertThat(amara.get("/items/" + proposal).body())
                .contains("Shared services across boroughs", session.board() + "#cluster-" + cluster);
        assertThat(amara.get(form + "/new").headers().firstValue("Location").orElseThrow())
                .endsWith("/items/" + proposal);

        // V110 fills its tables from the events stored before it: run its inserts again over rows taken away.
        workspace.jdbc().update("delete from board_part where session_id = ?", session.sessionId());
        workspace.jdbc().update("delete from retreat_theme where retreat_id = ?", session.retreatId());
        for (String statement : backfill()) {
            workspace.jdbc().update(statement);
        }
        assertThat(workspace
                        .jdbc()
                        .queryForList(
                                "select kind from board_part where session_id = ? order by kind",
                                String.class,
                                session.sessionId()))
                .containsExactly("CARD", "CARD", "CLUSTER");
        assertThat(workspace
                        .jdbc()
                        .queryForList(
                                "select theme_id from retreat_theme where retreat_id = ?",
                                String.class,
                                session.retreatId()))
                .containsExactly((String) group.get("theme_id"));

        // An action agreed from the cluster feeds the draft.
        String tomsId = workspace
                .jdbc()
                .queryForObject("select member_id from account where email = ?", String.class, PipelineIT.TOM);
        java.time.LocalDate due = java.time.LocalDate.now().plusDays(60);
        amara.get("/retreats/" + session.retreatId() + "/actions/new?cluster=" + cluster + "&proposal=" + proposal);
        HttpResponse<String> agreed = amara.post(
                "/retreats/" + session.retreatId() + "/actions",
                Map.ofEntries(
                        Map.entry("actionId", UUID.randomUUID().toString()),
                        Map.entry("sessionId", session.sessionId()),
                        Map.entry("fromClusterId", cluster),
                        Map.entry("title", "Write the shared services specification"),
                        Map.entry("ownerId", tomsId),
                        Map.entry("dueDay", String.valueOf(due.getDayOfMonth())),
                        Map.entry("dueMonth", String.valueOf(due.getMonthValue())),
                        Map.entry("dueYear", String.valueOf(due.getYear())),
                        Map.entry("groupId", groupId),
                        Map.entry("proposalId", proposal)));
        assertThat(agreed.statusCode()).as(agreed.body()).isEqualTo(302);
    }

    @Test
    void aFacilitatorDraftsACardThroughTheApiOnceAndEachRefusalIsAProblem() {
        Map<String, Object> group = workspace
                .jdbc()
                .queryForMap(
                        "select group_id, theme_id from group_directory where not archived order by group_id limit 1");
        String groupId = (String) group.get("group_id");
        String themeId = (String) group.get("theme_id");
        BoardRetreat session =
                BoardRetreat.setUp(workspace, List.of(PipelineIT.TOM), List.of(PipelineIT.TOM), List.of(themeId));
        String api = "/api" + session.board();
        Browser amara = workspace.browser().signIn(BoardRetreat.AMARA, PASSWORD);
        Browser tom = workspace.browser().signIn(PipelineIT.TOM, PASSWORD);
        for (Browser browser : List.of(amara, tom)) {
            browser.get("/retreats/" + session.retreatId());
        }
        assertThat(amara.api("POST", api, null).statusCode()).isEqualTo(204);
        String card = UUID.randomUUID().toString();
        assertThat(tom.api(
                                "POST",
                                api + "/cards",
                                "{\"cardId\":\"" + card + "\",\"kind\":\"IDEA\",\"text\":\"One shared legal team\"}")
                        .statusCode())
                .isEqualTo(201);
        String draftFromCard = api + "/cards/" + card + "/proposal";
        java.util.function.Function<String, String> draft = chosenGroup -> "{\"title\":\"One shared legal team\","
                + "\"summary\":\"Pool the boroughs' legal teams\",\"form\":\"NEW_PARTNERSHIP\",\"groupId\":\""
                + chosenGroup + "\"}";

        HttpResponse<String> notFacilitator = tom.api("POST", draftFromCard, draft.apply(groupId));
        assertThat(notFacilitator.statusCode()).isEqualTo(422);
        assertThat(notFacilitator.body())
                .contains("Only a facilitator of this retreat can draft a proposal from its board");

        // An archived group of the retreat's theme takes nothing.
        String archived = UUID.randomUUID().toString();
        var accounts = workspace.bean(org.collaborative.app.member.Accounts.class);
        var amaras = accounts.findByEmail(BoardRetreat.AMARA).orElseThrow();
        var commands = workspace.bean(org.axonframework.commandhandling.gateway.CommandGateway.class);
        commands.sendAndWait(new org.collaborative.app.group.FormWorkingGroup(
                archived,
                themeId,
                "Legal services " + archived.substring(0, 8),
                "",
                org.collaborative.events.group.GroupVisibility.OPEN,
                amaras.memberId(),
                amaras.organisationId(),
                java.time.Instant.now()));
        commands.sendAndWait(new org.collaborative.app.group.ArchiveWorkingGroup(
                archived,
                "Merged into another group",
                new org.collaborative.app.kernel.Actor(amaras.memberId(), amaras.organisationId(), amaras.role()),
                java.time.Instant.now()));
        HttpResponse<String> intoArchived = amara.api("POST", draftFromCard, draft.apply(archived));
        assertThat(intoArchived.statusCode()).isEqualTo(422);
        assertThat(intoArchived.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/problem+json");
        assertThat(intoArchived.body()).contains("This group is archived, so you cannot make a proposal to it");

        String proposal = DraftProposalFromBoard.idFor(session.sessionId(), card);
        HttpResponse<String> drafted = amara.api("POST", draftFromCard, draft.apply(groupId));
        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
        assertThat(drafted.headers().firstValue("Location").orElseThrow()).endsWith("/api/items/" + proposal);
        assertThat(drafted.body()).contains("\"proposalId\":\"" + proposal + "\"", "\"cardId\":\"" + card + "\"");

        HttpResponse<String> again = amara.api("POST", draftFromCard, draft.apply(groupId));
        assertThat(again.statusCode()).as("sent twice, drafted once").isEqualTo(409);
        assertThat(again.body())
                .contains("This card has already become a draft proposal", "\"proposalId\":\"" + proposal + "\"");
        assertThat(workspace.eventCount(proposal)).isEqualTo(2);

        await("the draft on the proposal's API, saying where it came from")
                .atMost(Duration.ofSeconds(30))
                .until(() ->
                        amara.api("GET", "/api/items/" + proposal, null).body().contains("\"cardId\":\"" + card));
        assertThat(amara.api("GET", "/api/items/" + proposal, null).body())
                .contains("One shared legal team", "\"sessionId\":\"" + session.sessionId() + "\"");
        await("the board to name the card's draft")
                .atMost(Duration.ofSeconds(30))
                .until(() -> tom.api("GET", api, null).body().contains("\"draftProposalId\":\"" + proposal + "\""));
        assertThat(amara.get("/items/" + proposal).body()).contains("Came from", session.board() + "#card-" + card);
    }

    /** The insert statements of the migration that made the board and theme directories. */
    private static List<String> backfill() {
        try (var sql =
                BoardIT.class.getResourceAsStream("/db/migration/V110__board_directory_and_retreat_themes.sql")) {
            String text = new String(sql.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return java.util.Arrays.stream(text.replaceAll("(?m)^--.*$", "").split(";"))
                    .map(String::strip)
                    .filter(statement -> statement.startsWith("insert"))
                    .toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
