package org.collaborative.app.proposal;

import org.collaborative.app.kernel.RuleBrokenException;

/**
 * Only a facilitator of the retreat drafts a proposal from its board: the {@link Proposal} aggregate's rule, which the
 * board's API also states before sending anything to someone it knows does not facilitate.
 */
public class NotTheRetreatsFacilitatorException extends RuleBrokenException {
    public NotTheRetreatsFacilitatorException() {
        super("Only a facilitator of this retreat can draft a proposal from its board");
    }
}
