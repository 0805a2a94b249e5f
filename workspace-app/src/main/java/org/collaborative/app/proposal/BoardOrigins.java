package org.collaborative.app.proposal;

import java.util.Optional;
import java.util.Set;

/**
 * What a proposal drafted from a live board needs to know about where it comes from, answered from the command-side
 * directory (ADR 7: the retreats' tables and {@code board_part}, kept in the same transaction as the events), so it is
 * never behind the board. Fixture tests answer it directly.
 */
public interface BoardOrigins {

    /** The retreat a session (not dropped) belongs to. */
    Optional<String> retreatOfSession(String sessionId);

    /** Whether the member facilitates the retreat (scheduled it or runs one of its sessions). */
    boolean isFacilitator(String retreatId, String memberId);

    /** The themes the retreat covers. */
    Set<String> themesOf(String retreatId);

    boolean hasCluster(String sessionId, String clusterId);

    boolean hasCard(String sessionId, String cardId);
}
