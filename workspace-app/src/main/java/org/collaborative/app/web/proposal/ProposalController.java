package org.collaborative.app.web.proposal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.group.GroupPages;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.infrastructure.web.Forms;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.proposal.DraftProposal;
import org.collaborative.app.proposal.Proposal;
import org.collaborative.events.proposal.ProposalForm;
import org.collaborative.views.group.GroupPage;
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
 * Drafting a proposal in a group. Every field is checked before the command is sent, and all their errors are shown
 * at once (docs/adr/0005).
 */
@Controller
@RequestMapping("/groups/{groupId}/proposals")
class ProposalController {

    /** The form as posted; its id is minted when it is shown, so a resubmission records it once. */
    record NewProposalForm(
            String proposalId,

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
            ProposalForm form) {

        static NewProposalForm blank() {
            return new NewProposalForm(Forms.newId(), "", "", null);
        }
    }

    private final GroupPages groups;
    private final Commands commands;
    private final Clock clock;

    ProposalController(GroupPages groups, Commands commands, Clock clock) {
        this.groups = groups;
        this.commands = commands;
        this.clock = clock;
    }

    @GetMapping("/new")
    String form(@PathVariable String groupId, @AuthenticationPrincipal WorkspaceUser user, Model model) {
        return show(model, groups.visibleGroup(groupId, user), NewProposalForm.blank());
    }

    @PostMapping
    String draft(
            @PathVariable String groupId,
            @Valid @ModelAttribute("form") NewProposalForm form,
            BindingResult errors,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        GroupPage group = groups.visibleGroup(groupId, user);
        String proposalId = Forms.mintedId(form.proposalId());
        if (!errors.hasErrors()) {
            // The same form arriving twice records it once (its id was minted when the form was shown).
            commands.attemptOnce(new DraftProposal(
                            proposalId,
                            groupId,
                            form.title(),
                            form.summary(),
                            form.form(),
                            new Actor(user.memberId(), user.organisationId(), user.role()),
                            clock.instant()))
                    .ifPresent(refused -> refused.rejectOn(errors));
        }
        if (errors.hasErrors()) {
            Forms.showErrors(model, errors, form, "title");
            return show(model, group, form);
        }
        return "redirect:/items/" + proposalId + "?done=drafted";
    }

    private static String show(Model model, GroupPage group, NewProposalForm form) {
        model.addAttribute("group", group);
        model.addAttribute("form", form);
        Forms.noErrors(model);
        return "proposal/new";
    }
}
