package org.collaborative.app.account;

import org.collaborative.app.member.Accounts.Account;
import org.collaborative.events.member.MemberRole;

/** Signed-in people for controller slice tests (the principal that {@code @AuthenticationPrincipal} resolves). */
public final class SignedIn {

    private SignedIn() {}

    public static WorkspaceUser as(String memberId, String organisationId, MemberRole role) {
        return new WorkspaceUser(new Account(
                memberId,
                memberId + "@example.gov.uk",
                "Name of " + memberId,
                "Officer",
                organisationId,
                role,
                "{noop}unused"));
    }
}
