package org.collaborative.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.member.RegisterMember;
import org.collaborative.app.personaldata.PersonalDataVault;
import org.collaborative.app.personaldata.PersonalDetails;
import org.collaborative.app.support.Browser;
import org.collaborative.app.support.RunningWorkspace;
import org.collaborative.events.member.MemberRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A member's personal data from registration to erasure, on the running stack: they register with a distinctive
 * name and email, change their name and job title on their profile, post a question, an answer, evidence, a proposal
 * and a comment, and download their data. An administrator erases them. Afterwards their names, email address and
 * job titles occur nowhere: not in any PostgreSQL table (event payloads are bytea JSON, decoded), not in any record of
 * any Kafka topic, not in any MongoDB collection, not in the log output of either application. What they posted
 * still shows, as by a "Former member" of their organisation.
 */
@ExtendWith(OutputCaptureExtension.class)
class PrivacyIT {

    private static final String PASSWORD = "collaborate-in-london";
    private static final String SAM = "sam.lee@londoncouncils.example";
    private static final String TOM = "tom.hughes@camden.example";
    private static final String CAMDEN = "E09000007";
    private static final String NAME = "Zebedee Quillfeather";
    private static final String EMAIL = "zebedee.quillfeather@camden.example";
    private static final String JOB = "Keeper of the Marchbanks allotments";
    private static final String NEW_NAME = "Zeb Ottoline-Quillfeather";
    private static final String NEW_JOB = "Head of Ottoline parks";
    private static final String WRONG_PASSWORD = "not-my-Ottoline-password";
    /** What must be found nowhere after the erasure (compared ignoring case), nor the password of a refused sign-in. */
    private static final List<String> PERSONAL =
            List.of(NAME, EMAIL, JOB, NEW_NAME, NEW_JOB, "Quillfeather", "Marchbanks", "Ottoline", WRONG_PASSWORD);

    private static final String OPEN_GROUP = UUID.nameUUIDFromBytes(
                    "demo-group:behaviour-change:Nudging recycling".getBytes(StandardCharsets.UTF_8))
            .toString();

    @TempDir
    static Path data;

    private static RunningWorkspace workspace;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() {
        // Our own code at DEBUG: personal data must stay out of even the most talkative logs we write, the seed's
        // included, so this stack seeds its own rather than starting from the seeded template.
        workspace = RunningWorkspace.startAsIs(
                data,
                RunningWorkspace.Ports.free(),
                "--logging.level.org.collaborative=debug",
                "--logging.level.org.axonframework=info");
        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        await("the demo workspace to be projected")
                .atMost(Duration.ofSeconds(90))
                .until(() -> tom.get("/groups/" + OPEN_GROUP).statusCode() == 200);
    }

    @AfterAll
    static void stop() {
        if (workspace != null) {
            workspace.close();
        }
    }

    @Test
    void anErasedMembersPersonalDataIsFoundNowhereAndTheirContributionsStayWithTheirOrganisation(CapturedOutput output)
            throws Exception {
        String memberId = UUID.randomUUID().toString();
        register(memberId);

        // A refused sign-in is logged without the password and with the address masked.
        Browser typo = workspace.browser();
        typo.get("/sign-in");
        HttpResponse<String> refused = typo.post("/sign-in", Map.of("email", EMAIL, "password", WRONG_PASSWORD));
        assertThat(refused.headers().firstValue("Location").orElse("")).contains("error");

        // Their profile, and a change to it.
        Browser zeb = workspace.browser().signIn(EMAIL, PASSWORD);
        assertThat(zeb.get("/profile").body())
                .contains(
                        "Your profile",
                        NAME,
                        EMAIL,
                        JOB,
                        "Camden",
                        "Service leader",
                        "href=\"/profile\"",
                        "href=\"/privacy\"",
                        "href=\"/accessibility\"");
        HttpResponse<String> empty = zeb.post("/profile", Map.of("displayName", "  ", "jobTitle", NEW_JOB));
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body())
                .contains(
                        "govuk-error-summary",
                        "<title>Error: Your profile",
                        "<a href=\"#displayName\">Enter the name you want to be shown by</a>");
        HttpResponse<String> changed = zeb.post("/profile", Map.of("displayName", NEW_NAME, "jobTitle", NEW_JOB));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(zeb.get("/profile?saved").body()).contains("Your profile has been updated", NEW_NAME, NEW_JOB);
        JsonNode me = json.readTree(zeb.api("GET", "/api/me", null).body());
        assertThat(me.path("memberId").asText()).isEqualTo(memberId);
        assertThat(me.path("displayName").asText()).isEqualTo(NEW_NAME);
        assertThat(me.path("email").asText()).isEqualTo(EMAIL);
        assertThat(me.path("jobTitle").asText()).isEqualTo(NEW_JOB);
        assertThat(me.path("organisation").path("name").asText()).isEqualTo("Camden");
        assertThat(me.path("role").asText()).isEqualTo("SERVICE_LEADER");

        // Their contributions.
        zeb.get("/groups/" + OPEN_GROUP);
        assertThat(zeb.post("/groups/" + OPEN_GROUP + "/members", Map.of()).statusCode())
                .isEqualTo(302);
        String questionId = UUID.randomUUID().toString();
        zeb.get("/groups/" + OPEN_GROUP);
        assertThat(zeb.post(
                                "/groups/" + OPEN_GROUP + "/questions",
                                Map.of(
                                        "questionId",
                                        questionId,
                                        "title",
                                        "Which reminders get flats to recycle food waste?",
                                        "body",
                                        "We tried leaflets."))
                        .statusCode())
                .isEqualTo(302);
        String evidenceId = UUID.randomUUID().toString();
        zeb.get("/groups/" + OPEN_GROUP + "/evidence/new");
        assertThat(zeb.post(
                                "/groups/" + OPEN_GROUP + "/evidence",
                                Map.of(
                                        "evidenceId",
                                        evidenceId,
                                        "title",
                                        "Food waste caddies in flats",
                                        "summary",
                                        "Participation rose by a third.",
                                        "source",
                                        "Camden waste team, 2025 trial",
                                        "kind",
                                        "DATA",
                                        "level",
                                        "2"))
                        .statusCode())
                .isEqualTo(302);
        String proposalId = UUID.randomUUID().toString();
        zeb.get("/groups/" + OPEN_GROUP + "/proposals/new");
        assertThat(zeb.post(
                                "/groups/" + OPEN_GROUP + "/proposals",
                                Map.of(
                                        "proposalId",
                                        proposalId,
                                        "title",
                                        "Caddy liners for every flat",
                                        "summary",
                                        "Buy liners together.",
                                        "form",
                                        "PROCESS_IMPROVEMENT"))
                        .statusCode())
                .isEqualTo(302);
        await("the question to be projected")
                .atMost(Duration.ofSeconds(60))
                .until(() -> zeb.get("/items/" + questionId).statusCode() == 200);
        String answerId = UUID.randomUUID().toString();
        assertThat(zeb.post(
                                "/items/" + questionId + "/answers",
                                Map.of("answerId", answerId, "answer", "Stickers on the bin store door worked best."))
                        .statusCode())
                .isEqualTo(302);
        String commentId = UUID.randomUUID().toString();
        assertThat(zeb.post(
                                "/items/" + questionId + "/comments",
                                Map.of("commentId", commentId, "comment", "Happy to share the sticker design."))
                        .statusCode())
                .isEqualTo(302);
        workspace.awaitPublicationCaughtUp();
        workspace.awaitProjectionsCaughtUp();

        // Download my data.
        HttpResponse<String> download = zeb.get("/profile/data");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment")
                .contains("collaborative-my-data-");
        JsonNode mine = json.readTree(download.body());
        assertThat(mine.path("profile").path("displayName").asText()).isEqualTo(NEW_NAME);
        assertThat(mine.path("profile").path("email").asText()).isEqualTo(EMAIL);
        assertThat(mine.path("profile").path("jobTitle").asText()).isEqualTo(NEW_JOB);
        assertThat(mine.path("profile").path("organisation").asText()).isEqualTo("Camden");
        assertThat(mine.path("profile").path("role").asText()).isEqualTo("Service leader");
        assertThat(mine.path("profileHistory")).hasSize(2);
        assertThat(mine.path("profileHistory").get(0).path("event").asText()).isEqualTo("registered");
        assertThat(mine.path("profileHistory").get(0).path("displayName").asText())
                .isEqualTo(NAME);
        assertThat(mine.path("profileHistory").get(0).path("email").asText()).isEqualTo(EMAIL);
        assertThat(mine.path("profileHistory").get(1).path("displayName").asText())
                .isEqualTo(NEW_NAME);
        assertThat(mine.path("questions")).hasSize(1);
        assertThat(mine.path("questions").get(0).path("id").asText()).isEqualTo(questionId);
        assertThat(mine.path("questions").get(0).path("title").asText())
                .isEqualTo("Which reminders get flats to recycle food waste?");
        assertThat(mine.path("answers")).hasSize(1);
        assertThat(mine.path("answers").get(0).path("body").asText())
                .isEqualTo("Stickers on the bin store door worked best.");
        assertThat(mine.path("evidence")).hasSize(1);
        assertThat(mine.path("evidence").get(0).path("source").asText()).isEqualTo("Camden waste team, 2025 trial");
        assertThat(mine.path("proposals")).hasSize(1);
        assertThat(mine.path("proposals").get(0).path("title").asText()).isEqualTo("Caddy liners for every flat");
        assertThat(mine.path("comments")).hasSize(1);
        assertThat(mine.path("comments").get(0).path("itemId").asText()).isEqualTo(questionId);
        assertThat(mine.path("comments").get(0).path("body").asText()).isEqualTo("Happy to share the sticker design.");

        // Even before the erasure the events hold the personal data only sealed.
        List<String> sealed = workspace
                .jdbc()
                .queryForList(
                        "select convert_from(payload, 'UTF8') from domain_event_entry where aggregate_identifier = ? "
                                + "order by sequence_number",
                        String.class,
                        memberId);
        assertThat(sealed)
                .hasSize(2)
                .allSatisfy(payload -> assertThat(payload)
                        .contains("\"personalData\":\"v1.")
                        .doesNotContainIgnoringCase("Quillfeather"));
        String registeredData =
                json.readTree(sealed.get(0)).path("personalData").asText();
        PersonalDataVault vault = workspace.bean(PersonalDataVault.class);
        assertThat(vault.open(memberId, registeredData)).contains(new PersonalDetails(NAME, EMAIL, JOB));

        // An administrator erases them: a confirmation step, a reason, a reference without personal data.
        Browser sam = workspace.browser().signIn(SAM, PASSWORD);
        assertThat(sam.get("/admin/members").body())
                .contains(NEW_NAME, EMAIL, "/admin/members/" + memberId + "/erasure");
        assertThat(sam.get("/admin/members/" + memberId + "/erasure").body())
                .contains("Erase this member’s personal data", "You cannot undo this", NEW_NAME);
        HttpResponse<String> noReason = sam.post("/admin/members/" + memberId + "/erasure", Map.of("reference", ""));
        assertThat(noReason.statusCode()).isEqualTo(200);
        assertThat(noReason.body())
                .contains(
                        "govuk-error-summary",
                        "<a href=\"#reason\">Choose why you are erasing their personal data</a>");
        HttpResponse<String> namedReference = sam.post(
                "/admin/members/" + memberId + "/erasure", Map.of("reason", "ERASURE_REQUEST", "reference", EMAIL));
        assertThat(namedReference.body()).contains("<a href=\"#reference\">Reference must only include letters");
        assertThat(workspace.eventCount(memberId)).isEqualTo(2);
        HttpResponse<String> erased = sam.post(
                "/admin/members/" + memberId + "/erasure",
                Map.of("reason", "ERASURE_REQUEST", "reference", "DSAR-2026/114"));
        assertThat(erased.statusCode()).isEqualTo(302);
        assertThat(erased.headers().firstValue("Location").orElseThrow()).endsWith("/admin/members?erased=" + CAMDEN);
        assertThat(sam.get("/admin/members?erased=" + CAMDEN).body())
                .contains("The member’s personal data has been erased", "a former member of", "<span>Camden</span>")
                .doesNotContain(NEW_NAME);
        assertThat(workspace.eventCount(memberId)).isEqualTo(3);
        assertThat(vault.open(memberId, registeredData))
                .as("the key is destroyed")
                .isEmpty();
        assertThat(workspace
                        .jdbc()
                        .queryForObject(
                                "select count(*) from privacy.member_key where member_id = ?", Long.class, memberId))
                .isZero();

        // They leave the group they joined (and its page), and get no more digests.
        await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(workspace
                            .jdbc()
                            .queryForObject(
                                    "select count(*) from group_member where member_id = ?", Long.class, memberId))
                    .isZero();
            assertThat(workspace
                            .mongo()
                            .findById(OPEN_GROUP, Document.class, "group-page")
                            .getList("members", Document.class))
                    .extracting(m -> m.getString("memberId"))
                    .isNotEmpty()
                    .doesNotContain(memberId);
            Document settings = workspace.mongo().findById(memberId, Document.class, "notification-settings");
            assertThat(settings).isNotNull();
            assertThat(settings.get("organisationId")).isNull();
        });

        // Their session ended with the erasure, and they cannot sign in again.
        HttpResponse<String> after = zeb.get("/profile");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).contains("/sign-in");
        Browser again = workspace.browser();
        again.get("/sign-in");
        assertThat(again.post("/sign-in", Map.of("email", EMAIL, "password", PASSWORD))
                        .headers()
                        .firstValue("Location")
                        .orElse(""))
                .contains("error");

        workspace.awaitPublicationCaughtUp();
        workspace.awaitProjectionsCaughtUp();

        // What they posted stays, as a former member of Camden.
        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        String question = tom.get("/items/" + questionId).body();
        assertThat(question)
                .contains(
                        "Which reminders get flats to recycle food waste?",
                        "Former member",
                        "Former member, Camden",
                        "Stickers on the bin store door worked best.");
        assertThat(question.toLowerCase(Locale.ROOT)).doesNotContain("quillfeather", "ottoline");
        assertThat(tom.get("/items/" + evidenceId).body())
                .contains("Food waste caddies in flats", "Former member", "Camden");
        assertThat(tom.get("/items/" + proposalId).body()).contains("Caddy liners for every flat", "Former member");
        assertThat(tom.get("/members?organisation=" + CAMDEN).body()).doesNotContain("Quillfeather");
        assertThat(tom.get("/search?q=caddy").body()).contains("Caddy liners for every flat");

        // The security log: sign-ins, the refused one masked, the erasure with its reason; no names.
        String log = sam.get("/admin/security-log").body();
        assertThat(log)
                .contains(
                        "Member erased",
                        "erasure request, reference DSAR-2026/114",
                        "Sign-in refused",
                        "ze…@camden.example",
                        "Signed in",
                        "Former member",
                        "Sam Lee");
        assertThat(log.toLowerCase(Locale.ROOT)).doesNotContain("quillfeather", "ottoline");

        // Nowhere: PostgreSQL, Kafka, MongoDB, the logs.
        assertThat(personalDataInPostgres(memberId)).isEmpty();
        assertThat(personalDataInKafka(memberId)).isEmpty();
        assertThat(personalDataInMongo(questionId)).isEmpty();
        String logs = output.getAll() + Files.readString(data.resolve("projections.log"));
        assertThat(logs).as("the output was captured from the start").contains("Seeded the reference data");
        assertThat(found(logs)).as("personal data in the log output").isEmpty();
    }

    private static void register(String memberId) {
        String hash = workspace.bean(PasswordEncoder.class).encode(PASSWORD);
        workspace
                .bean(Accounts.class)
                .addIfAbsent(new Accounts.Account(memberId, EMAIL, NAME, JOB, CAMDEN, MemberRole.SERVICE_LEADER, hash));
        workspace
                .bean(CommandGateway.class)
                .sendAndWait(new RegisterMember(
                        memberId,
                        CAMDEN,
                        MemberRole.SERVICE_LEADER,
                        new PersonalDetails(NAME, EMAIL, JOB),
                        Instant.now()));
    }

    /** Every column of every row of every table in the workspace's schemas; bytea decoded. */
    private List<String> personalDataInPostgres(String memberId) {
        assertThat(workspace.eventCount(memberId))
                .as("the member's events are still there")
                .isEqualTo(3);
        List<String> findings = new ArrayList<>();
        List<Map<String, Object>> columns = workspace.jdbc().queryForList("""
                select table_schema, table_name, column_name, data_type from information_schema.columns
                where table_schema in ('public', 'privacy')
                """);
        assertThat(columns)
                .extracting(c -> c.get("table_name"))
                .contains("domain_event_entry", "account", "member_key", "security_log", "token_entry");
        for (Map<String, Object> column : columns) {
            String table = column.get("table_schema") + "." + column.get("table_name");
            String name = "\"" + column.get("column_name") + "\"";
            boolean binary = "bytea".equals(column.get("data_type"));
            List<String> values = binary
                    ? workspace
                            .jdbc()
                            .query(
                                    "select " + name + " from " + table,
                                    (row, i) -> row.getBytes(1) == null
                                            ? ""
                                            : new String(row.getBytes(1), StandardCharsets.ISO_8859_1))
                    : workspace.jdbc().queryForList("select " + name + "::text from " + table, String.class);
            for (String value : values) {
                found(value).forEach(needle -> findings.add(table + "." + name + " holds " + needle));
            }
        }
        return findings;
    }

    /** Every record of every topic: key, value and headers. */
    private List<String> personalDataInKafka(String memberId) {
        List<String> findings = new ArrayList<>();
        int membersRecords = 0;
        for (String topic : List.of("collaborative.events", "collaborative.events.dlt", "collaborative.view-changes")) {
            for (ConsumerRecord<String, byte[]> record : workspace.readTopic(topic)) {
                StringBuilder text = new StringBuilder(String.valueOf(record.key())).append(' ');
                if (record.value() != null) {
                    text.append(new String(record.value(), StandardCharsets.UTF_8))
                            .append(' ');
                }
                for (Header header : record.headers()) {
                    text.append(header.key())
                            .append('=')
                            .append(new String(header.value(), StandardCharsets.UTF_8))
                            .append(' ');
                }
                if (topic.equals("collaborative.events") && memberId.equals(record.key())) {
                    membersRecords++;
                }
                found(text.toString())
                        .forEach(needle -> findings.add(
                                topic + "-" + record.partition() + "@" + record.offset() + " holds " + needle));
            }
        }
        assertThat(membersRecords).as("the member's events were published").isEqualTo(3);
        return findings;
    }

    /** Every document of every collection. */
    private List<String> personalDataInMongo(String questionId) {
        List<String> findings = new ArrayList<>();
        var mongo = workspace.mongo();
        assertThat(mongo.getCollectionNames()).contains("items", "search-index", "group-page", "organisations");
        assertThat(mongo.findById(questionId, Document.class, "items"))
                .as("the question is in the view")
                .isNotNull();
        for (String collection : mongo.getCollectionNames()) {
            for (Document document : mongo.findAll(Document.class, collection)) {
                found(document.toJson())
                        .forEach(needle -> findings.add(collection + " " + document.get("_id") + " holds " + needle));
            }
        }
        return findings;
    }

    private static List<String> found(String text) {
        if (text == null) {
            return List.of();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return PERSONAL.stream()
                .filter(needle -> lower.contains(needle.toLowerCase(Locale.ROOT)))
                .toList();
    }
}
