package org.collaborative.app.infrastructure.security;

import java.time.Duration;
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

    SignInController(
            @Value("${collaborative.security.session.idle-timeout}") Duration idleTimeout,
            @Value("${collaborative.security.session.absolute-timeout}") Duration absoluteTimeout) {
        this.idleTimeout = idleTimeout;
        this.absoluteTimeout = absoluteTimeout;
    }

    @GetMapping("/sign-in")
    String signIn(
            @RequestParam(name = "error", required = false) String error,
            @RequestParam(name = "signed-out", required = false) String signedOut,
            @RequestParam(name = "timed-out", required = false) String timedOut,
            @RequestParam(name = "throttled", required = false) Integer throttledMinutes,
            Model model) {
        boolean throttled = throttledMinutes != null;
        model.addAttribute("failed", error != null || throttled);
        model.addAttribute("problem", throttled
                ? "You have tried to sign in too many times. Wait " + minutes(throttledMinutes) + ", then try again"
                : "Enter a correct email address and password");
        model.addAttribute("signedOut", signedOut != null);
        if (timedOut != null && error == null && !throttled) {
            model.addAttribute("timedOut", "absolute".equals(timedOut)
                    ? "You signed in more than " + readable(absoluteTimeout) + " ago, so we signed you out to keep"
                            + " your account safe."
                    : "You have not used Collaborative for " + readable(idleTimeout) + ", so we signed you out to"
                            + " keep your account safe.");
        }
        return "auth/sign-in";
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
