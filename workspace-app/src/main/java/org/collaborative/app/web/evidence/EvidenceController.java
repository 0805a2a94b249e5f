package org.collaborative.app.web.evidence;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.evidence.Evidence;
import org.collaborative.app.evidence.SubmitEvidence;
import org.collaborative.app.group.GroupPages;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.infrastructure.web.Forms;
import org.collaborative.app.kernel.Actor;
import org.collaborative.events.evidence.EvidenceKind;
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
 * Submitting evidence to a group: the form explains each level of Nesta's Standards of Evidence. Every field is
 * checked before the command is sent, and all their errors are shown at once (docs/adr/0005).
 */
@Controller
@RequestMapping("/groups/{groupId}/evidence")
class EvidenceController {

    /** The form as posted; its id is minted when it is shown, so a resubmission records it once. */
    record EvidenceForm(
            String evidenceId,

            @NotBlank(message = "Enter what the evidence shows")
            @Size(
                    max = Evidence.MAX_TITLE,
                    message = "What it shows must be ${formatter.format('%,d', max)} characters or fewer")
            String title,

            @Size(
                    max = Evidence.MAX_SUMMARY,
                    message = "The summary must be ${formatter.format('%,d', max)} characters or fewer")
            String summary,

            @NotBlank(message = "Enter the source of the evidence")
            @Size(
                    max = Evidence.MAX_SOURCE,
                    message = "The source must be ${formatter.format('%,d', max)} characters or fewer")
            String source,

            @NotNull(message = "Choose the kind of evidence")
            EvidenceKind kind,

            @NotNull(message = "Choose how strong the evidence is")
            @Min(value = Evidence.LOWEST_LEVEL, message = "Choose how strong the evidence is")
            @Max(value = Evidence.HIGHEST_LEVEL, message = "Choose how strong the evidence is")
            Integer level) {

        static EvidenceForm blank() {
            return new EvidenceForm(Forms.newId(), "", "", "", null, null);
        }
    }

    private final GroupPages groups;
    private final Commands commands;
    private final Clock clock;

    EvidenceController(GroupPages groups, Commands commands, Clock clock) {
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
            @Valid @ModelAttribute("form") EvidenceForm form,
            BindingResult errors,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        GroupPage group = groups.visibleGroup(groupId, user);
        String evidenceId = Forms.mintedId(form.evidenceId());
        if (!errors.hasErrors()) {
            // The same form arriving twice records it once (its id was minted when the form was shown).
            commands.attemptOnce(new SubmitEvidence(
                            evidenceId,
                            groupId,
                            form.title(),
                            form.summary(),
                            form.source(),
                            form.kind(),
                            form.level(),
                            new Actor(user.memberId(), user.organisationId(), user.role()),
                            clock.instant()))
                    .ifPresent(refused -> refused.rejectOn(errors));
        }
        if (errors.hasErrors()) {
            Forms.showErrors(model, errors, form, "title");
            return show(model, group, form);
        }
        return "redirect:/items/" + evidenceId + "?done=submitted";
    }

    private static String show(Model model, GroupPage group, EvidenceForm form) {
        model.addAttribute("group", group);
        model.addAttribute("form", form);
        Forms.noErrors(model);
        return "evidence/new";
    }
}
