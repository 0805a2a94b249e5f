package org.collaborative.app.evidence.web;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.collaborative.app.Actor;
import org.collaborative.app.RuleBrokenException;
import org.collaborative.app.evidence.SubmitEvidence;
import org.collaborative.app.group.GroupPages;
import org.collaborative.app.infrastructure.security.WorkspaceUser;
import org.collaborative.app.item.web.NewItemForms;
import org.collaborative.events.evidence.EvidenceKind;
import org.collaborative.views.group.GroupPage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** Submitting evidence to a group: the form explains each level of Nesta's Standards of Evidence. */
@Controller
@RequestMapping("/groups/{groupId}/evidence")
class EvidenceController {

    /** The form as posted; its id is minted when it is shown, so a resubmission records it once. */
    record EvidenceForm(String evidenceId, String title, String summary, String source, String kind, Integer level) {

        static EvidenceForm blank() {
            return new EvidenceForm(UUID.randomUUID().toString(), "", "", "", null, null);
        }

        EvidenceKind kindValue() {
            try {
                return kind == null || kind.isBlank() ? null : EvidenceKind.valueOf(kind);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    private final GroupPages groups;
    private final CommandGateway commands;
    private final Clock clock;

    EvidenceController(GroupPages groups, CommandGateway commands, Clock clock) {
        this.groups = groups;
        this.commands = commands;
        this.clock = clock;
    }

    @GetMapping("/new")
    String form(@PathVariable String groupId, @AuthenticationPrincipal WorkspaceUser user, Model model) {
        return show(model, groups.visibleGroup(groupId, user), EvidenceForm.blank());
    }

    @PostMapping
    String submit(
            @PathVariable String groupId,
            @ModelAttribute EvidenceForm form,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        GroupPage group = groups.visibleGroup(groupId, user);
        String evidenceId = form.evidenceId() == null || form.evidenceId().isBlank()
                ? UUID.randomUUID().toString() : form.evidenceId();
        try {
            commands.sendAndWait(new SubmitEvidence(evidenceId, groupId, form.title(), form.summary(), form.source(),
                    form.kindValue(), form.level(), new Actor(user.memberId(), user.organisationId(), user.role()),
                    clock.instant()));
        } catch (AggregateStreamCreationException alreadySubmitted) {
            // The same form arrived twice: it was recorded the first time.
        } catch (RuleBrokenException refused) {
            NewItemForms.refused(model, refused, "title");
            return show(model, group, form);
        }
        return "redirect:/items/" + evidenceId + "?done=submitted";
    }

    private static String show(Model model, GroupPage group, EvidenceForm form) {
        model.addAttribute("group", group);
        model.addAttribute("form", form);
        if (!model.containsAttribute("fieldErrors")) {
            model.addAttribute("fieldErrors", Map.of());
        }
        return "evidence/new";
    }
}
