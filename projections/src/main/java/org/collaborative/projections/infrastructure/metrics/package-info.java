/**
 * What an operator's monitoring system reads from the projections: {@code /actuator/prometheus} (behind
 * {@link ScrapeAccessFilter}), each view's consumer lag and parked records, the dead-lettered records, digests by
 * state, and a readiness check of the Kafka cluster (docs/operations.md, "Metrics").
 */
package org.collaborative.projections.infrastructure.metrics;
