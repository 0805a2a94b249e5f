package org.collaborative.events.member;

/** The part a person plays in the workspace (see the domain guide). */
public enum MemberRole {
    SERVICE_LEADER,
    COUNCILLOR,
    PARTNER,
    FACILITATOR,
    CHIEF_EXECUTIVE,
    ADMINISTRATOR,
    /** Invites and approves the people of their own organisation (and no other); otherwise as a service leader. */
    ORGANISATION_ADMINISTRATOR
}
