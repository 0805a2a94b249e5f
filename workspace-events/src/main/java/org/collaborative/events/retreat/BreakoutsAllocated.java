package org.collaborative.events.retreat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.Revision;

/**
 * A facilitator allocated the registered people to the breakouts, replacing any earlier allocation.
 *
 * @param membersBySession breakout session id → the member ids allocated to it (one breakout per round of breakouts
 *     held at the same time)
 */
@Revision("1")
public record BreakoutsAllocated(String retreatId, Map<String, List<String>> membersBySession, String by, Instant at) {}
