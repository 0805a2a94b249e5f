package org.collaborative.app.privacy;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.account.token.AccessTokens;
import org.collaborative.app.member.Roles;
import org.collaborative.app.personaldata.SecurityLog;
import org.collaborative.events.member.InvitationAccepted;
import org.collaborative.events.member.InvitationAcceptedBySingleSignOn;
import org.collaborative.events.member.InvitationResent;
import org.collaborative.events.member.InvitationRevoked;
import org.collaborative.events.member.MemberErased;
import org.collaborative.events.member.MemberInvited;
import org.collaborative.events.member.MemberRegisteredBySingleSignOn;
import org.collaborative.events.member.MemberRoleChanged;
import org.collaborative.events.member.MemberSelfRegistered;
import org.collaborative.events.member.RegistrationApproved;
import org.collaborative.events.member.RegistrationDeclined;
import org.collaborative.events.organisation.RegistrationApproval;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Fills the security log: sign-ins and refused sign-ins from Spring Security's events, role changes and erasures from
 * the member's events (in the transaction that records them, through the subscribing "command-directory"
 * processor). A refused sign-in is logged with the address masked and never the password.
 */
@Component
@ProcessingGroup("command-directory")
class SecurityEvents {

    private final SecurityLog log;
    private final Clock clock;

    SecurityEvents(SecurityLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /** A person signed in through the sign-in page (not each API call made with a token). */
    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        String memberId =
                event.getAuthentication().getPrincipal() instanceof WorkspaceUser user ? user.memberId() : null;
        log.append(
                clock.instant(),
                SecurityLog.Kind.SIGNED_IN,
                memberId,
                memberId,
                "",
                remoteAddress(event.getAuthentication().getDetails()));
    }

    /**
     * Also replaces the sign-in attempt kept in the exception: Spring Security keeps it there (the email address and
     * the password typed, in plain text), and the failure handler stores the exception in the session, which Spring
     * Session writes to PostgreSQL. The event carries the very exception that is then thrown, so this runs first.
     */
    @EventListener
    void refused(AbstractAuthenticationFailureEvent event) {
        Object typed = event.getAuthentication().getPrincipal();
        String masked = SecurityLog.mask(typed == null ? null : typed.toString());
        event.getException()
                .setAuthenticationRequest(UsernamePasswordAuthenticationToken.unauthenticated(masked, null));
        String reason = event.getException()
                .getClass()
                .getSimpleName()
                .replaceAll("Exception$", "")
                .replaceAll("([a-z])([A-Z])", "$1 $2")
                .toLowerCase(java.util.Locale.UK);
        log.append(
                clock.instant(),
                SecurityLog.Kind.SIGN_IN_REFUSED,
                null,
                null,
                masked + " (" + reason + ")",
                remoteAddress(event.getAuthentication().getDetails()));
    }

    /** A personal access token was made: its name and expiry, never its secret. */
    @EventListener
    void tokenCreated(AccessTokens.TokenCreated created) {
        log.append(
                clock.instant(),
                SecurityLog.Kind.TOKEN_CREATED,
                created.memberId(),
                created.memberId(),
                "‘" + created.name() + "’ (" + created.tokenId() + "), expires " + created.expiresAt(),
                currentRemoteAddress());
    }

    @EventListener
    void tokenRevoked(AccessTokens.TokenRevoked revoked) {
        log.append(
                clock.instant(),
                SecurityLog.Kind.TOKEN_REVOKED,
                revoked.memberId(),
                revoked.memberId(),
                revoked.tokenId(),
                currentRemoteAddress());
    }

    @EventHandler
    void on(MemberRoleChanged event) {
        log.append(
                event.changedAt(),
                SecurityLog.Kind.ROLE_CHANGED,
                event.memberId(),
                event.changedBy(),
                Roles.label(event.previousRole()) + " to " + Roles.label(event.role()),
                currentRemoteAddress());
    }

    @EventHandler
    void on(MemberErased event) {
        String detail = event.reason().name().toLowerCase(java.util.Locale.UK).replace('_', ' ')
                + (event.reference().isEmpty() ? "" : ", reference " + event.reference());
        log.append(
                event.erasedAt(),
                SecurityLog.Kind.MEMBER_ERASED,
                event.memberId(),
                event.erasedBy(),
                detail,
                currentRemoteAddress());
    }

    @EventHandler
    void on(MemberInvited event) {
        log.append(
                event.invitedAt(),
                SecurityLog.Kind.MEMBER_INVITED,
                event.memberId(),
                event.invitedBy(),
                Roles.label(event.role()) + " of " + event.organisationId(),
                currentRemoteAddress());
    }

    @EventHandler
    void on(InvitationResent event) {
        log.append(
                event.resentAt(),
                SecurityLog.Kind.INVITATION_RESENT,
                event.memberId(),
                event.resentBy(),
                "",
                currentRemoteAddress());
    }

    @EventHandler
    void on(InvitationAccepted event) {
        log.append(
                event.acceptedAt(),
                SecurityLog.Kind.INVITATION_ACCEPTED,
                event.memberId(),
                event.memberId(),
                "",
                currentRemoteAddress());
    }

    /** Logged as an accepted invitation, with the provider that vouched for the invited address. */
    @EventHandler
    void on(InvitationAcceptedBySingleSignOn event) {
        log.append(
                event.acceptedAt(),
                SecurityLog.Kind.INVITATION_ACCEPTED,
                event.memberId(),
                event.memberId(),
                "by single sign-on ("
                        + (event.tenantId().isEmpty() ? event.issuer() : "Entra tenant " + event.tenantId()) + ")",
                currentRemoteAddress());
    }

    @EventHandler
    void on(InvitationRevoked event) {
        log.append(
                event.revokedAt(),
                SecurityLog.Kind.INVITATION_REVOKED,
                event.memberId(),
                event.revokedBy(),
                "",
                currentRemoteAddress());
    }

    @EventHandler
    void on(MemberSelfRegistered event) {
        log.append(
                event.registeredAt(),
                SecurityLog.Kind.SELF_REGISTERED,
                event.memberId(),
                event.memberId(),
                Roles.label(event.role()) + " of " + event.organisationId()
                        + (event.approval() == RegistrationApproval.AT_ONCE ? ", approved at once" : ", waiting"),
                currentRemoteAddress());
    }

    /** Logged as a self-registration: the person joined by signing in, with the provider that vouched for them. */
    @EventHandler
    void on(MemberRegisteredBySingleSignOn event) {
        log.append(
                event.registeredAt(),
                SecurityLog.Kind.SELF_REGISTERED,
                event.memberId(),
                event.memberId(),
                Roles.label(event.role()) + " of " + event.organisationId() + ", by single sign-on ("
                        + (event.tenantId().isEmpty() ? event.issuer() : "Entra tenant " + event.tenantId()) + ")"
                        + (event.approval() == RegistrationApproval.AT_ONCE ? ", approved at once" : ", waiting"),
                currentRemoteAddress());
    }

    @EventHandler
    void on(RegistrationApproved event) {
        log.append(
                event.approvedAt(),
                SecurityLog.Kind.REGISTRATION_APPROVED,
                event.memberId(),
                event.approvedBy(),
                "",
                currentRemoteAddress());
    }

    @EventHandler
    void on(RegistrationDeclined event) {
        log.append(
                event.declinedAt(),
                SecurityLog.Kind.REGISTRATION_DECLINED,
                event.memberId(),
                event.declinedBy(),
                "",
                currentRemoteAddress());
    }

    private static String remoteAddress(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : currentRemoteAddress();
    }

    private static String currentRemoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
