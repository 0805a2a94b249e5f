package org.collaborative.events.retreat;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A session was taken off the agenda (anyone allocated to it as a breakout is no longer). */
@Revision("1")
public record SessionDropped(String retreatId, String sessionId, String by, Instant at) {}
