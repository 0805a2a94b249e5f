package org.collaborative.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.collaborative.app.notification.EmbeddedMailServer;
import org.collaborative.app.onboarding.OperatorCommand;
import org.collaborative.app.support.Browser;
import org.collaborative.app.support.BrowserJourneys;
import org.collaborative.app.support.RunningWorkspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's "Done when", as a new install meets it, with the demo workspace off: the operator creates the first
 * administrator from the command line (beside the running workspace) and a second run refuses; the administrator
 * accepts the emailed invitation, imports a CSV file of ten people from two councils (previewed first; importing it
 * again creates nobody twice), who get their emails on the embedded SMTP
 * server, choose passwords and sign in; invitations are resent and revoked; one person resets a forgotten password.
 * Then self-registration (docs/adr/0025): the administrator gives Camden its email domain, a newcomer registers,
 * confirms the emailed link, waits, is approved by Camden's organisation administrator and signs in; someone at an
 * unknown domain is told who to ask; reset emails stop at the limit. Last, the same in a browser
 * ({@code e2e/demo-off/onboarding.test.mjs}, with axe-core scans), on this install and with its first administrator.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OnboardingIT {

    private static final String ADMIN = "sam.okoro@londoncouncils.example";
    private static final String ADMIN_PASSWORD = "kettle orbit lantern";
    private static final String CAMDEN = "E09000007";
    private static final String HACKNEY = "E09000012";
    private static final Map<String, String> PEOPLE = new LinkedHashMap<>();

    static {
        for (int i = 1; i <= 5; i++) {
            PEOPLE.put("officer" + i + "@camden.example", CAMDEN);
            PEOPLE.put("officer" + i + "@hackney.example", HACKNEY);
        }
    }

    @TempDir
    static Path data;

    private static RunningWorkspace workspace;
    private static Browser admin;

    @BeforeAll
    static void start() {
        workspace = RunningWorkspace.start(
                data, RunningWorkspace.Ports.free(), "--collaborative.seed.demo-workspace=false");
    }

    @AfterAll
    static void stop() {
        if (workspace != null) {
            workspace.close();
        }
    }

    @Test
    @Order(1)
    void theOperatorCreatesTheFirstAdministratorAndCannotCreateASecond() {
        assertThat(workspace.jdbc().queryForObject("select count(*) from account", Integer.class))
                .isZero();

        Run first = operator("--email=" + ADMIN, "--name=Sam Okoro", "--organisation=london-councils");
        assertThat(first.status()).as(first.output()).isEqualTo(OperatorCommand.DONE);
        assertThat(first.output()).contains("Invited " + ADMIN + " as the first administrator");

        Run second = operator("--email=someone.else@gla.example", "--name=Someone Else", "--organisation=gla");
        assertThat(second.status()).isEqualTo(OperatorCommand.REFUSED);
        assertThat(second.output()).contains("Nothing was changed", ADMIN, "invited, has not set a password yet");

        assertThat(workspace
                        .jdbc()
                        .queryForList(
                                "select detail from privacy.security_log where kind = 'FIRST_ADMINISTRATOR'"
                                        + " order by entry_id",
                                String.class))
                .containsExactly("Invited as the first administrator", "Refused: 1 administrator(s) exist");
        assertThat(workspace.jdbc().queryForObject("select count(*) from account", Integer.class))
                .isEqualTo(1);
    }

    @Test
    @Order(2)
    void theAdministratorCannotSignInBeforeAcceptingThenAcceptsTheEmailedInvitation() {
        String link = linkEmailedTo(ADMIN, "You are invited to Collaborative");
        assertThatThrownBy(() -> workspace.browser().signIn(ADMIN, ADMIN_PASSWORD))
                .isInstanceOf(IllegalStateException.class);

        Browser visitor = workspace.browser();
        HttpResponse<String> page = visitor.get(link);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Accept your invitation", "Sam Okoro");

        HttpResponse<String> common = visitor.post(link, Map.of("password", "password1", "confirmation", "password1"));
        assertThat(common.statusCode()).isEqualTo(200);
        assertThat(common.body()).contains("There is a problem", "too easy to guess");

        HttpResponse<String> accepted =
                visitor.post(link, Map.of("password", ADMIN_PASSWORD, "confirmation", ADMIN_PASSWORD));
        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(accepted.headers().firstValue("Location").orElseThrow()).endsWith("/sign-in?account-ready");

        assertThat(workspace.browser().get(link).body()).contains("This link has expired or has already been used");
        admin = workspace.browser().signIn(ADMIN, ADMIN_PASSWORD);
        assertThat(admin.get("/admin").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void tenPeopleFromTwoCouncilsAreInvitedChoosePasswordsAndSignIn() {
        await("the organisations to be projected")
                .atMost(Duration.ofSeconds(60))
                .until(() -> admin.get("/admin/invitations").body().contains("Hackney"));
        StringBuilder csv = new StringBuilder("name,email,organisation,role,job title\r\n");
        PEOPLE.forEach((email, council) -> csv.append("Officer ")
                .append(email)
                .append(',')
                .append(email)
                .append(',')
                .append(council.equals(CAMDEN) ? "Camden" : "Hackney")
                .append(",Service leader,Housing officer\r\n"));
        admin.get("/admin/invitations/import");
        HttpResponse<String> preview = upload(admin, "/admin/invitations/import", csv.toString());
        assertThat(preview.body()).contains("10 to invite", "0 already have an account", "Send 10 invitations");
        assertThat(workspace.jdbc().queryForObject("select count(*) from account", Integer.class))
                .as("nothing is created by the preview")
                .isEqualTo(1);
        HttpResponse<String> sent = admin.post("/admin/invitations/import/send", Map.of("csv", csv.toString()));
        assertThat(sent.headers().firstValue("Location").orElseThrow()).endsWith("/admin/invitations?imported=10");

        admin.get("/admin/invitations/import");
        HttpResponse<String> reimport = upload(admin, "/admin/invitations/import", csv.toString());
        assertThat(reimport.body())
                .contains("0 to invite", "10 already have an account")
                .doesNotContain("Send 0 invitations");
        admin.get("/admin/invitations");
        HttpResponse<String> again = admin.post(
                "/admin/invitations",
                Map.of(
                        "name", "Officer again",
                        "email", "officer1@camden.example",
                        "organisationId", CAMDEN,
                        "role", "SERVICE_LEADER",
                        "jobTitle", ""));
        assertThat(again.body()).contains("There is a problem", "already has an account", "Officer again");
        assertThat(admin.get("/admin/invitations").body()).contains("officer5@hackney.example");

        for (String email : PEOPLE.keySet()) {
            String link = linkEmailedTo(email, "You are invited to Collaborative");
            Browser person = workspace.browser();
            person.get(link);
            HttpResponse<String> accepted =
                    person.post(link, Map.of("password", "tea and biscuits", "confirmation", "tea and biscuits"));
            assertThat(accepted.statusCode()).as(email).isEqualTo(302);
            Browser signedIn = workspace.browser().signIn(email, "tea and biscuits");
            assertThat(signedIn.api("GET", "/api/me", null).body())
                    .contains(email, PEOPLE.get(email), "SERVICE_LEADER");
        }
        assertThat(admin.get("/admin/invitations").body()).contains("No invitations are waiting");
        assertThat(workspace
                        .jdbc()
                        .queryForObject(
                                "select count(*) from account where status = 'ACTIVE' and password_hash is not null",
                                Integer.class))
                .isEqualTo(11);
    }

    @Test
    @Order(4)
    void aResentInvitationReplacesTheLinkAndARevokedOneErasesThePerson() {
        admin.get("/admin/invitations");
        admin.post(
                "/admin/invitations",
                Map.of(
                        "name",
                        "Late Comer",
                        "email",
                        "late@camden.example",
                        "organisationId",
                        CAMDEN,
                        "role",
                        "COUNCILLOR",
                        "jobTitle",
                        ""));
        String first = linkEmailedTo("late@camden.example", "You are invited to Collaborative");
        String memberId = workspace
                .jdbc()
                .queryForObject("select member_id from account where email = 'late@camden.example'", String.class);

        admin.get("/admin/invitations");
        assertThat(admin.post("/admin/invitations/" + memberId + "/resend", Map.of())
                        .statusCode())
                .isEqualTo(302);
        String second = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> linksEmailedTo("late@camden.example").stream()
                                .filter(link -> !link.equals(first))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(workspace.browser().get(first).body()).contains("This link has expired");
        assertThat(workspace.browser().get(second).body()).contains("Accept your invitation");

        admin.get("/admin/invitations");
        assertThat(admin.post("/admin/invitations/" + memberId + "/revoke", Map.of())
                        .statusCode())
                .isEqualTo(302);
        assertThat(workspace.browser().get(second).body()).contains("This link has expired");
        assertThat(workspace
                        .jdbc()
                        .queryForObject(
                                "select count(*) from account where email = 'late@camden.example'", Integer.class))
                .isZero();
        assertThat(workspace
                        .jdbc()
                        .queryForObject(
                                "select count(*) from privacy.member_key where member_id = ?", Integer.class, memberId))
                .isZero();
    }

    @Test
    @Order(5)
    void someoneResetsAForgottenPasswordAndTheAnswerIsTheSameForAnUnknownAddress() {
        String email = "officer3@hackney.example";
        Browser forgetful = workspace.browser();
        forgetful.get("/password/forgotten");
        HttpResponse<String> known = forgetful.post("/password/forgotten", Map.of("email", email));
        Browser stranger = workspace.browser();
        stranger.get("/password/forgotten");
        HttpResponse<String> unknown = stranger.post("/password/forgotten", Map.of("email", "nobody@hackney.example"));
        assertThat(Browser.mainContent(unknown.body()).replace("nobody@hackney.example", email))
                .isEqualTo(Browser.mainContent(known.body()));

        String link = linkEmailedTo(email, "Reset your Collaborative password");
        assertThat(linksEmailedTo("nobody@hackney.example")).isEmpty();
        forgetful.get(link);
        HttpResponse<String> reset =
                forgetful.post(link, Map.of("password", "scones with jam", "confirmation", "scones with jam"));
        assertThat(reset.headers().firstValue("Location").orElseThrow()).endsWith("/sign-in?password-reset");

        assertThat(workspace.browser().get(link).body()).contains("This link has expired");
        assertThatThrownBy(() -> workspace.browser().signIn(email, "tea and biscuits"))
                .isInstanceOf(IllegalStateException.class);
        workspace.browser().signIn(email, "scones with jam");
        assertThat(workspace
                        .jdbc()
                        .queryForList(
                                "select kind from privacy.security_log where kind like 'PASSWORD%'", String.class))
                .containsExactly("PASSWORD_RESET_REQUESTED", "PASSWORD_RESET");
    }

    @Test
    @Order(6)
    void aMemberChangesTheirPasswordGivingTheCurrentOne() {
        Browser member = workspace.browser().signIn("officer2@camden.example", "tea and biscuits");
        member.get("/profile/password");
        HttpResponse<String> wrong = member.post(
                "/profile/password",
                Map.of("current", "not it", "password", "marmalade sky", "confirmation", "marmalade sky"));
        assertThat(wrong.body()).contains("There is a problem", "Your current password is not right");
        HttpResponse<String> changed = member.post(
                "/profile/password",
                Map.of("current", "tea and biscuits", "password", "marmalade sky", "confirmation", "marmalade sky"));
        assertThat(changed.statusCode()).isEqualTo(302);
        workspace.browser().signIn("officer2@camden.example", "marmalade sky");
    }

    @Test
    @Order(7)
    void aNewcomerAtACouncilDomainRegistersWaitsAndIsApprovedByTheCouncilsAdministrator() {
        admin.get("/admin/email-domains/" + CAMDEN);
        HttpResponse<String> upper = admin.post(
                "/admin/email-domains/" + CAMDEN,
                Map.of("domains", "Camden.example", "approval", "BY_ORGANISATION_ADMINISTRATOR"));
        assertThat(upper.body()).contains("There is a problem", "in lower case", ">Camden.example</textarea>");
        HttpResponse<String> saved = admin.post(
                "/admin/email-domains/" + CAMDEN,
                Map.of("domains", "camden.example", "approval", "BY_ORGANISATION_ADMINISTRATOR"));
        assertThat(saved.statusCode()).isEqualTo(302);

        admin.get("/admin/invitations");
        admin.post(
                "/admin/invitations",
                Map.of(
                        "name", "Cam Admin",
                        "email", "cam.admin@camden.example",
                        "organisationId", CAMDEN,
                        "role", "ORGANISATION_ADMINISTRATOR",
                        "jobTitle", ""));
        String invitation = linkEmailedTo("cam.admin@camden.example", "You are invited to Collaborative");
        Browser invited = workspace.browser();
        invited.get(invitation);
        invited.post(invitation, Map.of("password", "camden admin key", "confirmation", "camden admin key"));
        Browser camdenAdmin = workspace.browser().signIn("cam.admin@camden.example", "camden admin key");

        Browser newcomer = workspace.browser();
        assertThat(newcomer.get("/sign-in").body()).contains("href=\"/register\"");
        newcomer.get("/register");
        HttpResponse<String> asked = newcomer.post(
                "/register",
                Map.of("name", "Nia Newcomer", "email", "nia.newcomer@camden.example", "jobTitle", "Planner"));
        Browser member = workspace.browser();
        member.get("/register");
        HttpResponse<String> existing =
                member.post("/register", Map.of("name", "Officer", "email", "officer1@camden.example", "jobTitle", ""));
        assertThat(Browser.mainContent(asked.body())).contains("Check your email");
        assertThat(Browser.mainContent(existing.body())
                        .replace("officer1@camden.example", "nia.newcomer@camden.example"))
                .as("the same answer whether or not the address has an account")
                .isEqualTo(Browser.mainContent(asked.body()));
        assertThat(subjectsEmailedTo("officer1@camden.example")).contains("You already have a Collaborative account");

        String link = linkEmailedTo("nia.newcomer@camden.example", "Confirm your email address for Collaborative");
        assertThat(newcomer.get(link).body()).contains("Confirm your email address", "Nia Newcomer", "Camden");
        HttpResponse<String> confirmed =
                newcomer.post(link, Map.of("password", "paper kite harbour", "confirmation", "paper kite harbour"));
        assertThat(confirmed.headers().firstValue("Location").orElseThrow()).endsWith("/register/waiting");
        assertThat(workspace.browser().get(link).body()).contains("This link has expired");

        Browser waiting = workspace.browser();
        waiting.get("/sign-in");
        HttpResponse<String> refused = waiting.post(
                "/sign-in", Map.of("email", "nia.newcomer@camden.example", "password", "paper kite harbour"));
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/sign-in?awaiting-approval");
        assertThat(waiting.get("/sign-in?awaiting-approval").body()).contains("waiting for approval");
        waiting.get("/sign-in");
        HttpResponse<String> wrong = waiting.post(
                "/sign-in", Map.of("email", "nia.newcomer@camden.example", "password", "not the password"));
        assertThat(wrong.headers().firstValue("Location").orElseThrow())
                .as("a wrong password says nothing of the registration")
                .endsWith("/sign-in?error");

        HttpResponse<String> list = camdenAdmin.get("/admin/registrations");
        assertThat(list.body()).contains("Nia Newcomer", "nia.newcomer@camden.example");
        String memberId = workspace
                .jdbc()
                .queryForObject(
                        "select member_id from account where email = 'nia.newcomer@camden.example'"
                                + " and status = 'PENDING'",
                        String.class);
        assertThat(camdenAdmin
                        .post("/admin/registrations/" + memberId + "/approve", Map.of())
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .endsWith("/admin/registrations?approved");
        assertThat(subjectsEmailedTo("nia.newcomer@camden.example"))
                .contains("Your Collaborative registration is approved");
        Browser signedIn = workspace.browser().signIn("nia.newcomer@camden.example", "paper kite harbour");
        assertThat(signedIn.api("GET", "/api/me", null).body()).contains(CAMDEN, "SERVICE_LEADER");
        assertThat(workspace.jdbc().queryForObject("select count(*) from registration_request", Integer.class))
                .isZero();
    }

    @Test
    @Order(8)
    void someoneAtAnUnknownDomainIsToldWhoToAskAndNothingIsKept() {
        Browser stranger = workspace.browser();
        stranger.get("/register");
        HttpResponse<String> answer = stranger.post(
                "/register", Map.of("name", "Sol Stranger", "email", "sol@elsewhere.example", "jobTitle", ""));
        assertThat(answer.body())
                .contains("You cannot register with this email address", "mailto:")
                .doesNotContain("Check your email");
        assertThat(emailsTo("sol@elsewhere.example")).isEmpty();
        assertThat(workspace.jdbc().queryForObject("select count(*) from registration_request", Integer.class))
                .isZero();
        assertThat(workspace
                        .jdbc()
                        .queryForObject(
                                "select count(*) from email_request where kind = 'REGISTRATION'", Integer.class))
                .as("two registrations were counted above, none here")
                .isEqualTo(4);
    }

    @Test
    @Order(9)
    void resetEmailsStopAtTheLimitWithTheSameAnswer() {
        String email = "officer4@hackney.example";
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Browser forgetful = workspace.browser();
            forgetful.get("/password/forgotten");
            answers.add(Browser.mainContent(forgetful
                    .post("/password/forgotten", Map.of("email", email))
                    .body()));
        }
        assertThat(answers).containsOnly(answers.get(0));
        assertThat(subjectsEmailedTo(email).stream()
                        .filter("Reset your Collaborative password"::equals)
                        .count())
                .as("three a hour per address")
                .isEqualTo(3);
    }

    /**
     * The browser journey of the same (e2e/demo-off/), as a new user meets it: the first administrator the operator
     * made signs in, imports ten other people from two other councils, approves a newcomer at a third domain, and one
     * person resets a password; every page state is scanned with axe-core.
     */
    @Test
    @Order(10)
    void theSameInABrowserWithEveryPageAccessible() throws Exception {
        BrowserJourneys.prepare();
        BrowserJourneys.run(
                workspace,
                BrowserJourneys.filesIn("demo-off"),
                Map.of("ADMIN_EMAIL", ADMIN, "ADMIN_PASSWORD", ADMIN_PASSWORD),
                data.resolve("journeys.log"));
    }

    private static List<String> subjectsEmailedTo(String address) {
        return await("an email to " + address)
                .atMost(Duration.ofSeconds(20))
                .until(() -> emailsTo(address).map(OnboardingIT::subjectOf).toList(), subjects -> !subjects.isEmpty());
    }

    private record Run(int status, String output) {}

    /** Uploads a CSV file as the import page's form does (multipart, with the CSRF token of the last page read). */
    private static HttpResponse<String> upload(Browser browser, String path, String csv) {
        String boundary = "----onboarding" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
                + browser.csrfToken() + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"people.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        try {
            return java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create(workspace.baseUrl() + path))
                                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                    .header("Cookie", browser.cookieHeader())
                                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Run operator(String... options) {
        List<String> args = new ArrayList<>();
        args.add(OperatorCommand.NAME);
        args.addAll(List.of(options));
        args.addAll(List.of(workspace.operatorArguments()));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status = OperatorCommand.run(
                args.toArray(String[]::new), new PrintStream(printed, true, StandardCharsets.UTF_8));
        return new Run(status, printed.toString(StandardCharsets.UTF_8));
    }

    /** The one link emailed to the address under that subject (waiting for it to arrive). */
    private static String linkEmailedTo(String address, String subject) {
        return await("an email to " + address)
                .atMost(Duration.ofSeconds(20))
                .until(
                        () -> emailsTo(address)
                                .filter(m -> subject.equals(subjectOf(m)))
                                .map(OnboardingIT::linkIn)
                                .toList(),
                        links -> links.size() == 1)
                .get(0);
    }

    private static List<String> linksEmailedTo(String address) {
        return emailsTo(address).map(OnboardingIT::linkIn).collect(Collectors.toList());
    }

    private static Stream<MimeMessage> emailsTo(String address) {
        return workspace.bean(EmbeddedMailServer.class).received().stream()
                .filter(received -> received.to().contains(address))
                .map(EmbeddedMailServer.Received::message);
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String linkIn(MimeMessage message) {
        return BrowserJourneys.linkIn(message).orElseThrow(() -> new IllegalStateException("No link in the email"));
    }
}
