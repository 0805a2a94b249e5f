package org.collaborative.app.commitment.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.collaborative.app.Actor;
import org.collaborative.app.commitment.Commitment;
import org.collaborative.app.commitment.CommitmentViews;
import org.collaborative.app.commitment.RecordProgress;
import org.collaborative.app.infrastructure.security.WorkspaceUser;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.infrastructure.web.Forms;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.member.People;
import org.collaborative.events.retreat.CommitmentProgress;
import org.collaborative.views.commitment.CommitmentView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "My commitments": the actions a member owns and the pledges they made, each with its check-ins, and the form where
 * they record how one is going (done, on track, at risk, or dropped with a reason). A facilitator of the retreat may
 * record progress too. All errors are shown at once and nothing is recorded (docs/adr/0005).
 */
@Controller
class ProgressController {

    record ProgressForm(
            @NotNull(message = "Choose how it is going") CommitmentProgress progress,

            @Size(
                    max = Commitment.MAX_REASON,
                    message = "The reason must be ${formatter.format('%,d', max)} characters or fewer")
            String reason) {}

    private final CommitmentViews commitments;
    private final CommitmentAccess access;
    private final People people;
    private final Commands commands;
    private final Clock clock;

    ProgressController(
            CommitmentViews commitments, CommitmentAccess access, People people, Commands commands, Clock clock) {
        this.commitments = commitments;
        this.access = access;
        this.people = people;
        this.commands = commands;
        this.clock = clock;
    }

    @GetMapping("/commitments")
    String mine(@AuthenticationPrincipal WorkspaceUser user, @RequestParam(required = false) String done, Model model) {
        List<CommitmentView> mine = commitments.ofOwner(user.memberId());
        model.addAttribute("commitments", mine);
        model.addAttribute("labels", CommitmentLabels.INSTANCE);
        model.addAttribute("retreats", access.retreatTitles(mine));
        model.addAttribute("today", org.collaborative.app.commitment.CheckIns.today(clock.instant()));
        model.addAttribute("done", done);
        return "commitment/mine";
    }

    @GetMapping("/commitments/{commitmentId}/progress")
    String form(@PathVariable String commitmentId, @AuthenticationPrincipal WorkspaceUser user, Model model) {
        CommitmentView commitment = recordable(commitmentId, user);
        return show(model, commitment, new ProgressForm(null, ""));
    }

    @PostMapping("/commitments/{commitmentId}/progress")
    String record(
            @PathVariable String commitmentId,
            @Valid @ModelAttribute("form") ProgressForm form,
            BindingResult errors,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        CommitmentView commitment = recordable(commitmentId, user);
        if (form.progress() == CommitmentProgress.DROPPED
                && (form.reason() == null || form.reason().isBlank())) {
            errors.rejectValue("reason", "invalid-input", "Enter why it was dropped");
        }
        if (!errors.hasErrors()) {
            commands.attempt(new RecordProgress(
                            commitmentId,
                            form.progress(),
                            form.reason(),
                            new Actor(user.memberId(), user.organisationId(), user.role()),
                            clock.instant()))
                    .ifPresent(refused -> refused.rejectOn(errors));
        }
        if (errors.hasErrors()) {
            Forms.showErrors(model, errors, form, "progress");
            return show(model, commitment, form);
        }
        String progress = form.progress().name();
        commitments.await(commitmentId, view -> progress.equals(view.progress()), Duration.ofSeconds(2));
        return "redirect:/commitments?done=" + commitmentId;
    }

    private CommitmentView recordable(String commitmentId, WorkspaceUser user) {
        CommitmentView commitment =
                commitments.find(commitmentId).orElseThrow(() -> new NotFoundException("commitment"));
        if (!access.mayRecordProgress(commitment, user)) {
            throw new NotFoundException("commitment");
        }
        return commitment;
    }

    private String show(Model model, CommitmentView commitment, ProgressForm form) {
        model.addAttribute("commitment", commitment);
        model.addAttribute("form", form);
        model.addAttribute("labels", CommitmentLabels.INSTANCE);
        model.addAttribute("names", people.names(Set.of(commitment.ownerId()), Set.of(commitment.organisationId())));
        Forms.noErrors(model);
        return "commitment/progress";
    }
}
