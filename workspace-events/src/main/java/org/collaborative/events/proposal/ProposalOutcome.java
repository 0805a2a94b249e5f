package org.collaborative.events.proposal;

/** How a proposal was decided. */
public enum ProposalOutcome {
    TAKEN_FORWARD,
    NOT_TAKEN_FORWARD
}
