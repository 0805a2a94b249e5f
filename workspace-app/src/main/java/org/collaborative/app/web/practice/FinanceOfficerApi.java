package org.collaborative.app.web.practice;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.practice.DesignateFinanceOfficer;
import org.collaborative.app.practice.EndFinanceOfficerDesignation;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators (and an organisation administrator, for the people of their own organisation) designate a member as
 * a finance officer of the member's own organisation, who may then verify the
 * outcomes its adoptions report, and end the designation (ADR 18). Anyone else is refused with a 422 problem detail.
 */
@RestController
@Tag(name = "Practices")
class FinanceOfficerApi {

    record Designation(String memberId, String organisationId) {}

    private final Accounts accounts;
    private final Commands commands;
    private final Clock clock;

    FinanceOfficerApi(Accounts accounts, Commands commands, Clock clock) {
        this.accounts = accounts;
        this.commands = commands;
        this.clock = clock;
    }

    @PutMapping("/api/finance-officers/{memberId}")
    @Operation(summary = "Designate a member as a finance officer of their organisation (administrators)")
    Designation designate(@PathVariable String memberId, @AuthenticationPrincipal WorkspaceUser user) {
        Accounts.Account account = accounts.find(memberId).orElseThrow(() -> new NotFoundException("member"));
        commands.send(new DesignateFinanceOfficer(
                memberId, account.organisationId(), PracticeController.actor(user), clock.instant()));
        return new Designation(memberId, account.organisationId());
    }

    @DeleteMapping("/api/finance-officers/{memberId}")
    @Operation(summary = "End a member's designation as a finance officer (administrators)")
    Designation end(@PathVariable String memberId, @AuthenticationPrincipal WorkspaceUser user) {
        Accounts.Account account = accounts.find(memberId).orElseThrow(() -> new NotFoundException("member"));
        commands.send(EndFinanceOfficerDesignation.of(memberId, PracticeController.actor(user), clock.instant()));
        return new Designation(memberId, account.organisationId());
    }
}
