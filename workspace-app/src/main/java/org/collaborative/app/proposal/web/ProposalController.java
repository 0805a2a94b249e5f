package org.collaborative.app.proposal.web;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.collaborative.app.Actor;
import org.collaborative.app.RuleBrokenException;
import org.collaborative.app.group.GroupPages;
import org.collaborative.app.infrastructure.security.WorkspaceUser;
import org.collaborative.app.item.web.NewItemForms;
import org.collaborative.app.proposal.DraftProposal;
import org.collaborative.events.proposal.ProposalForm;
import org.collaborative.views.group.GroupPage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** Drafting a proposal in a group. */
@Controller
@RequestMapping("/groups/{groupId}/proposals")
class ProposalController {

    /** The form as posted; its id is minted when it is shown, so a resubmission records it once. */
    record NewProposalForm(String proposalId, String title, String summary, String form) {

        static NewProposalForm blank() {
            return new NewProposalForm(UUID.randomUUID().toString(), "", "", null);
        }

        ProposalForm formValue() {
            try {
                return form == null || form.isBlank() ? null : ProposalForm.valueOf(form);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    private final GroupPages groups;
    private final CommandGateway commands;
    private final Clock clock;

    ProposalController(GroupPages groups, CommandGateway commands, Clock clock) {
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
            @ModelAttribute NewProposalForm form,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        GroupPage group = groups.visibleGroup(groupId, user);
        String proposalId = form.proposalId() == null || form.proposalId().isBlank()
                ? UUID.randomUUID().toString() : form.proposalId();
        try {
            commands.sendAndWait(new DraftProposal(proposalId, groupId, form.title(), form.summary(), form.formValue(),
                    new Actor(user.memberId(), user.organisationId(), user.role()), clock.instant()));
        } catch (AggregateStreamCreationException alreadyDrafted) {
            // The same form arrived twice: it was recorded the first time.
        } catch (RuleBrokenException refused) {
            NewItemForms.refused(model, refused, "title");
            return show(model, group, form);
        }
        return "redirect:/items/" + proposalId + "?done=drafted";
    }

    private static String show(Model model, GroupPage group, NewProposalForm form) {
        model.addAttribute("group", group);
        model.addAttribute("form", form);
        if (!model.containsAttribute("fieldErrors")) {
            model.addAttribute("fieldErrors", Map.of());
        }
        return "proposal/new";
    }
}
