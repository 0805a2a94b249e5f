package org.collaborative.app.member.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.collaborative.app.Actor;
import org.collaborative.app.InvalidInputException;
import org.collaborative.app.RuleBrokenException;
import org.collaborative.app.infrastructure.security.WorkspaceUser;
import org.collaborative.app.infrastructure.web.ErrorSummary;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.member.ChangeMemberProfile;
import org.collaborative.app.member.Roles;
import org.collaborative.app.organisation.OrganisationViews;
import org.collaborative.app.privacy.PersonalDataExport;
import org.collaborative.views.organisation.OrganisationCard;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ResponseBody;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The signed-in member's own profile: what the workspace holds about them, a form to change the name they are shown
 * by and their job title, and their data to download.
 */
@Controller
class ProfileController {

    private final Accounts accounts;
    private final OrganisationViews organisations;
    private final CommandGateway commands;
    private final UserDetailsService members;
    private final PersonalDataExport export;
    private final Clock clock;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    ProfileController(Accounts accounts, OrganisationViews organisations, CommandGateway commands,
            UserDetailsService members, PersonalDataExport export, Clock clock) {
        this.export = export;
        this.accounts = accounts;
        this.organisations = organisations;
        this.commands = commands;
        this.members = members;
        this.clock = clock;
    }

    @GetMapping("/profile")
    String profile(@RequestParam(required = false) String saved, @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        Accounts.Account account = account(user);
        model.addAttribute("saved", saved != null);
        return page(model, account, account.displayName(), account.jobTitle());
    }

    @PostMapping("/profile")
    String change(
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String jobTitle,
            @AuthenticationPrincipal WorkspaceUser user,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Accounts.Account account = account(user);
        try {
            commands.sendAndWait(new ChangeMemberProfile(user.memberId(),
                    new Actor(user.memberId(), user.organisationId(), user.role()), displayName, jobTitle,
                    clock.instant()));
        } catch (RuleBrokenException refused) {
            String field = refused instanceof InvalidInputException invalid ? invalid.field() : "displayName";
            model.addAttribute("errorSummary", ErrorSummary.of(field, refused.getMessage()));
            model.addAttribute("fieldErrors", Map.of(field, refused.getMessage()));
            return page(model, account, displayName, jobTitle);
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
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
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

    private String page(Model model, Accounts.Account account, String displayName, String jobTitle) {
        OrganisationCard organisation =
                organisations.byId(Set.of(account.organisationId())).get(account.organisationId());
        model.addAttribute("account", account);
        model.addAttribute("organisationName", organisation == null ? account.organisationId() : organisation.name());
        model.addAttribute("roleName", Roles.label(account.role()));
        model.addAttribute("displayName", displayName);
        model.addAttribute("jobTitle", jobTitle);
        if (!model.containsAttribute("fieldErrors")) {
            model.addAttribute("fieldErrors", Map.of());
        }
        return "member/profile";
    }
}
