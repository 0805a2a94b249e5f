package org.collaborative.events.practice;

/**
 * Where an organisation stands with a practice. The usual path is AWARE, EXPLORING, PILOTING, ADOPTED, EMBEDDED;
 * ADAPTED means the organisation runs its own variant; DECLINED and ABANDONED end the path with a reason.
 */
public enum AdoptionStage {
    AWARE,
    EXPLORING,
    PILOTING,
    ADOPTED,
    EMBEDDED,
    ADAPTED,
    DECLINED,
    ABANDONED
}
