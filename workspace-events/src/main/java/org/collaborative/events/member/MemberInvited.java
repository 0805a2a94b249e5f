package org.collaborative.events.member;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A member was registered by invitation ({@link MemberRegistered} comes just before, with their sealed details) and
 * cannot sign in until they accept it by setting a password from the emailed link.
 *
 * @param invitedBy the member id of the administrator or organisation administrator who invited them, or
 *     {@code operator} for the first administrator, created from the command line
 */
@Revision("1")
public record MemberInvited(
        String memberId, String organisationId, MemberRole role, String invitedBy, Instant invitedAt) {}
