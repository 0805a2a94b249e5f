package org.collaborative.app.web.board;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.board.BoardPages;
import org.collaborative.app.board.BoardScreen;
import org.collaborative.app.group.GroupPages;
import org.collaborative.app.group.GroupViews;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.infrastructure.web.Forms;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.proposal.DraftProposalFromBoard;
import org.collaborative.app.proposal.Proposal;
import org.collaborative.app.retreat.RetreatViews;
import org.collaborative.events.proposal.ProposalForm;
import org.collaborative.views.board.BoardView;
import org.collaborative.views.retreat.RetreatView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * A facilitator turns a cluster (or a single card) of a live board into a draft proposal, in a working group of one of
 * the retreat's themes: the form comes filled in from the board (the cluster's name, its cards' text), to edit before
 * sending. The proposal's id is made from the board and the cluster or card ({@link DraftProposalFromBoard#idFor}),
 * so sending the form twice drafts one proposal, and a cluster that already became one links to it. Every field is
 * checked before the command is sent, all errors are shown at once and what was typed is kept (docs/adr/0005). Only
 * the retreat's facilitators find the form; anyone else is told it does not exist.
 */
@Controller
@RequestMapping("/retreats/{retreatId}/sessions/{sessionId}/board/{kind:clusters|cards}/{partId}/proposal")
class DraftProposalController {

    /** The draft's fields and their rules: the facilitator's form, and the body of BoardApi's draft requests. */
    record DraftForm(
            @NotBlank(message = "Enter what you propose")
            @Size(
                    max = Proposal.MAX_TITLE,
                    message = "What you propose must be ${formatter.format('%,d', max)} characters or fewer")
            String title,

            @NotBlank(message = "Enter a summary of the proposal")
            @Size(
                    max = Proposal.MAX_SUMMARY,
                    message = "The summary must be ${formatter.format('%,d', max)} characters or fewer")
            String summary,

            @NotNull(message = "Choose what kind of change it is")
            ProposalForm form,

            @NotBlank(message = "Choose the working group the proposal is for")
            String groupId) {}

    /** A working group to choose, with its theme's title. */
    record GroupOption(String id, String label) {}

    private final BoardPages pages;
    private final RetreatViews retreats;
    private final GroupViews groups;
    private final Commands commands;
    private final Clock clock;

    DraftProposalController(
            BoardPages pages, RetreatViews retreats, GroupViews groups, Commands commands, Clock clock) {
        this.pages = pages;
        this.retreats = retreats;
        this.groups = groups;
        this.commands = commands;
        this.clock = clock;
    }

    @GetMapping("/new")
    String form(
            @PathVariable String retreatId,
            @PathVariable String sessionId,
            @PathVariable String kind,
            @PathVariable String partId,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        BoardScreen screen = facilitatorsBoard(retreatId, sessionId, user);
        BoardView board = Optional.ofNullable(screen.board()).orElseThrow(() -> new NotFoundException("board"));
        boolean cluster = kind.equals("clusters");
        if (cluster ? !board.hasCluster(partId) : !board.hasCard(partId)) {
            throw new NotFoundException(cluster ? "cluster" : "card");
        }
        Optional<BoardView.Draft> drafted = board.draftFrom(partId);
        if (drafted.isPresent()) {
            return "redirect:/items/" + drafted.get().proposalId();
        }
        RetreatView retreat = retreats.visible(retreatId, user);
        return show(model, screen, retreat, kind, partId, prefilled(board, retreat, sessionId, cluster, partId), user);
    }

    @PostMapping
    String draft(
            @PathVariable String retreatId,
            @PathVariable String sessionId,
            @PathVariable String kind,
            @PathVariable String partId,
            @Valid @ModelAttribute("form") DraftForm form,
            BindingResult errors,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        BoardScreen screen = facilitatorsBoard(retreatId, sessionId, user);
        boolean cluster = kind.equals("clusters");
        String proposalId = DraftProposalFromBoard.idFor(sessionId, partId);
        if (!errors.hasErrors()) {
            // Sent twice (or by two facilitators at once), the second finds the proposal's stream already made: done.
            commands.attemptOnce(new DraftProposalFromBoard(
                            proposalId,
                            sessionId,
                            cluster ? partId : null,
                            cluster ? null : partId,
                            form.groupId(),
                            form.title(),
                            form.summary(),
                            form.form(),
                            new Actor(user.memberId(), user.organisationId(), user.role()),
                            clock.instant()))
                    .ifPresent(refused -> refused.rejectOn(errors));
        }
        if (errors.hasErrors()) {
            Forms.showErrors(model, errors, form, "title");
            return show(model, screen, retreats.visible(retreatId, user), kind, partId, form, user);
        }
        return "redirect:/items/" + proposalId + "?done=drafted";
    }

    private BoardScreen facilitatorsBoard(String retreatId, String sessionId, WorkspaceUser user) {
        BoardScreen screen = pages.visibleBoard(retreatId, sessionId, user);
        if (!screen.facilitator()) {
            throw new NotFoundException("board");
        }
        return screen;
    }

    /** The cluster's name and its cards as a list (or the card's text), and the session's own group if it has one. */
    private static DraftForm prefilled(
            BoardView board, RetreatView retreat, String sessionId, boolean cluster, String partId) {
        String title;
        String summary;
        if (cluster) {
            title = board.clusters().stream()
                    .filter(c -> c.clusterId().equals(partId))
                    .map(BoardView.Cluster::name)
                    .findFirst()
                    .orElse("");
            summary = board.cardsIn(partId).stream()
                    .map(card -> "- " + card.text().replace("\n", " "))
                    .collect(Collectors.joining("\n"));
        } else {
            summary = board.cards().stream()
                    .filter(c -> c.cardId().equals(partId))
                    .map(BoardView.Card::text)
                    .findFirst()
                    .orElse("");
            title = summary.length() <= Proposal.MAX_TITLE ? summary : "";
        }
        String groupId = retreat.sessions().stream()
                .filter(s -> s.sessionId().equals(sessionId))
                .map(RetreatView.Session::groupId)
                .filter(id -> id != null && !id.isBlank())
                .findFirst()
                .orElse("");
        return new DraftForm(title, summary, ProposalForm.PROCESS_IMPROVEMENT, groupId);
    }

    /** The groups of the retreat's themes that are not archived and that the facilitator may see. */
    private List<GroupOption> groupOptions(RetreatView retreat, WorkspaceUser user) {
        return retreat.themeIds().stream()
                .flatMap(themeId -> groups.onTheme(themeId).stream())
                .filter(group -> group.archived() == null && GroupPages.mayView(group, user))
                .map(group -> new GroupOption(group.id(), group.name()))
                .sorted(Comparator.comparing(GroupOption::label))
                .toList();
    }

    private String show(
            Model model,
            BoardScreen screen,
            RetreatView retreat,
            String kind,
            String partId,
            DraftForm form,
            WorkspaceUser user) {
        model.addAttribute("screen", screen);
        model.addAttribute("retreat", retreat);
        model.addAttribute("fromCluster", kind.equals("clusters"));
        model.addAttribute("action", screen.base() + "/" + kind + "/" + partId + "/proposal");
        model.addAttribute("form", form);
        model.addAttribute("groupOptions", groupOptions(retreat, user));
        Forms.noErrors(model);
        return "board/draft-proposal";
    }
}
