package org.collaborative.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.collaborative.app.account.SingleSignOnOnInstance;
import org.collaborative.app.notification.EmbeddedMailServer;
import org.collaborative.app.support.Browser;
import org.collaborative.app.support.BrowserJourneys;
import org.collaborative.app.support.RunningWorkspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The security model on the running stack, with two web instances sharing PostgreSQL: sign-in throttling, the idle
 * and absolute session time-outs, a session shared between instances, CSRF on pages, htmx and API calls, and the
 * security headers on every kind of response.
 *
 * <p>Both instances slow an email address down after two failures (a 10-minute wait, so that the test never races
 * it) and lock it after three; the second also has short session time-outs (idle 5 s, absolute 15 s) and offers
 * Microsoft Entra sign-in (whose start and refusal are checked without reaching Microsoft, and whose first sign-in of a
 * newcomer, or of an invited person, is checked from the moment the ID token has been checked).
 */
class SecurityIT {

    private static final String PASSWORD = "collaborate-in-london";
    private static final String TOM = "tom.hughes@camden.example";
    private static final String PRIYA = "priya.shah@hackney.example";
    private static final String MARY = "mary.doyle@lewisham.example";
    private static final String BEN = "ben.carter@gla.example";
    private static final Duration IDLE = Duration.ofSeconds(5);
    private static final Duration ABSOLUTE = Duration.ofSeconds(15);
    private static final String ENTRA_CLIENT = "6731de76-14a6-49ae-97bc-6eba6914391e";
    private static final String CAMDEN_TENANT = "9188040d-6c67-4c5b-b112-36a304b66dad";
    /** A tenant mapped to an organisation id with a digit missing: no such organisation. */
    private static final String MISTYPED_TENANT = "3f2b6c1e-8d4a-4e0f-9b7c-5a1d2e3f4a5b";

    @TempDir
    static Path data;

    private static RunningWorkspace workspace;
    private static String shortSessions;
    private static String groupId;

    @BeforeAll
    static void start() {
        String[] throttle = {
            "--collaborative.security.sign-in.account-slow-after=2",
            "--collaborative.security.sign-in.slow-delay=PT10M",
            "--collaborative.security.sign-in.account-lock-after=3",
            "--collaborative.security.sign-in.lock-out=PT15M",
            "--collaborative.security.sign-in.address-slow-after=8"
        };
        workspace = RunningWorkspace.start(data, RunningWorkspace.Ports.free(), throttle);
        List<String> second = new ArrayList<>(List.of(throttle));
        second.add("--collaborative.security.session.idle-timeout=PT" + IDLE.toSeconds() + "S");
        second.add("--collaborative.security.session.absolute-timeout=PT" + ABSOLUTE.toSeconds() + "S");
        second.addAll(List.of(
                "--collaborative.security.oidc.enabled=true",
                "--collaborative.security.oidc.provider=entra",
                "--collaborative.security.oidc.client-id=" + ENTRA_CLIENT,
                "--collaborative.security.oidc.client-secret=not-a-real-secret",
                "--collaborative.security.oidc.entra.tenants=" + CAMDEN_TENANT + "=E09000007," + MISTYPED_TENANT
                        + "=E0900007"));
        shortSessions = workspace.startAnotherWebInstance(second.toArray(String[]::new));
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

    // Sign-in throttling

    @Test
    void repeatedFailuresForAnEmailAddressAreSlowedThenRefusedAlikeForKnownAndUnknownAccounts() {
        try {
            Browser attacker = workspace.browser();
            assertThat(signInLocation(attacker, MARY, "wrong-1")).endsWith("/sign-in?error");
            assertThat(signInLocation(attacker, MARY, "wrong-2")).endsWith("/sign-in?error");
            // Slowed: even the right password is not checked while the address must wait.
            assertThat(signInLocation(attacker, MARY, PASSWORD)).endsWith("/sign-in?throttled=10");

            String nobody = "nobody-" + UUID.randomUUID() + "@camden.example";
            assertThat(signInLocation(attacker, nobody, "wrong-1")).endsWith("/sign-in?error");
            assertThat(signInLocation(attacker, nobody, "wrong-2")).endsWith("/sign-in?error");
            assertThat(signInLocation(attacker, nobody, "wrong-3"))
                    .as("an unknown account is throttled exactly like a known one")
                    .endsWith("/sign-in?throttled=10");

            String page = attacker.get("/sign-in?throttled=10").body();
            assertThat(page)
                    .contains(
                            "govuk-error-summary",
                            "You have tried to sign in too many times. Wait 10 minutes, then try again");
            assertThat(page).doesNotContain(MARY, nobody);

            // Ten minutes later (moved back in the table every instance reads) the third failure locks the address.
            workspace
                    .jdbc()
                    .update("update sign_in_failure set last_failed_at = last_failed_at - interval '11 minutes'"
                            + " where subject like 'account:%'");
            assertThat(signInLocation(attacker, MARY, "wrong-3")).endsWith("/sign-in?error");
            assertThat(signInLocation(attacker, MARY, PASSWORD)).endsWith("/sign-in?throttled=15");
            assertThat(Browser.at(shortSessions).get("/sign-in").statusCode()).isEqualTo(200);
            assertThat(signInLocation(Browser.at(shortSessions), MARY, PASSWORD))
                    .as("the lock holds on the other instance too")
                    .contains("/sign-in?throttled=");
            assertThat(workspace.jdbc().queryForList("select subject from sign_in_failure", String.class))
                    .as("no email address is kept in clear")
                    .noneMatch(subject -> subject.contains("@"));

            // Another account is not locked out by that.
            workspace.browser().signIn(PRIYA, PASSWORD);
        } finally {
            workspace.jdbc().update("delete from sign_in_failure");
        }
    }

    @Test
    void manyFailuresFromOneClientAddressAreSlowedWhateverTheEmailAddress() {
        try {
            Browser attacker = workspace.browser();
            for (int i = 0; i < 8; i++) {
                assertThat(signInLocation(attacker, "guess-" + i + "@hackney.example", "wrong"))
                        .endsWith("/sign-in?error");
            }
            assertThat(signInLocation(attacker, PRIYA, PASSWORD)).endsWith("/sign-in?throttled=10");
            // A good sign-in does not reset the client address's count.
            workspace.jdbc().update("delete from sign_in_failure where subject like 'account:%'");
            assertThat(signInLocation(attacker, "guess-again@hackney.example", "wrong"))
                    .endsWith("/sign-in?throttled=10");
        } finally {
            workspace.jdbc().update("delete from sign_in_failure");
        }
    }

    // Sessions

    @Test
    void aSessionStartedOnOneInstanceWorksOnAnotherAndSigningOutEndsItEverywhere() {
        Browser onFirst = workspace.browser().signIn(BEN, PASSWORD);
        String cookie = onFirst.cookieHeader();
        assertThat(cookie).contains("SESSION=");
        assertThat(workspace
                        .jdbc()
                        .queryForObject(
                                "select count(*) from spring_session where principal_name = ?", Long.class, BEN))
                .isPositive();

        HttpResponse<String> onSecond = send(HttpRequest.newBuilder(URI.create(shortSessions + "/themes"))
                .header("Cookie", cookie)
                .GET()
                .build());
        assertThat(onSecond.statusCode()).isEqualTo(200);
        assertThat(onSecond.body()).contains("Sign out");

        // The same browser, now sent to the other instance by the load balancer, signs out there.
        HttpResponse<String> signedOut = send(HttpRequest.newBuilder(URI.create(shortSessions + "/sign-out"))
                .header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrfFrom(onSecond.body())))
                .build());
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("Location").orElseThrow()).endsWith("/sign-in?signed-out");

        HttpResponse<String> afterwards = onFirst.get("/themes");
        assertThat(afterwards.statusCode()).isEqualTo(302);
        assertThat(afterwards.headers().firstValue("Location").orElseThrow()).contains("/sign-in");
    }

    @Test
    void theFirstRequestsOfANewSessionAtOnceOnBothInstancesAreAllAnswered() throws Exception {
        // Each adds the session's first attributes (the moment of signing in, the CSRF token) to the same session.
        String cookie = workspace.browser().signIn(PRIYA, PASSWORD).cookieHeader();
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(12);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String instance = i % 2 == 0 ? workspace.baseUrl() : shortSessions;
                answers.add(threads.submit(() -> {
                    go.await();
                    return send(HttpRequest.newBuilder(URI.create(instance + "/themes"))
                                    .header("Cookie", cookie)
                                    .GET()
                                    .build())
                            .statusCode();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                statuses.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(statuses)
                    .as("answers to one new session's first requests")
                    .containsOnly(200);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aSessionEndsAfterTheIdleTimeOut() {
        Browser tom = Browser.at(shortSessions).signIn(TOM, PASSWORD);
        assertThat(tom.get("/themes").statusCode()).isEqualTo(200);
        long started = System.nanoTime();

        HttpResponse<String> later = await("the idle time-out")
                .pollDelay(IDLE.plusSeconds(1))
                .pollInterval(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(60))
                .until(() -> tom.get("/themes"), response -> response.statusCode() == 302);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(IDLE);
        assertThat(later.headers().firstValue("Location").orElseThrow()).endsWith("/sign-in?timed-out=idle");
        assertThat(tom.get("/sign-in?timed-out=idle").body())
                .contains("You have been signed out", "You have not used Collaborative for 5 seconds");
    }

    @Test
    void aBusySessionStillEndsAtTheAbsoluteTimeOutAndHtmxIsToldWhereToGo() {
        Browser priya = Browser.at(shortSessions).signIn(PRIYA, PASSWORD);
        long started = System.nanoTime();
        List<Integer> statuses = new ArrayList<>();
        // Requests every half second keep the session from idling; it must end anyway.
        HttpResponse<String> ended = await("the absolute time-out")
                .pollInterval(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(90))
                .until(() -> priya.get("/groups/" + groupId + "/questions", "HX-Request", "true"), response -> {
                    statuses.add(response.statusCode());
                    return response.headers().firstValue("HX-Redirect").isPresent();
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(ABSOLUTE.minusSeconds(1));
        assertThat(statuses).as("answered until then").contains(200);
        assertThat(ended.headers().firstValue("HX-Redirect").orElseThrow()).endsWith("/sign-in?timed-out=absolute");
        HttpResponse<String> page = priya.get("/themes");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(priya.get("/sign-in?timed-out=absolute").body()).contains("You signed in more than 15 seconds ago");
    }

    // Single sign-on

    @Test
    void entraSignInStartsWithStateNonceAndPkceAndAnUnexpectedReplyIsRefusedWithAnExplanation() {
        assertThat(workspace.browser().get("/sign-in").body()).doesNotContain("/oauth2/authorization/");
        Browser browser = Browser.at(shortSessions);
        assertThat(browser.get("/sign-in").body())
                .contains("href=\"/oauth2/authorization/entra\"", "Sign in with your organisation&#39;s account");

        HttpResponse<String> start = browser.get("/oauth2/authorization/entra");
        assertThat(start.statusCode()).isEqualTo(302);
        String authorize = start.headers().firstValue("Location").orElseThrow();
        assertThat(authorize).startsWith("https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize?");
        assertThat(authorize)
                .contains(
                        "response_type=code",
                        "client_id=" + ENTRA_CLIENT,
                        "scope=openid",
                        "state=",
                        "nonce=",
                        "code_challenge=",
                        "code_challenge_method=S256",
                        "redirect_uri=" + shortSessions + "/login/oauth2/code/entra");

        HttpResponse<String> forged = browser.get("/login/oauth2/code/entra?code=forged&state=forged");
        assertThat(forged.statusCode()).isEqualTo(302);
        assertThat(forged.headers().firstValue("Location").orElseThrow()).endsWith("/sign-in?refused=failed");
        HttpResponse<String> refused = browser.get("/sign-in?refused=no-member");
        assertThat(refused.body())
                .contains(
                        "You cannot sign in with that account",
                        "Your account is not linked to a member of Collaborative");
        assertThat(browser.get("/themes").statusCode()).as("not signed in").isEqualTo(302);
    }

    @Test
    void aFirstEntraSignInFromTheMappedTenantMakesOneWaitingMemberOfItsOrganisationWhomAnAdministratorApproves()
            throws Exception {
        String email = "nadia.rahman@camden.example";
        Map<String, Object> claims = camdenEntraClaims("Nadia.Rahman@camden.example", "Nadia Rahman");

        // Two first sign-ins of the same person at once (two tabs, two instances' worth of requests).
        java.util.concurrent.ExecutorService twoAtOnce = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(2);
        List<java.util.concurrent.Future<SingleSignOnOnInstance.Outcome>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                outcomes.add(twoAtOnce.submit(() -> {
                    ready.countDown();
                    ready.await();
                    return SingleSignOnOnInstance.signIn(workspace, 1, claims);
                }));
            }
            for (java.util.concurrent.Future<SingleSignOnOnInstance.Outcome> outcome : outcomes) {
                assertThat(outcome.get(60, java.util.concurrent.TimeUnit.SECONDS))
                        .isEqualTo(new SingleSignOnOnInstance.Outcome(null, "awaiting-approval"));
            }
        } finally {
            twoAtOnce.shutdownNow();
        }
        String memberId = workspace
                .jdbc()
                .queryForObject(
                        "select member_id from account where email = ? and organisation_id = 'E09000007'"
                                + " and status = 'PENDING' and password_hash is null",
                        String.class,
                        email);
        assertThat(workspace.eventCount(memberId))
                .as("one member, registered once")
                .isEqualTo(2);
        assertThat(workspace
                        .jdbc()
                        .queryForObject(
                                "select detail from privacy.security_log where kind = 'SELF_REGISTERED'"
                                        + " and member_id = ?",
                                String.class,
                                memberId))
                .contains("E09000007", "by single sign-on (Entra tenant " + CAMDEN_TENANT + ")", "waiting");
        assertThat(Browser.at(shortSessions).get("/sign-in?awaiting-approval").body())
                .contains("waiting for approval");

        Browser administrator = workspace.browser().signIn("sam.lee@londoncouncils.example", PASSWORD);
        assertThat(administrator.get("/admin/registrations").body()).contains("Nadia Rahman", email);
        assertThat(administrator
                        .post("/admin/registrations/" + memberId + "/approve", Map.of())
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .endsWith("/admin/registrations?approved");
        assertThat(SingleSignOnOnInstance.signIn(workspace, 1, claims))
                .isEqualTo(new SingleSignOnOnInstance.Outcome(memberId, null));

        // Camden's tenant cannot add a person at Hackney's domain, nor anyone in an unmapped tenant.
        Map<String, Object> hackneyAddress = new java.util.HashMap<>(claims);
        hackneyAddress.put("email", "kofi.mensah@hackney.example");
        assertThat(SingleSignOnOnInstance.signIn(workspace, 1, hackneyAddress).refusal())
                .isEqualTo("no-member");
        assertThat(workspace
                        .jdbc()
                        .queryForObject(
                                "select count(*) from account where email = 'kofi.mensah@hackney.example'",
                                Integer.class))
                .isZero();
        assertThat(Browser.at(shortSessions).get("/sign-in?refused=no-member").body())
                .contains("does not let people join by signing in with it", "collaborative@londoncouncils.example");

        // A tenant mapped to an organisation that does not exist makes no members of it.
        Map<String, Object> mistyped = new java.util.HashMap<>(claims);
        mistyped.put("tid", MISTYPED_TENANT);
        mistyped.put("iss", "https://login.microsoftonline.com/" + MISTYPED_TENANT + "/v2.0");
        mistyped.put("email", "ola.adeyemi@newtown.example");
        assertThat(SingleSignOnOnInstance.signIn(workspace, 1, mistyped).refusal())
                .isEqualTo("no-member");
        assertThat(workspace
                        .jdbc()
                        .queryForObject(
                                "select count(*) from account where email = 'ola.adeyemi@newtown.example'",
                                Integer.class))
                .isZero();
    }

    @Test
    void anInvitedPersonWhoSignsInWithEntraFromTheirCouncilsTenantHasAcceptedTheInvitationAndTheLinkIsSpent() {
        String email = "ade.bello@camden.example";
        Browser administrator = workspace.browser().signIn("sam.lee@londoncouncils.example", PASSWORD);
        administrator.get("/admin/invitations");
        assertThat(administrator
                        .post(
                                "/admin/invitations",
                                Map.of(
                                        "name", "Ade Bello",
                                        "email", email,
                                        "organisationId", "E09000007",
                                        "role", "FACILITATOR",
                                        "jobTitle", ""))
                        .statusCode())
                .isEqualTo(302);
        String link = await("the invitation email")
                .atMost(Duration.ofSeconds(20))
                .until(
                        () -> workspace.bean(EmbeddedMailServer.class).received().stream()
                                .filter(received -> received.to().contains(email))
                                .map(received -> BrowserJourneys.linkIn(received.message()))
                                .flatMap(java.util.Optional::stream)
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        String memberId = workspace
                .jdbc()
                .queryForObject(
                        "select member_id from account where email = ? and status = 'INVITED'", String.class, email);
        Map<String, Object> claims = camdenEntraClaims(email, "Ade Bello");

        assertThat(SingleSignOnOnInstance.signIn(workspace, 1, claims))
                .isEqualTo(new SingleSignOnOnInstance.Outcome(memberId, null));

        assertThat(workspace
                        .jdbc()
                        .queryForObject(
                                "select status || ' ' || (password_hash is null) from account where member_id = ?",
                                String.class,
                                memberId))
                .isEqualTo("ACTIVE true");
        assertThat(workspace
                        .jdbc()
                        .queryForObject(
                                "select detail from privacy.security_log where kind = 'INVITATION_ACCEPTED'"
                                        + " and member_id = ?",
                                String.class,
                                memberId))
                .isEqualTo("by single sign-on (Entra tenant " + CAMDEN_TENANT + ")");
        Browser holder = workspace.browser();
        assertThat(holder.get(link).body())
                .as("the emailed link can no longer set a password on the account")
                .contains("This link has expired or has already been used");
        holder.get("/sign-in"); // a page with a form, for the CSRF token (the spent link's page has none)
        HttpResponse<String> posted =
                holder.post(link, Map.of("password", "kettle orbit lantern", "confirmation", "kettle orbit lantern"));
        assertThat(posted.statusCode()).isEqualTo(200);
        assertThat(posted.body()).contains("This link has expired or has already been used");
        assertThat(workspace
                        .jdbc()
                        .queryForObject(
                                "select password_hash is null from account where member_id = ?",
                                Boolean.class,
                                memberId))
                .isTrue();
        assertThat(administrator.get("/admin/invitations").body()).doesNotContain(email);
        long events = workspace.eventCount(memberId);
        assertThat(SingleSignOnOnInstance.signIn(workspace, 1, claims))
                .as("the next sign-in finds the member and accepts nothing again")
                .isEqualTo(new SingleSignOnOnInstance.Outcome(memberId, null));
        assertThat(workspace.eventCount(memberId)).isEqualTo(events);
    }

    // Personal access tokens

    @Test
    void aTokenCreatedOnTheProfilePageIsShownOnceWorksOnTheApiAndStopsWhenRevokedOrExpired() {
        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        assertThat(tom.get("/profile/tokens").body()).contains("API access tokens", "Create a token");

        HttpResponse<String> invalid = tom.post("/profile/tokens", Map.of("name", " "));
        assertThat(invalid.statusCode()).isEqualTo(200);
        assertThat(invalid.body())
                .contains(
                        "govuk-error-summary",
                        "<a href=\"#name\">Enter a name for the token</a>",
                        "<a href=\"#days\">Select how long the token lasts</a>");

        HttpResponse<String> created = tom.post("/profile/tokens", Map.of("name", "Borough dashboard", "days", "30"));
        assertThat(created.statusCode()).isEqualTo(200);
        java.util.regex.Matcher shown = java.util.regex.Pattern.compile("value=\"(collab_pat_[A-Za-z0-9_-]{43})\"")
                .matcher(created.body());
        assertThat(shown.find()).as("the new token is shown").isTrue();
        String token = shown.group(1);
        assertThat(workspace
                        .jdbc()
                        .queryForObject(
                                "select count(*) from access_token where secret_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')",
                                Long.class,
                                token))
                .as("stored as its SHA-256")
                .isEqualTo(1);
        assertThat(workspace
                        .jdbc()
                        .queryForObject(
                                "select count(*) from access_token where secret_hash = ? or name = ?",
                                Long.class,
                                token,
                                token))
                .as("never in clear")
                .isZero();
        String list = tom.get("/profile/tokens").body();
        assertThat(list).contains("Borough dashboard", "Active").doesNotContain(token);
        String tokenId = tokenIdIn(list, "Borough dashboard");

        // The token works on the API, on any instance, without a session or a CSRF token.
        HttpResponse<String> themes = bearer("GET", shortSessions + "/api/themes", token);
        assertThat(themes.statusCode()).isEqualTo(200);
        assertThat(themes.body()).contains("behaviour-change");
        assertThat(themes.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("SESSION="));
        HttpResponse<String> joined =
                bearer("POST", workspace.baseUrl() + "/api/groups/" + groupId + "/members", token);
        assertThat(joined.statusCode()).isNotIn(401, 403);
        // Only the API takes tokens: pages still need a signed-in session.
        HttpResponse<String> page = bearer("GET", workspace.baseUrl() + "/themes", token);
        assertThat(page.statusCode()).isEqualTo(302);

        HttpResponse<String> unknown =
                bearer("GET", workspace.baseUrl() + "/api/themes", "collab_pat_" + "A".repeat(43));
        assertUnauthorisedToken(unknown);

        // Someone else cannot revoke it.
        Browser priya = workspace.browser().signIn(PRIYA, PASSWORD);
        priya.get("/profile/tokens");
        assertThat(priya.post("/profile/tokens/" + tokenId + "/revocation", Map.of())
                        .statusCode())
                .isEqualTo(404);
        assertThat(bearer("GET", workspace.baseUrl() + "/api/themes", token).statusCode())
                .isEqualTo(200);

        HttpResponse<String> revoked = tom.post("/profile/tokens/" + tokenId + "/revocation", Map.of());
        assertThat(revoked.statusCode()).isEqualTo(302);
        assertThat(tom.get("/profile/tokens?revoked").body()).contains("The token has been revoked", "Revoked");
        assertUnauthorisedToken(bearer("GET", workspace.baseUrl() + "/api/themes", token));
        assertUnauthorisedToken(bearer("GET", shortSessions + "/api/themes", token));
        // Both are in the security log, with the token's name and id and never its secret; Priya's refused attempt
        // to revoke it is not.
        java.util.List<java.util.Map<String, Object>> logged = workspace
                .jdbc()
                .queryForList(
                        "select kind, detail from privacy.security_log where kind like 'TOKEN_%' and detail like ?",
                        "%" + tokenId + "%");
        assertThat(logged)
                .extracting(row -> row.get("kind"))
                .containsExactlyInAnyOrder("TOKEN_CREATED", "TOKEN_REVOKED");
        assertThat(logged)
                .extracting(row -> (String) row.get("detail"))
                .noneMatch(detail -> detail.contains("collab_pat_"));
        assertThat(logged)
                .extracting(row -> (String) row.get("detail"))
                .anyMatch(detail -> detail.contains("Borough dashboard"));

        HttpResponse<String> second = tom.post("/profile/tokens", Map.of("name", "Short-lived", "days", "7"));
        java.util.regex.Matcher secondToken = java.util.regex.Pattern.compile(
                        "value=\"(collab_pat_[A-Za-z0-9_-]{43})\"")
                .matcher(second.body());
        assertThat(secondToken.find()).isTrue();
        assertThat(bearer("GET", workspace.baseUrl() + "/api/themes", secondToken.group(1))
                        .statusCode())
                .isEqualTo(200);
        workspace
                .jdbc()
                .update("update access_token set expires_at = now() - interval '1 second' where name = 'Short-lived'");
        assertUnauthorisedToken(bearer("GET", workspace.baseUrl() + "/api/themes", secondToken.group(1)));
        assertThat(tom.get("/profile/tokens").body()).contains("Expired");
    }

    private static String tokenIdIn(String page, String name) {
        int row = page.indexOf(">" + name + "<");
        java.util.regex.Matcher action = java.util.regex.Pattern.compile("/profile/tokens/([0-9a-f-]{36})/revocation")
                .matcher(page);
        assertThat(row).isPositive();
        assertThat(action.find(row)).isTrue();
        return action.group(1);
    }

    private static void assertUnauthorisedToken(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                .contains("invalid_token");
        assertThat(response.body()).contains("\"status\":401", "invalid-token");
    }

    private static HttpResponse<String> bearer(String method, String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build());
    }

    // CSRF

    @Test
    void statesChangesWithoutACsrfTokenAreRefusedOnPagesHtmxAndTheSessionApi() {
        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        tom.get("/groups/" + groupId);
        String cookie = tom.cookieHeader();

        HttpResponse<String> page = send(form(workspace.baseUrl() + "/groups/" + groupId + "/members", cookie, "")
                .build());
        assertThat(page.statusCode()).isEqualTo(403);

        Browser signedIn = workspace.browser().signIn(PRIYA, PASSWORD);
        HttpResponse<String> forged = signedIn.post("/groups/" + groupId + "/members", Map.of("_csrf", "forged"));
        assertThat(forged.statusCode())
                .as(
                        "a forged token, straight after signing in: %s",
                        forged.headers().firstValue("Location"))
                .isEqualTo(403);
        assertThat(signedIn.get("/themes").statusCode()).as("still signed in").isEqualTo(200);

        HttpResponse<String> htmx = send(form(workspace.baseUrl() + "/groups/" + groupId + "/members", cookie, "")
                .header("HX-Request", "true")
                .build());
        assertThat(htmx.statusCode()).isEqualTo(403);
        HttpResponse<String> htmxWithToken =
                tom.post("/groups/" + groupId + "/members", Map.of(), "HX-Request", "true");
        assertThat(htmxWithToken.statusCode()).isNotEqualTo(403);

        HttpResponse<String> api =
                send(HttpRequest.newBuilder(URI.create(workspace.baseUrl() + "/api/groups/" + groupId + "/members"))
                        .header("Cookie", cookie)
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build());
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(api.body()).contains("CSRF");
        assertThat(tom.api("POST", "/api/groups/" + groupId + "/members", null).statusCode())
                .isNotIn(401, 403);

        HttpResponse<String> signOut =
                send(form(workspace.baseUrl() + "/sign-out", cookie, "").build());
        assertThat(signOut.statusCode()).as("signing out is a state change too").isEqualTo(403);
        assertThat(tom.get("/themes").statusCode()).isEqualTo(200);
    }

    // Headers

    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders() {
        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        String cookie = tom.cookieHeader();
        String base = workspace.baseUrl();
        Map<String, HttpResponse<String>> responses = new java.util.LinkedHashMap<>();
        responses.put("sign-in page", get(base + "/sign-in", null));
        responses.put("page, signed out (redirect)", get(base + "/themes", null));
        responses.put("page", get(base + "/themes", cookie));
        responses.put(
                "fragment",
                send(HttpRequest.newBuilder(URI.create(base + "/groups/" + groupId + "/questions"))
                        .header("Cookie", cookie)
                        .header("HX-Request", "true")
                        .build()));
        responses.put("stylesheet", get(base + "/css/collaborative.css", null));
        responses.put("webjar", get(base + "/webjars/htmx.org/dist/htmx.min.js", null));
        responses.put("GOV.UK asset", get(base + "/assets/images/favicon.ico", null));
        responses.put("404 page", get(base + "/no-such-page", cookie));
        responses.put("404 asset", get(base + "/css/no-such.css", null));
        responses.put(
                "403 page",
                send(form(base + "/groups/" + groupId + "/members", cookie, "").build()));
        responses.put("API", get(base + "/api/themes", cookie));
        responses.put("API 401", get(base + "/api/themes", null));
        responses.put("API 404", get(base + "/api/items/" + UUID.randomUUID(), cookie));
        responses.put("OpenAPI", get(base + "/v3/api-docs", null));
        responses.put("health", get(base + "/actuator/health", null));

        responses.forEach((kind, response) -> {
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .as(kind)
                    .hasValueSatisfying(csp ->
                            assertThat(csp).contains("frame-ancestors 'none'").doesNotContain("unsafe-inline"));
            assertThat(response.headers().firstValue("Strict-Transport-Security"))
                    .as(kind)
                    .hasValue("max-age=31536000 ; includeSubDomains");
            assertThat(response.headers().firstValue("X-Content-Type-Options"))
                    .as(kind)
                    .hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options"))
                    .as(kind)
                    .hasValue("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy"))
                    .as(kind)
                    .hasValue("strict-origin-when-cross-origin");
        });
        assertThat(responses.get("404 page").statusCode()).isEqualTo(404);
        assertThat(responses.get("404 asset").statusCode()).isEqualTo(404);
        assertThat(responses.get("API 401").statusCode()).isEqualTo(401);
        assertThat(responses.get("API 404").statusCode()).isEqualTo(404);
        assertThat(responses
                        .get("page")
                        .headers()
                        .firstValue("Content-Security-Policy")
                        .orElseThrow())
                .contains("script-src 'self'");
    }

    @Test
    void anAddressNothingAnswersIsThePageNotFoundPageInABrowserAndAProblemInTheApi() {
        Browser tom = workspace.browser().signIn(TOM, PASSWORD);

        HttpResponse<String> page = tom.get("/no-such-page");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("Page not found");
        HttpResponse<String> file = tom.get("/css/no-such.css");
        assertThat(file.statusCode()).isEqualTo(404);
        assertThat(file.body()).contains("Page not found");

        HttpResponse<String> api = tom.api("GET", "/api/no-such-thing", null);
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(api.body()).contains("\"status\":404");
    }

    @Test
    void staticFilesNeitherReadNorWriteTheSession() {
        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        String cookie = tom.cookieHeader();
        String base = workspace.baseUrl();
        tom.get("/themes");
        java.util.function.Supplier<Long> lastAccess = () -> workspace
                .jdbc()
                .queryForObject(
                        "select max(last_access_time) from spring_session where principal_name = ?", Long.class, TOM);
        long before = lastAccess.get();

        for (String file : List.of(
                "/css/collaborative.css",
                "/js/collaborative.js",
                "/webjars/htmx.org/dist/htmx.min.js",
                "/assets/images/favicon.ico")) {
            HttpResponse<String> response = get(base + file, cookie);
            assertThat(response.statusCode()).as(file).isEqualTo(200);
            assertThat(response.headers().firstValue("Set-Cookie")).as(file).isEmpty();
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .as(file)
                    .isPresent();
        }
        assertThat(lastAccess.get()).as("static files leave the session alone").isEqualTo(before);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            tom.get("/themes");
            assertThat(lastAccess.get())
                    .as("a page still keeps the session alive")
                    .isGreaterThan(before);
        });
    }

    private static String signInLocation(Browser browser, String email, String password) {
        browser.get("/sign-in");
        HttpResponse<String> response = browser.post("/sign-in", Map.of("email", email, "password", password));
        assertThat(response.statusCode()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static String csrfFrom(String html) {
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(html);
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    private static HttpRequest.Builder form(String url, String cookie, String body) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> get(String url, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request.build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What Entra says of someone signing in from Camden's mapped tenant. */
    private static Map<String, Object> camdenEntraClaims(String email, String name) {
        return Map.of(
                "iss",
                "https://login.microsoftonline.com/" + CAMDEN_TENANT + "/v2.0",
                "tid",
                CAMDEN_TENANT,
                "email",
                email,
                "name",
                name);
    }
}
