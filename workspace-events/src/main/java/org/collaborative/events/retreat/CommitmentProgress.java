package org.collaborative.events.retreat;

/** How an action or pledge from a retreat is going, as its owner (or a facilitator) records at a check-in. */
public enum CommitmentProgress {
    DONE,
    ON_TRACK,
    AT_RISK,
    /** Given up; always with a reason. */
    DROPPED
}
