package org.collaborative.views;

import java.util.Map;

/**
 * A view document that a projector keeps. {@code applied} holds, for every aggregate whose events shaped it, the
 * sequence number of the last one applied: an event at or below it is a redelivery and changes nothing. It is the
 * projections' bookkeeping, like the optimistic-locking {@code version}: the workspace reads both but never shows
 * them (each record marks them {@code @JsonIgnore} for the JSON API).
 *
 * <p>Every view is a record. A record's typed "with" methods, and the projectors through them, change fields with
 * {@link #with}, never by calling the canonical constructor with every field.
 */
public interface View<V extends View<V>> {

    String id();

    Map<String, Long> applied();

    /**
     * This view with its {@code applied} sequences replaced. Not named {@code withApplied}: Spring Data takes a method
     * of that shape for a "wither" of the property and generates an accessor that expects it to return the record's own
     * type, which a default method, returning the interface, does not (a {@code VerifyError} at the first mapping).
     */
    default V appliedUpTo(Map<String, Long> applied) {
        return with("applied", applied);
    }

    /**
     * This view with the named fields set (names and values alternate: {@code with("name", n, "purpose", p)}), every
     * other field as it is, made through the record's canonical constructor. For the record's own typed methods.
     *
     * @throws IllegalArgumentException when the view has no field of a given name or a value is of the wrong type
     */
    @SuppressWarnings("unchecked")
    default V with(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Field names and values alternate: " + namesAndValues.length);
        }
        return (V) RecordCopies.with((Record) this, namesAndValues);
    }
}
