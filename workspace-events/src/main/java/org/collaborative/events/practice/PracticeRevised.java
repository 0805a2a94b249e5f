package org.collaborative.events.practice;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A practice's name or summary was revised. */
@Revision("1")
public record PracticeRevised(String practiceId, String name, String summary, String revisedBy, Instant revisedAt) {}
