package org.collaborative.app.web.onboarding;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.collaborative.app.infrastructure.web.ErrorSummary;
import org.collaborative.app.infrastructure.web.Forms;
import org.collaborative.app.infrastructure.web.Refusal;
import org.collaborative.app.member.Member;
import org.collaborative.app.onboarding.Invitations.LinkNotValidException;
import org.collaborative.app.onboarding.PasswordRules;
import org.collaborative.app.onboarding.Registrations;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Registering oneself (docs/adr/0025), before anyone can sign in: the form (name, email, job title), the answer (the
 * same whether or not the address has an account; or, for an address at no participating organisation, who to ask),
 * and the page reached from the emailed link, where the person chooses a password.
 */
@Controller
class RegistrationController {

    /** What a person registering types, validated whole with the {@code Member} aggregate's limits (ADR 5). */
    record RegisterForm(
            @NotBlank(message = "Enter your full name")
            @Size(
                    max = Member.MAX_NAME,
                    message = "Your name must be ${formatter.format('%,d', max)} characters or fewer")
            String name,

            @NotBlank(message = "Enter your work email address")
            @Pattern(
                    regexp = "\\s*(" + Member.EMAIL_FORMAT + ")?\\s*",
                    message = "Enter an email address in the correct format, like name@example.com")
            @Size(
                    max = Member.MAX_EMAIL,
                    message = "Your email address must be ${formatter.format('%,d', max)} characters or fewer")
            String email,

            @Size(
                    max = Member.MAX_JOB_TITLE,
                    message = "Your job title must be ${formatter.format('%,d', max)} characters or fewer")
            String jobTitle) {}

    private final Registrations registrations;
    private final String contact;

    RegistrationController(
            Registrations registrations, @Value("${collaborative.onboarding.administrators-contact}") String contact) {
        this.registrations = registrations;
        this.contact = contact;
    }

    @GetMapping("/register")
    String form(Model model) {
        model.addAttribute("form", new RegisterForm("", "", ""));
        model.addAttribute("fieldErrors", Map.of());
        return "onboarding/register";
    }

    @PostMapping("/register")
    String register(
            @Valid @ModelAttribute("form") RegisterForm form,
            BindingResult errors,
            HttpServletRequest request,
            Model model) {
        if (errors.hasErrors()) {
            Forms.showErrors(model, errors, form, "name");
            model.addAttribute("form", form);
            return "onboarding/register";
        }
        Registrations.Outcome outcome =
                registrations.register(form.name(), form.email(), form.jobTitle(), request.getRemoteAddr());
        model.addAttribute("email", form.email().strip());
        model.addAttribute("contact", contact);
        return outcome == Registrations.Outcome.NOT_PARTICIPATING
                ? "onboarding/register-elsewhere"
                : "onboarding/register-sent";
    }

    @GetMapping("/register/confirm/{token}")
    String confirmation(@PathVariable String token, Model model) {
        Optional<Registrations.Registrant> registrant = registrations.registrant(token);
        if (registrant.isEmpty()) {
            model.addAttribute("purpose", "registration");
            return "onboarding/link-expired";
        }
        return choosePassword(model, token, registrant.get(), Map.of());
    }

    @PostMapping("/register/confirm/{token}")
    String confirm(
            @PathVariable String token,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirmation,
            Model model) {
        try {
            Registrations.Confirmed confirmed = registrations.confirm(token, password, confirmation);
            return confirmed.waitingForApproval() ? "redirect:/register/waiting" : "redirect:/sign-in?account-ready";
        } catch (LinkNotValidException expired) {
            model.addAttribute("purpose", "registration");
            return "onboarding/link-expired";
        } catch (RuntimeException failure) {
            Refusal refusal = Refusal.of(failure).orElseThrow(() -> failure);
            Optional<Registrations.Registrant> registrant = registrations.registrant(token);
            if (registrant.isEmpty()) {
                model.addAttribute("purpose", "registration");
                return "onboarding/link-expired";
            }
            return choosePassword(
                    model, token, registrant.get(), Map.of(refusal.fieldOr("password"), refusal.message()));
        }
    }

    @GetMapping("/register/waiting")
    String waiting(Model model) {
        model.addAttribute("contact", contact);
        return "onboarding/register-waiting";
    }

    private String choosePassword(
            Model model, String token, Registrations.Registrant registrant, Map<String, String> errors) {
        model.addAttribute("action", "/register/confirm/" + token);
        model.addAttribute("purpose", "registration");
        model.addAttribute("registrant", registrant);
        model.addAttribute("organisationName", registrations.organisationName(registrant.organisationId()));
        model.addAttribute("heading", "Confirm your email address");
        model.addAttribute("button", "Choose password and register");
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
}
