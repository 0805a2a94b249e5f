package org.collaborative.events.retreat;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A facilitator invited people: a person, or everyone then in an organisation, holding a role, or in a working group.
 *
 * @param target the member, organisation, role name or group the facilitator chose
 * @param memberIds the people newly invited by it (those already invited or registered are left out)
 */
@Revision("1")
public record PeopleInvited(
        String retreatId, InvitationScope scope, String target, List<String> memberIds, String by, Instant at) {}
