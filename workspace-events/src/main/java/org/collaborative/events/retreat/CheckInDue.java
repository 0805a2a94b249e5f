package org.collaborative.events.retreat;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A check-in on an action or pledge fell due: its owner is asked to record progress. Raised once per stage, at the
 * latest stage due when the scheduler looks (docs/adr/0022).
 *
 * @param daysAfterRetreat 30, 90 or 180
 */
@Revision("1")
public record CheckInDue(String retreatId, String commitmentId, int daysAfterRetreat, Instant at) {}
