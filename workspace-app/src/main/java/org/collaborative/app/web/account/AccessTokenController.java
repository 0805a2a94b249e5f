package org.collaborative.app.web.account;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.account.token.AccessTokens;
import org.collaborative.app.infrastructure.web.Forms;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A member's personal access tokens for the JSON API: create one (a name and how long it lasts; the token is shown on
 * the page that answers the form, once, and never again), see their tokens, and revoke one. Signed-in pages only: a
 * token cannot be used to make another token.
 */
@Controller
@RequestMapping("/profile/tokens")
class AccessTokenController {

    /** How long a new token may last, as offered on the form. */
    static final List<Integer> LIFETIMES_IN_DAYS = List.of(7, 30, 90, 365);

    /**
     * The form to create a token. Its name is one line, kept in PostgreSQL text, which cannot hold a NUL: found by the
     * request fuzzer, a name with one was a 500; control characters are refused on the field.
     */
    record TokenForm(
            @NotBlank(message = "Enter a name for the token")
            @Size(max = AccessTokens.MAX_NAME, message = "The name must be {max} characters or fewer")
            @jakarta.validation.constraints.Pattern(
                    regexp = "[^\\p{Cntrl}]*",
                    message = "The name must not include control characters such as line breaks")
            String name,

            @NotNull(message = "Select how long the token lasts")
            Integer days) {

        static TokenForm blank() {
            return new TokenForm("", null);
        }
    }

    private final AccessTokens tokens;
    private final Clock clock;

    AccessTokenController(AccessTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @GetMapping
    String page(
            @RequestParam(name = "revoked", required = false) String revoked,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        model.addAttribute("revoked", revoked != null);
        return prepare(model, user, TokenForm.blank());
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("form") TokenForm form,
            BindingResult errors,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        if (!errors.hasFieldErrors("days") && form.days() != null && !LIFETIMES_IN_DAYS.contains(form.days())) {
            errors.rejectValue("days", "lifetime", "Select how long the token lasts");
        }
        if (!errors.hasErrors() && tokens.activeCount(user.memberId()) >= AccessTokens.MAX_ACTIVE) {
            errors.rejectValue(
                    "name",
                    "too-many",
                    "You have " + AccessTokens.MAX_ACTIVE
                            + " tokens that still work. Revoke one before you create another");
        }
        if (errors.hasErrors()) {
            Forms.showErrors(model, errors, form, "name");
            return prepare(model, user, form);
        }
        AccessTokens.NewToken created = tokens.create(user.memberId(), form.name(), Duration.ofDays(form.days()));
        model.addAttribute("created", created);
        return prepare(model, user, TokenForm.blank());
    }

    @PostMapping("/{tokenId}/revocation")
    String revoke(@PathVariable String tokenId, @AuthenticationPrincipal WorkspaceUser user) {
        boolean revoked = tokens.revoke(user.memberId(), tokenId);
        if (!revoked
                && tokens.of(user.memberId()).stream()
                        .noneMatch(token -> token.tokenId().equals(tokenId))) {
            throw new NotFoundException("token");
        }
        return "redirect:/profile/tokens?revoked";
    }

    private String prepare(Model model, WorkspaceUser user, TokenForm form) {
        model.addAttribute("form", form);
        Forms.noErrors(model);
        model.addAttribute("lifetimes", LIFETIMES_IN_DAYS);
        model.addAttribute("tokens", tokens.of(user.memberId()));
        model.addAttribute("now", clock.instant());
        return "profile/tokens";
    }
}
