package org.collaborative.events.retreat;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The owner of an action or pledge (or a facilitator of its retreat) recorded how it is going. It answers any
 * check-in that was waiting.
 *
 * @param reason why it was dropped (required then), or a note; null when none was given
 */
@Revision("1")
public record ProgressRecorded(
        String retreatId, String commitmentId, CommitmentProgress progress, String reason, String by, Instant at) {}
