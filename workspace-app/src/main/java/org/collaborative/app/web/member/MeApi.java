package org.collaborative.app.web.member;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.organisation.OrganisationViews;
import org.collaborative.events.member.MemberRole;
import org.collaborative.views.organisation.OrganisationCard;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in member's profile, as JSON. */
@RestController
@Tag(name = "Members")
class MeApi {

    /** What the workspace holds about the signed-in member. */
    record Me(
            String memberId,
            String displayName,
            String email,
            String jobTitle,
            Organisation organisation,
            MemberRole role) {}

    record Organisation(String id, String name) {}

    private final Accounts accounts;
    private final OrganisationViews organisations;

    MeApi(Accounts accounts, OrganisationViews organisations) {
        this.accounts = accounts;
        this.organisations = organisations;
    }

    @GetMapping("/api/me")
    @Operation(summary = "The signed-in member's profile: name, email, job title, organisation and role")
    Me me(@AuthenticationPrincipal WorkspaceUser user) {
        Accounts.Account account = accounts.find(user.memberId()).orElseThrow(() -> new NotFoundException("member"));
        OrganisationCard organisation =
                organisations.byId(Set.of(account.organisationId())).get(account.organisationId());
        return new Me(
                account.memberId(),
                account.displayName(),
                account.email(),
                account.jobTitle(),
                new Organisation(account.organisationId(), organisation == null ? null : organisation.name()),
                account.role());
    }
}
