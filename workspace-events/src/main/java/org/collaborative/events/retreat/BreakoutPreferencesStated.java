package org.collaborative.events.retreat;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A registered member ranked the retreat's breakout sessions, first choice first (replacing any earlier ranking). */
@Revision("1")
public record BreakoutPreferencesStated(String retreatId, String memberId, List<String> sessionIds, Instant at) {}
