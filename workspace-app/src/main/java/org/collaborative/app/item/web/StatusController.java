package org.collaborative.app.item.web;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.collaborative.app.Actor;
import org.collaborative.app.infrastructure.security.WorkspaceUser;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.item.web.ItemPage.Done;
import org.collaborative.app.proposal.DecideProposal;
import org.collaborative.app.proposal.EndorseProposalForGroup;
import org.collaborative.app.proposal.OpenProposalForChallenge;
import org.collaborative.app.proposal.WithdrawProposal;
import org.collaborative.app.question.CloseQuestion;
import org.collaborative.app.question.ReopenQuestion;
import org.collaborative.events.proposal.ProposalOutcome;
import org.collaborative.views.item.ItemView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Moving a question or a proposal to another stage: closing and reopening a question; opening a proposal for
 * challenge, recording the group's endorsement, deciding it (with an outcome and a note) or withdrawing it (with a
 * reason). The forms post the stage to move to ({@code to}); each {@link Move} makes its own command.
 */
@Controller
class StatusController {

    /** What a status form asks for: the command it stands for, and the field its error summary links to. */
    enum Move {
        CLOSED {
            @Override
            Object command(String itemId, Form form, Actor actor, Instant at) {
                return new CloseQuestion(itemId, actor, at);
            }
        },
        OPEN {
            @Override
            Object command(String itemId, Form form, Actor actor, Instant at) {
                return new ReopenQuestion(itemId, actor, at);
            }
        },
        OPEN_FOR_CHALLENGE {
            @Override
            Object command(String itemId, Form form, Actor actor, Instant at) {
                return new OpenProposalForChallenge(itemId, actor, at);
            }
        },
        ENDORSED {
            @Override
            Object command(String itemId, Form form, Actor actor, Instant at) {
                return new EndorseProposalForGroup(itemId, actor, at);
            }
        },
        DECIDED {
            @Override
            Object command(String itemId, Form form, Actor actor, Instant at) {
                return new DecideProposal(itemId, outcome(form.outcome()), form.note(), actor, at);
            }

            @Override
            String anchor(Form form) {
                return form.outcome() == null ? "outcome" : "note";
            }

            @Override
            String ref(Form form) {
                return form.outcome();
            }
        },
        WITHDRAWN {
            @Override
            Object command(String itemId, Form form, Actor actor, Instant at) {
                return new WithdrawProposal(itemId, form.note(), actor, at);
            }

            @Override
            String anchor(Form form) {
                return "withdraw-reason";
            }
        };

        abstract Object command(String itemId, Form form, Actor actor, Instant at);

        /** The field a refusal that names none links to. */
        String anchor(Form form) {
            return "status";
        }

        /** What the page waits to see: the new stage (for a decision, its outcome). */
        String ref(Form form) {
            return name();
        }

        /** The form's fields, by the field a refusal names. */
        Map<String, String> fields(Form form) {
            return Map.of(
                    "reason",
                    anchor(form).equals("withdraw-reason") ? "withdraw-reason" : "reason",
                    "rationale",
                    "note",
                    "outcome",
                    "outcome");
        }

        static Optional<Move> parse(String to) {
            for (Move move : values()) {
                if (move.name().equals(to)) {
                    return Optional.of(move);
                }
            }
            return Optional.empty();
        }
    }

    /** What a status form may carry besides the stage: a decision's outcome, and its note or a withdrawal's reason. */
    record Form(String outcome, String note) {}

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
            @RequestParam(required = false) String outcome,
            @RequestParam(defaultValue = "") String note,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        ItemView item = page.visibleItem(itemId, user);
        Move move = Move.parse(to).orElseThrow(() -> new NotFoundException("status " + to));
        Form form = new Form(outcome, note);
        model.addAttribute("note", note);
        Object command = move.command(itemId, form, ItemPage.actor(user), page.now());
        return page.outcome(
                commands.attempt(command),
                item,
                user,
                model,
                move.anchor(form),
                move.fields(form),
                Done.STATUS,
                move.ref(form));
    }

    /** The outcome chosen; an unknown one is no choice, which the proposal refuses. */
    private static ProposalOutcome outcome(String outcome) {
        try {
            return outcome == null ? null : ProposalOutcome.valueOf(outcome);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
