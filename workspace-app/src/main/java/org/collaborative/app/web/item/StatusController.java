package org.collaborative.app.web.item;

import jakarta.validation.Valid;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.proposal.DecideProposal;
import org.collaborative.app.proposal.EndorseProposalForGroup;
import org.collaborative.app.proposal.OpenProposalForChallenge;
import org.collaborative.app.proposal.WithdrawProposal;
import org.collaborative.app.question.CloseQuestion;
import org.collaborative.app.question.ReopenQuestion;
import org.collaborative.app.web.item.ItemForms.DecisionForm;
import org.collaborative.app.web.item.ItemForms.WithdrawalForm;
import org.collaborative.app.web.item.ItemPage.Done;
import org.collaborative.views.item.ItemView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Moving a question or a proposal to another stage: closing and reopening a question; opening a proposal for
 * challenge, recording the group's endorsement, deciding it (with an outcome and a rationale) or withdrawing it (with a
 * reason). The forms post the stage to move to ({@code to}); a move without fields is a {@link Move}, and the two with
 * fields (a decision, a withdrawal) have forms of their own, validated whole before their command is sent
 * (docs/adr/0005).
 */
@Controller
class StatusController {

    /** A move that asks for nothing but the stage, and the command it stands for. */
    enum Move {
        CLOSED {
            @Override
            Object command(String itemId, Actor actor, Instant at) {
                return new CloseQuestion(itemId, actor, at);
            }
        },
        OPEN {
            @Override
            Object command(String itemId, Actor actor, Instant at) {
                return new ReopenQuestion(itemId, actor, at);
            }
        },
        OPEN_FOR_CHALLENGE {
            @Override
            Object command(String itemId, Actor actor, Instant at) {
                return new OpenProposalForChallenge(itemId, actor, at);
            }
        },
        ENDORSED {
            @Override
            Object command(String itemId, Actor actor, Instant at) {
                return new EndorseProposalForGroup(itemId, actor, at);
            }
        };

        abstract Object command(String itemId, Actor actor, Instant at);

        static Optional<Move> parse(String to) {
            for (Move move : values()) {
                if (move.name().equals(to)) {
                    return Optional.of(move);
                }
            }
            return Optional.empty();
        }
    }

    private final ItemPage page;
    private final Commands commands;

    StatusController(ItemPage page, Commands commands) {
        this.page = page;
        this.commands = commands;
    }

    @PostMapping("/items/{itemId}/status")
    String status(
            @PathVariable String itemId,
            @RequestParam String to,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        ItemView item = page.visibleItem(itemId, user);
        Move move = Move.parse(to).orElseThrow(() -> new NotFoundException("status " + to));
        Object command = move.command(itemId, ItemPage.actor(user), page.now());
        return page.outcome(commands.attempt(command), item, user, model, "status", Done.STATUS, move.name());
    }

    /** A facilitator decides an endorsed proposal: the outcome and its rationale, every error at once. */
    @PostMapping(path = "/items/{itemId}/status", params = "to=DECIDED")
    String decide(
            @PathVariable String itemId,
            @Valid @ModelAttribute("decisionForm") DecisionForm form,
            BindingResult errors,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        ItemView item = page.visibleItem(itemId, user);
        if (!errors.hasErrors()) {
            commands.attempt(new DecideProposal(itemId, form.outcome(), form.note(), ItemPage.actor(user), page.now()))
                    .ifPresent(refused -> refused.rejectOn(errors, Map.of("rationale", "note")));
        }
        // An outcome that could not be read (only a changed page sends one) leaves the form out of the binding
        // result: it is put back as typed.
        model.addAttribute("decisionForm", form);
        String outcome = form.outcome() == null ? null : form.outcome().name();
        return page.outcome(errors, form, item, user, model, "outcome", "", Done.STATUS, outcome);
    }

    /** The proposer or a facilitator withdraws a proposal, saying why. */
    @PostMapping(path = "/items/{itemId}/status", params = "to=WITHDRAWN")
    String withdraw(
            @PathVariable String itemId,
            @Valid @ModelAttribute("withdrawalForm") WithdrawalForm form,
            BindingResult errors,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        ItemView item = page.visibleItem(itemId, user);
        if (!errors.hasErrors()) {
            commands.attempt(new WithdrawProposal(itemId, form.reason(), ItemPage.actor(user), page.now()))
                    .ifPresent(refused -> refused.rejectOn(errors));
        }
        // The withdrawal form is folded away on the page: open it to show what is wrong.
        model.addAttribute("withdrawing", true);
        return page.outcome(
                errors, form, item, user, model, "reason", WithdrawalForm.ID_PREFIX, Done.STATUS, "WITHDRAWN");
    }
}
