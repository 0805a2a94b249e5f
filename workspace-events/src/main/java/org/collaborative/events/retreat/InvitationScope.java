package org.collaborative.events.retreat;

/** How a facilitator chose the people they invited: the members are listed on the event, resolved when invited. */
public enum InvitationScope {
    PERSON,
    ORGANISATION,
    ROLE,
    GROUP
}
