package org.collaborative.events.board;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The facilitator formed a named cluster on the board, to group cards under. */
@Revision("1")
public record ClusterFormed(String sessionId, String clusterId, String name, String by, Instant at) {}
