package org.collaborative.events.retreat;

/** What kind of gathering a retreat is. */
public enum RetreatKind {
    /** A residential retreat of chief executives, typically 24 hours, by invitation. */
    CHIEF_EXECUTIVES_RETREAT,
    /** A one-day conference, typically for managers, often with open registration. */
    ONE_DAY_CONFERENCE
}
