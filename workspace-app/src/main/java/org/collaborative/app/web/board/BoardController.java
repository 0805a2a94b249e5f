package org.collaborative.app.web.board;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.collaborative.app.account.WorkspaceUser;
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
import org.collaborative.app.board.BoardForms.CardForm;
import org.collaborative.app.board.BoardForms.ClusterForm;
import org.collaborative.app.board.BoardForms.VotingForm;
import org.collaborative.app.board.BoardPages;
import org.collaborative.app.board.BoardScreen;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.infrastructure.web.ErrorSummary;
import org.collaborative.app.infrastructure.web.Forms;
import org.collaborative.app.infrastructure.web.Refusal;
import org.collaborative.app.live.LiveUpdates;
import org.collaborative.views.board.BoardView;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A retreat session's live board. One template serves the page and its fragments. Every control is a plain form, so
 * the board works without JavaScript (post, redirect, see); with htmx the card and cluster forms swap in place and
 * the buttons post without leaving the page. Nothing is drawn from the caller's own write: the board's content is
 * fetched again from the view when its change notice arrives over {@code /live} (ADR 6), and the refresh says what
 * changed in a polite live region, without moving focus. Invalid input and refusals show the GOV.UK error summary,
 * status 200 (ADR 5).
 */
@Controller
@RequestMapping("/retreats/{retreatId}/sessions/{sessionId}/board")
class BoardController {

    static final Duration READ_YOUR_WRITE_WAIT = Duration.ofSeconds(3);

    private static final Map<String, String> CARD_FIELDS = Map.of("card", "text");
    private static final Map<String, String> CLUSTER_FIELDS = Map.of("cluster name", "name");
    private static final Map<String, String> VOTING_FIELDS = Map.of("dots per person", "dots");

    private final BoardPages pages;
    private final Commands commands;
    private final LiveUpdates live;
    private final Clock clock;

    BoardController(BoardPages pages, Commands commands, LiveUpdates live, Clock clock) {
        this.pages = pages;
        this.commands = commands;
        this.live = live;
        this.clock = clock;
    }

    /** What was just done, shown in a banner once the view shows it (the page waits a moment for it). */
    enum Done {
        OPENED("The board is open"),
        POSTED("Your card has been posted"),
        CLUSTER_FORMED("Cluster formed"),
        CLUSTER_RENAMED("Cluster renamed"),
        MOVED("Card moved"),
        VOTING_OPENED("Voting is open"),
        DOT_PLACED("Dot placed"),
        DOT_TAKEN_BACK("Dot taken back"),
        VOTING_CLOSED("Voting has closed"),
        REVEALED("The results are revealed"),
        CLOSED("The board is closed");

        final String banner;

        Done(String banner) {
            this.banner = banner;
        }

        String param() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        static Done parse(String value) {
            for (Done done : values()) {
                if (done.param().equals(value)) {
                    return done;
                }
            }
            return null;
        }
    }

    @GetMapping
    String page(
            @PathVariable String retreatId,
            @PathVariable String sessionId,
            @RequestParam(name = "done", required = false) String doneParam,
            @RequestParam(name = "card", required = false) String cardId,
            @RequestParam(name = "cluster", required = false) String clusterId,
            @RequestParam(name = "mine", required = false) Integer mine,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        BoardScreen screen = pages.visibleBoard(retreatId, sessionId, user);
        Done done = Done.parse(doneParam);
        if (done != null) {
            Predicate<BoardView> shown = shows(done, user.memberId(), cardId, clusterId, mine);
            Optional<BoardView> after = pages.views().awaitUntil(sessionId, shown, READ_YOUR_WRITE_WAIT);
            screen = pages.screen(retreatId, sessionId, user, after.orElse(screen.board()));
            if (after.filter(shown).isPresent()) {
                model.addAttribute("done", done.banner);
            } else {
                // Not shown yet within the wait: never the banner beside the state before the change.
                model.addAttribute(
                        "catchingUp",
                        screen.base() + "?done=" + done.param() + (cardId == null ? "" : "&card=" + cardId)
                                + (clusterId == null ? "" : "&cluster=" + clusterId)
                                + (mine == null ? "" : "&mine=" + mine));
            }
        }
        return show(model, screen, user);
    }

    private static Predicate<BoardView> shows(
            Done done, String memberId, String cardId, String clusterId, Integer mine) {
        return board -> switch (done) {
            case OPENED -> true;
            case POSTED -> board.hasCard(cardId);
            case CLUSTER_FORMED -> board.hasCluster(clusterId);
            case CLUSTER_RENAMED -> true;
            case MOVED ->
                board.cards().stream()
                        .anyMatch(c -> c.cardId().equals(cardId) && java.util.Objects.equals(c.clusterId(), clusterId));
            case VOTING_OPENED -> !BoardView.NOT_OPEN.equals(board.voting());
            case DOT_PLACED, DOT_TAKEN_BACK -> mine == null || board.dotsUsedBy(memberId) == mine;
            case VOTING_CLOSED -> board.votingClosed();
            case REVEALED -> board.revealed();
            case CLOSED -> board.closed();
        };
    }

    /** The board's content, fetched again by the page when a change notice arrives; says what changed politely. */
    @GetMapping("/content")
    String content(
            @PathVariable String retreatId,
            @PathVariable String sessionId,
            @RequestParam Map<String, String> seen,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        BoardScreen screen = pages.visibleBoard(retreatId, sessionId, user);
        prepare(model, screen, user);
        model.addAttribute("changes", screen.changesSince(seen));
        return "board/board :: content-refresh";
    }

    @GetMapping(path = "/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter live(
            @PathVariable String retreatId,
            @PathVariable String sessionId,
            @AuthenticationPrincipal WorkspaceUser user) {
        pages.requireVisible(retreatId, sessionId, user);
        return live.subscribe(BoardView.COLLECTION, sessionId);
    }

    /** The room's projector: large type, cards by cluster, the results once revealed; read-only. */
    @GetMapping("/big-screen")
    String bigScreen(
            @PathVariable String retreatId,
            @PathVariable String sessionId,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        model.addAttribute("screen", pages.visibleBoard(retreatId, sessionId, user));
        return "board/big-screen";
    }

    @GetMapping("/big-screen/content")
    String bigScreenContent(
            @PathVariable String retreatId,
            @PathVariable String sessionId,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        model.addAttribute("screen", pages.visibleBoard(retreatId, sessionId, user));
        return "board/big-screen :: projected";
    }

    @PostMapping("/open")
    String open(
            @PathVariable String retreatId,
            @PathVariable String sessionId,
            @AuthenticationPrincipal WorkspaceUser user,
            HtmxRequest htmx,
            Model model) {
        BoardScreen screen = pages.visibleBoard(retreatId, sessionId, user);
        if (screen.opened()) {
            return redirect(screen, Done.OPENED, "");
        }
        return act(
                screen,
                user,
                htmx,
                model,
                "open-board",
                new OpenBoard(sessionId, user.memberId(), clock.instant()),
                Done.OPENED,
                "");
    }

    @PostMapping("/cards")
    String post(
            @PathVariable String retreatId,
            @PathVariable String sessionId,
            @Valid @ModelAttribute("cardForm") CardForm form,
            BindingResult errors,
            @AuthenticationPrincipal WorkspaceUser user,
            HtmxRequest htmx,
            Model model) {
        BoardScreen screen = pages.visibleBoard(retreatId, sessionId, user);
        String cardId = Forms.mintedId(form.cardId());
        if (!errors.hasErrors()) {
            commands.attemptOnce(
                            new PostCard(sessionId, cardId, form.kind(), form.text(), user.memberId(), clock.instant()))
                    .ifPresent(refused -> refused.rejectOn(errors, CARD_FIELDS));
        }
        if (errors.hasErrors()) {
            Forms.showErrors(model, errors, form, "text");
            // The form stays, with what was typed, even on a board that has just closed.
            model.addAttribute("cardRefused", true);
            prepare(model, screen, user);
            return htmx.isHtmxRequest() ? "board/board :: card-refused" : "board/board";
        }
        if (!htmx.isHtmxRequest()) {
            return redirect(screen, Done.POSTED, "&card=" + cardId) + "#card-" + cardId;
        }
        prepare(model, screen, user);
        model.addAttribute("cardForm", new CardForm(Forms.newId(), form.kind(), ""));
        model.addAttribute("justPosted", true);
        model.addAttribute("status", "Your card has been posted.");
        return "board/board :: card-posted";
    }

    @PostMapping("/clusters")
    String formCluster(
            @PathVariable String retreatId,
            @PathVariable String sessionId,
            @Valid @ModelAttribute("clusterForm") ClusterForm form,
            BindingResult errors,
            @AuthenticationPrincipal WorkspaceUser user,
            HtmxRequest htmx,
            Model model) {
        BoardScreen screen = pages.visibleBoard(retreatId, sessionId, user);
        String clusterId = Forms.mintedId(form.clusterId());
        if (!errors.hasErrors()) {
            commands.attemptOnce(new FormCluster(sessionId, clusterId, form.name(), user.memberId(), clock.instant()))
                    .ifPresent(refused -> refused.rejectOn(errors, CLUSTER_FIELDS));
        }
        if (errors.hasErrors()) {
            Forms.showErrors(model, errors, form, "name");
            prepare(model, screen, user);
            return htmx.isHtmxRequest() ? "board/board :: cluster-refused" : "board/board";
        }
        if (!htmx.isHtmxRequest()) {
            return redirect(screen, Done.CLUSTER_FORMED, "&cluster=" + clusterId);
        }
        prepare(model, screen, user);
        model.addAttribute("clusterForm", ClusterForm.blank());
        model.addAttribute("status", "Cluster “" + form.name().strip() + "” formed.");
        return "board/board :: cluster-formed";
    }

    @PostMapping("/clusters/{clusterId}")
    String renameCluster(
            @PathVariable String retreatId,
            @PathVariable String sessionId,
            @PathVariable String clusterId,
            @RequestParam(name = "name", defaultValue = "") String name,
            @AuthenticationPrincipal WorkspaceUser user,
            HtmxRequest htmx,
            Model model) {
        BoardScreen screen = pages.visibleBoard(retreatId, sessionId, user);
        model.addAttribute("renaming", clusterId);
        model.addAttribute("renameValue", name);
        return act(
                screen,
                user,
                htmx,
                model,
                "rename-" + clusterId,
                new RenameCluster(sessionId, clusterId, name, user.memberId(), clock.instant()),
                Done.CLUSTER_RENAMED,
                "");
    }

    /** Keyboard clustering: each card's "Move to cluster" select posts here (empty: out of every cluster). */
    @PostMapping("/cards/{cardId}/cluster")
    String move(
            @PathVariable String retreatId,
            @PathVariable String sessionId,
            @PathVariable String cardId,
            @RequestParam(name = "clusterId", defaultValue = "") String clusterId,
            @AuthenticationPrincipal WorkspaceUser user,
            HtmxRequest htmx,
            Model model) {
        BoardScreen screen = pages.visibleBoard(retreatId, sessionId, user);
        String target = clusterId.isBlank() ? null : clusterId;
        return act(
                screen,
                user,
                htmx,
                model,
                "move-" + cardId,
                new PlaceCard(sessionId, cardId, target, user.memberId(), clock.instant()),
                Done.MOVED,
                "&card=" + cardId + (target == null ? "" : "&cluster=" + target));
    }

    @PostMapping("/voting")
    String openVoting(
            @PathVariable String retreatId,
            @PathVariable String sessionId,
            @Valid @ModelAttribute("votingForm") VotingForm form,
            BindingResult errors,
            @AuthenticationPrincipal WorkspaceUser user,
            HtmxRequest htmx,
            Model model) {
        BoardScreen screen = pages.visibleBoard(retreatId, sessionId, user);
        if (!errors.hasErrors()) {
            commands.attempt(new OpenVoting(sessionId, form.dots(), user.memberId(), clock.instant()))
                    .ifPresent(refused -> refused.rejectOn(errors, VOTING_FIELDS));
        }
        if (errors.hasErrors()) {
            Forms.showErrors(model, errors, form, "dots");
            prepare(model, screen, user);
            return htmx.isHtmxRequest() ? "board/board :: action-refused" : "board/board";
        }
        return done(screen, htmx, model, Done.VOTING_OPENED, "");
    }

    @PostMapping("/cards/{cardId}/dots")
    String placeDot(
            @PathVariable String retreatId,
            @PathVariable String sessionId,
            @PathVariable String cardId,
            @AuthenticationPrincipal WorkspaceUser user,
            HtmxRequest htmx,
            Model model) {
        BoardScreen screen = pages.visibleBoard(retreatId, sessionId, user);
        int mine = screen.opened() ? screen.board().dotsUsedBy(user.memberId()) + 1 : 1;
        return act(
                screen,
                user,
                htmx,
                model,
                "dot-" + cardId,
                new PlaceDot(sessionId, cardId, user.memberId(), clock.instant()),
                Done.DOT_PLACED,
                "&mine=" + mine + "#card-" + cardId);
    }

    @PostMapping("/cards/{cardId}/dots/take-back")
    String takeBackDot(
            @PathVariable String retreatId,
            @PathVariable String sessionId,
            @PathVariable String cardId,
            @AuthenticationPrincipal WorkspaceUser user,
            HtmxRequest htmx,
            Model model) {
        BoardScreen screen = pages.visibleBoard(retreatId, sessionId, user);
        int mine = screen.opened() ? Math.max(0, screen.board().dotsUsedBy(user.memberId()) - 1) : 0;
        return act(
                screen,
                user,
                htmx,
                model,
                "dot-" + cardId,
                new TakeBackDot(sessionId, cardId, user.memberId(), clock.instant()),
                Done.DOT_TAKEN_BACK,
                "&mine=" + mine + "#card-" + cardId);
    }

    @PostMapping("/voting/close")
    String closeVoting(
            @PathVariable String retreatId,
            @PathVariable String sessionId,
            @AuthenticationPrincipal WorkspaceUser user,
            HtmxRequest htmx,
            Model model) {
        BoardScreen screen = pages.visibleBoard(retreatId, sessionId, user);
        return act(
                screen,
                user,
                htmx,
                model,
                "close-voting",
                new CloseVoting(sessionId, user.memberId(), clock.instant()),
                Done.VOTING_CLOSED,
                "");
    }

    @PostMapping("/results")
    String reveal(
            @PathVariable String retreatId,
            @PathVariable String sessionId,
            @AuthenticationPrincipal WorkspaceUser user,
            HtmxRequest htmx,
            Model model) {
        BoardScreen screen = pages.visibleBoard(retreatId, sessionId, user);
        return act(
                screen,
                user,
                htmx,
                model,
                "reveal",
                new RevealResults(sessionId, user.memberId(), clock.instant()),
                Done.REVEALED,
                "");
    }

    @PostMapping("/close")
    String close(
            @PathVariable String retreatId,
            @PathVariable String sessionId,
            @AuthenticationPrincipal WorkspaceUser user,
            HtmxRequest htmx,
            Model model) {
        BoardScreen screen = pages.visibleBoard(retreatId, sessionId, user);
        return act(
                screen,
                user,
                htmx,
                model,
                "close-board",
                new CloseBoard(sessionId, user.memberId(), clock.instant()),
                Done.CLOSED,
                "");
    }

    /**
     * Sends a button's command. Without JavaScript: back to the board (which waits a moment to show the change), or
     * the board again with the refusal in its error summary, linking to {@code anchor}. With htmx: only the status
     * line and the error summary change; the board's content follows from the view's change notice.
     */
    private String act(
            BoardScreen screen,
            WorkspaceUser user,
            HtmxRequest htmx,
            Model model,
            String anchor,
            Object command,
            Done done,
            String params) {
        Optional<Refusal> refused = commands.attempt(command);
        if (refused.isPresent()) {
            model.addAttribute(
                    "errorSummary", ErrorSummary.of(anchor, refused.get().message()));
            model.addAttribute("fieldErrors", Map.of(anchor, refused.get().message()));
            prepare(model, screen, user);
            return htmx.isHtmxRequest() ? "board/board :: action-refused" : "board/board";
        }
        return done(screen, htmx, model, done, params);
    }

    private String done(BoardScreen screen, HtmxRequest htmx, Model model, Done done, String params) {
        if (!htmx.isHtmxRequest()) {
            return redirect(screen, done, params);
        }
        model.addAttribute("errorSummary", java.util.List.of());
        model.addAttribute("status", done.banner + ".");
        return "board/board :: action-done";
    }

    private static String redirect(BoardScreen screen, Done done, String params) {
        return "redirect:" + screen.base() + "?done=" + done.param() + params;
    }

    private String show(Model model, BoardScreen screen, WorkspaceUser user) {
        prepare(model, screen, user);
        return "board/board";
    }

    private void prepare(Model model, BoardScreen screen, WorkspaceUser user) {
        model.addAttribute("screen", screen);
        if (!model.containsAttribute("cardForm")) {
            model.addAttribute("cardForm", CardForm.blank());
        }
        if (!model.containsAttribute("clusterForm")) {
            model.addAttribute("clusterForm", ClusterForm.blank());
        }
        if (!model.containsAttribute("votingForm")) {
            model.addAttribute("votingForm", VotingForm.blank());
        }
        Forms.noErrors(model);
    }
}
