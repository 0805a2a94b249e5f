package org.collaborative.events.practice;

import java.time.Instant;
import java.util.Set;
import org.axonframework.serialization.Revision;

/** A member of an adopting organisation offered others help with a practice (replacing any earlier offer). */
@Revision("1")
public record HelpOffered(
        String practiceId, String memberId, String organisationId, Set<HelpKind> kinds, Instant offeredAt) {}
