package org.collaborative.events.practice;

/** The help someone from an adopting organisation offers to others trying a practice. */
public enum HelpKind {
    ADVICE,
    VISIT,
    SECONDMENT
}
