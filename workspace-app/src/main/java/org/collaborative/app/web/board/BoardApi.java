package org.collaborative.app.web.board;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.board.Board;
import org.collaborative.app.board.BoardCommands.CloseBoard;
import org.collaborative.app.board.BoardCommands.CloseVoting;
import org.collaborative.app.board.BoardCommands.FormCluster;
import org.collaborative.app.board.BoardCommands.OpenBoard;
import org.collaborative.app.board.BoardCommands.OpenVoting;
import org.collaborative.app.board.BoardCommands.PlaceCard;
import org.collaborative.app.board.BoardCommands.PlaceDot;
import org.collaborative.app.board.BoardCommands.PostCard;
import org.collaborative.app.board.BoardCommands.RenameCluster;
import org.collaborative.app.board.BoardCommands.RevealResults;
import org.collaborative.app.board.BoardCommands.TakeBackDot;
import org.collaborative.app.board.BoardPages;
import org.collaborative.app.board.BoardScreen;
import org.collaborative.app.infrastructure.web.ApiProblems;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.proposal.DraftProposalFromBoard;
import org.collaborative.app.proposal.NotTheRetreatsFacilitatorException;
import org.collaborative.events.board.CardKind;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A session's live board as JSON: its cards, clusters and vote as the caller may see them (each person's own dots;
 * every card's total only once revealed), posting cards, clustering, voting and the facilitator's controls, and
 * drafting a proposal from a cluster or a card (docs/adr/0021 §7). Refusals are problem details (ApiProblems): a vote
 * after voting closed, or beyond one's dots, is 422; a cluster that already became a draft is 409, naming the draft.
 */
@RestController
@RequestMapping("/api/retreats/{retreatId}/sessions/{sessionId}/board")
@Tag(name = "Live boards")
class BoardApi {

    static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    /**
     * The board for the caller.
     *
     * @param voting {@code NOT_OPEN}, {@code OPEN} or {@code CLOSED}
     * @param dotsLeft the caller's dots still to place
     */
    record BoardJson(
            String sessionId,
            String retreatId,
            boolean opened,
            boolean closed,
            String voting,
            int dotsPerPerson,
            int dotsLeft,
            boolean revealed,
            List<ClusterJson> clusters,
            List<CardJson> cards) {}

    /** @param draftProposalId the proposal drafted from the cluster, or null */
    record ClusterJson(String clusterId, String name, String draftProposalId) {}

    /**
     * @param dots every participant's dots on the card: null until the results are revealed
     * @param draftProposalId the proposal drafted from the card on its own, or null
     */
    record CardJson(
            String cardId,
            CardKind kind,
            String text,
            String clusterId,
            boolean yours,
            int yourDots,
            Integer dots,
            String draftProposalId) {}

    record NewCard(
            @Pattern(regexp = UUID_PATTERN, message = "cardId must be a UUID")
            String cardId,

            @NotNull(message = "Choose whether it is an idea or a question")
            CardKind kind,

            @NotBlank(message = "Enter your card")
            @Size(max = Board.MAX_CARD, message = "Your card must be 280 characters or fewer")
            String text) {}

    record NewCluster(
            @Pattern(regexp = UUID_PATTERN, message = "clusterId must be a UUID")
            String clusterId,

            @NotBlank(message = "Enter a name for the cluster")
            @Size(max = Board.MAX_CLUSTER_NAME, message = "The cluster's name must be 80 characters or fewer")
            String name) {}

    record ClusterName(
            @NotBlank(message = "Enter a name for the cluster")
            @Size(max = Board.MAX_CLUSTER_NAME, message = "The cluster's name must be 80 characters or fewer")
            String name) {}

    /** @param clusterId the cluster to move the card to; null or absent takes it out of every cluster */
    record Placement(String clusterId) {}

    record Voting(
            @NotNull(message = "Enter how many dots each person has")
            @Min(value = 1, message = "Give each person between 1 and 10 dots")
            @Max(value = Board.MAX_DOTS, message = "Give each person between 1 and 10 dots")
            Integer dotsPerPerson) {}

    /**
     * The draft made from a cluster (clusterId) or a card (cardId); it is at /api/items/{proposalId}.
     *
     * @param proposalId made from the session and the cluster or card: the same for every request about them
     */
    record Drafted(String proposalId, String sessionId, String clusterId, String cardId, String groupId) {}

    /** The cluster or card already became a draft proposal: it is drafted once (docs/adr/0021 §7). */
    static final class AlreadyDraftedException extends RuntimeException {
        final String proposalId;
        final boolean cluster;

        AlreadyDraftedException(String proposalId, boolean cluster) {
            super("already drafted");
            this.proposalId = proposalId;
            this.cluster = cluster;
        }
    }

    record Posted(String sessionId, String cardId) {}

    record Formed(String sessionId, String clusterId) {}

    private final BoardPages pages;
    private final Commands commands;
    private final Clock clock;

    BoardApi(BoardPages pages, Commands commands, Clock clock) {
        this.pages = pages;
        this.commands = commands;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "The board as you may see it: your own dots, and every card's dots once revealed")
    BoardJson board(
            @PathVariable String retreatId,
            @PathVariable String sessionId,
            @AuthenticationPrincipal WorkspaceUser user) {
        return json(pages.visibleBoard(retreatId, sessionId, user));
    }

    static BoardJson json(BoardScreen screen) {
        return new BoardJson(
                screen.sessionId(),
                screen.retreatId(),
                screen.opened(),
                screen.closed(),
                screen.voting(),
                screen.opened() ? screen.board().dotsPerPerson() : 0,
                screen.dotsLeft(),
                screen.countsShown(),
                screen.clusters().stream()
                        .map(c -> new ClusterJson(c.clusterId(), c.name(), draftOf(screen, c.clusterId())))
                        .toList(),
                screen.cards().stream()
                        .map(c -> new CardJson(
                                c.cardId(),
                                CardKind.valueOf(c.kind()),
                                c.text(),
                                c.clusterId(),
                                c.authorId().equals(screen.memberId()),
                                screen.myDotsOn(c.cardId()),
                                screen.countsShown() ? screen.dotsOn(c.cardId()) : null,
                                draftOf(screen, c.cardId())))
                        .toList());
    }

    private static String draftOf(BoardScreen screen, String partId) {
        var draft = screen.draftFrom(partId);
        return draft == null ? null : draft.proposalId();
    }

    @PostMapping
    @Operation(summary = "Open the session's board (a facilitator of the retreat)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void open(
            @PathVariable String retreatId,
            @PathVariable String sessionId,
            @AuthenticationPrincipal WorkspaceUser user) {
        if (!pages.visibleBoard(retreatId, sessionId, user).opened()) {
            commands.sendOnce(new OpenBoard(sessionId, user.memberId(), clock.instant()));
        }
    }

    @PostMapping("/cards")
    @Operation(summary = "Post an idea or a question (a participant); a chosen cardId makes a retry post it once")
    ResponseEntity<Posted> post(
            @PathVariable String retreatId,
            @PathVariable String sessionId,
            @Valid @RequestBody NewCard card,
            @AuthenticationPrincipal WorkspaceUser user) {
        BoardScreen screen = pages.visibleBoard(retreatId, sessionId, user);
        String cardId = card.cardId() == null ? UUID.randomUUID().toString() : card.cardId();
        commands.send(new PostCard(sessionId, cardId, card.kind(), card.text(), user.memberId(), clock.instant()));
        return ResponseEntity.created(URI.create("/api" + screen.base())).body(new Posted(sessionId, cardId));
    }

    @PostMapping("/clusters")
    @Operation(summary = "Form a named cluster (a facilitator)")
    ResponseEntity<Formed> formCluster(
            @PathVariable String retreatId,
            @PathVariable String sessionId,
            @Valid @RequestBody NewCluster cluster,
            @AuthenticationPrincipal WorkspaceUser user) {
        BoardScreen screen = pages.visibleBoard(retreatId, sessionId, user);
        String clusterId = cluster.clusterId() == null ? UUID.randomUUID().toString() : cluster.clusterId();
        commands.send(new FormCluster(sessionId, clusterId, cluster.name(), user.memberId(), clock.instant()));
        return ResponseEntity.created(URI.create("/api" + screen.base())).body(new Formed(sessionId, clusterId));
    }

    @PutMapping("/clusters/{clusterId}")
    @Operation(summary = "Rename a cluster (a facilitator)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void rename(
            @PathVariable String retreatId,
            @PathVariable String sessionId,
            @PathVariable String clusterId,
            @Valid @RequestBody ClusterName name,
            @AuthenticationPrincipal WorkspaceUser user) {
        pages.visibleBoard(retreatId, sessionId, user);
        commands.send(new RenameCluster(sessionId, clusterId, name.name(), user.memberId(), clock.instant()));
    }

    @PutMapping("/cards/{cardId}/cluster")
    @Operation(summary = "Move a card into a cluster, or out of every cluster with a null clusterId (a facilitator)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void place(
            @PathVariable String retreatId,
            @PathVariable String sessionId,
            @PathVariable String cardId,
            @RequestBody Placement placement,
            @AuthenticationPrincipal WorkspaceUser user) {
        pages.visibleBoard(retreatId, sessionId, user);
        commands.send(new PlaceCard(sessionId, cardId, placement.clusterId(), user.memberId(), clock.instant()));
    }

    @PostMapping("/voting")
    @Operation(summary = "Open dot-voting with a number of dots for each person (a facilitator)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void openVoting(
            @PathVariable String retreatId,
            @PathVariable String sessionId,
            @Valid @RequestBody Voting voting,
            @AuthenticationPrincipal WorkspaceUser user) {
        pages.visibleBoard(retreatId, sessionId, user);
        commands.send(new OpenVoting(sessionId, voting.dotsPerPerson(), user.memberId(), clock.instant()));
    }

    @PostMapping("/cards/{cardId}/dots")
    @Operation(
            summary = "Put one of your dots on a card while voting is open (422 when none are left or voting closed)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void placeDot(
            @PathVariable String retreatId,
            @PathVariable String sessionId,
            @PathVariable String cardId,
            @AuthenticationPrincipal WorkspaceUser user) {
        pages.visibleBoard(retreatId, sessionId, user);
        commands.send(new PlaceDot(sessionId, cardId, user.memberId(), clock.instant()));
    }

    @DeleteMapping("/cards/{cardId}/dots")
    @Operation(summary = "Take back one of your dots from a card while voting is open")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void takeBackDot(
            @PathVariable String retreatId,
            @PathVariable String sessionId,
            @PathVariable String cardId,
            @AuthenticationPrincipal WorkspaceUser user) {
        pages.visibleBoard(retreatId, sessionId, user);
        commands.send(new TakeBackDot(sessionId, cardId, user.memberId(), clock.instant()));
    }

    @PostMapping("/voting/close")
    @Operation(summary = "Close dot-voting (a facilitator)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void closeVoting(
            @PathVariable String retreatId,
            @PathVariable String sessionId,
            @AuthenticationPrincipal WorkspaceUser user) {
        pages.visibleBoard(retreatId, sessionId, user);
        commands.send(new CloseVoting(sessionId, user.memberId(), clock.instant()));
    }

    @PostMapping("/results")
    @Operation(summary = "Reveal the vote's results to everyone on the board (a facilitator, once voting closed)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reveal(
            @PathVariable String retreatId,
            @PathVariable String sessionId,
            @AuthenticationPrincipal WorkspaceUser user) {
        pages.visibleBoard(retreatId, sessionId, user);
        commands.send(new RevealResults(sessionId, user.memberId(), clock.instant()));
    }

    @PostMapping("/close")
    @Operation(summary = "Close the board: no more cards, clusters or votes (a facilitator)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void close(
            @PathVariable String retreatId,
            @PathVariable String sessionId,
            @AuthenticationPrincipal WorkspaceUser user) {
        pages.visibleBoard(retreatId, sessionId, user);
        commands.send(new CloseBoard(sessionId, user.memberId(), clock.instant()));
    }

    @PostMapping("/clusters/{clusterId}/proposal")
    @Operation(
            summary = "Draft a proposal from a cluster, in a working group of one of the retreat's themes"
                    + " (a facilitator of the retreat; once per cluster)",
            responses = {
                @ApiResponse(
                        responseCode = "201",
                        description = "Drafted: the proposal is at /api/items/{proposalId} (Location)"),
                @ApiResponse(
                        responseCode = "409",
                        description = "The cluster already became a draft proposal: `proposalId` names it"
                                + " (a retried request gets this answer too)"),
                @ApiResponse(
                        responseCode = "422",
                        description = "Refused: not a facilitator of the retreat, an archived group, a group not on"
                                + " one of the retreat's themes, or a cluster no longer on the board")
            })
    ResponseEntity<Drafted> draftFromCluster(
            @PathVariable String retreatId,
            @PathVariable String sessionId,
            @PathVariable String clusterId,
            @Valid @RequestBody DraftProposalController.DraftForm draft,
            @AuthenticationPrincipal WorkspaceUser user) {
        return draft(retreatId, sessionId, clusterId, true, draft, user);
    }

    @PostMapping("/cards/{cardId}/proposal")
    @Operation(
            summary = "Draft a proposal from a single card, in a working group of one of the retreat's themes"
                    + " (a facilitator of the retreat; once per card)",
            responses = {
                @ApiResponse(
                        responseCode = "201",
                        description = "Drafted: the proposal is at /api/items/{proposalId} (Location)"),
                @ApiResponse(
                        responseCode = "409",
                        description = "The card already became a draft proposal: `proposalId` names it"
                                + " (a retried request gets this answer too)"),
                @ApiResponse(
                        responseCode = "422",
                        description = "Refused: not a facilitator of the retreat, an archived group, a group not on"
                                + " one of the retreat's themes, or a card no longer on the board")
            })
    ResponseEntity<Drafted> draftFromCard(
            @PathVariable String retreatId,
            @PathVariable String sessionId,
            @PathVariable String cardId,
            @Valid @RequestBody DraftProposalController.DraftForm draft,
            @AuthenticationPrincipal WorkspaceUser user) {
        return draft(retreatId, sessionId, cardId, false, draft, user);
    }

    /**
     * The web form's rules (DraftProposalController), as problems: only the retreat's facilitators (others who see the
     * board are refused, 422), once per cluster or card (409, naming the draft), the rest decided by the aggregate.
     */
    private ResponseEntity<Drafted> draft(
            String retreatId,
            String sessionId,
            String partId,
            boolean cluster,
            DraftProposalController.DraftForm draft,
            WorkspaceUser user) {
        BoardScreen screen = pages.visibleBoard(retreatId, sessionId, user);
        if (!screen.facilitator()) {
            throw new NotTheRetreatsFacilitatorException();
        }
        String proposalId = DraftProposalFromBoard.idFor(sessionId, partId);
        if (screen.draftFrom(partId) != null) {
            throw new AlreadyDraftedException(screen.draftFrom(partId).proposalId(), cluster);
        }
        try {
            commands.send(new DraftProposalFromBoard(
                    proposalId,
                    sessionId,
                    cluster ? partId : null,
                    cluster ? null : partId,
                    draft.groupId(),
                    draft.title(),
                    draft.summary(),
                    draft.form(),
                    new Actor(user.memberId(), user.organisationId(), user.role()),
                    clock.instant()));
        } catch (AggregateStreamCreationException drafted) {
            // The board's view had not shown it yet: the proposal's stream, named after the cluster or card, exists.
            throw new AlreadyDraftedException(proposalId, cluster);
        }
        return ResponseEntity.created(URI.create("/api/items/" + proposalId))
                .body(new Drafted(
                        proposalId, sessionId, cluster ? partId : null, cluster ? null : partId, draft.groupId()));
    }

    @ExceptionHandler(AlreadyDraftedException.class)
    ResponseEntity<ProblemDetail> alreadyDrafted(AlreadyDraftedException drafted) {
        ProblemDetail problem = ApiProblems.problem(
                HttpStatus.CONFLICT,
                "already-drafted",
                "Already drafted",
                "This " + (drafted.cluster ? "cluster" : "card") + " has already become a draft proposal");
        problem.setProperty("proposalId", drafted.proposalId);
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .header(HttpHeaders.LOCATION, "/api/items/" + drafted.proposalId)
                .body(problem);
    }
}
