package org.collaborative.app.web.onboarding;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.onboarding.OrganisationDirectory;
import org.collaborative.app.organisation.EmailDomainDirectory;
import org.collaborative.app.organisation.SetOrganisationEmailDomains;
import org.collaborative.events.member.MemberRole;
import org.collaborative.events.organisation.RegistrationApproval;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An organisation's email domains and registration approval as JSON, for administrators (docs/adr/0025). */
@RestController
@RequestMapping("/api/organisations/{organisationId}/email-domains")
@Tag(name = "Organisations")
class EmailDomainsApi {

    /** The domains an organisation's people use, and how self-registrations from them are approved. */
    record EmailDomains(List<String> domains, RegistrationApproval approval) {}

    private final Commands commands;
    private final EmailDomainDirectory directory;
    private final OrganisationDirectory organisations;
    private final java.time.Clock clock;

    EmailDomainsApi(
            Commands commands,
            EmailDomainDirectory directory,
            OrganisationDirectory organisations,
            java.time.Clock clock) {
        this.commands = commands;
        this.directory = directory;
        this.organisations = organisations;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "An organisation's email domains and how people registering from them are approved")
    EmailDomains get(@PathVariable String organisationId, @AuthenticationPrincipal WorkspaceUser user) {
        requireAdministrator(user);
        if (!organisations.exists(organisationId)) {
            throw new NotFoundException("organisation");
        }
        List<EmailDomainDirectory.EmailDomain> domains = directory.all().stream()
                .filter(d -> d.organisationId().equals(organisationId))
                .toList();
        return new EmailDomains(
                domains.stream().map(EmailDomainDirectory.EmailDomain::domain).toList(),
                domains.isEmpty() ? null : domains.get(0).approval());
    }

    @PutMapping
    @Operation(
            summary = "Set all of an organisation's email domains (lower case, each one organisation's) and approval")
    EmailDomains set(
            @PathVariable String organisationId,
            @RequestBody EmailDomains body,
            @AuthenticationPrincipal WorkspaceUser user) {
        requireAdministrator(user);
        if (!organisations.exists(organisationId)) {
            throw new NotFoundException("organisation");
        }
        commands.send(new SetOrganisationEmailDomains(
                organisationId, body.domains(), body.approval(), InvitationController.actor(user), clock.instant()));
        return get(organisationId, user);
    }

    private static void requireAdministrator(WorkspaceUser user) {
        if (user.role() != MemberRole.ADMINISTRATOR) {
            throw new AccessDeniedException("Only administrators set organisations' email domains");
        }
    }
}
