/**
 * What an operator's monitoring system reads: {@code /actuator/prometheus} (behind {@link ScrapeAccess}), command rate
 * and latency, publication lag, and a readiness check of the Kafka cluster (docs/operations.md, "Metrics").
 */
package org.collaborative.app.infrastructure.metrics;
