package org.collaborative.projections.infrastructure;

import java.util.Map;

/**
 * A view document. {@code applied} holds, for every aggregate whose events shaped it, the sequence number of the last
 * one applied: an event at or below it is a redelivery and changes nothing.
 */
public interface View<V extends View<V>> {

    String id();

    Map<String, Long> applied();

    V withApplied(Map<String, Long> applied);
}
