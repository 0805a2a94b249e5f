package org.collaborative.events.proposal;

/** The three forms of doing things differently that the speech names. */
public enum ProposalForm {
    PROCESS_IMPROVEMENT,
    NEW_PARTNERSHIP,
    SOCIAL_ENTERPRISE
}
