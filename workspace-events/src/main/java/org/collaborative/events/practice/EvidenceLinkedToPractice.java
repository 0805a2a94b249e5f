package org.collaborative.events.practice;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A piece of evidence was linked to a practice it supports. */
@Revision("1")
public record EvidenceLinkedToPractice(String practiceId, String evidenceId, String linkedBy, Instant linkedAt) {}
