package org.collaborative.events.practice;

/** What an outcome measures: real money freed, a notional saving, or a change in a quality measure. Never summed together. */
public enum OutcomeKind {
    CASHABLE_SAVING,
    NON_CASHABLE_SAVING,
    QUALITY_MEASURE
}
