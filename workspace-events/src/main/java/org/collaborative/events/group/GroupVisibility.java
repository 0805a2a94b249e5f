package org.collaborative.events.group;

/** Who may see and join a working group. */
public enum GroupVisibility {
    /** Every member of the workspace. */
    OPEN,
    /** Members from councils and other public bodies; never partners. */
    COUNCIL_ONLY,
    /** Only people the facilitators invite. */
    INVITATION_ONLY
}
