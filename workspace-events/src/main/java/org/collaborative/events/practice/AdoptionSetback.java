package org.collaborative.events.practice;

/** The fixed list of reasons for declining, abandoning or moving back along the adoption path; OTHER needs text. */
public enum AdoptionSetback {
    COST,
    CAPACITY,
    DATA_SHARING,
    POLITICAL_PRIORITY,
    POOR_FIT,
    OTHER
}
