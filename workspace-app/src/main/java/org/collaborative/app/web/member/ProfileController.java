package org.collaborative.app.web.member;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.infrastructure.web.Forms;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.member.ChangeMemberProfile;
import org.collaborative.app.member.Member;
import org.collaborative.app.member.Roles;
import org.collaborative.app.organisation.OrganisationViews;
import org.collaborative.app.privacy.PersonalDataExport;
import org.collaborative.views.organisation.OrganisationCard;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The signed-in member's own profile: what the workspace holds about them, a form to change the name they are shown
 * by and their job title, and their data to download.
 */
@Controller
class ProfileController {

    /** The form to change one's details: every field is checked before the command is sent (docs/adr/0005). */
    record ProfileForm(
            @NotBlank(message = "Enter the name you want to be shown by")
            @Size(max = Member.MAX_NAME, message = "Name must be ${formatter.format('%,d', max)} characters or fewer")
            String displayName,

            @Size(
                    max = Member.MAX_JOB_TITLE,
                    message = "Job title must be ${formatter.format('%,d', max)} characters or fewer")
            String jobTitle) {}

    private final Accounts accounts;
    private final OrganisationViews organisations;
    private final Commands commands;
    private final UserDetailsService members;
    private final PersonalDataExport export;
    private final Clock clock;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    ProfileController(
            Accounts accounts,
            OrganisationViews organisations,
            Commands commands,
            UserDetailsService members,
            PersonalDataExport export,
            Clock clock) {
        this.export = export;
        this.accounts = accounts;
        this.organisations = organisations;
        this.commands = commands;
        this.members = members;
        this.clock = clock;
    }

    @GetMapping("/profile")
    String profile(
            @RequestParam(required = false) String saved, @AuthenticationPrincipal WorkspaceUser user, Model model) {
        Accounts.Account account = account(user);
        model.addAttribute("saved", saved != null);
        return page(model, account, new ProfileForm(account.displayName(), account.jobTitle()));
    }

    @PostMapping("/profile")
    String change(
            @Valid @ModelAttribute("form") ProfileForm form,
            BindingResult errors,
            @AuthenticationPrincipal WorkspaceUser user,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Accounts.Account account = account(user);
        if (!errors.hasErrors()) {
            commands.attempt(new ChangeMemberProfile(
                            user.memberId(),
                            new Actor(user.memberId(), user.organisationId(), user.role()),
                            form.displayName(),
                            form.jobTitle(),
                            clock.instant()))
                    .ifPresent(refused -> refused.rejectOn(errors));
        }
        if (errors.hasErrors()) {
            Forms.showErrors(model, errors, form, "displayName");
            return page(model, account, form);
        }
        refreshSignedInMember(account.email(), request, response);
        return "redirect:/profile?saved";
    }

    /** Everything the workspace holds about the signed-in member, as a JSON file to keep. */
    @GetMapping(value = "/profile/data", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> data(@AuthenticationPrincipal WorkspaceUser user) {
        Map<String, Object> data = export.of(user.memberId()).orElseThrow(() -> new NotFoundException("member"));
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("collaborative-my-data-" + java.time.LocalDate.now(clock) + ".json")
                                .build()
                                .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(data);
    }

    /** The header and the pages use the signed-in member's details: give the session the changed ones. */
    private void refreshSignedInMember(String email, HttpServletRequest request, HttpServletResponse response) {
        UserDetails fresh = members.loadUserByUsername(email);
        if (fresh instanceof org.springframework.security.core.CredentialsContainer credentials) {
            credentials.eraseCredentials();
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    private Accounts.Account account(WorkspaceUser user) {
        return accounts.find(user.memberId()).orElseThrow(() -> new NotFoundException("member"));
    }

    private String page(Model model, Accounts.Account account, ProfileForm form) {
        OrganisationCard organisation =
                organisations.byId(Set.of(account.organisationId())).get(account.organisationId());
        model.addAttribute("account", account);
        model.addAttribute("organisationName", organisation == null ? account.organisationId() : organisation.name());
        model.addAttribute("roleName", Roles.label(account.role()));
        model.addAttribute("form", form);
        Forms.noErrors(model);
        return "member/profile";
    }
}
