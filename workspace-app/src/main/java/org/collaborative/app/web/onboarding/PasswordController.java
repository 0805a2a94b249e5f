package org.collaborative.app.web.onboarding;

import java.util.Map;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.infrastructure.web.ErrorSummary;
import org.collaborative.app.infrastructure.web.Refusal;
import org.collaborative.app.onboarding.PasswordRules;
import org.collaborative.app.onboarding.Passwords;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A signed-in member changes their password, giving the current one. */
@Controller
@RequestMapping("/profile/password")
class PasswordController {

    private final Passwords passwords;

    PasswordController(Passwords passwords) {
        this.passwords = passwords;
    }

    @GetMapping
    String form(@RequestParam(required = false) String changed, Model model) {
        model.addAttribute("changed", changed != null);
        model.addAttribute("fieldErrors", Map.of());
        model.addAttribute("minLength", PasswordRules.MIN_LENGTH);
        return "onboarding/change-password";
    }

    @PostMapping
    String change(
            @AuthenticationPrincipal WorkspaceUser user,
            @RequestParam(defaultValue = "") String current,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirmation,
            Model model) {
        try {
            passwords.change(user.memberId(), current, password, confirmation);
            return "redirect:/profile/password?changed";
        } catch (RuntimeException failure) {
            Refusal refusal = Refusal.of(failure).orElseThrow(() -> failure);
            String field = refusal.fieldOr("password");
            model.addAttribute("changed", false);
            model.addAttribute("fieldErrors", Map.of(field, refusal.message()));
            model.addAttribute("errorSummary", ErrorSummary.of(field, refusal.message()));
            model.addAttribute("minLength", PasswordRules.MIN_LENGTH);
            return "onboarding/change-password";
        }
    }
}
