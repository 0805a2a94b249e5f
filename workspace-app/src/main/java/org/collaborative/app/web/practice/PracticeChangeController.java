package org.collaborative.app.web.practice;

import static org.collaborative.app.web.practice.PracticeController.READ_YOUR_WRITE_WAIT;
import static org.collaborative.app.web.practice.PracticeController.actor;
import static org.collaborative.app.web.practice.PracticeForms.blank;

import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.group.GroupPages;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.infrastructure.web.Forms;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.infrastructure.web.ReadYourWrite;
import org.collaborative.app.item.ItemType;
import org.collaborative.app.item.ItemViews;
import org.collaborative.app.practice.LinkEvidenceToPractice;
import org.collaborative.app.practice.Practice;
import org.collaborative.app.practice.PracticeViews;
import org.collaborative.app.practice.RevisePractice;
import org.collaborative.app.web.practice.PracticeForms.LinkForm;
import org.collaborative.app.web.practice.PracticeForms.ReviseForm;
import org.collaborative.views.item.ItemView;
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
 * Changing a practice after it was recorded: its name and summary ("Change this practice", for the person who recorded
 * it and facilitators) and the evidence it rests on ("Link evidence", for them and the members of the organisation it
 * comes from), as the {@link Practice} aggregate allows. To anyone else the pages do not exist. The revise form
 * carries the version of the practice it was opened on, so that sending it twice changes it once and a change made
 * meanwhile by someone else is not silently undone. After a change the practice page is shown once its view has it.
 */
@Controller
class PracticeChangeController {

    private final PracticeViews practices;
    private final ItemViews items;
    private final GroupPages groups;
    private final Commands commands;
    private final Clock clock;

    PracticeChangeController(
            PracticeViews practices, ItemViews items, GroupPages groups, Commands commands, Clock clock) {
        this.practices = practices;
        this.items = items;
        this.groups = groups;
        this.commands = commands;
        this.clock = clock;
    }

    @GetMapping("/practices/{practiceId}/edit")
    String edit(@PathVariable String practiceId, @AuthenticationPrincipal WorkspaceUser user, Model model) {
        PracticeView practice = revisable(practiceId, user);
        return showEdit(model, practice, ReviseForm.of(practice));
    }

    @PostMapping("/practices/{practiceId}")
    String revise(
            @PathVariable String practiceId,
            @Valid @ModelAttribute("form") ReviseForm form,
            BindingResult errors,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        PracticeView practice = revisable(practiceId, user);
        if (!errors.hasErrors()) {
            commands.attempt(new RevisePractice(
                            practiceId, form.name(), form.summary(), form.version(), actor(user), clock.instant()))
                    .ifPresent(refused -> refused.rejectOn(errors));
        }
        if (errors.hasErrors()) {
            Forms.showErrors(model, errors, form, "name");
            return showEdit(model, practice, form);
        }
        String name = form.name().strip();
        String summary = form.summary().strip();
        ReadYourWrite.awaitUntil(
                () -> practices.find(practiceId),
                shown -> name.equals(shown.name()) && summary.equals(shown.summary()),
                READ_YOUR_WRITE_WAIT);
        return "redirect:/practices/" + practiceId + "?done=revised";
    }

    @GetMapping("/practices/{practiceId}/evidence")
    String evidence(
            @PathVariable String practiceId,
            @RequestParam(required = false) String q,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        PracticeView practice = linkable(practiceId, user);
        return showLink(model, practice, user, new LinkForm(null, q));
    }

    @PostMapping("/practices/{practiceId}/evidence")
    String link(
            @PathVariable String practiceId,
            @ModelAttribute("form") LinkForm form,
            BindingResult errors,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        PracticeView practice = linkable(practiceId, user);
        if (blank(form.evidenceId())) {
            errors.rejectValue("evidenceId", "required", "Choose the evidence to link");
        } else {
            Optional<ItemView> chosen = items.find(form.evidenceId())
                    .filter(item -> ItemType.EVIDENCE.key().equals(item.type()))
                    .filter(item -> item.hidden() == null)
                    .filter(item -> visibleGroups(user).contains(item.groupId()));
            if (chosen.isEmpty()) {
                errors.rejectValue("evidenceId", "unknown", "Choose evidence from the list");
            } else if (practice.evidenceIds().contains(chosen.get().id())) {
                errors.rejectValue(
                        "evidenceId",
                        "already-linked",
                        "“" + chosen.get().title() + "” is already linked to this practice: choose other evidence");
            } else {
                commands.attempt(new LinkEvidenceToPractice(
                                practiceId, chosen.get().id(), actor(user), clock.instant()))
                        .ifPresent(refused -> refused.rejectOn(errors));
            }
        }
        if (errors.hasErrors()) {
            Forms.showErrors(model, errors, form, "evidenceId");
            return showLink(model, practice, user, form);
        }
        ReadYourWrite.awaitUntil(
                () -> practices.find(practiceId),
                shown -> shown.evidenceIds().contains(form.evidenceId()),
                READ_YOUR_WRITE_WAIT);
        return "redirect:/practices/" + practiceId + "?done=linked";
    }

    private String showEdit(Model model, PracticeView practice, ReviseForm form) {
        model.addAttribute("practice", practice);
        model.addAttribute("form", form);
        Forms.noErrors(model);
        return "practice/edit";
    }

    /**
     * The evidence the reader may choose: in the groups they may see, on the practice's theme, or on any theme when they
     * search (words of its title or summary); what is already linked is listed apart, as it cannot be linked again.
     */
    private String showLink(Model model, PracticeView practice, WorkspaceUser user, LinkForm form) {
        String query = blank(form.q()) ? null : form.q().strip();
        List<ItemView> found =
                items.ofType(ItemType.EVIDENCE, visibleGroups(user), query == null ? practice.themeId() : null).stream()
                        .filter(item -> query == null || matches(item, query))
                        .toList();
        model.addAttribute("practice", practice);
        model.addAttribute("form", form);
        model.addAttribute("query", query);
        model.addAttribute(
                "choices",
                found.stream()
                        .filter(item -> !practice.evidenceIds().contains(item.id()))
                        .toList());
        model.addAttribute(
                "linked",
                found.stream()
                        .filter(item -> practice.evidenceIds().contains(item.id()))
                        .toList());
        Forms.noErrors(model);
        return "practice/link-evidence";
    }

    private static boolean matches(ItemView item, String query) {
        String words = query.toLowerCase(Locale.UK);
        return (item.title() != null && item.title().toLowerCase(Locale.UK).contains(words))
                || (item.body() != null && item.body().toLowerCase(Locale.UK).contains(words));
    }

    private Set<String> visibleGroups(WorkspaceUser user) {
        return groups.visibleGroups(user).keySet();
    }

    private PracticeView revisable(String practiceId, WorkspaceUser user) {
        PracticeView practice = practice(practiceId);
        if (!Practice.mayRevise(actor(user), practice.recordedBy())) {
            throw new NotFoundException("page");
        }
        return practice;
    }

    private PracticeView linkable(String practiceId, WorkspaceUser user) {
        PracticeView practice = practice(practiceId);
        if (!Practice.mayLinkEvidence(actor(user), practice.recordedBy(), practice.originatingOrganisationId())) {
            throw new NotFoundException("page");
        }
        return practice;
    }

    private PracticeView practice(String practiceId) {
        return practices.find(practiceId).orElseThrow(() -> new NotFoundException("practice"));
    }
}
