package org.collaborative.app.web.commitment;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.commitment.AgreeAction;
import org.collaborative.app.commitment.CheckIns;
import org.collaborative.app.commitment.Commitment;
import org.collaborative.app.commitment.CommitmentViews;
import org.collaborative.app.commitment.MakePledge;
import org.collaborative.app.group.GroupPages;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.infrastructure.web.Forms;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.item.ItemType;
import org.collaborative.app.item.ItemViews;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.member.People;
import org.collaborative.views.commitment.CommitmentView;
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
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A retreat's outputs: the list of its actions and pledges (a page of its own, which the retreat page also loads into
 * its "Actions and pledges" section), the facilitator's form to agree an action (from a board card or cluster, or
 * directly) and a participant's form to make a pledge. Every field is checked before the command is sent and all
 * errors are shown at once, keeping what was typed (docs/adr/0005).
 */
@Controller
@RequestMapping("/retreats/{retreatId}")
class OutputsController {

    record ActionForm(
            String actionId,
            String sessionId,
            String fromCardId,
            String fromClusterId,

            @NotBlank(message = "Enter the action")
            @Size(
                    max = Commitment.MAX_TITLE,
                    message = "The action must be ${formatter.format('%,d', max)} characters or fewer")
            String title,

            @NotBlank(message = "Choose who owns the action")
            String ownerId,

            String dueDay,
            String dueMonth,
            String dueYear,

            @NotBlank(message = "Choose the working group it feeds")
            String groupId,

            String proposalId) {}

    record PledgeForm(
            String pledgeId,
            String sessionId,
            String fromCardId,
            String fromClusterId,

            @NotBlank(message = "Enter your pledge")
            @Size(
                    max = Commitment.MAX_TITLE,
                    message = "The pledge must be ${formatter.format('%,d', max)} characters or fewer")
            String text,

            String byDay,
            String byMonth,
            String byYear,

            @NotBlank(message = "Choose the working group it feeds")
            String groupId,

            String proposalId) {}

    /** A choice in a select: its value and what it says. */
    record Option(String value, String label) {}

    private final CommitmentViews commitments;
    private final CommitmentAccess access;
    private final RetreatPeople retreatPeople;
    private final GroupPages groups;
    private final ItemViews items;
    private final Accounts accounts;
    private final People people;
    private final Commands commands;
    private final Clock clock;

    OutputsController(
            CommitmentViews commitments,
            CommitmentAccess access,
            RetreatPeople retreatPeople,
            GroupPages groups,
            ItemViews items,
            Accounts accounts,
            People people,
            Commands commands,
            Clock clock) {
        this.commitments = commitments;
        this.access = access;
        this.retreatPeople = retreatPeople;
        this.groups = groups;
        this.items = items;
        this.accounts = accounts;
        this.people = people;
        this.commands = commands;
        this.clock = clock;
    }

    /** The page, or (for htmx, from the retreat page) its section alone. */
    @GetMapping("/outputs")
    String outputs(
            @PathVariable String retreatId,
            HtmxRequest htmx,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        describeOutputs(retreatId, user, model);
        model.addAttribute("standalone", !htmx.isHtmxRequest());
        return htmx.isHtmxRequest() ? "commitment/outputs :: retreat-outputs" : "commitment/outputs";
    }

    private void describeOutputs(String retreatId, WorkspaceUser user, Model model) {
        access.requireVisible(retreatId, user);
        List<CommitmentView> all = commitments.ofRetreat(retreatId);
        Set<String> members = new HashSet<>();
        Set<String> organisations = new HashSet<>();
        all.forEach(c -> {
            members.add(c.ownerId());
            organisations.add(c.organisationId());
        });
        model.addAttribute("retreatId", retreatId);
        model.addAttribute(
                "actions", all.stream().filter(CommitmentView::isAction).toList());
        model.addAttribute("pledges", all.stream().filter(c -> !c.isAction()).toList());
        model.addAttribute("names", people.names(members, organisations));
        model.addAttribute("labels", CommitmentLabels.INSTANCE);
        model.addAttribute("today", CheckIns.today(clock.instant()));
        model.addAttribute("facilitator", access.mayAgreeActions(retreatId, user));
        model.addAttribute("participant", access.mayPledge(retreatId, user));
        model.addAttribute(
                "overdue",
                all.stream()
                        .filter(c -> CommitmentStatus.overdue(c, CheckIns.today(clock.instant())))
                        .count());
    }

    @GetMapping("/actions/new")
    String newAction(
            @PathVariable String retreatId,
            @RequestParam(required = false) String session,
            @RequestParam(required = false) String card,
            @RequestParam(required = false) String cluster,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String group,
            @RequestParam(required = false) String proposal,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        requireFacilitator(retreatId, user);
        // From a board cluster that became a draft proposal, the action feeds that proposal (in its group).
        return showAction(
                model,
                retreatId,
                user,
                new ActionForm(
                        Forms.newId(),
                        session,
                        card,
                        cluster,
                        title == null ? "" : title,
                        "",
                        "",
                        "",
                        "",
                        group == null ? "" : group,
                        proposal == null ? "" : proposal));
    }

    @PostMapping("/actions")
    String agree(
            @PathVariable String retreatId,
            @Valid @ModelAttribute("form") ActionForm form,
            BindingResult errors,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        requireFacilitator(retreatId, user);
        Optional<LocalDate> due = date(
                new DateInput(form.dueDay(), form.dueMonth(), form.dueYear()),
                "dueDay",
                "Enter the due date",
                "The due date must be a real date, for example 31 3 2027",
                errors);
        Optional<Accounts.Account> owner =
                form.ownerId() == null || form.ownerId().isBlank() ? Optional.empty() : accounts.find(form.ownerId());
        if (!errors.hasFieldErrors("ownerId") && owner.isEmpty()) {
            errors.rejectValue("ownerId", "invalid-input", "Choose who owns the action");
        }
        String actionId = Forms.mintedId(form.actionId());
        if (!errors.hasErrors()) {
            commands.attemptOnce(new AgreeAction(
                            actionId,
                            retreatId,
                            form.sessionId(),
                            form.fromCardId(),
                            form.fromClusterId(),
                            form.title(),
                            form.ownerId(),
                            owner.get().organisationId(),
                            due.get(),
                            form.groupId(),
                            form.proposalId(),
                            actor(user),
                            clock.instant()))
                    .ifPresent(refused -> refused.rejectOn(errors, Map.of("dueOn", "dueDay")));
        }
        if (errors.hasErrors()) {
            Forms.showErrors(model, errors, form, "title");
            return showAction(model, retreatId, user, form);
        }
        commitments.await(actionId, view -> true, Duration.ofSeconds(2));
        return "redirect:/retreats/" + retreatId + "/outputs?done=action";
    }

    @GetMapping("/pledges/new")
    String newPledge(
            @PathVariable String retreatId,
            @RequestParam(required = false) String session,
            @RequestParam(required = false) String card,
            @RequestParam(required = false) String cluster,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        requireParticipant(retreatId, user);
        return showPledge(
                model, retreatId, user, new PledgeForm(Forms.newId(), session, card, cluster, "", "", "", "", "", ""));
    }

    @PostMapping("/pledges")
    String pledge(
            @PathVariable String retreatId,
            @Valid @ModelAttribute("form") PledgeForm form,
            BindingResult errors,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        requireParticipant(retreatId, user);
        Optional<LocalDate> by = date(
                new DateInput(form.byDay(), form.byMonth(), form.byYear()),
                "byDay",
                "Enter the date you pledge to do it by",
                "The date must be a real date, for example 31 3 2027",
                errors);
        String pledgeId = Forms.mintedId(form.pledgeId());
        if (!errors.hasErrors()) {
            commands.attemptOnce(new MakePledge(
                            pledgeId,
                            retreatId,
                            form.sessionId(),
                            form.fromCardId(),
                            form.fromClusterId(),
                            form.text(),
                            by.get(),
                            form.groupId(),
                            form.proposalId(),
                            actor(user),
                            clock.instant()))
                    .ifPresent(refused -> refused.rejectOn(errors, Map.of("byDate", "byDay", "text", "text")));
        }
        if (errors.hasErrors()) {
            Forms.showErrors(model, errors, form, "text");
            return showPledge(model, retreatId, user, form);
        }
        commitments.await(pledgeId, view -> true, Duration.ofSeconds(2));
        return "redirect:/retreats/" + retreatId + "/outputs?done=pledge";
    }

    /** The date typed, or empty with an error on the form; the aggregate checks that it is not in the past. */
    private static Optional<LocalDate> date(
            DateInput input, String field, String missing, String invalid, BindingResult errors) {
        try {
            Optional<LocalDate> date = input.date();
            if (date.isEmpty()) {
                errors.rejectValue(field, "invalid-input", missing);
            }
            return date;
        } catch (DateTimeException e) {
            errors.rejectValue(field, "invalid-input", invalid);
            return Optional.empty();
        }
    }

    private void requireFacilitator(String retreatId, WorkspaceUser user) {
        access.requireVisible(retreatId, user);
        if (!access.mayAgreeActions(retreatId, user)) {
            throw new NotFoundException("retreat");
        }
    }

    private void requireParticipant(String retreatId, WorkspaceUser user) {
        access.requireVisible(retreatId, user);
        if (!access.mayPledge(retreatId, user)) {
            throw new NotFoundException("retreat");
        }
    }

    private String showAction(Model model, String retreatId, WorkspaceUser user, ActionForm form) {
        List<String> ids = retreatPeople.ownersToChoose(retreatId);
        People.Names names = people.names(ids, Set.of());
        List<Option> owners = new ArrayList<>(ids.stream()
                .filter(id -> names.members().containsKey(id))
                .map(id -> new Option(id, names.member(id)))
                .sorted(Comparator.comparing(Option::label))
                .toList());
        model.addAttribute("owners", owners);
        return show(model, retreatId, user, form, "commitment/action-new");
    }

    private String showPledge(Model model, String retreatId, WorkspaceUser user, PledgeForm form) {
        return show(model, retreatId, user, form, "commitment/pledge-new");
    }

    private String show(Model model, String retreatId, WorkspaceUser user, Object form, String view) {
        Map<String, GroupPage> visible = groups.visibleGroups(user);
        model.addAttribute("retreatId", retreatId);
        model.addAttribute("form", form);
        model.addAttribute(
                "groupOptions",
                visible.values().stream()
                        .map(g -> new Option(g.id(), g.name()))
                        .sorted(Comparator.comparing(Option::label))
                        .toList());
        model.addAttribute(
                "proposalOptions",
                items.ofType(ItemType.PROPOSAL, visible.keySet(), null).stream()
                        .map(p -> new Option(
                                p.id(),
                                visible.get(p.groupId()) == null
                                        ? p.title()
                                        : visible.get(p.groupId()).name() + ": " + p.title()))
                        .sorted(Comparator.comparing(Option::label))
                        .toList());
        Forms.noErrors(model);
        return view;
    }

    private static Actor actor(WorkspaceUser user) {
        return new Actor(user.memberId(), user.organisationId(), user.role());
    }
}
