package org.collaborative.events.practice;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * An organisation's adoption of a practice moved to a stage on the day it happened ({@code happenedOn}), recorded
 * later by a member ({@code recordedBy}, {@code recordedAt}). One Adoption per (practice, organisation): its first
 * event is also this one. {@code variant} describes an ADAPTED variant; {@code setback} (and {@code setbackDetail} for
 * OTHER) gives the reason for DECLINED, ABANDONED or a move back along the path.
 */
@Revision("1")
public record AdoptionStageRecorded(
        String adoptionId,
        String practiceId,
        String organisationId,
        AdoptionStage stage,
        LocalDate happenedOn,
        String variant,
        AdoptionSetback setback,
        String setbackDetail,
        String recordedBy,
        Instant recordedAt) {}
