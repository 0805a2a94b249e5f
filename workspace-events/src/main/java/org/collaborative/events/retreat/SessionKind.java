package org.collaborative.events.retreat;

/** A session everyone attends, or one of several breakouts held side by side. */
public enum SessionKind {
    PLENARY,
    BREAKOUT
}
