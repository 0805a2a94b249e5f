package org.collaborative.app.web.commitment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.commitment.Commitment;
import org.collaborative.app.commitment.CommitmentViews;
import org.collaborative.app.commitment.PledgeFulfilments;
import org.collaborative.app.commitment.RecordProgress;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.infrastructure.web.Forms;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.member.People;
import org.collaborative.app.practice.PracticeViews;
import org.collaborative.events.practice.AdoptionStage;
import org.collaborative.events.retreat.CommitmentProgress;
import org.collaborative.views.commitment.CommitmentView;
import org.collaborative.views.practice.AdoptionView;
import org.collaborative.views.practice.PracticeView;
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
 * record progress too, and, for a pledge, that one of its council's adoption moves fulfilled it (docs/adr/0022). All
 * errors are shown at once and nothing is recorded (docs/adr/0005).
 */
@Controller
class ProgressController {

    record ProgressForm(
            @NotNull(message = "Choose how it is going") CommitmentProgress progress,

            @Size(
                    max = Commitment.MAX_REASON,
                    message = "The reason must be ${formatter.format('%,d', max)} characters or fewer")
            String reason) {}

    /** The adoption move a pledge was fulfilled by: the practice whose adoption by the pledge's council moved. */
    record FulfilmentForm(String practiceId) {}

    private final CommitmentViews commitments;
    private final CommitmentAccess access;
    private final People people;
    private final PracticeViews practices;
    private final PledgeFulfilments pledges;
    private final Commands commands;
    private final Clock clock;

    ProgressController(
            CommitmentViews commitments,
            CommitmentAccess access,
            People people,
            PracticeViews practices,
            PledgeFulfilments pledges,
            Commands commands,
            Clock clock) {
        this.practices = practices;
        this.pledges = pledges;
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

    /**
     * From the pledge's page, its owner or a facilitator of the retreat records that one of its council's adoption
     * moves fulfilled it: the adoption's current stage, on the day it was reached.
     */
    @PostMapping("/commitments/{commitmentId}/fulfilment")
    String fulfil(
            @PathVariable String commitmentId,
            @ModelAttribute("fulfilmentForm") FulfilmentForm form,
            BindingResult errors,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        CommitmentView pledge = recordable(commitmentId, user);
        if (pledge.isAction()) {
            throw new NotFoundException("pledge");
        }
        Optional<AdoptionView> adoption =
                form.practiceId() == null || form.practiceId().isBlank()
                        ? Optional.empty()
                        : practices.adoption(form.practiceId(), pledge.organisationId());
        if (pledge.settled()) {
            errors.rejectValue(
                    "practiceId",
                    "invalid-input",
                    "This pledge has already been recorded as "
                            + ("DONE".equals(pledge.progress()) ? "done" : "dropped"));
        } else if (adoption.isEmpty()) {
            errors.rejectValue("practiceId", "invalid-input", "Choose the adoption move that fulfilled the pledge");
        } else {
            pledges.fulfil(
                            commitmentId,
                            adoption.get().practiceId(),
                            pledge.organisationId(),
                            AdoptionStage.valueOf(adoption.get().stage()),
                            adoption.get().since(),
                            new Actor(user.memberId(), user.organisationId(), user.role()),
                            clock.instant())
                    .ifPresent(refused ->
                            refused.rejectOn(errors, Map.of("adoption", "practiceId", "pledgeId", "practiceId")));
        }
        if (errors.hasErrors()) {
            Forms.showErrors(model, errors, form, "practiceId", "fulfilment-");
            model.addAttribute("fulfilmentForm", form);
            return show(model, pledge, new ProgressForm(null, ""));
        }
        commitments.await(commitmentId, view -> view.fulfilledBy() != null, Duration.ofSeconds(2));
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
        // A pledge still open can be fulfilled by one of its council's adoption moves; a fulfilled one links to it.
        boolean fulfillable = !commitment.isAction() && !commitment.settled();
        List<AdoptionView> adoptions = fulfillable ? practices.adoptionsBy(commitment.organisationId()) : List.of();
        model.addAttribute("adoptions", adoptions);
        Set<String> practiceIds = new java.util.HashSet<>();
        adoptions.forEach(adoption -> practiceIds.add(adoption.practiceId()));
        if (commitment.fulfilledBy() != null) {
            practiceIds.add(commitment.fulfilledBy().practiceId());
        }
        Map<String, String> practiceNames = new java.util.HashMap<>();
        practiceIds.forEach(id ->
                practiceNames.put(id, practices.find(id).map(PracticeView::name).orElse("A practice")));
        model.addAttribute("practiceNames", practiceNames);
        if (!model.containsAttribute("fulfilmentForm")) {
            model.addAttribute("fulfilmentForm", new FulfilmentForm(null));
        }
        Forms.noErrors(model);
        return "commitment/progress";
    }
}
