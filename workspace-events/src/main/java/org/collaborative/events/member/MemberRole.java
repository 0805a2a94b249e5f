package org.collaborative.events.member;

/** The part a person plays in the workspace (see the domain guide). */
public enum MemberRole {
    SERVICE_LEADER,
    COUNCILLOR,
    PARTNER,
    FACILITATOR,
    CHIEF_EXECUTIVE,
    ADMINISTRATOR
}
