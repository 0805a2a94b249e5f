package org.collaborative.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.collaborative.app.commitment.CheckInScheduler;
import org.collaborative.app.commitment.MakePledge;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.London;
import org.collaborative.app.notification.EmbeddedMailServer;
import org.collaborative.app.practice.RecordPractice;
import org.collaborative.app.retreat.AttendanceNeeds;
import org.collaborative.app.retreat.RetreatCommands;
import org.collaborative.app.support.Browser;
import org.collaborative.app.support.RunningWorkspace;
import org.collaborative.events.member.MemberRole;
import org.collaborative.events.retreat.RetreatKind;
import org.collaborative.views.commitment.CommitmentView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A retreat's outputs on the running stack: a facilitator agrees an action (after being refused one without an owner
 * and one due in the past, with nothing recorded), a participant pledges, the 30-day check-in is raised once however
 * often the scheduler looks and emailed to the owner, who records progress (refused "dropped" without a reason); the
 * report's page, PDF (read back with PDFBox) and CSV files show it all.
 */
class OutputsIT {

    private static final String PASSWORD = "collaborate-in-london";
    private static final String AMARA = "amara.okafor@londoncouncils.example";
    private static final String TOM = "tom.hughes@camden.example";

    @TempDir
    static Path data;

    private static RunningWorkspace workspace;
    private static String retreatId;
    private static String groupId;

    @BeforeAll
    static void start() {
        workspace = RunningWorkspace.start(data, RunningWorkspace.Ports.free());
        await("the demo's groups to be projected")
                .atMost(Duration.ofSeconds(90))
                .until(() ->
                        workspace.mongo().findOne(query(where("visibility").is("OPEN")), Document.class, "group-page")
                                != null);
        groupId = workspace
                .mongo()
                .findOne(query(where("visibility").is("OPEN")), Document.class, "group-page")
                .getString("_id");
        // A retreat that ended 31 days ago (scheduled, and Tom registered, before it began).
        LocalDateTime startsAt = LocalDate.now(London.ZONE).minusDays(32).atTime(12, 0);
        Instant before = startsAt.minusDays(10).atZone(London.ZONE).toInstant();
        retreatId = UUID.randomUUID().toString();
        CommandGateway commands = workspace.bean(CommandGateway.class);
        commands.sendAndWait(new RetreatCommands.ScheduleRetreat(
                retreatId,
                new RetreatCommands.Details(
                        "Outputs retreat",
                        RetreatKind.CHIEF_EXECUTIVES_RETREAT,
                        "Hampton Court",
                        null,
                        startsAt,
                        startsAt.plusDays(1),
                        30,
                        List.of(),
                        false),
                new Actor(memberId(AMARA), "london-councils", MemberRole.FACILITATOR),
                before));
        commands.sendAndWait(new RetreatCommands.RegisterForRetreat(
                retreatId,
                new Actor(memberId(TOM), "E09000007", MemberRole.SERVICE_LEADER),
                new AttendanceNeeds(null, null),
                before.plusSeconds(60)));
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
    void aRetreatsActionsAndPledgesAreFollowedUpAndReported() throws Exception {
        Browser amara = workspace.browser().signIn(AMARA, PASSWORD);
        LocalDate nextYear = LocalDate.now(London.ZONE).plusYears(1);
        LocalDate yesterday = LocalDate.now(London.ZONE).minusDays(1);

        long actionsBefore = workspace
                .jdbc()
                .queryForObject(
                        "select count(*) from domain_event_entry where payload_type = ?",
                        Long.class,
                        "org.collaborative.events.retreat.ActionAgreed");
        amara.get("/retreats/" + retreatId + "/actions/new");
        HttpResponse<String> refused = amara.post(
                "/retreats/" + retreatId + "/actions",
                Map.of(
                        "title",
                        "Draft the joint e-auction specification",
                        "ownerId",
                        "",
                        "dueDay",
                        String.valueOf(yesterday.getDayOfMonth()),
                        "dueMonth",
                        String.valueOf(yesterday.getMonthValue()),
                        "dueYear",
                        String.valueOf(yesterday.getYear()),
                        "groupId",
                        groupId));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body())
                .contains("govuk-error-summary")
                .contains("Choose who owns the action")
                .contains("value=\"Draft the joint e-auction specification\"");
        refused = amara.post(
                "/retreats/" + retreatId + "/actions",
                Map.of(
                        "title",
                        "Draft the joint e-auction specification",
                        "ownerId",
                        memberId(TOM),
                        "dueDay",
                        String.valueOf(yesterday.getDayOfMonth()),
                        "dueMonth",
                        String.valueOf(yesterday.getMonthValue()),
                        "dueYear",
                        String.valueOf(yesterday.getYear()),
                        "groupId",
                        groupId));
        assertThat(refused.body()).contains("The due date must be today or in the future");
        assertThat(workspace
                        .jdbc()
                        .queryForObject(
                                "select count(*) from domain_event_entry where payload_type = ?",
                                Long.class,
                                "org.collaborative.events.retreat.ActionAgreed"))
                .as("nothing recorded beyond the demo's actions")
                .isEqualTo(actionsBefore);

        HttpResponse<String> agreed = amara.post(
                "/retreats/" + retreatId + "/actions",
                Map.of(
                        "title",
                        "Draft the joint e-auction specification",
                        "ownerId",
                        memberId(TOM),
                        "dueDay",
                        String.valueOf(nextYear.getDayOfMonth()),
                        "dueMonth",
                        String.valueOf(nextYear.getMonthValue()),
                        "dueYear",
                        String.valueOf(nextYear.getYear()),
                        "groupId",
                        groupId));
        assertThat(agreed.statusCode()).isEqualTo(302);

        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        tom.get("/retreats/" + retreatId + "/pledges/new");
        HttpResponse<String> pledged = tom.post(
                "/retreats/" + retreatId + "/pledges",
                Map.of(
                        "text",
                        "=Camden will pilot the e-auction by March",
                        "byDay",
                        "31",
                        "byMonth",
                        "3",
                        "byYear",
                        String.valueOf(nextYear.getYear()),
                        "groupId",
                        groupId));
        assertThat(pledged.statusCode()).isEqualTo(302);

        await("both commitments in the view")
                .atMost(Duration.ofSeconds(30))
                .until(() -> outputs().size() == 2);
        CommitmentView action =
                outputs().stream().filter(CommitmentView::isAction).findFirst().orElseThrow();
        assertThat(action.ownerId()).isEqualTo(memberId(TOM));
        assertThat(action.organisationId()).isEqualTo("E09000007");
        // The retreat ended 31 days ago, so the 30-day check-in is due: still to be raised, or raised already by an
        // instance's scheduler (it looks every minute), after which the next one is the 90-day check-in.
        assertThat(action.retreatEndsOn().plusDays(30)).isBeforeOrEqualTo(LocalDate.now(London.ZONE));
        assertThat(action.waitingCheckIn()
                        .map(CommitmentView.CheckIn::days)
                        .orElseGet(() -> action.nextCheckInOn().isAfter(LocalDate.now(London.ZONE)) ? -1 : 30))
                .as("the 30-day check-in is due or waiting")
                .isEqualTo(30);

        // Every instance's scheduler may look, as often as it likes: the 30-day check-in is raised once per commitment.
        CheckInScheduler scheduler = workspace.bean(CheckInScheduler.class);
        await("the check-ins to be raised").atMost(Duration.ofSeconds(30)).until(() -> {
            scheduler.raiseDue();
            return outputs().stream().allMatch(c -> c.waitingCheckIn().isPresent());
        });
        scheduler.raiseDue();
        // This retreat's two commitments (the demo's own commitments have check-ins of their own).
        List<String> ours = outputs().stream().map(c -> c.id()).toList();
        assertThat(ours).hasSize(2);
        assertThat(workspace
                        .jdbc()
                        .queryForObject(
                                "select count(*) from domain_event_entry where payload_type = ? and aggregate_identifier in (?, ?)",
                                Long.class,
                                "org.collaborative.events.retreat.CheckInDue",
                                ours.get(0),
                                ours.get(1)))
                .isEqualTo(2L);
        assertThat(action.id()).isNotNull();
        await("the owner's check-in emails")
                .atMost(Duration.ofSeconds(30))
                .until(() -> workspace.bean(EmbeddedMailServer.class).received().stream()
                                .filter(m -> m.subject().startsWith("Check-in"))
                                .count()
                        == 2);
        assertThat(tom.get("/notifications").body()).contains("Check-in 30 days after the retreat");

        HttpResponse<String> noReason =
                tom.post("/commitments/" + action.id() + "/progress", Map.of("progress", "DROPPED", "reason", ""));
        assertThat(noReason.body()).contains("Enter why it was dropped").contains("checked");
        HttpResponse<String> recorded = tom.post(
                "/commitments/" + action.id() + "/progress",
                Map.of("progress", "AT_RISK", "reason", "Waiting for the framework to be renewed"));
        assertThat(recorded.statusCode()).isEqualTo(302);
        await("the progress in the view")
                .atMost(Duration.ofSeconds(30))
                .until(() -> "AT_RISK".equals(view(action.id()).progress()));
        assertThat(tom.get("/commitments").body())
                .contains("Draft the joint e-auction specification")
                .contains("At risk");

        String report = amara.get("/retreats/" + retreatId + "/report").body();
        assertThat(report)
                .contains("Outputs retreat")
                .contains("Draft the joint e-auction specification")
                .contains("Camden will pilot the e-auction by March")
                .contains("At risk")
                .doesNotContain("Overdue");

        byte[] pdf = download(amara, "/retreats/" + retreatId + "/report.pdf", "application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("Outputs retreat")
                    .contains("Draft the joint e-auction specification")
                    .contains("Tom Hughes")
                    .contains("At risk")
                    .contains("Waiting for the framework to be renewed");
        }

        String actions = new String(
                download(amara, "/retreats/" + retreatId + "/actions.csv", "text/csv"), StandardCharsets.UTF_8);
        assertThat(actions)
                .startsWith("\"Action\",\"Owner\",\"Organisation\",\"Due\",")
                .contains("\r\n\"Draft the joint e-auction specification\",\"Tom Hughes\",");
        String pledges = new String(
                download(amara, "/retreats/" + retreatId + "/pledges.csv", "text/csv"), StandardCharsets.UTF_8);
        assertThat(pledges).contains("\r\n\"'=Camden will pilot the e-auction by March\",");

        // The API answers the same, and refuses what the form refuses.
        assertThat(tom.api("GET", "/api/commitments", null).body()).contains(action.id());
        tom.get("/commitments");
        HttpResponse<String> problem =
                tom.api("POST", "/api/commitments/" + action.id() + "/progress", "{\"progress\":\"DROPPED\"}");
        assertThat(problem.statusCode()).isEqualTo(400);
        assertThat(problem.body()).contains("Enter why it was dropped");
    }

    /**
     * A pledge fulfilled by an adoption move (ADR 22's amendment): another council's pledge and, later, the settled
     * pledge are refused with nothing recorded (form and API); Tom's move to piloting names his open pledge, which is
     * then done, off the digest's coming-due list, and linked from both pages.
     */
    @Test
    void aPledgeIsFulfilledByItsCouncilsAdoptionMove() {
        CommandGateway commands = workspace.bean(CommandGateway.class);
        Actor amaraActor = new Actor(memberId(AMARA), "london-councils", MemberRole.FACILITATOR);
        Actor tomActor = new Actor(memberId(TOM), "E09000007", MemberRole.SERVICE_LEADER);
        Instant now = Instant.now();
        // A retreat of its own (the other test counts its retreat's outputs), Tom's pledge at it, and a practice.
        String retreat = UUID.randomUUID().toString();
        LocalDateTime startsAt = LocalDate.now(London.ZONE).minusDays(3).atTime(12, 0);
        commands.sendAndWait(new RetreatCommands.ScheduleRetreat(
                retreat,
                new RetreatCommands.Details(
                        "Pledges retreat",
                        RetreatKind.CHIEF_EXECUTIVES_RETREAT,
                        "Kew",
                        null,
                        startsAt,
                        startsAt.plusHours(6),
                        30,
                        List.of(),
                        false),
                amaraActor,
                startsAt.minusDays(10).atZone(London.ZONE).toInstant()));
        commands.sendAndWait(new RetreatCommands.RegisterForRetreat(
                retreat,
                tomActor,
                new AttendanceNeeds(null, null),
                startsAt.minusDays(9).atZone(London.ZONE).toInstant()));
        String pledge = UUID.randomUUID().toString();
        commands.sendAndWait(new MakePledge(
                pledge,
                retreat,
                null,
                null,
                null,
                "Camden will pilot the tenancy app by summer",
                LocalDate.now(London.ZONE).plusMonths(6),
                groupId,
                null,
                tomActor,
                now));
        String practice = UUID.randomUUID().toString();
        commands.sendAndWait(new RecordPractice(
                practice,
                "Tenancy app",
                "Tenants report repairs from their phones.",
                "behaviour-change",
                "E09000012",
                null,
                LocalDate.now(London.ZONE).minusYears(1),
                amaraActor,
                now));
        await("the pledge and the practice in the views")
                .atMost(Duration.ofSeconds(30))
                .until(() -> view(pledge) != null
                        && view(pledge).kind() != null
                        && workspace.mongo().findById(practice, Document.class, "practices") != null);
        CommitmentView otherCouncils = workspace
                .mongo()
                .find(
                        query(where("progress")
                                .nin("DONE", "DROPPED")
                                .and("kind")
                                .is(CommitmentView.PLEDGE)),
                        CommitmentView.class,
                        CommitmentView.COLLECTION)
                .stream()
                .filter(other -> !"E09000007".equals(other.organisationId()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the demo has another council's open pledge"));

        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        String today = LocalDate.now(London.ZONE).toString();
        String[] day = today.split("-");
        Map<String, String> move = new java.util.HashMap<>(Map.of(
                "stage", "PILOTING", "day", day[2], "month", day[1], "year", day[0], "pledgeId", otherCouncils.id()));
        assertThat(tom.get("/practices/" + practice).body())
                .contains("<option value=\"" + pledge + "\">Camden will pilot the tenancy app by summer");
        HttpResponse<String> refused = tom.post("/practices/" + practice + "/moves", move);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body())
                .contains("govuk-error-summary", "Choose a pledge of the organisation whose adoption moved")
                .contains("value=\"" + otherCouncils.id() + "\" selected");
        assertThat(moves(practice)).as("no move recorded").isZero();

        move.put("pledgeId", pledge);
        assertThat(tom.post("/practices/" + practice + "/moves", move).statusCode())
                .isEqualTo(302);
        await("the pledge done, by the move")
                .atMost(Duration.ofSeconds(30))
                .until(() -> view(pledge).fulfilledBy() != null);
        CommitmentView done = view(pledge);
        assertThat(done.progress()).isEqualTo("DONE");
        assertThat(done.fulfilledBy())
                .isEqualTo(new CommitmentView.Fulfilment(practice, "PILOTING", LocalDate.now(London.ZONE)));
        // The digest's "coming due" reads the open ones only (DigestSources): this one is no longer among them.
        assertThat(workspace
                        .mongo()
                        .find(
                                query(where("progress")
                                        .nin("DONE", "DROPPED")
                                        .and("kind")
                                        .ne(null)),
                                CommitmentView.class,
                                CommitmentView.COLLECTION)
                        .stream()
                        .map(CommitmentView::id))
                .doesNotContain(pledge);
        await("the practice page to show the pledge it fulfilled")
                .atMost(Duration.ofSeconds(30))
                .until(() -> tom.get("/practices/" + practice).body().contains("id=\"fulfilled-" + pledge + "\""));
        assertThat(tom.get("/commitments/" + pledge + "/progress").body())
                .contains("id=\"fulfilled-by\"", "href=\"/practices/" + practice + "\"");

        // The settled pledge again, on the API: a problem naming it, and no move.
        HttpResponse<String> problem = tom.api(
                "POST",
                "/api/practices/" + practice + "/adoptions/E09000007/moves",
                "{\"stage\":\"ADOPTED\",\"happenedOn\":\"" + today + "\",\"fulfilsPledgeId\":\"" + pledge + "\"}");
        assertThat(problem.statusCode()).isEqualTo(400);
        assertThat(problem.body()).contains("fulfilsPledgeId", "already been recorded as done");
        assertThat(moves(practice)).as("only the move to piloting").isEqualTo(1L);
    }

    /** The moves recorded for Camden's adoption of the practice, from the event store. */
    private static long moves(String practice) {
        return workspace
                .jdbc()
                .queryForObject(
                        "select count(*) from domain_event_entry where payload_type = ? and aggregate_identifier = ?",
                        Long.class,
                        "org.collaborative.events.practice.AdoptionStageRecorded",
                        practice + ":E09000007");
    }

    @Test
    void theDemoRetreatsOutputsAreAtDifferentCheckInStages() {
        String demoRetreat = UUID.nameUUIDFromBytes("demo-retreat:chief-executives".getBytes(StandardCharsets.UTF_8))
                .toString();
        Browser amara = workspace.browser().signIn(AMARA, PASSWORD);
        await("the demo retreat's outputs")
                .atMost(Duration.ofSeconds(90))
                .until(() -> amara.get("/retreats/" + demoRetreat + "/outputs")
                        .body()
                        .contains("Dropped"));
        String outputs = amara.get("/retreats/" + demoRetreat + "/outputs").body();
        assertThat(outputs)
                .contains("Draft one specification for laptops and desktops")
                .contains("On track")
                .contains("Done")
                .contains("No budget for the pilot this year")
                .contains("30-day check-in waiting since")
                .contains("Overdue");
        String report = amara.get("/retreats/" + demoRetreat + "/report").body();
        assertThat(report).contains("London chief executives&#39; retreat").contains("Hackney");
    }

    private static List<CommitmentView> outputs() {
        return workspace
                .mongo()
                .find(query(where("retreatId").is(retreatId)), CommitmentView.class, CommitmentView.COLLECTION);
    }

    private static CommitmentView view(String id) {
        return workspace.mongo().findById(id, CommitmentView.class, CommitmentView.COLLECTION);
    }

    private static byte[] download(Browser browser, String path, String type) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(workspace.baseUrl() + path))
                                .header("Cookie", browser.cookieHeader())
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(type);
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment");
        return response.body();
    }
}
