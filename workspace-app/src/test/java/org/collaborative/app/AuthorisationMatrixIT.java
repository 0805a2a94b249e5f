package org.collaborative.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bson.Document;
import org.collaborative.app.support.Browser;
import org.collaborative.app.support.RunningWorkspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may do what, asked of the running workspace: every kind of route — pages, htmx fragments, the JSON API, search,
 * CSV exports, live streams, follows and posts — for every role (and nobody signed in) against a group of every
 * visibility. The rules are stated here on their own, from the domain guide, not borrowed from the application: a
 * group's content is for its members and invitees, for everyone when the group is open, and for everyone but partners
 * when it is council-only; only members post; what may not be seen is "not found", never "forbidden", so that its
 * existence does not leak; nobody signed in gets the sign-in page (pages) or 401 (API). Role pages: administrators
 * alone reach /admin; facilitators and administrators form themes and groups.
 */
class AuthorisationMatrixIT {

    private static final String PASSWORD = "collaborate-in-london";
    /** The demo's e-auction practice, recorded from the taken-forward proposal (DemoPractices). */
    private static final String AUCTION = UUID.nameUUIDFromBytes(("practice-from-proposal:"
                            + UUID.nameUUIDFromBytes("demo-item:pan-london-e-auction".getBytes(StandardCharsets.UTF_8)))
                    .getBytes(StandardCharsets.UTF_8))
            .toString();

    enum Role {
        NOBODY(null),
        FACILITATOR("amara.okafor@londoncouncils.example"),
        SERVICE_LEADER("tom.hughes@camden.example"),
        CHIEF_EXECUTIVE("priya.shah@hackney.example"),
        COUNCILLOR("mary.doyle@lewisham.example"),
        PARTNER("ben.carter@gla.example"),
        ADMINISTRATOR("sam.lee@londoncouncils.example");

        final String email;

        Role(String email) {
            this.email = email;
        }

        String memberId() {
            return email == null
                    ? null
                    : UUID.nameUUIDFromBytes(("demo-member:" + email).getBytes(StandardCharsets.UTF_8))
                            .toString();
        }
    }

    enum Visibility {
        OPEN("Nudging recycling"),
        COUNCIL_ONLY("Counting churn"),
        INVITATION_ONLY("Chief executives' retreat");

        final String groupName;

        Visibility(String groupName) {
            this.groupName = groupName;
        }
    }

    /**
     * A demo group, with who belongs to it, who facilitates it and who is invited, and its name and purpose, as its view
     * says when the matrix starts.
     */
    record Group(
            String id,
            String themeId,
            Set<String> members,
            Set<String> invited,
            String questionId,
            String answerId,
            String word,
            Set<String> facilitators,
            String name,
            String purpose) {}

    @TempDir
    static Path data;

    private static RunningWorkspace workspace;
    private static final Map<Role, Browser> browsers = new EnumMap<>(Role.class);
    private static final Map<Visibility, Group> groups = new EnumMap<>(Visibility.class);

    @BeforeAll
    static void start() {
        workspace = RunningWorkspace.start(data, RunningWorkspace.Ports.free());
        for (Role role : Role.values()) {
            browsers.put(
                    role,
                    role.email == null
                            ? workspace.browser()
                            : workspace.browser().signIn(role.email, PASSWORD));
        }
        Browser amara = browsers.get(Role.FACILITATOR);
        // Memberships are read from the views: wait until they hold the whole demo seed.
        await("the demo workspace to be projected")
                .atMost(Duration.ofSeconds(90))
                .until(() -> workspace
                                .testMongo()
                                .getCollection("group-page")
                                .find(new Document("name", Visibility.INVITATION_ONLY.groupName))
                                .first()
                        != null);
        workspace.awaitPublicationCaughtUp();
        workspace.awaitProjectionsCaughtUp();
        for (Visibility visibility : Visibility.values()) {
            Document view = await("the group " + visibility.groupName)
                    .atMost(Duration.ofSeconds(90))
                    .until(
                            () -> workspace
                                    .testMongo()
                                    .getCollection("group-page")
                                    .find(new Document("name", visibility.groupName))
                                    .first(),
                            found -> found != null);
            // Amara formed every demo group, so she may ask in each: one question with a word found nowhere else.
            String word = "zorblat" + visibility.name().toLowerCase().replace("_", "");
            String questionId = UUID.randomUUID().toString();
            amara.get("/groups/" + view.getString("_id"));
            HttpResponse<String> asked = amara.api(
                    "POST",
                    "/api/groups/" + view.getString("_id") + "/questions",
                    "{\"questionId\":\"" + questionId + "\",\"title\":\"Who has tried " + word + "?\"}");
            assertThat(asked.statusCode())
                    .as("Amara asks in %s", visibility.groupName)
                    .isEqualTo(201);
            // She answers it once it is there (below), so that the forms about one answer have one.
            String answerId = UUID.randomUUID().toString();
            groups.put(
                    visibility,
                    new Group(
                            view.getString("_id"),
                            view.getString("themeId"),
                            ids(view, "members"),
                            ids(view, "invitations"),
                            questionId,
                            answerId,
                            word,
                            Set.copyOf(view.getList("facilitatorIds", String.class, List.of())),
                            view.getString("name"),
                            view.getString("purpose")));
        }
        await("the questions to be searchable")
                .atMost(Duration.ofSeconds(60))
                .until(() -> groups.values().stream()
                        .allMatch(g -> amara.api("GET", "/api/search?q=" + g.word(), null)
                                .body()
                                .contains(g.questionId())));
        for (Group g : groups.values()) {
            HttpResponse<String> answered = amara.api(
                    "POST",
                    "/api/items/" + g.questionId() + "/answers",
                    "{\"id\":\"" + g.answerId() + "\",\"text\":\"Ask about " + g.word() + "\"}");
            assertThat(answered.statusCode()).as(answered.body()).isEqualTo(201);
        }
        await("the answers to be on their questions")
                .atMost(Duration.ofSeconds(60))
                .until(() -> groups.values().stream()
                        .allMatch(g -> amara.api("GET", "/api/items/" + g.questionId(), null)
                                .body()
                                .contains(g.answerId())));
    }

    @AfterAll
    static void stop() {
        if (workspace != null) {
            try {
                // Every query of every page and API operation of the matrix, as every role, and the projections behind
                // them: each one an index serves on a real MongoDB.
                assertThat(workspace.unindexedQueries())
                        .as("queries no declared index serves (ViewIndexes)")
                        .isEmpty();
            } finally {
                workspace.close();
            }
        }
    }

    private static Set<String> ids(Document view, String list) {
        List<Document> entries = view.getList(list, Document.class, List.of());
        return entries.stream().map(entry -> entry.getString("memberId")).collect(Collectors.toSet());
    }

    /** The rule for seeing a group and what is in it. */
    private static boolean maySee(Role role, Visibility visibility, Group group) {
        if (role == Role.NOBODY) {
            return false;
        }
        if (group.members().contains(role.memberId()) || group.invited().contains(role.memberId())) {
            return true;
        }
        return visibility == Visibility.OPEN || (visibility == Visibility.COUNCIL_ONLY && role != Role.PARTNER);
    }

    /** A page: 200 when allowed, 404 when it may not be seen, the sign-in page for nobody. */
    private static void assertPage(HttpResponse<String> response, Role role, boolean allowed) {
        if (role == Role.NOBODY) {
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/sign-in");
        } else {
            assertThat(response.statusCode()).isEqualTo(allowed ? 200 : 404);
        }
    }

    /** An API call: the expected success when allowed, a 404 problem when it may not be seen, 401 for nobody. */
    private static void assertApi(HttpResponse<String> response, Role role, boolean allowed, int success) {
        int expected = role == Role.NOBODY ? 401 : allowed ? success : 404;
        assertThat(response.statusCode()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("application/problem+json");
        }
    }

    /** An API call that changes a group: 200 when allowed, a broken rule (422) when seen but not allowed. */
    private static void assertRefusedUnless(HttpResponse<String> response, Role role, boolean sees, boolean allowed) {
        if (role != Role.NOBODY && sees && !allowed) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        } else {
            assertApi(response, role, sees, 200);
        }
    }

    @TestFactory
    Stream<DynamicTest> groupContentByRoleAndVisibility() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Visibility visibility : Visibility.values()) {
            Group group = groups.get(visibility);
            for (Role role : Role.values()) {
                Browser browser = browsers.get(role);
                boolean sees = maySee(role, visibility, group);
                String name = role + " × " + visibility + " (" + (sees ? "sees" : "does not see") + ")";
                tests.add(DynamicTest.dynamicTest(
                        name + ": group page", () -> assertPage(browser.get("/groups/" + group.id()), role, sees)));
                tests.add(DynamicTest.dynamicTest(
                        name + ": questions fragment (htmx)",
                        () -> assertPage(
                                browser.get("/groups/" + group.id() + "/questions", "HX-Request", "true"),
                                role,
                                sees)));
                tests.add(DynamicTest.dynamicTest(
                        name + ": item page",
                        () -> assertPage(browser.get("/items/" + group.questionId()), role, sees)));
                // Reporting one answer is for whoever sees the question; hiding or restoring it for the group's
                // facilitators and administrators who see it. To anyone else the forms do not exist.
                boolean moderates = sees
                        && (role == Role.ADMINISTRATOR || group.facilitators().contains(role.memberId()));
                tests.add(DynamicTest.dynamicTest(
                        name + ": report an answer",
                        () -> assertPage(
                                browser.get("/items/" + group.questionId() + "/report?answer=" + group.answerId()),
                                role,
                                sees)));
                tests.add(DynamicTest.dynamicTest(
                        name + ": hide an answer (" + (moderates ? "moderates" : "does not moderate") + ")",
                        () -> assertPage(
                                browser.get("/items/" + group.questionId() + "/moderate?answer=" + group.answerId()),
                                role,
                                moderates)));
                if (role != Role.NOBODY) {
                    // Sent without a reason: the form comes back with its error, and nothing is recorded.
                    tests.add(DynamicTest.dynamicTest(
                            name + ": POST hide an answer without a reason",
                            () -> assertPage(
                                    browser.post(
                                            "/items/" + group.questionId() + "/moderate?answer=" + group.answerId(),
                                            Map.of("action", "hide", "reason", "")),
                                    role,
                                    moderates)));
                }
                tests.add(DynamicTest.dynamicTest(name + ": CSV export", () -> {
                    HttpResponse<String> csv = browser.get("/groups/" + group.id() + "/items.csv");
                    assertPage(csv, role, sees);
                    if (sees) {
                        assertThat(csv.body()).contains(group.word());
                    }
                }));
                tests.add(DynamicTest.dynamicTest(name + ": live stream", () -> {
                    HttpResponse<Stream<String>> live =
                            browser.stream("/groups/" + group.id() + "/live").get(10, TimeUnit.SECONDS);
                    try {
                        if (role == Role.NOBODY) {
                            assertThat(live.statusCode())
                                    .as("no stream for nobody")
                                    .isIn(302, 401, 403);
                            return;
                        }
                        assertThat(live.statusCode()).isEqualTo(sees ? 200 : 404);
                        if (sees) {
                            assertThat(live.headers().firstValue("Content-Type").orElseThrow())
                                    .startsWith("text/event-stream");
                        }
                    } finally {
                        live.body().close();
                    }
                }));
                tests.add(DynamicTest.dynamicTest(name + ": search page", () -> {
                    HttpResponse<String> results = browser.get("/search?q=" + group.word());
                    assertPage(results, role, true);
                    if (role != Role.NOBODY) {
                        assertThat(results.body().contains("/items/" + group.questionId()))
                                .as("the question is in the results")
                                .isEqualTo(sees);
                    }
                }));
                tests.add(DynamicTest.dynamicTest(
                        name + ": API group",
                        () -> assertApi(browser.api("GET", "/api/groups/" + group.id(), null), role, sees, 200)));
                tests.add(DynamicTest.dynamicTest(
                        name + ": API item",
                        () -> assertApi(
                                browser.api("GET", "/api/items/" + group.questionId(), null), role, sees, 200)));
                tests.add(DynamicTest.dynamicTest(name + ": API search", () -> {
                    HttpResponse<String> results = browser.api("GET", "/api/search?q=" + group.word(), null);
                    assertApi(results, role, true, 200);
                    if (role != Role.NOBODY) {
                        assertThat(results.body().contains(group.questionId())).isEqualTo(sees);
                    }
                }));
                tests.add(DynamicTest.dynamicTest(name + ": API follow", () -> {
                    browser.get("/themes");
                    assertApi(
                            browser.api(
                                    "POST",
                                    "/api/follows",
                                    "{\"target\":\"GROUP\",\"targetId\":\"" + group.id() + "\"}"),
                            role,
                            sees,
                            201);
                }));
                // Looking after a group (ADR 24): its facilitators and administrators rename and archive it, appoint
                // its
                // facilitators; administrators alone reopen it. Each call here changes nothing: the same name and
                // purpose, a facilitator appointed again, a group that is not archived reopened.
                boolean steward = role == Role.ADMINISTRATOR
                        || (role != Role.NOBODY && group.facilitators().contains(role.memberId()));
                tests.add(DynamicTest.dynamicTest(
                        name + ": rename page (" + (steward ? "looks after it" : "does not") + ")",
                        () -> assertPage(browser.get("/groups/" + group.id() + "/edit"), role, sees && steward)));
                tests.add(DynamicTest.dynamicTest(name + ": API rename to the same name", () -> {
                    browser.get("/themes");
                    HttpResponse<String> renamed = browser.api(
                            "PUT",
                            "/api/groups/" + group.id(),
                            new com.fasterxml.jackson.databind.ObjectMapper()
                                    .writeValueAsString(Map.of("name", group.name(), "purpose", group.purpose())));
                    assertRefusedUnless(renamed, role, sees, steward);
                }));
                tests.add(DynamicTest.dynamicTest(name + ": API appoint a facilitator again", () -> {
                    browser.get("/themes");
                    HttpResponse<String> appointed = browser.api(
                            "POST",
                            "/api/groups/" + group.id() + "/facilitators",
                            "{\"memberId\":\"" + Role.FACILITATOR.memberId() + "\"}");
                    assertRefusedUnless(appointed, role, sees, steward);
                }));
                tests.add(DynamicTest.dynamicTest(name + ": API reopen a group that is not archived", () -> {
                    browser.get("/themes");
                    HttpResponse<String> reopened = browser.api("POST", "/api/groups/" + group.id() + "/reopen", null);
                    assertRefusedUnless(reopened, role, sees, role == Role.ADMINISTRATOR);
                }));
                boolean member = role != Role.NOBODY && group.members().contains(role.memberId());
                tests.add(DynamicTest.dynamicTest(
                        name + ": API ask a question (" + (member ? "member" : "not a member") + ")", () -> {
                            browser.get("/themes");
                            HttpResponse<String> asked = browser.api(
                                    "POST",
                                    "/api/groups/" + group.id() + "/questions",
                                    "{\"title\":\"Asked by " + role + " in " + visibility + "\"}");
                            if (role != Role.NOBODY && sees && !member) {
                                assertThat(asked.statusCode())
                                        .as("seen but not a member: a broken rule")
                                        .isEqualTo(422);
                                assertThat(asked.body()).contains("Join this group before you post a question to it");
                            } else {
                                assertApi(asked, role, sees, 201);
                            }
                        }));
            }
        }
        return tests.stream();
    }

    /** Whether this role may see a group, from the group's view as it stands: the same rule as {@link #maySee}. */
    private static boolean maySee(Role role, Document group) {
        Visibility visibility = Visibility.valueOf(group.getString("visibility"));
        return maySee(
                role,
                visibility,
                new Group(
                        group.getString("_id"),
                        group.getString("themeId"),
                        ids(group, "members"),
                        ids(group, "invitations"),
                        null,
                        null,
                        null,
                        Set.of(),
                        null,
                        null));
    }

    /**
     * Counts reveal nothing: each theme's number of working groups, on the theme list and in the API, counts only the
     * groups the reader may see (a partner is not told that a council-only group exists on a theme).
     */
    @TestFactory
    Stream<DynamicTest> themeCountsByRole() {
        List<Document> allGroups =
                workspace.testMongo().getCollection("group-page").find().into(new ArrayList<>());
        List<Document> themes = workspace
                .testMongo()
                .getCollection("theme-list")
                .find(new Document("archived", new Document("$ne", true)))
                .into(new ArrayList<>());
        assertThat(themes).as("the demo themes").isNotEmpty();
        List<DynamicTest> tests = new ArrayList<>();
        for (Role role : Role.values()) {
            if (role == Role.NOBODY) {
                tests.add(DynamicTest.dynamicTest(
                        role + ": theme counts",
                        () -> assertApi(browsers.get(role).api("GET", "/api/themes", null), role, true, 200)));
                continue;
            }
            Map<String, Long> expected = new java.util.HashMap<>();
            for (Document theme : themes) {
                expected.put(
                        theme.getString("_id"),
                        allGroups.stream()
                                .filter(group -> theme.getString("_id").equals(group.getString("themeId")))
                                .filter(group -> maySee(role, group))
                                .count());
            }
            tests.add(DynamicTest.dynamicTest(role + ": theme counts in the API", () -> {
                HttpResponse<String> response = browsers.get(role).api("GET", "/api/themes", null);
                assertThat(response.statusCode()).isEqualTo(200);
                com.fasterxml.jackson.databind.JsonNode list =
                        new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
                Map<String, Long> counted = new java.util.HashMap<>();
                list.forEach(theme -> counted.put(
                        theme.get("id").asText(), theme.get("groupCount").asLong()));
                assertThat(counted).isEqualTo(expected);
                for (Map.Entry<String, Long> theme : expected.entrySet()) {
                    HttpResponse<String> one = browsers.get(role).api("GET", "/api/themes/" + theme.getKey(), null);
                    assertThat(one.body()).as(theme.getKey()).contains("\"groupCount\":" + theme.getValue());
                }
            }));
            tests.add(DynamicTest.dynamicTest(role + ": theme counts on the theme list", () -> {
                String page = browsers.get(role).get("/themes").body();
                for (Map.Entry<String, Long> theme : expected.entrySet()) {
                    java.util.regex.Matcher row = java.util.regex.Pattern.compile(
                                    "href=\"/themes/" + java.util.regex.Pattern.quote(theme.getKey())
                                            + "\"[^<]*</a>\\s*</th>\\s*<td[^>]*>[^<]*</td>\\s*<td[^>]*>(\\d+)</td>")
                            .matcher(page);
                    assertThat(row.find()).as("a row for %s", theme.getKey()).isTrue();
                    assertThat(Long.parseLong(row.group(1))).as(theme.getKey()).isEqualTo(theme.getValue());
                }
            }));
        }
        tests.add(DynamicTest.dynamicTest("the partner is shown fewer groups than the facilitator somewhere", () -> {
            long partner = allGroups.stream()
                    .filter(group -> maySee(Role.PARTNER, group))
                    .count();
            long facilitator = allGroups.stream()
                    .filter(group -> maySee(Role.FACILITATOR, group))
                    .count();
            assertThat(partner).as("the demo has groups a partner may not see").isLessThan(facilitator);
        }));
        return tests.stream();
    }

    /**
     * An organisation administrator reaches the finance officers' page, sees only their own council's officers and
     * people, designates among them, and is refused anyone else (page and API); the rest of /admin stays closed. The
     * demo has no organisation administrator: Sam makes Sutton's director of finance (already its finance officer) one.
     */
    @Test
    void organisationAdministratorsDesignateFinanceOfficersOfTheirOwnCouncilOnly() {
        String email = "director.finance@sutton.example";
        String sutton = UUID.nameUUIDFromBytes(("demo-member:" + email).getBytes(StandardCharsets.UTF_8))
                .toString();
        String hackney = UUID.nameUUIDFromBytes(
                        "demo-member:director.finance@hackney.example".getBytes(StandardCharsets.UTF_8))
                .toString();
        browsers.get(Role.ADMINISTRATOR).get("/admin/members/" + sutton);
        HttpResponse<String> made = browsers.get(Role.ADMINISTRATOR)
                .post("/admin/members/" + sutton + "/role", Map.of("role", "ORGANISATION_ADMINISTRATOR"));
        assertThat(made.statusCode()).as("Sam changes the role").isIn(200, 302, 303);
        Browser orgAdmin = workspace.browser().signIn(email, PASSWORD);

        String page = orgAdmin.get("/admin/finance-officers").body();
        assertThat(page).contains("id=\"organisation-only\"", "id=\"officer-" + sutton + "\"");
        assertThat(page).doesNotContain("officer-" + hackney, "value=\"" + Role.SERVICE_LEADER.memberId() + "\"");

        HttpResponse<String> refused =
                orgAdmin.post("/admin/finance-officers", Map.of("memberId", Role.SERVICE_LEADER.memberId()));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("There is a problem", "only among the people of your own organisation");
        HttpResponse<String> ending = orgAdmin.post("/admin/finance-officers/" + hackney + "/end", Map.of());
        assertThat(ending.statusCode()).isEqualTo(200);
        assertThat(ending.body()).contains("only among the people of your own organisation");
        assertThat(orgAdmin.api("PUT", "/api/finance-officers/" + Role.SERVICE_LEADER.memberId(), null)
                        .statusCode())
                .isEqualTo(422);
        for (String closed : List.of("/admin", "/admin/members", "/admin/views")) {
            assertThat(orgAdmin.get(closed).statusCode()).as(closed).isEqualTo(403);
        }
    }

    /** Pages for a role, not a group: who reaches them. */
    @TestFactory
    Stream<DynamicTest> pagesByRole() {
        Map<String, Set<Role>> allowed = new java.util.LinkedHashMap<>();
        Set<Role> signedIn = Set.of(
                Role.FACILITATOR,
                Role.SERVICE_LEADER,
                Role.CHIEF_EXECUTIVE,
                Role.COUNCILLOR,
                Role.PARTNER,
                Role.ADMINISTRATOR);
        Set<Role> stewards = Set.of(Role.FACILITATOR, Role.ADMINISTRATOR);
        Set<Role> administrators = Set.of(Role.ADMINISTRATOR);
        Set<Role> everyone = Set.of(Role.values());
        allowed.put("/admin", administrators);
        allowed.put("/admin/views", administrators);
        allowed.put("/admin/parked", administrators);
        allowed.put("/admin/members", administrators);
        allowed.put("/admin/security-log", administrators);
        allowed.put("/admin/outbox", administrators);
        // Organisation administrators reach these too, for their own organisation; the demo has none, so
        // organisationAdministratorsDesignateFinanceOfficersOfTheirOwnCouncilOnly makes one.
        allowed.put("/admin/finance-officers", administrators);
        allowed.put("/admin/invitations", administrators);
        allowed.put("/admin/registrations", administrators);
        allowed.put("/admin/email-domains", administrators);
        allowed.put("/admin/email-domains/E09000007", administrators);
        allowed.put("/themes/new", stewards);
        allowed.put("/themes/behaviour-change/edit", stewards);
        allowed.put("/themes/behaviour-change/groups/new", stewards);
        // The participation dashboard is for facilitators and administrators (ADR 19).
        allowed.put("/participation", stewards);
        for (String page : List.of(
                "/",
                "/themes",
                "/themes/behaviour-change",
                "/evidence",
                "/proposals",
                "/practices",
                "/practices/" + AUCTION,
                "/practices/" + AUCTION + "?asOf=2025-06-30",
                "/practices/" + AUCTION + "/spread",
                "/savings",
                "/savings.csv",
                "/members",
                "/following",
                "/profile",
                "/profile/tokens",
                "/profile/password",
                "/search?q=auction",
                "/notifications",
                "/notifications/settings",
                "/digests")) {
            allowed.put(page, signedIn);
        }
        // The pages reached from an emailed link, before anyone can sign in: a made-up link says it does not work.
        for (String page : List.of(
                "/sign-in",
                "/accessibility",
                "/privacy",
                "/password/forgotten",
                "/invitations/bWFkZS11cA.bWFkZS11cA",
                "/password/reset/bWFkZS11cA.bWFkZS11cA",
                "/register",
                "/register/waiting",
                "/register/confirm/bWFkZS11cA.bWFkZS11cA")) {
            allowed.put(page, everyone);
        }
        List<DynamicTest> tests = new ArrayList<>();
        // Moderation is for the facilitators of some group (in the demo Priya Shah, the chief executive, co-facilitates
        // the retreat group) and for administrators; to anyone else the pages do not exist.
        Set<Role> moderators = Set.of(Role.FACILITATOR, Role.CHIEF_EXECUTIVE, Role.ADMINISTRATOR);
        // Recording a practice that comes from no proposal is for facilitators: to anyone else the form does not exist.
        for (Role role : Role.values()) {
            tests.add(DynamicTest.dynamicTest(
                    role + " → /practices/new",
                    () -> assertPage(browsers.get(role).get("/practices/new"), role, stewards.contains(role))));
        }
        // Changing a practice is for the person who recorded it (Amara recorded the e-auction) and facilitators and
        // administrators; linking evidence to it also for the members of the organisation it comes from (Camden: Tom).
        // To anyone else the pages do not exist. The forms sent empty record nothing: they come back with their errors.
        Set<Role> linkers = Set.of(Role.FACILITATOR, Role.SERVICE_LEADER, Role.ADMINISTRATOR);
        for (Role role : Role.values()) {
            tests.add(DynamicTest.dynamicTest(
                    role + " → /practices/{e-auction}/edit",
                    () -> assertPage(
                            browsers.get(role).get("/practices/" + AUCTION + "/edit"), role, stewards.contains(role))));
            tests.add(DynamicTest.dynamicTest(
                    role + " → /practices/{e-auction}/evidence",
                    () -> assertPage(
                            browsers.get(role).get("/practices/" + AUCTION + "/evidence"),
                            role,
                            linkers.contains(role))));
            if (role != Role.NOBODY) {
                tests.add(DynamicTest.dynamicTest(
                        role + " → POST /practices/{e-auction} (empty)",
                        () -> assertPage(
                                browsers.get(role).post("/practices/" + AUCTION, Map.of("name", "", "summary", "")),
                                role,
                                stewards.contains(role))));
                tests.add(DynamicTest.dynamicTest(
                        role + " → POST /practices/{e-auction}/evidence (nothing chosen)",
                        () -> assertPage(
                                browsers.get(role).post("/practices/" + AUCTION + "/evidence", Map.of()),
                                role,
                                linkers.contains(role))));
                // A role's route: others are told "forbidden", as on /admin.
                tests.add(DynamicTest.dynamicTest(role + " → POST /admin/finance-officers (nobody chosen)", () -> {
                    HttpResponse<String> response =
                            browsers.get(role).post("/admin/finance-officers", Map.of("memberId", ""));
                    assertThat(response.statusCode()).isEqualTo(administrators.contains(role) ? 200 : 403);
                }));
            }
        }
        for (String api : List.of(
                "/api/practices",
                "/api/practices/" + AUCTION,
                "/api/practices/" + AUCTION + "/adoptions",
                "/api/practices/" + AUCTION + "/outcomes",
                "/api/practices/" + AUCTION + "/spread",
                "/api/savings")) {
            for (Role role : Role.values()) {
                tests.add(DynamicTest.dynamicTest(
                        role + " → " + api,
                        () -> assertApi(browsers.get(role).api("GET", api, null), role, role != Role.NOBODY, 200)));
            }
        }
        // A move for a council that is not the caller's own: facilitators and administrators may record it, members
        // are refused (422), nobody is not signed in. Each role tries a council of its own so the moves never meet.
        List<String> otherCouncils =
                List.of("E09000002", "E09000003", "E09000004", "E09000006", "E09000008", "E09000010", "E09000011");
        for (Role role : Role.values()) {
            String council = otherCouncils.get(role.ordinal());
            tests.add(DynamicTest.dynamicTest(role + " → POST a move for " + council, () -> {
                HttpResponse<String> response = browsers.get(role)
                        .api(
                                "POST",
                                "/api/practices/" + AUCTION + "/adoptions/" + council + "/moves",
                                "{\"stage\":\"AWARE\",\"happenedOn\":\""
                                        + java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"))
                                        + "\"}");
                if (role == Role.NOBODY) {
                    assertThat(response.statusCode()).isIn(401, 403);
                } else {
                    assertThat(response.statusCode()).isEqualTo(stewards.contains(role) ? 201 : 422);
                }
            }));
            // Designating a finance officer is for administrators.
            tests.add(DynamicTest.dynamicTest(role + " → PUT /api/finance-officers/{Tom}", () -> {
                HttpResponse<String> response =
                        browsers.get(role).api("PUT", "/api/finance-officers/" + Role.SERVICE_LEADER.memberId(), null);
                if (role == Role.NOBODY) {
                    assertThat(response.statusCode()).isIn(401, 403);
                } else {
                    assertThat(response.statusCode()).isEqualTo(administrators.contains(role) ? 200 : 422);
                }
            }));
            // Verifying an outcome is for a finance officer of the council: none of these roles is one of Hackney's.
            tests.add(DynamicTest.dynamicTest(role + " → POST a verification", () -> {
                HttpResponse<String> response = browsers.get(role)
                        .api(
                                "POST",
                                "/api/practices/" + AUCTION + "/adoptions/E09000012/outcomes/"
                                        + UUID.nameUUIDFromBytes(
                                                "demo-outcome:auction:E09000012".getBytes(StandardCharsets.UTF_8))
                                        + "/verification",
                                "{}");
                assertThat(response.statusCode()).isIn(role == Role.NOBODY ? List.of(401, 403) : List.of(422));
            }));
        }
        for (String page : List.of("/moderation", "/moderation/log")) {
            for (Role role : Role.values()) {
                tests.add(DynamicTest.dynamicTest(
                        role + " → " + page,
                        () -> assertPage(browsers.get(role).get(page), role, moderators.contains(role))));
            }
        }
        allowed.forEach((page, roles) -> {
            for (Role role : Role.values()) {
                tests.add(DynamicTest.dynamicTest(role + " → " + page, () -> {
                    HttpResponse<String> response = browsers.get(role).get(page);
                    if (roles.contains(role)) {
                        assertThat(response.statusCode()).isEqualTo(200);
                    } else if (role == Role.NOBODY) {
                        assertThat(response.statusCode()).isEqualTo(302);
                        assertThat(response.headers().firstValue("Location").orElseThrow())
                                .endsWith("/sign-in");
                    } else {
                        assertThat(response.statusCode()).isEqualTo(403);
                    }
                }));
            }
        });
        for (Role role : Role.values()) {
            if (role != Role.NOBODY) {
                // A private feed: its secret address is the credential, so it opens without a session; a made-up
                // address is not found, and nobody can ask for one without signing in.
                tests.add(DynamicTest.dynamicTest(role + " → their private Atom feed", () -> {
                    Browser browser = browsers.get(role);
                    browser.get("/digests");
                    HttpResponse<String> made = browser.post("/digests/feed", Map.of());
                    java.util.regex.Matcher address = java.util.regex.Pattern.compile(
                                    "/feeds/(collab_feed_[A-Za-z0-9_-]+)\"")
                            .matcher(made.body());
                    assertThat(address.find()).as("a feed address for %s", role).isTrue();
                    HttpResponse<String> feed = browsers.get(Role.NOBODY).get("/feeds/" + address.group(1));
                    assertThat(feed.statusCode()).isEqualTo(200);
                    assertThat(feed.headers().firstValue("Content-Type").orElseThrow())
                            .startsWith("application/atom+xml");
                }));
            }
            tests.add(DynamicTest.dynamicTest(
                    role + " → a made-up feed address",
                    () -> assertThat(browsers.get(role)
                                    .get("/feeds/collab_feed_madeup" + role.ordinal())
                                    .statusCode())
                            .isEqualTo(404)));
            if (role == Role.NOBODY) {
                tests.add(DynamicTest.dynamicTest(
                        role + " → POST /digests/feed",
                        () -> assertThat(browsers.get(role)
                                        .post("/digests/feed", Map.of())
                                        .statusCode())
                                .isIn(302, 403)));
            }
            if (role != Role.NOBODY) {
                // Retrying parked events is for administrators (with nothing parked, the page says none went).
                tests.add(DynamicTest.dynamicTest(role + " → POST /admin/parked/retry", () -> {
                    Browser browser = browsers.get(role);
                    browser.get("/profile");
                    HttpResponse<String> response = browser.post("/admin/parked/retry", Map.of());
                    assertThat(response.statusCode()).isEqualTo(role == Role.ADMINISTRATOR ? 302 : 403);
                }));
                // So is asking the projections to retry a view's parked records (nothing is parked: none asked).
                tests.add(DynamicTest.dynamicTest(role + " → POST /admin/parked/views/{view}/retry", () -> {
                    Browser browser = browsers.get(role);
                    browser.get("/profile");
                    HttpResponse<String> response = browser.post(
                            "/admin/parked/views/items/retry", Map.of("partition", "0", "key", "no-such-aggregate"));
                    assertThat(response.statusCode()).isEqualTo(role == Role.ADMINISTRATOR ? 302 : 403);
                }));
            }
            tests.add(DynamicTest.dynamicTest(role + " → /api/invitations", () -> {
                HttpResponse<String> response = browsers.get(role).api("GET", "/api/invitations", null);
                // A role's route, not a group's content: others are told "forbidden", as on /admin.
                assertThat(response.statusCode())
                        .isEqualTo(role == Role.NOBODY ? 401 : role == Role.ADMINISTRATOR ? 200 : 403);
            }));
            tests.add(DynamicTest.dynamicTest(role + " → /api/organisations/{Camden}/email-domains", () -> {
                HttpResponse<String> response =
                        browsers.get(role).api("GET", "/api/organisations/E09000007/email-domains", null);
                assertThat(response.statusCode())
                        .isEqualTo(role == Role.NOBODY ? 401 : role == Role.ADMINISTRATOR ? 200 : 403);
                if (role == Role.ADMINISTRATOR) {
                    assertThat(response.body()).contains("camden.example", "BY_ORGANISATION_ADMINISTRATOR");
                }
            }));
            if (role != Role.NOBODY) {
                // Setting them (to what the demo has) is for administrators; deciding on a registration is for
                // (organisation) administrators, to whom one nobody made is not found.
                tests.add(DynamicTest.dynamicTest(role + " → PUT /api/organisations/{Camden}/email-domains", () -> {
                    HttpResponse<String> response = browsers.get(role)
                            .api(
                                    "PUT",
                                    "/api/organisations/E09000007/email-domains",
                                    "{\"domains\":[\"camden.example\"],"
                                            + "\"approval\":\"BY_ORGANISATION_ADMINISTRATOR\"}");
                    assertThat(response.statusCode()).isEqualTo(role == Role.ADMINISTRATOR ? 200 : 403);
                }));
                tests.add(DynamicTest.dynamicTest(role + " → POST /admin/registrations/{nobody}/approve", () -> {
                    Browser browser = browsers.get(role);
                    browser.get("/profile");
                    HttpResponse<String> response =
                            browser.post("/admin/registrations/" + UUID.randomUUID() + "/approve", Map.of());
                    assertThat(response.statusCode()).isEqualTo(role == Role.ADMINISTRATOR ? 404 : 403);
                }));
            }
            tests.add(DynamicTest.dynamicTest(
                    role + " → /api/me",
                    () -> assertApi(browsers.get(role).api("GET", "/api/me", null), role, true, 200)));
            tests.add(DynamicTest.dynamicTest(role + " → POST /admin/views/group-page/rebuilds (no CSRF token)", () -> {
                HttpResponse<String> response =
                        browsers.get(role).post("/admin/views/group-page/rebuilds", Map.of("_csrf", "forged"));
                assertThat(response.statusCode()).as("refused").isIn(302, 403);
                assertThat(workspace.testMongo().getCollection("view-rebuilds").estimatedDocumentCount())
                        .isZero();
            }));
        }
        return tests.stream();
    }

    /**
     * A live board of an invitation-only retreat: Tom and Priya are registered, Mary is invited and has not registered,
     * Amara runs the session, Ben is not invited. Those who may see the retreat (and administrators) see the board;
     * only participants post to it (others who see it are refused, 422); anyone else finds nothing.
     */
    @TestFactory
    Stream<DynamicTest> liveBoardByRole() {
        org.collaborative.app.support.BoardRetreat retreat = org.collaborative.app.support.BoardRetreat.setUp(
                workspace,
                List.of(Role.SERVICE_LEADER.email, Role.CHIEF_EXECUTIVE.email, Role.COUNCILLOR.email),
                List.of(Role.SERVICE_LEADER.email, Role.CHIEF_EXECUTIVE.email));
        Browser amara = browsers.get(Role.FACILITATOR);
        assertThat(amara.api("POST", "/api" + retreat.board(), null).statusCode())
                .isEqualTo(204);
        String board = retreat.board();
        // A cluster to draft a proposal from: the form is for the retreat's facilitators only (ADR 21 §7).
        String cluster = UUID.randomUUID().toString();
        assertThat(amara.api(
                                "POST",
                                "/api" + board + "/clusters",
                                "{\"clusterId\":\"" + cluster + "\",\"name\":\"Shared services\"}")
                        .statusCode())
                .isEqualTo(201);
        String draftProposal = board + "/clusters/" + cluster + "/proposal";
        await("the cluster on the board")
                .atMost(Duration.ofSeconds(30))
                .until(() -> amara.get(draftProposal + "/new").statusCode() == 200);
        List<DynamicTest> tests = new ArrayList<>();
        for (Role role : Role.values()) {
            Browser browser = browsers.get(role);
            boolean facilitates = role == Role.FACILITATOR;
            tests.add(DynamicTest.dynamicTest(
                    role + " × a board cluster: draft a proposal from it (" + (facilitates ? "the form" : "not found")
                            + ")",
                    () -> assertPage(browser.get(draftProposal + "/new"), role, facilitates)));
            if (!facilitates) {
                tests.add(DynamicTest.dynamicTest(role + " × a board cluster: POST a draft proposal (refused)", () -> {
                    HttpResponse<String> posted = browser.post(
                            draftProposal,
                            Map.of(
                                    "title", "Shared services",
                                    "summary", "Share a team",
                                    "form", "NEW_PARTNERSHIP",
                                    "groupId", "any"));
                    assertThat(posted.statusCode()).isIn(role == Role.NOBODY ? List.of(302, 403) : List.of(404));
                }));
            }
            boolean sees = role != Role.PARTNER;
            // Through the API: those who see the board but do not facilitate are refused (422, as the board's other
            // facilitator controls); the facilitator gets past who-may to the proposal's rules (no such group here).
            tests.add(DynamicTest.dynamicTest(
                    role + " × a board cluster: POST /api draft proposal ("
                            + (sees ? (facilitates ? "reaches the rules" : "refused") : "not found") + ")",
                    () -> {
                        HttpResponse<String> posted = browser.api(
                                "POST",
                                "/api" + draftProposal,
                                "{\"title\":\"Shared services\",\"summary\":\"Share a team\","
                                        + "\"form\":\"NEW_PARTNERSHIP\",\"groupId\":\"any\"}");
                        if (role == Role.NOBODY || !sees) {
                            assertApi(posted, role, false, 201);
                            return;
                        }
                        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(422);
                        assertThat(posted.body())
                                .contains(
                                        facilitates
                                                ? "There is no working group with the id any"
                                                : "Only a facilitator of this retreat can draft a proposal from its"
                                                        + " board");
                    }));
            boolean posts = Set.of(Role.FACILITATOR, Role.SERVICE_LEADER, Role.CHIEF_EXECUTIVE)
                    .contains(role);
            String name = role + " × invitation-only retreat's board (" + (sees ? "sees" : "does not see") + ")";
            tests.add(DynamicTest.dynamicTest(name + ": board page", () -> assertPage(browser.get(board), role, sees)));
            tests.add(DynamicTest.dynamicTest(
                    name + ": content fragment (htmx)",
                    () -> assertPage(browser.get(board + "/content", "HX-Request", "true"), role, sees)));
            tests.add(DynamicTest.dynamicTest(
                    name + ": big screen", () -> assertPage(browser.get(board + "/big-screen"), role, sees)));
            tests.add(DynamicTest.dynamicTest(
                    name + ": GET /api board",
                    () -> assertApi(browser.api("GET", "/api" + board, null), role, sees, 200)));
            tests.add(DynamicTest.dynamicTest(name + ": live stream", () -> {
                HttpResponse<Stream<String>> live =
                        browser.stream(board + "/live").get(10, TimeUnit.SECONDS);
                try {
                    if (role == Role.NOBODY) {
                        assertThat(live.statusCode()).isIn(302, 401, 403);
                        return;
                    }
                    assertThat(live.statusCode()).isEqualTo(sees ? 200 : 404);
                } finally {
                    live.body().close();
                }
            }));
            tests.add(DynamicTest.dynamicTest(name + ": POST /api card (" + (posts ? "posts" : "may not") + ")", () -> {
                HttpResponse<String> posted =
                        browser.api("POST", "/api" + board + "/cards", "{\"kind\":\"IDEA\",\"text\":\"Share a team\"}");
                if (role == Role.NOBODY || !sees) {
                    assertApi(posted, role, false, 201);
                } else {
                    assertThat(posted.statusCode()).isEqualTo(posts ? 201 : 422);
                }
            }));
        }
        return tests.stream();
    }

    /** The demo's chief executives' retreat (invitation only: its chief executives, its facilitator). */
    private static final String CHIEF_EXECUTIVES_RETREAT = UUID.nameUUIDFromBytes(
                    "demo-retreat:chief-executives".getBytes(StandardCharsets.UTF_8))
            .toString();
    /** Priya's action from it (the demo's outputs). */
    private static final String PRIYAS_PLEDGE = UUID.nameUUIDFromBytes(
                    "demo-output:pledge:hackney-e-auction".getBytes(StandardCharsets.UTF_8))
            .toString();

    private static final String PRIYAS_ACTION = UUID.nameUUIDFromBytes(
                    "demo-output:action:e-auction-specification".getBytes(StandardCharsets.UTF_8))
            .toString();

    /**
     * A retreat's outputs (actions, pledges, the report, its PDF and CSV files): for those who may see the retreat,
     * here an invitation-only one (its chief executives, its facilitator, administrators); agreeing actions for its
     * facilitators and administrators; pledging for people with a place and its facilitators; recording progress for
     * the owner, the retreat's facilitators and administrators; "My commitments" for everyone signed in.
     */
    @TestFactory
    Stream<DynamicTest> retreatOutputsByRole() {
        await("the demo retreat's outputs to be projected")
                .atMost(Duration.ofSeconds(90))
                .until(() -> workspace
                                .testMongo()
                                .getCollection("commitments")
                                .find(new Document("_id", PRIYAS_ACTION))
                                .first()
                        != null);
        String retreat = "/retreats/" + CHIEF_EXECUTIVES_RETREAT;
        List<DynamicTest> tests = new ArrayList<>();
        for (Role role : Role.values()) {
            Browser browser = browsers.get(role);
            boolean sees = role == Role.FACILITATOR || role == Role.CHIEF_EXECUTIVE || role == Role.ADMINISTRATOR;
            boolean agrees = role == Role.FACILITATOR || role == Role.ADMINISTRATOR;
            boolean pledges = role == Role.FACILITATOR || role == Role.CHIEF_EXECUTIVE;
            for (String page : List.of("/outputs", "/report", "/report.pdf", "/actions.csv", "/pledges.csv")) {
                tests.add(DynamicTest.dynamicTest(
                        role + ": " + page, () -> assertPage(browser.get(retreat + page), role, sees)));
            }
            tests.add(DynamicTest.dynamicTest(
                    role + ": agree an action", () -> assertPage(browser.get(retreat + "/actions/new"), role, agrees)));
            tests.add(DynamicTest.dynamicTest(
                    role + ": make a pledge", () -> assertPage(browser.get(retreat + "/pledges/new"), role, pledges)));
            tests.add(DynamicTest.dynamicTest(
                    role + ": my commitments", () -> assertPage(browser.get("/commitments"), role, true)));
            tests.add(DynamicTest.dynamicTest(
                    role + ": record progress on Priya's action",
                    () -> assertPage(browser.get("/commitments/" + PRIYAS_ACTION + "/progress"), role, sees)));
            if (role != Role.NOBODY) {
                // Saying an adoption move fulfilled Priya's pledge is for the same people as recording progress; sent
                // with no move chosen it records nothing and comes back with its error.
                tests.add(DynamicTest.dynamicTest(
                        role + ": POST a fulfilment of Priya's pledge (no move chosen)",
                        () -> assertPage(
                                browser.post("/commitments/" + PRIYAS_PLEDGE + "/fulfilment", Map.of("practiceId", "")),
                                role,
                                sees)));
            }
            tests.add(DynamicTest.dynamicTest(
                    role + ": API retreat outputs",
                    () -> assertApi(browser.api("GET", "/api" + retreat + "/commitments", null), role, sees, 200)));
            tests.add(DynamicTest.dynamicTest(
                    role + ": API one commitment",
                    () -> assertApi(browser.api("GET", "/api/commitments/" + PRIYAS_ACTION, null), role, sees, 200)));
        }
        return tests.stream();
    }

    /**
     * Retreats: an open retreat is seen by everyone signed in; an invite-only one (the demo's chief executives'
     * retreat) by its invitees (every chief executive), its facilitator (Amara scheduled it) and administrators, and
     * is "not found" to anyone else. The organiser's list and the scheduling form are for facilitators of the retreat
     * and administrators.
     */
    @TestFactory
    Stream<DynamicTest> retreatsByRole() {
        String chiefs = demoId("demo-retreat:chief-executives");
        String conference = demoId("demo-retreat:managers-conference");
        List<DynamicTest> tests = new ArrayList<>();
        for (Role role : Role.values()) {
            Browser browser = browsers.get(role);
            boolean organiser = role == Role.FACILITATOR || role == Role.ADMINISTRATOR;
            boolean seesChiefs = organiser || role == Role.CHIEF_EXECUTIVE;
            tests.add(DynamicTest.dynamicTest(
                    role + ": retreats page", () -> assertPage(browser.get("/retreats"), role, true)));
            tests.add(DynamicTest.dynamicTest(
                    role + ": schedule form", () -> assertPage(browser.get("/retreats/new"), role, organiser)));
            tests.add(DynamicTest.dynamicTest(
                    role + ": API retreats",
                    () -> assertApi(browser.api("GET", "/api/retreats", null), role, true, 200)));
            for (String retreat : List.of(chiefs, conference)) {
                boolean sees = retreat.equals(conference) || seesChiefs;
                String name = role + " × " + (retreat.equals(chiefs) ? "invite-only" : "open") + " retreat ("
                        + (sees ? "sees" : "does not see") + ")";
                String opening =
                        demoId("demo-session:" + retreat + ":" + (retreat.equals(chiefs) ? "opening" : "welcome"));
                tests.add(DynamicTest.dynamicTest(
                        name + ": retreat page", () -> assertPage(browser.get("/retreats/" + retreat), role, sees)));
                tests.add(DynamicTest.dynamicTest(
                        name + ": session page",
                        () -> assertPage(browser.get("/retreats/" + retreat + "/sessions/" + opening), role, sees)));
                tests.add(DynamicTest.dynamicTest(
                        name + ": organiser's list",
                        () -> assertPage(browser.get("/retreats/" + retreat + "/people"), role, sees && organiser)));
                tests.add(DynamicTest.dynamicTest(
                        name + ": API retreat",
                        () -> assertApi(browser.api("GET", "/api/retreats/" + retreat, null), role, sees, 200)));
                tests.add(DynamicTest.dynamicTest(
                        name + ": API agenda",
                        () -> assertApi(
                                browser.api("GET", "/api/retreats/" + retreat + "/sessions", null), role, sees, 200)));
                tests.add(DynamicTest.dynamicTest(name + ": listed", () -> {
                    if (role != Role.NOBODY) {
                        assertThat(browser.get("/retreats").body().contains("/retreats/" + retreat))
                                .isEqualTo(sees);
                    }
                }));
            }
        }
        return tests.stream();
    }

    private static String demoId(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
