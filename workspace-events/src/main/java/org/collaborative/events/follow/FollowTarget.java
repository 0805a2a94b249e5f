package org.collaborative.events.follow;

/** What a member can follow: a working group, or one item (question, evidence, proposal). */
public enum FollowTarget {
    GROUP,
    ITEM
}
