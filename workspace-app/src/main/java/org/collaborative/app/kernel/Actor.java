package org.collaborative.app.kernel;

import org.collaborative.events.member.MemberRole;

/** Who is giving a command: every action is attributed to a person and their organisation. */
public record Actor(String memberId, String organisationId, MemberRole role) {}
