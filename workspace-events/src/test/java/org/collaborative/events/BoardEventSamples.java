package org.collaborative.events;

import java.time.Instant;
import java.util.List;
import org.collaborative.events.board.BoardClosed;
import org.collaborative.events.board.BoardOpened;
import org.collaborative.events.board.CardKind;
import org.collaborative.events.board.CardPlacedInCluster;
import org.collaborative.events.board.CardPosted;
import org.collaborative.events.board.ClusterFormed;
import org.collaborative.events.board.ClusterRenamed;
import org.collaborative.events.board.DotPlaced;
import org.collaborative.events.board.DotTakenBack;
import org.collaborative.events.board.ResultsRevealed;
import org.collaborative.events.board.VotingClosed;
import org.collaborative.events.board.VotingOpened;
import org.collaborative.events.proposal.ProposalDraftedFromBoard;

/** One example of every live-board event, for the approval tests. */
final class BoardEventSamples {

    private static final Instant AT = Instant.parse("2026-11-26T09:30:00.123Z");
    private static final String M = "5f0c1f7e-0000-4000-8000-000000000001";
    private static final String A = "5f0c1f7e-0000-4000-8000-000000000005";
    /** The session (the board's id), its retreat, a card and a cluster. */
    private static final String S = "5f0c1f7e-0000-4000-8000-000000000010";

    private static final String R = "5f0c1f7e-0000-4000-8000-000000000011";
    private static final String K = "5f0c1f7e-0000-4000-8000-000000000012";
    private static final String L = "5f0c1f7e-0000-4000-8000-000000000013";

    static final List<Object> ALL = List.of(
            new BoardOpened(S, R, A, AT),
            new CardPosted(S, K, R, M, CardKind.IDEA, "Pool temporary accommodation across boroughs", AT),
            new ClusterFormed(S, L, "Housing", A, AT),
            new ClusterRenamed(S, L, "Temporary accommodation", A, AT),
            new CardPlacedInCluster(S, K, L, A, AT),
            new VotingOpened(S, 3, A, AT),
            new DotPlaced(S, K, M, AT),
            new DotTakenBack(S, K, M, AT),
            new VotingClosed(S, A, AT),
            new ResultsRevealed(S, A, AT),
            new BoardClosed(S, A, AT),
            new ProposalDraftedFromBoard(
                    "5f0c1f7e-0000-4000-8000-000000000014",
                    R,
                    S,
                    L,
                    null,
                    "5f0c1f7e-0000-4000-8000-000000000015",
                    A,
                    AT));

    private BoardEventSamples() {}
}
