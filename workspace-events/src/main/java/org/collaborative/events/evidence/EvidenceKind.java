package org.collaborative.events.evidence;

/** What sort of evidence an item is (see the domain guide). */
public enum EvidenceKind {
    DATA,
    EVALUATION,
    CASE_STUDY,
    EXPERT_VIEW
}
