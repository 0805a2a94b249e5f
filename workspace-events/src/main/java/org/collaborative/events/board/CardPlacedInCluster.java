package org.collaborative.events.board;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The facilitator placed a card in a cluster.
 *
 * @param clusterId the cluster, or null when the card was taken out of every cluster (unclustered)
 */
@Revision("1")
public record CardPlacedInCluster(String sessionId, String cardId, String clusterId, String by, Instant at) {}
