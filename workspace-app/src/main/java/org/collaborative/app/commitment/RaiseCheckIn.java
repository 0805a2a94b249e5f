package org.collaborative.app.commitment;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks the commitment whether a check-in has fallen due by {@code at}. Idempotent: it raises the latest stage due
 * that was not raised yet, and nothing otherwise, so every instance's scheduler may send it (docs/adr/0022).
 */
public record RaiseCheckIn(@TargetAggregateIdentifier String commitmentId, Instant at) {}
