package org.collaborative.events.board;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The facilitator gave a cluster a new name. */
@Revision("1")
public record ClusterRenamed(String sessionId, String clusterId, String name, String by, Instant at) {}
