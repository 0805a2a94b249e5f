package org.collaborative.app.web.account;

import java.time.Duration;
import java.util.Map;
import org.collaborative.app.account.OidcLogin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page. It says why a person is here: a wrong email address or password (never which of the two, nor
 * whether an account exists), too many attempts, a session that ended, or signing out.
 */
@Controller
class SignInController {

    private final Duration idleTimeout;
    private final Duration absoluteTimeout;
    private final ObjectProvider<OidcLogin> oidc;
    private final String contact;

    SignInController(
            @Value("${collaborative.security.session.idle-timeout}") Duration idleTimeout,
            @Value("${collaborative.security.session.absolute-timeout}") Duration absoluteTimeout,
            ObjectProvider<OidcLogin> oidc,
            @Value("${collaborative.onboarding.administrators-contact}") String contact) {
        this.contact = contact;
        this.idleTimeout = idleTimeout;
        this.absoluteTimeout = absoluteTimeout;
        this.oidc = oidc;
    }

    @GetMapping("/sign-in")
    String signIn(
            @RequestParam(name = "error", required = false) String error,
            @RequestParam(name = "signed-out", required = false) String signedOut,
            @RequestParam(name = "timed-out", required = false) String timedOut,
            @RequestParam(name = "throttled", required = false) Integer throttledMinutes,
            @RequestParam(name = "refused", required = false) String refused,
            @RequestParam(name = "account-ready", required = false) String accountReady,
            @RequestParam(name = "password-reset", required = false) String passwordReset,
            @RequestParam(name = "awaiting-approval", required = false) String awaitingApproval,
            Model model) {
        if (refused != null) {
            model.addAttribute("reason", refusal(refused, contact));
            return "auth/refused";
        }
        OidcLogin login = oidc.getIfAvailable();
        if (login != null) {
            model.addAttribute("singleSignOn", Map.of("url", login.startUrl(), "text", login.buttonText()));
        }
        boolean throttled = throttledMinutes != null;
        boolean waiting = awaitingApproval != null;
        model.addAttribute("failed", error != null || throttled || waiting);
        model.addAttribute(
                "problem",
                waiting
                        ? "Your registration is waiting for approval by your organisation’s administrator: you can"
                                + " sign in once it is approved, and we will email you then"
                        : throttled
                                ? "You have tried to sign in too many times. Wait " + minutes(throttledMinutes)
                                        + ", then try again"
                                : "Enter a correct email address and password");
        model.addAttribute("signedOut", signedOut != null);
        model.addAttribute(
                "ready",
                accountReady != null
                        ? "Your password is set: sign in to start"
                        : passwordReset != null ? "Your password has been changed: sign in with the new one" : null);
        if (timedOut != null && error == null && !throttled) {
            model.addAttribute(
                    "timedOut",
                    "absolute".equals(timedOut)
                            ? "You signed in more than " + readable(absoluteTimeout)
                                    + " ago, so we signed you out to keep" + " your account safe."
                            : "You have not used Collaborative for " + readable(idleTimeout) + " (or you signed out in"
                                    + " another window), so we signed you out to keep your account safe.");
        }
        return "auth/sign-in";
    }

    /** Why single sign-on was refused, in words for the person (the reason is one of OidcLogin's codes). */
    static String refusal(String reason, String contact) {
        return switch (reason) {
            case "no-member" ->
                "Your account is not linked to a member of Collaborative, and your organisation does not let people"
                        + " join by signing in with it. Ask your organisation's Collaborative administrator to add"
                        + " you, using the email address of your work account, or write to the workspace's"
                        + " administrators at " + contact + ".";
            case "no-name" ->
                "Your account did not give us your name, so we cannot make you a member of Collaborative. Ask"
                        + " your IT team to check your account's name, or register with your work email address.";
            case "no-email", "unverified-email" ->
                "Your account did not give us a verified email address, so we"
                        + " cannot tell which member you are. Ask your IT team to check your account's email address.";
            case "invalid-tenant" ->
                "Your organisation is not set up to sign in to Collaborative with its own"
                        + " accounts. Ask your IT team to contact the Collaborative team.";
            default ->
                "We could not sign you in with your organisation's account. Try again, or sign in with your"
                        + " Collaborative email address and password.";
        };
    }

    private static String minutes(int minutes) {
        int bounded = Math.max(1, Math.min(minutes, 24 * 60));
        return bounded == 1 ? "1 minute" : bounded + " minutes";
    }

    /** A duration as people say it: "8 hours", "30 minutes", "5 seconds". */
    static String readable(Duration duration) {
        if (duration.toSeconds() % 3600 == 0 && duration.toHours() > 0) {
            return plural(duration.toHours(), "hour");
        }
        if (duration.toSeconds() % 60 == 0 && duration.toMinutes() > 0) {
            return plural(duration.toMinutes(), "minute");
        }
        return plural(duration.toSeconds(), "second");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
