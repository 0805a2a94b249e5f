package org.collaborative.app.account;

import java.util.List;
import org.collaborative.app.member.Accounts.Account;
import org.collaborative.events.member.MemberRole;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The signed-in person: who they are, where they work and in what role. */
public class WorkspaceUser extends User {

    private final String memberId;
    private final String displayName;
    private final String organisationId;
    private final MemberRole role;

    WorkspaceUser(Account account) {
        this(account, account.passwordHash());
    }

    private WorkspaceUser(Account account, boolean awaitingApproval) {
        super(
                account.email(),
                account.passwordHash(),
                true,
                true,
                !awaitingApproval,
                true,
                List.of(new SimpleGrantedAuthority("ROLE_" + account.role().name())));
        this.memberId = account.memberId();
        this.displayName = account.displayName();
        this.organisationId = account.organisationId();
        this.role = account.role();
    }

    /**
     * A person who registered themselves and waits for approval: their credentials are "not yet valid", which Spring
     * Security checks only after the password matched ({@code CredentialsExpiredException}), so the sign-in page can
     * tell them they are waiting and tells nobody else anything.
     */
    static WorkspaceUser awaitingApproval(Account account) {
        return new WorkspaceUser(account, true);
    }

    /** A member who signed in some other way than with their password (which is then not kept). */
    WorkspaceUser(Account account, String password) {
        super(
                account.email(),
                password,
                List.of(new SimpleGrantedAuthority("ROLE_" + account.role().name())));
        this.memberId = account.memberId();
        this.displayName = account.displayName();
        this.organisationId = account.organisationId();
        this.role = account.role();
    }

    public String memberId() {
        return memberId;
    }

    public String displayName() {
        return displayName;
    }

    public String organisationId() {
        return organisationId;
    }

    public MemberRole role() {
        return role;
    }
}
