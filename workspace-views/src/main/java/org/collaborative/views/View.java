package org.collaborative.views;

import java.util.Map;

/**
 * A view document that a projector keeps. {@code applied} holds, for every aggregate whose events shaped it, the
 * sequence number of the last one applied: an event at or below it is a redelivery and changes nothing. It is the
 * projections' bookkeeping, like the optimistic-locking {@code version}: the workspace reads both but never shows
 * them (each record marks them {@code @JsonIgnore} for the JSON API).
 */
public interface View<V extends View<V>> {

    String id();

    Map<String, Long> applied();

    V withApplied(Map<String, Long> applied);
}
