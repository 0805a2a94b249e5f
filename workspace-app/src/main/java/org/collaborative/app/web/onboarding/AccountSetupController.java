package org.collaborative.app.web.onboarding;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.collaborative.app.infrastructure.web.ErrorSummary;
import org.collaborative.app.infrastructure.web.Refusal;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.onboarding.Invitations;
import org.collaborative.app.onboarding.Invitations.LinkNotValidException;
import org.collaborative.app.onboarding.PasswordRules;
import org.collaborative.app.onboarding.Passwords;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages a person reaches from an email, before they can sign in: accepting an invitation by choosing a password,
 * asking for a password reset, and choosing a new password with the reset link. A link that is forged, expired, used
 * or withdrawn gets one page that says so and what to do.
 */
@Controller
class AccountSetupController {

    private final Invitations invitations;
    private final Passwords passwords;

    AccountSetupController(Invitations invitations, Passwords passwords) {
        this.invitations = invitations;
        this.passwords = passwords;
    }

    @GetMapping("/invitations/{token}")
    String invitation(@PathVariable String token, Model model) {
        Optional<Accounts.Account> invitee = invitations.invitee(token);
        if (invitee.isEmpty()) {
            return expired(model, "invitation");
        }
        model.addAttribute("invitee", invitee.get());
        return choosePassword(model, "/invitations/" + token, "invitation", Map.of());
    }

    @PostMapping("/invitations/{token}")
    String accept(
            @PathVariable String token,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirmation,
            Model model) {
        try {
            invitations.accept(token, password, confirmation);
            return "redirect:/sign-in?account-ready";
        } catch (LinkNotValidException expired) {
            return expired(model, "invitation");
        } catch (RuntimeException failure) {
            Refusal refusal = Refusal.of(failure).orElseThrow(() -> failure);
            invitations.invitee(token).ifPresent(invitee -> model.addAttribute("invitee", invitee));
            return choosePassword(
                    model,
                    "/invitations/" + token,
                    "invitation",
                    Map.of(refusal.fieldOr("password"), refusal.message()));
        }
    }

    @GetMapping("/password/forgotten")
    String forgotten(Model model) {
        model.addAttribute("email", "");
        model.addAttribute("fieldErrors", Map.of());
        return "onboarding/forgotten";
    }

    @PostMapping("/password/forgotten")
    String requestReset(@RequestParam(defaultValue = "") String email, HttpServletRequest request, Model model) {
        if (email.isBlank() || !email.contains("@")) {
            String message = email.isBlank()
                    ? "Enter your email address"
                    : "Enter an email address in the correct format, like name@example.com";
            model.addAttribute("email", email);
            model.addAttribute("fieldErrors", Map.of("email", message));
            model.addAttribute("errorSummary", ErrorSummary.of("email", message));
            return "onboarding/forgotten";
        }
        passwords.requestReset(email, request.getRemoteAddr());
        model.addAttribute("email", email.strip());
        return "onboarding/reset-sent";
    }

    @GetMapping("/password/reset/{token}")
    String reset(@PathVariable String token, Model model) {
        if (!passwords.resetLinkWorks(token)) {
            return expired(model, "reset");
        }
        return choosePassword(model, "/password/reset/" + token, "reset", Map.of());
    }

    @PostMapping("/password/reset/{token}")
    String setNewPassword(
            @PathVariable String token,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirmation,
            Model model) {
        try {
            passwords.reset(token, password, confirmation);
            return "redirect:/sign-in?password-reset";
        } catch (LinkNotValidException expired) {
            return expired(model, "reset");
        } catch (RuntimeException failure) {
            Refusal refusal = Refusal.of(failure).orElseThrow(() -> failure);
            return choosePassword(
                    model, "/password/reset/" + token, "reset", Map.of(refusal.fieldOr("password"), refusal.message()));
        }
    }

    private static String choosePassword(Model model, String action, String purpose, Map<String, String> errors) {
        model.addAttribute("action", action);
        model.addAttribute("purpose", purpose);
        // Worded here: Thymeleaf's restricted mode refuses an expression with the word "new" followed by a space.
        boolean invitation = purpose.equals("invitation");
        model.addAttribute("heading", invitation ? "Accept your invitation" : "Choose a new password");
        model.addAttribute("button", invitation ? "Accept and choose password" : "Save new password");
        model.addAttribute("minLength", PasswordRules.MIN_LENGTH);
        model.addAttribute("fieldErrors", new LinkedHashMap<>(errors));
        if (!errors.isEmpty()) {
            model.addAttribute(
                    "errorSummary",
                    errors.entrySet().stream()
                            .map(e -> new ErrorSummary.Item("#" + e.getKey(), e.getValue()))
                            .toList());
        }
        return "onboarding/choose-password";
    }

    private static String expired(Model model, String purpose) {
        model.addAttribute("purpose", purpose);
        return "onboarding/link-expired";
    }
}
