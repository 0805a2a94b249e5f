package org.collaborative.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.collaborative.app.notification.EmbeddedMailServer;
import org.collaborative.app.support.Browser;
import org.collaborative.app.support.RunningWorkspace;
import org.collaborative.projections.digest.ActivityProjector;
import org.collaborative.projections.digest.DigestScheduler;
import org.collaborative.projections.digest.DigestSources;
import org.collaborative.views.digest.ActivityView;
import org.collaborative.views.digest.Digest;
import org.collaborative.views.digest.DigestWeek;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Weekly digests and notifications on the running stack with the demo workspace: a chief executive's digest for a
 * week of the demo's history, ranked for Hackney and emailed to the embedded SMTP server (HTML and text, one-click
 * unsubscribe); nothing in a quiet week; exactly once with two schedulers racing on the same MongoDB; the private
 * Atom feed; preferences, the notification centre and "preview my digest now" through the web pages.
 *
 * <p>The schedulers here are the projections' own classes, run in this JVM against the stack's MongoDB with clocks
 * set to the weeks under test; the projections process runs its own on the real clock beside them.
 */
class DigestIT {

    private static final String PASSWORD = "collaborate-in-london";
    private static final String PRIYA = "priya.shah@hackney.example";
    private static final String TOM = "tom.hughes@camden.example";
    private static final String MARY = "mary.doyle@lewisham.example";
    private static final String SAM = "sam.lee@londoncouncils.example";
    private static final String AUDITED_SAVINGS = item("e-auction-audited");
    private static final String REABLEMENT = item("reablement-social-enterprise");
    private static final String PORTAL = item("jobs-portal");
    private static final String QUESTION = item("question-furniture");
    private static final LocalTime EIGHT = LocalTime.of(8, 0);

    @TempDir
    static Path data;

    private static RunningWorkspace workspace;
    private static MongoTemplate mongo;

    @BeforeAll
    static void start() {
        workspace = RunningWorkspace.start(data, RunningWorkspace.Ports.free());
        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        await("the demo workspace to be projected")
                .atMost(Duration.ofSeconds(90))
                .until(() -> tom.get("/items/" + PORTAL).body().contains("Jobs Portal"));
        workspace.awaitPublicationCaughtUp();
        workspace.awaitProjectionsCaughtUp();
        mongo = workspace.testMongo();
    }

    @AfterAll
    static void stop() {
        if (workspace != null) {
            try {
                // Every query of the digests of every week the tests ran, their archive, preview, outbox and sending:
                // each one an index serves on a real MongoDB.
                assertThat(workspace.unindexedQueries())
                        .as("queries no declared index serves (ViewIndexes)")
                        .isEmpty();
            } finally {
                workspace.close();
            }
        }
    }

    private static String item(String name) {
        return UUID.nameUUIDFromBytes(("demo-item:" + name).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static String memberId(String email) {
        return UUID.nameUUIDFromBytes(("demo-member:" + email).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static DigestScheduler scheduler(Instant now) {
        // The product's digest code on the product's own client: its queries are held to the declared indexes.
        return new DigestScheduler(
                workspace.mongo(),
                new DigestSources(workspace.mongo()),
                Clock.fixed(now, ZoneOffset.UTC),
                7,
                Duration.ZERO,
                Duration.ofMinutes(10),
                true);
    }

    /** The week of digests due on the first Monday at 08:00, London time, after this moment. */
    private static DigestWeek weekCovering(Instant at) {
        DigestWeek week = DigestWeek.latestDue(at.plus(Duration.ofDays(7)), DayOfWeek.MONDAY, EIGHT);
        assertThat(week.covers(at)).isTrue();
        return week;
    }

    private static Instant happened(String itemId, ActivityView.Kind kind) {
        ActivityView view = mongo.findById(itemId, ActivityView.class, ActivityProjector.NAME);
        return view.happenings().stream()
                .filter(h -> h.kind() == kind)
                .findFirst()
                .orElseThrow()
                .at();
    }

    private static Digest digest(String id) {
        return mongo.findById(id, Digest.class, Digest.COLLECTION);
    }

    private static List<Digest.Entry> entries(Digest digest) {
        return digest.sections().stream().flatMap(s -> s.entries().stream()).toList();
    }

    private static Optional<MimeMessage> email(String digestId) {
        return workspace.bean(EmbeddedMailServer.class).received().stream()
                .map(EmbeddedMailServer.Received::message)
                .filter(m -> {
                    try {
                        return digestId.equals(m.getHeader("X-Collaborative-Digest", null));
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .findFirst();
    }

    private static void collect(Part part, List<Part> leaves) throws Exception {
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, leaves);
            }
        } else {
            leaves.add(part);
        }
    }

    private static String partOfType(MimeMessage message, String type) throws Exception {
        List<Part> leaves = new ArrayList<>();
        collect(message, leaves);
        for (Part leaf : leaves) {
            if (leaf.isMimeType(type)) {
                return (String) leaf.getContent();
            }
        }
        throw new AssertionError("No " + type + " part");
    }

    @Test
    void aChiefExecutiveGetsTheirWeekRankedForHackneyByEmailAndNothingInAQuietWeek() throws Exception {
        String priya = memberId(PRIYA);
        // The week in which Islington, Hackney's neighbour, opened its reablement proposal for challenge.
        Instant opened = happened(REABLEMENT, ActivityView.Kind.PROPOSAL_OPENED);
        DigestWeek week = weekCovering(opened);
        scheduler(week.due().plusSeconds(60)).runDue();

        Digest digest = digest(week.idFor(priya));
        assertThat(digest.state()).isIn("READY", "SENDING", "SENT");
        assertThat(digest.kind()).isEqualTo("CHIEF_EXECUTIVE");
        assertThat(digest.subject()).startsWith("Hackney this week: ");
        assertThat(entries(digest)).anySatisfy(entry -> {
            assertThat(entry.id()).isEqualTo(REABLEMENT);
            assertThat(entry.why())
                    .isEqualTo("Islington, a neighbouring borough, opened this proposal for challenge" + " in ‘"
                            + groupName(REABLEMENT) + "’.");
            assertThat(entry.link()).isEqualTo("/items/" + REABLEMENT);
        });
        // Every entry happened that week, in a group Hackney can see, and was not done by Priya.
        for (Digest.Entry entry : entries(digest)) {
            if (entry.id().startsWith("burst:")) {
                // Several happenings of one kind in one group, summarised as one line that links to the group.
                assertThat(entry.link()).startsWith("/groups/");
                continue;
            }
            ActivityView view = mongo.findById(entry.id(), ActivityView.class, ActivityProjector.NAME);
            assertThat(view.happenings())
                    .as(entry.title())
                    .anyMatch(h -> week.covers(h.at()) && !priya.equals(h.actorId()) && h.at().equals(entry.at()));
        }
        assertThat(digest.shown()).isLessThanOrEqualTo(7);

        // The evidence behind the e-auction, which Priya endorsed and Hackney adopted, went from level 2 to 3 in its
        // own week.
        DigestWeek upgraded = weekCovering(happened(AUDITED_SAVINGS, ActivityView.Kind.EVIDENCE_REVISED));
        scheduler(upgraded.due().plusSeconds(60)).runDue();
        assertThat(entries(digest(upgraded.idFor(priya)))).anySatisfy(entry -> {
            assertThat(entry.id()).isEqualTo(AUDITED_SAVINGS);
            // Told through the practice Hackney has taken up (ADR 19), which outranks the proposal it endorsed.
            assertThat(entry.why())
                    .startsWith("This evidence went up from level 2 to level 3 on Nesta's standards.")
                    .contains("It is linked to the practice ‘IT hardware e-auction’, which Hackney has");
        });

        // Emailed to Priya on the embedded SMTP server: HTML and plain text, a subject that says what is inside,
        // one-click unsubscribe and a link to manage preferences.
        await("Priya's digest to be emailed")
                .atMost(Duration.ofSeconds(60))
                .until(() -> email(week.idFor(priya)).isPresent());
        MimeMessage message = email(week.idFor(priya)).orElseThrow();
        assertThat(message.getSubject()).isEqualTo(digest.subject());
        assertThat(message.getAllRecipients()[0].toString()).contains(PRIYA);
        assertThat(message.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        String unsubscribe = message.getHeader("List-Unsubscribe", null);
        assertThat(unsubscribe).matches("<http://localhost:\\d+/unsubscribe/" + priya + "/[A-Za-z0-9_-]{43}>");
        String html = partOfType(message, "text/html");
        String text = partOfType(message, "text/plain");
        assertThat(html)
                .contains(
                        "Neighbouring boroughs",
                        "/items/" + REABLEMENT,
                        "Manage your notification settings",
                        "/notifications/settings",
                        "Stop these emails");
        assertThat(text)
                .contains(
                        "Dear Priya Shah",
                        "NEIGHBOURING BOROUGHS",
                        "Islington, a neighbouring borough",
                        "/items/" + REABLEMENT,
                        "/notifications/settings",
                        "Stop these emails: http://localhost:");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "SENT".equals(digest(week.idFor(priya)).state()));

        // A quiet week: five weeks from now nothing has happened yet, and nothing is coming for Hackney (the live
        // board rehearsal Priya has a place at is three weeks ahead, her action from the retreat due in eleven), so
        // her digest is recorded empty and never sent. Four weeks would not do: on a Monday the rehearsal falls in
        // the week after that digest, and rightly shows. Whoever does get one that week gets it only for what is
        // still to come: their council's retreat actions and pledges coming due or overdue, and retreats they are
        // invited to or have a place at.
        DigestWeek quiet = DigestWeek.latestDue(Instant.now().plus(Duration.ofDays(35)), DayOfWeek.MONDAY, EIGHT);
        scheduler(quiet.due().plusSeconds(60)).runDue();
        Digest quietDigest = digest(quiet.idFor(priya));
        assertThat(quietDigest.state())
                .as("Priya's digest for the quiet week %s: %s", quiet.week(), quietDigest.sections())
                .isEqualTo("EMPTY");
        assertThat(mongo.find(
                        query(where("week").is(quiet.week()).and("state").ne("EMPTY")),
                        Digest.class,
                        Digest.COLLECTION))
                .flatMap(Digest::sections)
                .extracting(Digest.Section::category)
                .allMatch(category -> category.equals("COMING_DUE") || category.equals("UPCOMING_RETREATS"));
        await("every digest waiting to be sent")
                .atMost(Duration.ofSeconds(90))
                .until(() -> mongo.count(query(where("state").in("READY", "SENDING")), "digests") == 0);
        assertThat(email(quiet.idFor(priya))).isEmpty();

        // The administrators' outbox lists it.
        Browser sam = workspace.browser().signIn(SAM, PASSWORD);
        assertThat(sam.get("/admin/outbox").body()).contains(week.idFor(priya), "Received by the embedded SMTP server");
        assertThat(workspace
                        .browser()
                        .signIn(TOM, PASSWORD)
                        .get("/admin/outbox")
                        .statusCode())
                .isEqualTo(403);

        // One click in the mail client, with no session and no CSRF token, stops the emails; the digest stays in the
        // app (KEPT) from the next week on.
        String url = unsubscribe
                .substring(1, unsubscribe.length() - 1)
                .replaceFirst("http://localhost:\\d+", workspace.baseUrl());
        HttpResponse<String> clicked = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(clicked.statusCode()).isEqualTo(200);
        assertThat(clicked.body()).contains("You will no longer get the digest by email");
        HttpResponse<String> forged = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url.substring(0, url.lastIndexOf('/') + 1) + "AAAA"))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        Boolean.FALSE.equals(mongo.findById(priya, org.bson.Document.class, "notification-settings")
                                .getBoolean("emailed")));
        DigestWeek next = DigestWeek.of(
                upgraded.due().atZone(DigestWeek.LONDON).toLocalDate().minusWeeks(1), EIGHT);
        scheduler(next.due().plusSeconds(60)).runDue();
        assertThat(digest(next.idFor(priya)).state()).isIn("KEPT", "EMPTY");
        assertThat(mongo.count(query(where("memberId").is(priya).and("state").in("READY", "SENDING")), "digests"))
                .isZero();
    }

    private static String groupName(String itemId) {
        ActivityView view = mongo.findById(itemId, ActivityView.class, ActivityProjector.NAME);
        return mongo.findById(view.groupId(), org.bson.Document.class, "group-page")
                .getString("name");
    }

    @Test
    void twoSchedulersRacingOnTheSameMongoDbMakeEveryDigestOfAWeekOnce() throws Exception {
        // A week of the demo's history that no other test here makes, and not the latest one, which the projections
        // process makes on its own clock.
        DigestWeek week = weekCovering(happened(QUESTION, ActivityView.Kind.QUESTION_POSTED));
        Instant now = week.due().plusSeconds(120);
        DigestScheduler first = scheduler(now);
        DigestScheduler second = scheduler(now);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<Integer>> runs = new ArrayList<>();
        for (DigestScheduler instance : List.of(first, second)) {
            Callable<Integer> run = () -> {
                go.await();
                return instance.runDue();
            };
            runs.add(threads.submit(run));
        }
        go.countDown();
        int made = runs.get(0).get() + runs.get(1).get();
        threads.shutdown();

        // Everyone whose digest falls due in that week (a member who moved theirs to Friday has it in another week).
        long members = mongo
                .find(
                        query(where("organisationId").ne(null)),
                        org.collaborative.views.digest.NotificationSettings.class,
                        "notification-settings")
                .stream()
                .filter(m -> DigestWeek.latestDue(now, m.digestDay(), m.digestTime())
                        .week()
                        .equals(week.week()))
                .count();
        assertThat(members).isGreaterThan(50);
        List<Digest> digests = mongo.find(query(where("week").is(week.week())), Digest.class, Digest.COLLECTION);
        assertThat(digests).hasSize((int) members);
        // Each digest either instance made was made by exactly one of them (Mary, who moved hers to Friday, gets the
        // week that fell due on her Friday, made here too).
        assertThat(made)
                .isEqualTo(mongo.count(
                        query(where("claimedBy").in(first.instance(), second.instance())), Digest.COLLECTION));
        assertThat(made).isGreaterThanOrEqualTo(digests.size());
        assertThat(digests).extracting(Digest::state).doesNotContain("COMPOSING");
        assertThat(first.runDue() + second.runDue()).isZero();
    }

    @Test
    void theFeedIsAtomAtASecretAddressThatCanBeRevoked() throws Exception {
        String priya = memberId(PRIYA);
        DigestWeek week = weekCovering(happened(REABLEMENT, ActivityView.Kind.PROPOSAL_OPENED));
        scheduler(week.due().plusSeconds(60)).runDue();
        Browser browser = workspace.browser().signIn(PRIYA, PASSWORD);
        assertThat(browser.get("/digests").body())
                .contains(
                        "Preview my digest now",
                        digest(week.idFor(priya)).subject().replace("'", "&#39;"));
        HttpResponse<String> made = browser.post("/digests/feed", Map.of());
        Matcher address = Pattern.compile("value=\"(http://localhost:\\d+/feeds/(collab_feed_[A-Za-z0-9_-]+))\"")
                .matcher(made.body());
        assertThat(address.find()).isTrue();
        String feedPath = "/feeds/" + address.group(2);

        HttpResponse<String> feed = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(workspace.baseUrl() + feedPath))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type").orElse("")).startsWith("application/atom+xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document atom = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(feed.body().getBytes(StandardCharsets.UTF_8)));
        Element root = atom.getDocumentElement();
        String ns = "http://www.w3.org/2005/Atom";
        assertThat(root.getLocalName()).isEqualTo("feed");
        assertThat(root.getNamespaceURI()).isEqualTo(ns);
        for (String required : List.of("id", "title", "updated")) {
            assertThat(child(root, ns, required)).as("feed " + required).isNotBlank();
        }
        Instant.parse(child(root, ns, "updated"));
        NodeList entries = root.getElementsByTagNameNS(ns, "entry");
        assertThat(entries.getLength()).isGreaterThan(0);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            for (String required : List.of("id", "title", "updated")) {
                assertThat(child(entry, ns, required)).as("entry " + required).isNotBlank();
            }
            Instant.parse(child(entry, ns, "updated"));
            Element link = (Element) entry.getElementsByTagNameNS(ns, "link").item(0);
            assertThat(link.getAttribute("href")).matches("http://localhost:\\d+/digests/.+");
            ids.add(child(entry, ns, "id"));
        }
        assertThat(ids).doesNotHaveDuplicates().contains("urn:collaborative:digest:" + week.idFor(priya));

        browser.get("/digests");
        browser.post("/digests/feed/revocation", Map.of());
        assertThat(HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(workspace.baseUrl() + feedPath))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(404);
    }

    private static String child(Element parent, String ns, String name) {
        NodeList nodes = parent.getElementsByTagNameNS(ns, name);
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getParentNode() == parent) {
                return nodes.item(i).getTextContent();
            }
        }
        return null;
    }

    @Test
    void membersChooseTheirNotificationsSeeWhatIsNewAndPreviewTheirDigest() {
        Browser mary = workspace.browser().signIn(MARY, PASSWORD);
        String buying = UUID.nameUUIDFromBytes("demo-group:climate-change-and-carbon-reduction:Buying better together"
                        .getBytes(StandardCharsets.UTF_8))
                .toString();
        mary.get("/groups/" + buying);
        assertThat(mary.post("/follows", Map.of("target", "GROUP", "targetId", buying))
                        .statusCode())
                .isEqualTo(302);

        // Preferences: a bad time is refused with the GOV.UK error summary; a good one is saved.
        mary.get("/notifications/settings");
        HttpResponse<String> refused = mary.post(
                "/notifications/settings",
                Map.of(
                        "day",
                        "FRIDAY",
                        "time",
                        "25:00",
                        "emailed",
                        "true",
                        "frequency-GROUP-" + buying,
                        "IMMEDIATELY"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body())
                .contains("There is a problem", "<a href=\"#time\">Enter a real time, like 08:00 or 17:30</a>");
        HttpResponse<String> saved = mary.post(
                "/notifications/settings",
                Map.of(
                        "day",
                        "FRIDAY",
                        "time",
                        "16:30",
                        "emailed",
                        "false",
                        "frequency-GROUP-" + buying,
                        "IMMEDIATELY"));
        assertThat(saved.headers().firstValue("Location").orElse("")).endsWith("/notifications/settings?saved");
        String page = mary.get("/notifications/settings?saved").body();
        assertThat(page)
                .contains(
                        "Your notification settings are saved",
                        "value=\"16:30\"",
                        "<option value=\"FRIDAY\" selected=\"selected\">Friday</option>")
                // When the next one comes, by the scheduler's own rule (DigestWeek.next): a Friday at 4:30pm.
                .containsPattern("(?s)id=\"next-digest\".*(Your next digest comes on <time[^>]*>[^<]*4:30pm"
                        + "|Your digest for this week is being made now).*It covers what happened since");

        // Tom asks a question in the group: Mary sees it in her notification centre, counted in the header.
        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        tom.get("/groups/" + buying);
        tom.post(
                "/groups/" + buying + "/questions",
                Map.of(
                        "questionId",
                        UUID.randomUUID().toString(),
                        "title",
                        "Who has bought electric vans together?",
                        "body",
                        ""));
        await("Mary's notification")
                .atMost(Duration.ofSeconds(30))
                .until(() -> mary.get("/notifications").body().contains("Who has bought electric vans together?"));
        String centre = mary.get("/notifications").body();
        assertThat(centre)
                .contains("New question in ‘Buying better together’", "Mark all as read", "collaborative-unread");
        Matcher newest = Pattern.compile("name=\"upTo\" value=\"([^\"]+)\"").matcher(centre);
        assertThat(newest.find()).isTrue();
        HttpResponse<String> read = mary.post("/notifications/read", Map.of("upTo", newest.group(1)));
        assertThat(read.headers().firstValue("Location").orElse("")).endsWith("/notifications?read");
        String after = mary.get("/notifications?read").body();
        assertThat(after).contains("You have read everything.").doesNotContain("collaborative-unread");

        // "Preview my digest now": the projections process makes it within seconds; the page shows it.
        mary.get("/digests");
        HttpResponse<String> preview = mary.post("/digests/preview", Map.of());
        String location = preview.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/digests/" + memberId(MARY) + ":preview-");
        String path = location.replaceFirst("^https?://[^/]+", "");
        await("the preview").atMost(Duration.ofSeconds(30)).until(() -> {
            String body = mary.get(path).body();
            return body.contains("Preview of your next digest") && !body.contains("Your preview is being made");
        });
        assertThat(mary.get(path).body()).contains("Who has bought electric vans together?");
        assertThat(workspace.browser().signIn(TOM, PASSWORD).get(path).statusCode())
                .isEqualTo(404);

        // Turned off, the group no longer appears in the centre.
        mary.get("/notifications/settings");
        mary.post(
                "/notifications/settings",
                Map.of("day", "FRIDAY", "time", "16:30", "emailed", "false", "frequency-GROUP-" + buying, "OFF"));
        assertThat(mary.get("/notifications").body()).doesNotContain("Who has bought electric vans together?");
    }
}
