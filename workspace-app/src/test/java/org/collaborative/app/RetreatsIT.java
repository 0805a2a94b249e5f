package org.collaborative.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
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
 * Retreats on the running stack: the demo's chief executives' retreat is seen only by those invited, and a facilitator
 * schedules a retreat with one place that two people register for: the second waits, and is given the place when the
 * first gives it up; access and dietary needs reach the organiser's list and no event in plain text; a cancelled
 * retreat refuses registration with a GOV.UK error and records nothing; a postponement reaches the people registered
 * in their notification centre and by one email each, and not the facilitator who made it.
 */
class RetreatsIT {

    private static final String PASSWORD = "collaborate-in-london";
    private static final String TOM = "tom.hughes@camden.example";
    private static final String PRIYA = "priya.shah@hackney.example";
    private static final String MARY = "mary.doyle@lewisham.example";
    private static final String AMARA = "amara.okafor@londoncouncils.example";
    private static final String CHIEF_EXECUTIVES_RETREAT = UUID.nameUUIDFromBytes(
                    "demo-retreat:chief-executives".getBytes(StandardCharsets.UTF_8))
            .toString();

    @TempDir
    static Path data;

    private static RunningWorkspace workspace;

    @BeforeAll
    static void start() {
        workspace = RunningWorkspace.start(data, RunningWorkspace.Ports.free());
        await("the demo retreats to be projected")
                .atMost(Duration.ofSeconds(120))
                .until(() -> {
                    Document retreat = workspace
                            .mongo()
                            .getCollection("retreats")
                            .find(new Document("_id", CHIEF_EXECUTIVES_RETREAT))
                            .first();
                    return retreat != null && retreat.get("allocation") != null;
                });
    }

    @AfterAll
    static void stop() {
        if (workspace != null) {
            workspace.close();
        }
    }

    @Test
    void theChiefExecutivesRetreatIsSeenByItsInviteesWithTheFourThemesAsBreakouts() {
        Browser priya = workspace.browser().signIn(PRIYA, PASSWORD);
        String page = priya.get("/retreats/" + CHIEF_EXECUTIVES_RETREAT).body();
        assertThat(page)
                .contains("London chief executives")
                .contains("Issues of behaviour change")
                .contains("Understanding population flows")
                .contains("You have a place.")
                .contains("got their first choice");
        assertThat(priya.get("/retreats").body()).contains("London chief executives");

        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        assertThat(tom.get("/retreats/" + CHIEF_EXECUTIVES_RETREAT).statusCode())
                .isEqualTo(404);
        assertThat(tom.get("/retreats").body()).doesNotContain("London chief executives");
        assertThat(tom.api("GET", "/api/retreats/" + CHIEF_EXECUTIVES_RETREAT, null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void theWaitingListIsPromotedInOrderAndNeedsStaySealed() {
        Browser amara = workspace.browser().signIn(AMARA, PASSWORD);
        LocalDateTime starts =
                LocalDateTime.now(ZoneId.of("Europe/London")).plusDays(20).truncatedTo(ChronoUnit.HOURS);
        String retreatId = UUID.randomUUID().toString();
        amara.get("/retreats/new");
        var scheduled = amara.post(
                "/retreats",
                Map.of(
                        "retreatId", retreatId,
                        "title", "Small room conference",
                        "kind", "ONE_DAY_CONFERENCE",
                        "place", "Committee room 4",
                        "onlineLink", "",
                        "startsAt", starts.toString(),
                        "endsAt", starts.plusHours(6).toString(),
                        "capacity", "1"));
        assertThat(scheduled.statusCode()).isEqualTo(302);

        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        tom.get("/retreats/" + retreatId);
        tom.post(
                "/retreats/" + retreatId + "/register",
                Map.of("access", "Step-free route zqxaccess", "dietary", "Vegan zqxdiet"));
        Browser mary = workspace.browser().signIn(MARY, PASSWORD);
        String maryPage = mary.get("/retreats/" + retreatId).body();
        assertThat(maryPage).contains("Join the waiting list");
        mary.post("/retreats/" + retreatId + "/register", Map.of("access", "", "dietary", "Halal zqxmary"));
        assertThat(mary.get("/retreats/" + retreatId).body()).contains("You are number 1 on the waiting list");

        String list = amara.get("/retreats/" + retreatId + "/people").body();
        assertThat(list).contains("Vegan zqxdiet").contains("Halal zqxmary");
        assertThat(tom.get("/retreats/" + retreatId + "/people").statusCode()).isEqualTo(404);
        List<String> plain = workspace
                .jdbc()
                .queryForList(
                        "select encode(payload, 'escape') from domain_event_entry where aggregate_identifier = ?",
                        String.class,
                        retreatId);
        // Look for the whole answers, spaces included: a sealed value is base64url text, which can hold a short
        // marker such as "zqx" by chance (CI once found it inside a ciphertext) but never a space.
        assertThat(plain)
                .isNotEmpty()
                .noneMatch(payload -> payload.contains("Step-free route zqxaccess")
                        || payload.contains("Vegan zqxdiet")
                        || payload.contains("Halal zqxmary"));

        tom.get("/retreats/" + retreatId);
        tom.post("/retreats/" + retreatId + "/give-up", Map.of());
        await("Mary to be given the place")
                .atMost(Duration.ofSeconds(30))
                .until(() -> mary.get("/retreats/" + retreatId).body().contains("You have a place."));
    }

    @Test
    void aCancelledRetreatRefusesRegistrationAndRecordsNothing() {
        Browser amara = workspace.browser().signIn(AMARA, PASSWORD);
        LocalDateTime starts =
                LocalDateTime.now(ZoneId.of("Europe/London")).plusDays(30).truncatedTo(ChronoUnit.HOURS);
        amara.get("/retreats");
        String created = amara.api(
                        "POST",
                        "/api/retreats",
                        "{\"title\":\"Cancelled away day\",\"kind\":\"ONE_DAY_CONFERENCE\",\"place\":\"Guildhall\","
                                + "\"startsAt\":\"" + starts + "\",\"endsAt\":\"" + starts.plusHours(4)
                                + "\",\"capacity\":10,\"inviteOnly\":false}")
                .body();
        String retreatId = created.replaceAll(".*\"retreatId\":\"([^\"]+)\".*", "$1");
        // The API answers once the command is stored; its page exists once the retreats view has it.
        await("the new retreat's page")
                .atMost(Duration.ofSeconds(30))
                .until(() -> amara.get("/retreats/" + retreatId + "/cancel").statusCode() == 200);
        assertThat(amara.post("/retreats/" + retreatId + "/cancel", Map.of("reason", "The hall is closed."))
                        .statusCode())
                .isEqualTo(302);
        Long events = workspace
                .jdbc()
                .queryForObject(
                        "select count(*) from domain_event_entry where aggregate_identifier = ?",
                        Long.class,
                        retreatId);

        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        tom.get("/retreats/" + retreatId);
        String refused = tom.post(
                        "/retreats/" + retreatId + "/register", Map.of("access", "Hearing loop", "dietary", ""))
                .body();
        assertThat(refused).contains("There is a problem").contains("This retreat has been cancelled");
        assertThat(workspace
                        .jdbc()
                        .queryForObject(
                                "select count(*) from domain_event_entry where aggregate_identifier = ?",
                                Long.class,
                                retreatId))
                .isEqualTo(events);
        assertThat(tom.api("POST", "/api/retreats/" + retreatId + "/registration", "{}")
                        .statusCode())
                .isEqualTo(422);
    }

    @Test
    void aPostponementIsInTheCentreAndEmailedOnceToThoseConcernedButNotToTheFacilitatorWhoMadeIt() throws Exception {
        Browser amara = workspace.browser().signIn(AMARA, PASSWORD);
        LocalDateTime starts =
                LocalDateTime.now(ZoneId.of("Europe/London")).plusDays(25).truncatedTo(ChronoUnit.HOURS);
        String retreatId = UUID.randomUUID().toString();
        String title = "Postponed away day " + retreatId.substring(0, 8);
        amara.get("/retreats/new");
        assertThat(amara.post(
                                "/retreats",
                                Map.of(
                                        "retreatId",
                                        retreatId,
                                        "title",
                                        title,
                                        "kind",
                                        "ONE_DAY_CONFERENCE",
                                        "place",
                                        "Guildhall",
                                        "onlineLink",
                                        "",
                                        "startsAt",
                                        starts.toString(),
                                        "endsAt",
                                        starts.plusHours(6).toString(),
                                        "capacity",
                                        "10"))
                        .statusCode())
                .isEqualTo(302);
        amara.get("/retreats/" + retreatId);
        amara.post("/retreats/" + retreatId + "/register", Map.of("access", "", "dietary", ""));
        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        tom.get("/retreats/" + retreatId);
        tom.post("/retreats/" + retreatId + "/register", Map.of("access", "", "dietary", ""));
        await("Tom's place to be in the view")
                .atMost(Duration.ofSeconds(30))
                .until(() -> tom.get("/retreats/" + retreatId).body().contains("You have a place."));

        amara.get("/retreats/" + retreatId + "/postpone");
        assertThat(amara.post(
                                "/retreats/" + retreatId + "/postpone",
                                Map.of(
                                        "startsAt", starts.plusDays(7).toString(),
                                        "endsAt",
                                                starts.plusDays(7).plusHours(6).toString(),
                                        "reason", "The Guildhall is being rewired zqxreason"))
                        .statusCode())
                .isEqualTo(302);

        await("Tom to see the postponement in his notification centre")
                .atMost(Duration.ofSeconds(30))
                .until(() -> tom.get("/notifications").body().contains(title));
        String centre = Browser.mainContent(tom.get("/notifications").body());
        assertThat(centre)
                .contains("href=\"/retreats/" + retreatId + "\"")
                .contains("Postponed: now from")
                .contains("The Guildhall is being rewired zqxreason");

        await("Tom's email about the postponement")
                .atMost(Duration.ofSeconds(60))
                .until(() -> !noticeEmails(retreatId, TOM).isEmpty());
        List<jakarta.mail.internet.MimeMessage> toTom = noticeEmails(retreatId, TOM);
        assertThat(toTom).hasSize(1);
        assertThat(toTom.get(0).getSubject()).isEqualTo("Retreat postponed: " + title);
        String body = textOf(toTom.get(0));
        assertThat(body)
                .contains("zqxreason")
                .contains("You have a place at this retreat.")
                .contains(retreatId);

        assertThat(noticeEmails(retreatId, AMARA)).isEmpty();
        assertThat(amara.get("/notifications").body()).doesNotContain(title);
        // The email to Tom is recorded as sent (just after the server took it), so that a retry or a replay of the
        // event does not send it again.
        await("the email to Tom to be recorded as sent")
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(workspace
                                .jdbc()
                                .queryForList(
                                        "select member_id from retreat_notice_mail where retreat_id = ?",
                                        String.class,
                                        retreatId))
                        .containsExactly(memberId(TOM)));
    }

    private static String memberId(String email) {
        return UUID.nameUUIDFromBytes(("demo-member:" + email).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** The emails about this retreat's notices that reached this address on the embedded SMTP server. */
    private static List<jakarta.mail.internet.MimeMessage> noticeEmails(String retreatId, String address) {
        return workspace.bean(org.collaborative.app.notification.EmbeddedMailServer.class).received().stream()
                .filter(received -> received.to().contains(address))
                .map(org.collaborative.app.notification.EmbeddedMailServer.Received::message)
                .filter(message -> {
                    try {
                        String header = message.getHeader("X-Collaborative-Retreat-Notice", null);
                        return header != null && header.startsWith(retreatId + ":");
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    /** Every part of the message, as text (the plain and the HTML alternative). */
    private static String textOf(jakarta.mail.Part part) throws Exception {
        if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(textOf(multipart.getBodyPart(i)));
            }
            return all.toString();
        }
        return part.getContent() instanceof String text ? text : "";
    }
}
