package org.collaborative.app.web.retreat;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.group.GroupPages;
import org.collaborative.app.group.GroupViews;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.infrastructure.web.Forms;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.infrastructure.web.Refusal;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.London;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.member.People;
import org.collaborative.app.retreat.AttendanceNeeds;
import org.collaborative.app.retreat.RetreatCommands;
import org.collaborative.app.retreat.RetreatViews;
import org.collaborative.app.theme.ThemeViews;
import org.collaborative.app.web.retreat.RetreatForms.CancelForm;
import org.collaborative.app.web.retreat.RetreatForms.InviteForm;
import org.collaborative.app.web.retreat.RetreatForms.PostponeForm;
import org.collaborative.app.web.retreat.RetreatForms.RegisterForm;
import org.collaborative.app.web.retreat.RetreatForms.RetreatForm;
import org.collaborative.app.web.retreat.RetreatForms.SessionForm;
import org.collaborative.events.member.MemberRole;
import org.collaborative.events.retreat.InvitationScope;
import org.collaborative.events.retreat.RetreatKind;
import org.collaborative.events.retreat.SessionKind;
import org.collaborative.views.group.GroupPage;
import org.collaborative.views.retreat.RetreatView;
import org.collaborative.views.theme.ThemeCard;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Retreats: the list, each retreat's page, and the facilitators' forms. */
@Controller
class RetreatController {

    private static final Duration WAIT = Duration.ofSeconds(3);

    private final RetreatViews retreats;
    private final ThemeViews themes;
    private final GroupPages groups;
    private final GroupViews groupViews;
    private final Accounts accounts;
    private final People people;
    private final Commands commands;
    private final Clock clock;

    RetreatController(
            RetreatViews retreats,
            ThemeViews themes,
            GroupPages groups,
            GroupViews groupViews,
            Accounts accounts,
            People people,
            Commands commands,
            Clock clock) {
        this.retreats = retreats;
        this.themes = themes;
        this.groups = groups;
        this.groupViews = groupViews;
        this.accounts = accounts;
        this.people = people;
        this.commands = commands;
        this.clock = clock;
    }

    // ---- the list and the pages ----

    @GetMapping("/retreats")
    String list(@AuthenticationPrincipal WorkspaceUser user, Model model) {
        LocalDateTime now = now();
        List<RetreatView> visible = retreats.visibleTo(user);
        model.addAttribute(
                "upcoming",
                visible.stream().filter(r -> !RetreatViews.isOver(r, now)).toList());
        List<RetreatView> past = new ArrayList<>(
                visible.stream().filter(r -> RetreatViews.isOver(r, now)).toList());
        java.util.Collections.reverse(past);
        model.addAttribute("past", past);
        model.addAttribute("maySchedule", mayScheduleRetreats(user));
        return "retreat/retreats";
    }

    @GetMapping("/retreats/{retreatId}")
    String retreat(
            @PathVariable String retreatId,
            @RequestParam(required = false) String saved,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        RetreatView retreat = retreats.visible(retreatId, user);
        model.addAttribute("registerForm", new RegisterForm("", ""));
        model.addAttribute("inviteForm", new InviteForm("PERSON", "", "", "", ""));
        Forms.noErrors(model);
        return retreatPage(retreat, saved, user, model);
    }

    @GetMapping("/retreats/{retreatId}/sessions/{sessionId}")
    String session(
            @PathVariable String retreatId,
            @PathVariable String sessionId,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        RetreatView retreat = retreats.visible(retreatId, user);
        RetreatView.Session session = session(retreat, sessionId);
        model.addAttribute("retreat", retreat);
        model.addAttribute("slot", session);
        model.addAttribute("facilitates", retreats.facilitates(retreatId, user));
        model.addAttribute("allocated", retreat.breakouts().getOrDefault(sessionId, List.of()));
        model.addAttribute("names", names(retreat));
        model.addAttribute("themeTitles", themeTitles());
        model.addAttribute("groupNames", groupNames(user));
        return "retreat/session";
    }

    /** The organiser's own list: who is coming, from where, and their access and dietary needs. */
    @GetMapping("/retreats/{retreatId}/people")
    String people(@PathVariable String retreatId, @AuthenticationPrincipal WorkspaceUser user, Model model) {
        RetreatView retreat = facilitated(retreatId, user);
        model.addAttribute("retreat", retreat);
        model.addAttribute("names", names(retreat));
        model.addAttribute("needs", retreats.needs(retreatId));
        return "retreat/people";
    }

    // ---- scheduling and changing ----

    @GetMapping("/retreats/new")
    String newRetreat(@AuthenticationPrincipal WorkspaceUser user, Model model) {
        requireScheduler(user);
        return retreatForm(model, null, RetreatForm.blank(Forms.newId()));
    }

    @PostMapping("/retreats")
    String schedule(
            @Valid @ModelAttribute("form") RetreatForm form,
            BindingResult errors,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        requireScheduler(user);
        String retreatId = Forms.mintedId(form.retreatId());
        RetreatCommands.Details details = details(form, errors);
        if (!errors.hasErrors()) {
            commands.attemptOnce(new RetreatCommands.ScheduleRetreat(retreatId, details, actor(user), clock.instant()))
                    .ifPresent(refused -> refused.rejectOn(errors));
        }
        if (errors.hasErrors()) {
            Forms.showErrors(model, errors, form, "title");
            return retreatForm(model, null, form);
        }
        retreats.awaitUntil(retreatId, r -> true, WAIT);
        return "redirect:/retreats/" + retreatId + "?saved=scheduled";
    }

    @GetMapping("/retreats/{retreatId}/edit")
    String edit(@PathVariable String retreatId, @AuthenticationPrincipal WorkspaceUser user, Model model) {
        RetreatView retreat = facilitated(retreatId, user);
        return retreatForm(
                model,
                retreat,
                new RetreatForm(
                        retreatId,
                        retreat.title(),
                        RetreatKind.valueOf(retreat.kind()),
                        retreat.place(),
                        retreat.onlineLink(),
                        retreat.startsAt().toString(),
                        retreat.endsAt().toString(),
                        String.valueOf(retreat.capacity()),
                        retreat.themeIds(),
                        retreat.inviteOnly()));
    }

    @PostMapping("/retreats/{retreatId}")
    String change(
            @PathVariable String retreatId,
            @Valid @ModelAttribute("form") RetreatForm form,
            BindingResult errors,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        RetreatView retreat = facilitated(retreatId, user);
        RetreatCommands.Details details = details(form, errors);
        if (!errors.hasErrors()) {
            commands.attempt(new RetreatCommands.ChangeRetreat(retreatId, details, actor(user), clock.instant()))
                    .ifPresent(refused -> refused.rejectOn(errors));
        }
        if (errors.hasErrors()) {
            Forms.showErrors(model, errors, form, "title");
            return retreatForm(model, retreat, form);
        }
        retreats.awaitUntil(retreatId, r -> r.title().equals(details.title().strip()), WAIT);
        return "redirect:/retreats/" + retreatId + "?saved=changed";
    }

    @GetMapping("/retreats/{retreatId}/postpone")
    String postponeForm(@PathVariable String retreatId, @AuthenticationPrincipal WorkspaceUser user, Model model) {
        RetreatView retreat = facilitated(retreatId, user);
        return actionForm(
                model,
                retreat,
                "postpone",
                new PostponeForm(retreat.startsAt().toString(), retreat.endsAt().toString(), ""));
    }

    @PostMapping("/retreats/{retreatId}/postpone")
    String postpone(
            @PathVariable String retreatId,
            @Valid @ModelAttribute("form") PostponeForm form,
            BindingResult errors,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        RetreatView retreat = facilitated(retreatId, user);
        LocalDateTime startsAt = RetreatForms.dateTime(form.startsAt(), "startsAt", "it now starts", errors);
        LocalDateTime endsAt = RetreatForms.dateTime(form.endsAt(), "endsAt", "it now ends", errors);
        if (!errors.hasErrors()) {
            commands.attempt(new RetreatCommands.PostponeRetreat(
                            retreatId, startsAt, endsAt, form.reason(), actor(user), clock.instant()))
                    .ifPresent(refused -> refused.rejectOn(errors));
        }
        if (errors.hasErrors()) {
            Forms.showErrors(model, errors, form, "startsAt");
            return actionForm(model, retreat, "postpone", form);
        }
        retreats.awaitUntil(retreatId, r -> r.startsAt().equals(startsAt), WAIT);
        return "redirect:/retreats/" + retreatId + "?saved=postponed";
    }

    @GetMapping("/retreats/{retreatId}/cancel")
    String cancelForm(@PathVariable String retreatId, @AuthenticationPrincipal WorkspaceUser user, Model model) {
        return actionForm(model, facilitated(retreatId, user), "cancel", new CancelForm(""));
    }

    @PostMapping("/retreats/{retreatId}/cancel")
    String cancel(
            @PathVariable String retreatId,
            @Valid @ModelAttribute("form") CancelForm form,
            BindingResult errors,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        RetreatView retreat = facilitated(retreatId, user);
        if (!errors.hasErrors()) {
            commands.attempt(new RetreatCommands.CancelRetreat(retreatId, form.reason(), actor(user), clock.instant()))
                    .ifPresent(refused -> refused.rejectOn(errors));
        }
        if (errors.hasErrors()) {
            Forms.showErrors(model, errors, form, "reason");
            return actionForm(model, retreat, "cancel", form);
        }
        retreats.awaitUntil(retreatId, r -> "CANCELLED".equals(r.status()), WAIT);
        return "redirect:/retreats/" + retreatId + "?saved=cancelled";
    }

    // ---- the agenda ----

    @GetMapping("/retreats/{retreatId}/sessions/new")
    String newSession(@PathVariable String retreatId, @AuthenticationPrincipal WorkspaceUser user, Model model) {
        RetreatView retreat = facilitated(retreatId, user);
        SessionForm form = new SessionForm(
                Forms.newId(),
                "",
                null,
                retreat.startsAt().toString(),
                retreat.startsAt().plusHours(1).toString(),
                "",
                user.memberId(),
                "",
                "");
        return sessionForm(model, retreat, null, form, user);
    }

    @PostMapping("/retreats/{retreatId}/sessions")
    String plan(
            @PathVariable String retreatId,
            @Valid @ModelAttribute("form") SessionForm form,
            BindingResult errors,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        RetreatView retreat = facilitated(retreatId, user);
        String sessionId = Forms.mintedId(form.sessionId());
        RetreatCommands.Session session = session(form, errors);
        if (!errors.hasErrors()) {
            commands.attemptOnce(new RetreatCommands.PlanSession(
                            retreatId, sessionId, session, actor(user), clock.instant()))
                    .ifPresent(refused -> refused.rejectOn(errors));
        }
        if (errors.hasErrors()) {
            Forms.showErrors(model, errors, form, "title");
            return sessionForm(model, retreat, null, form, user);
        }
        retreats.awaitUntil(retreatId, hasSession(sessionId), WAIT);
        return "redirect:/retreats/" + retreatId + "?saved=session-planned#agenda";
    }

    @GetMapping("/retreats/{retreatId}/sessions/{sessionId}/edit")
    String editSession(
            @PathVariable String retreatId,
            @PathVariable String sessionId,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        RetreatView retreat = facilitated(retreatId, user);
        RetreatView.Session s = session(retreat, sessionId);
        SessionForm form = new SessionForm(
                sessionId,
                s.title(),
                SessionKind.valueOf(s.kind()),
                s.startsAt().toString(),
                s.endsAt().toString(),
                s.room(),
                s.facilitatorId(),
                s.themeId() == null ? "" : s.themeId(),
                s.groupId() == null ? "" : s.groupId());
        return sessionForm(model, retreat, s, form, user);
    }

    @PostMapping("/retreats/{retreatId}/sessions/{sessionId}")
    String changeSession(
            @PathVariable String retreatId,
            @PathVariable String sessionId,
            @Valid @ModelAttribute("form") SessionForm form,
            BindingResult errors,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        RetreatView retreat = facilitated(retreatId, user);
        RetreatView.Session existing = session(retreat, sessionId);
        RetreatCommands.Session session = session(form, errors);
        if (!errors.hasErrors()) {
            commands.attempt(new RetreatCommands.ChangeSession(
                            retreatId, sessionId, session, actor(user), clock.instant()))
                    .ifPresent(refused -> refused.rejectOn(errors));
        }
        if (errors.hasErrors()) {
            Forms.showErrors(model, errors, form, "title");
            return sessionForm(model, retreat, existing, form, user);
        }
        retreats.awaitUntil(
                retreatId,
                r -> r.sessions().stream()
                        .anyMatch(s -> s.sessionId().equals(sessionId)
                                && s.title().equals(session.title().strip())),
                WAIT);
        return "redirect:/retreats/" + retreatId + "?saved=session-changed#agenda";
    }

    @PostMapping("/retreats/{retreatId}/sessions/{sessionId}/drop")
    String dropSession(
            @PathVariable String retreatId,
            @PathVariable String sessionId,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        facilitated(retreatId, user);
        return act(
                retreatId,
                new RetreatCommands.DropSession(retreatId, sessionId, actor(user), clock.instant()),
                hasSession(sessionId).negate(),
                "session-dropped#agenda",
                "agenda",
                user,
                model);
    }

    // ---- invitations and registration ----

    @PostMapping("/retreats/{retreatId}/invite")
    String invite(
            @PathVariable String retreatId,
            @ModelAttribute("inviteForm") InviteForm form,
            BindingResult errors,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        RetreatView retreat = facilitated(retreatId, user);
        InvitationScope scope = scope(form.scope());
        String target = null;
        List<String> memberIds = List.of();
        switch (scope) {
            case PERSON -> {
                target = form.person() == null ? "" : form.person().strip();
                Optional<Accounts.Account> account = target.isEmpty() ? Optional.empty() : accounts.findByEmail(target);
                if (account.isEmpty()) {
                    errors.rejectValue("person", "unknown", "Enter the email address of a member of the workspace");
                } else {
                    memberIds = List.of(account.get().memberId());
                    target = account.get().memberId();
                }
            }
            case ORGANISATION -> {
                target = form.organisationId();
                memberIds = target == null || target.isBlank()
                        ? List.of()
                        : accounts.directory(target).stream()
                                .map(Accounts.Account::memberId)
                                .toList();
                if (memberIds.isEmpty()) {
                    errors.rejectValue("organisationId", "empty", "Choose an organisation with members");
                }
            }
            case ROLE -> {
                target = form.role();
                Optional<MemberRole> role = java.util.Arrays.stream(MemberRole.values())
                        .filter(r -> r.name().equals(form.role()))
                        .findFirst();
                memberIds = role.map(r -> accounts.directory(null).stream()
                                .filter(a -> a.role() == r)
                                .map(Accounts.Account::memberId)
                                .toList())
                        .orElse(List.of());
                if (memberIds.isEmpty()) {
                    errors.rejectValue("role", "empty", "Choose a role that members hold");
                }
            }
            case GROUP -> {
                target = form.groupId();
                memberIds = target == null || !groups.visibleGroups(user).containsKey(target)
                        ? List.of()
                        : groupViews.find(target).stream()
                                .flatMap(g -> g.members().stream())
                                .map(GroupPage.Membership::memberId)
                                .toList();
                if (memberIds.isEmpty()) {
                    errors.rejectValue("groupId", "empty", "Choose a working group with members");
                }
            }
        }
        if (!errors.hasErrors()) {
            commands.attempt(new RetreatCommands.InvitePeople(
                            retreatId, scope, target, memberIds, actor(user), clock.instant()))
                    .ifPresent(refused -> refused.rejectOn(errors));
        }
        if (errors.hasErrors()) {
            Forms.showErrors(model, errors, form, fieldOf(scope), "invite-");
            model.addAttribute("registerForm", new RegisterForm("", ""));
            return retreatPage(retreat, null, user, model);
        }
        Set<String> invited = new HashSet<>(memberIds);
        retreats.awaitUntil(
                retreatId,
                r -> invited.stream()
                        .allMatch(id -> r.invited().contains(id)
                                || r.registered().stream()
                                        .anyMatch(a -> a.memberId().equals(id))
                                || r.waiting().stream()
                                        .anyMatch(a -> a.memberId().equals(id))
                                || r.declined().contains(id)),
                WAIT);
        return "redirect:/retreats/" + retreatId + "?saved=invited#invitations";
    }

    @PostMapping("/retreats/{retreatId}/register")
    String register(
            @PathVariable String retreatId,
            @Valid @ModelAttribute("registerForm") RegisterForm form,
            BindingResult errors,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        RetreatView retreat = retreats.visible(retreatId, user);
        if (!errors.hasErrors()) {
            commands.attempt(new RetreatCommands.RegisterForRetreat(
                            retreatId,
                            actor(user),
                            new AttendanceNeeds(form.access(), form.dietary()),
                            clock.instant()))
                    .ifPresent(refused -> refused.rejectOn(errors));
        }
        if (errors.hasErrors()) {
            Forms.showErrors(model, errors, form, "access", "register-");
            model.addAttribute("inviteForm", new InviteForm("PERSON", "", "", "", ""));
            return retreatPage(retreat, null, user, model);
        }
        retreats.awaitUntil(retreatId, r -> placeOf(r, user.memberId()) != null, WAIT);
        return "redirect:/retreats/" + retreatId + "?saved=registered#your-place";
    }

    @PostMapping("/retreats/{retreatId}/decline")
    String decline(@PathVariable String retreatId, @AuthenticationPrincipal WorkspaceUser user, Model model) {
        retreats.visible(retreatId, user);
        return act(
                retreatId,
                new RetreatCommands.DeclineRetreat(retreatId, actor(user), clock.instant()),
                r -> r.declined().contains(user.memberId()),
                "declined#your-place",
                "your-place",
                user,
                model);
    }

    @PostMapping("/retreats/{retreatId}/give-up")
    String giveUp(@PathVariable String retreatId, @AuthenticationPrincipal WorkspaceUser user, Model model) {
        retreats.visible(retreatId, user);
        return act(
                retreatId,
                new RetreatCommands.GiveUpPlace(retreatId, actor(user), clock.instant()),
                r -> placeOf(r, user.memberId()) == null,
                "given-up#your-place",
                "your-place",
                user,
                model);
    }

    // ---- breakouts ----

    /** The ranking arrives as one choice per breakout ("1", "2"... or empty), named {@code rank-<sessionId>}. */
    @PostMapping("/retreats/{retreatId}/preferences")
    String preferences(
            @PathVariable String retreatId,
            @RequestParam Map<String, String> fields,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        retreats.visible(retreatId, user);
        Map<String, Integer> ranks = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (name.startsWith("rank-") && value != null && value.matches("[1-9]")) {
                ranks.put(name.substring("rank-".length()), Integer.parseInt(value));
            }
        });
        if (ranks.values().stream().distinct().count() != ranks.size()) {
            return refused(
                    retreatId,
                    Refusal.invalid("preferences", "Give each breakout a different rank"),
                    "breakouts",
                    user,
                    model);
        }
        List<String> ranking = ranks.entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .toList();
        return act(
                retreatId,
                new RetreatCommands.StateBreakoutPreferences(retreatId, ranking, actor(user), clock.instant()),
                r -> ranking.equals(r.preferences().get(user.memberId())),
                "preferences#breakouts",
                "breakouts",
                user,
                model);
    }

    @PostMapping("/retreats/{retreatId}/allocate")
    String allocate(@PathVariable String retreatId, @AuthenticationPrincipal WorkspaceUser user, Model model) {
        RetreatView before = facilitated(retreatId, user);
        java.time.Instant at = clock.instant();
        return act(
                retreatId,
                new RetreatCommands.AllocateBreakouts(retreatId, actor(user), at),
                r -> r.allocation() != null && !r.allocation().equals(before.allocation()),
                "allocated#breakouts",
                "breakouts",
                user,
                model);
    }

    @PostMapping("/retreats/{retreatId}/move")
    String move(
            @PathVariable String retreatId,
            @RequestParam(defaultValue = "") String memberId,
            @RequestParam(defaultValue = "") String toSessionId,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        facilitated(retreatId, user);
        return act(
                retreatId,
                new RetreatCommands.MoveToBreakout(retreatId, memberId, toSessionId, actor(user), clock.instant()),
                r -> r.breakouts().getOrDefault(toSessionId, List.of()).contains(memberId),
                "moved#breakouts",
                "move-member",
                user,
                model);
    }

    // ---- helpers ----

    /** Sends a command of a button on the retreat page: back to the page, or the page with the refusal on it. */
    private String act(
            String retreatId,
            Object command,
            Predicate<RetreatView> done,
            String saved,
            String anchor,
            WorkspaceUser user,
            Model model) {
        Optional<Refusal> refusal = commands.attempt(command);
        if (refusal.isPresent()) {
            return refused(retreatId, refusal.get(), anchor, user, model);
        }
        retreats.awaitUntil(retreatId, done, WAIT);
        return "redirect:/retreats/" + retreatId + "?saved=" + saved;
    }

    private String refused(String retreatId, Refusal refusal, String anchor, WorkspaceUser user, Model model) {
        // On the page's section for the form (a retreat page's forms share it), whichever field the refusal names.
        model.addAttribute("errorSummary", refusal.summary(anchor));
        model.addAttribute("fieldErrors", Map.of(anchor, refusal.message()));
        model.addAttribute("registerForm", new RegisterForm("", ""));
        model.addAttribute("inviteForm", new InviteForm("PERSON", "", "", "", ""));
        return retreatPage(retreats.visible(retreatId, user), null, user, model);
    }

    private String retreatPage(RetreatView retreat, String saved, WorkspaceUser user, Model model) {
        LocalDateTime now = now();
        boolean facilitates = retreats.facilitates(retreat.id(), user);
        model.addAttribute("retreat", retreat);
        model.addAttribute("saved", saved);
        model.addAttribute("over", RetreatViews.isOver(retreat, now));
        model.addAttribute("facilitates", facilitates);
        model.addAttribute("place", placeOf(retreat, user.memberId()));
        model.addAttribute("invited", retreat.invited().contains(user.memberId()));
        model.addAttribute("waitingPosition", waitingPosition(retreat, user.memberId()));
        model.addAttribute("full", retreat.registered().size() >= retreat.capacity());
        model.addAttribute("names", names(retreat));
        model.addAttribute("themeTitles", themeTitles());
        model.addAttribute("groupNames", groupNames(user));
        model.addAttribute(
                "breakoutSessions",
                retreat.sessions().stream()
                        .filter(s -> "BREAKOUT".equals(s.kind()))
                        .toList());
        model.addAttribute("myRanking", retreat.preferences().getOrDefault(user.memberId(), List.of()));
        model.addAttribute("summary", BreakoutSummary.of(retreat));
        if (facilitates) {
            model.addAttribute(
                    "organisations",
                    people.names(List.of(), organisationIds()).organisations().values());
            model.addAttribute("roles", MemberRole.values());
            model.addAttribute("groups", groups.visibleGroups(user).values());
        }
        return "retreat/retreat";
    }

    private java.util.Set<String> organisationIds() {
        return accounts.directory(null).stream()
                .map(Accounts.Account::organisationId)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private People.Names names(RetreatView retreat) {
        Set<String> members = new HashSet<>();
        Set<String> organisations = new HashSet<>();
        members.add(retreat.scheduledBy());
        retreat.sessions().forEach(s -> members.add(s.facilitatorId()));
        members.addAll(retreat.invited());
        members.addAll(retreat.declined());
        retreat.registered().forEach(a -> {
            members.add(a.memberId());
            organisations.add(a.organisationId());
        });
        retreat.waiting().forEach(a -> {
            members.add(a.memberId());
            organisations.add(a.organisationId());
        });
        members.remove(null);
        return people.names(members, organisations);
    }

    private Map<String, String> themeTitles() {
        return themes.all().stream().collect(Collectors.toMap(ThemeCard::id, ThemeCard::title, (a, b) -> a));
    }

    private Map<String, String> groupNames(WorkspaceUser user) {
        return groups.visibleGroups(user).values().stream()
                .collect(Collectors.toMap(GroupPage::id, GroupPage::name, (a, b) -> a));
    }

    /** "REGISTERED", "WAITING" or null. */
    static String placeOf(RetreatView retreat, String memberId) {
        if (retreat.registered().stream().anyMatch(a -> a.memberId().equals(memberId))) {
            return "REGISTERED";
        }
        if (retreat.waiting().stream().anyMatch(a -> a.memberId().equals(memberId))) {
            return "WAITING";
        }
        return null;
    }

    static Integer waitingPosition(RetreatView retreat, String memberId) {
        for (int i = 0; i < retreat.waiting().size(); i++) {
            if (retreat.waiting().get(i).memberId().equals(memberId)) {
                return i + 1;
            }
        }
        return null;
    }

    private RetreatView facilitated(String retreatId, WorkspaceUser user) {
        RetreatView retreat = retreats.visible(retreatId, user);
        if (!retreats.facilitates(retreatId, user)) {
            throw new NotFoundException("retreat");
        }
        return retreat;
    }

    private static void requireScheduler(WorkspaceUser user) {
        if (!mayScheduleRetreats(user)) {
            throw new NotFoundException("page");
        }
    }

    private static boolean mayScheduleRetreats(WorkspaceUser user) {
        return user.role() == MemberRole.FACILITATOR || user.role() == MemberRole.ADMINISTRATOR;
    }

    private static RetreatView.Session session(RetreatView retreat, String sessionId) {
        return retreat.sessions().stream()
                .filter(s -> s.sessionId().equals(sessionId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("session"));
    }

    private static Predicate<RetreatView> hasSession(String sessionId) {
        return r -> r.sessions().stream().anyMatch(s -> s.sessionId().equals(sessionId));
    }

    private static InvitationScope scope(String value) {
        return java.util.Arrays.stream(InvitationScope.values())
                .filter(s -> s.name().equals(value))
                .findFirst()
                .orElse(InvitationScope.PERSON);
    }

    private static String fieldOf(InvitationScope scope) {
        return switch (scope) {
            case PERSON -> "person";
            case ORGANISATION -> "organisationId";
            case ROLE -> "role";
            case GROUP -> "groupId";
        };
    }

    private RetreatCommands.Details details(RetreatForm form, BindingResult errors) {
        LocalDateTime startsAt = RetreatForms.dateTime(form.startsAt(), "startsAt", "the retreat starts", errors);
        LocalDateTime endsAt = RetreatForms.dateTime(form.endsAt(), "endsAt", "the retreat ends", errors);
        if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
            errors.rejectValue("endsAt", "order", "The end must be after the start");
        }
        Integer capacity = RetreatForms.capacity(form.capacity(), errors);
        boolean nowhere = (form.place() == null || form.place().isBlank())
                && (form.onlineLink() == null || form.onlineLink().isBlank());
        if (nowhere) {
            errors.rejectValue("place", "missing", "Enter a place or an online link");
        }
        return new RetreatCommands.Details(
                form.title(),
                form.kind(),
                form.place(),
                form.onlineLink(),
                startsAt,
                endsAt,
                capacity,
                form.themeIds() == null ? List.of() : form.themeIds(),
                Boolean.TRUE.equals(form.inviteOnly()));
    }

    private static RetreatCommands.Session session(SessionForm form, BindingResult errors) {
        LocalDateTime startsAt = RetreatForms.dateTime(form.startsAt(), "startsAt", "the session starts", errors);
        LocalDateTime endsAt = RetreatForms.dateTime(form.endsAt(), "endsAt", "the session ends", errors);
        if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
            errors.rejectValue("endsAt", "order", "The end must be after the start");
        }
        return new RetreatCommands.Session(
                form.title(),
                form.kind(),
                startsAt,
                endsAt,
                form.room(),
                form.facilitatorId() == null || form.facilitatorId().isBlank() ? null : form.facilitatorId(),
                form.themeId(),
                form.groupId());
    }

    private String retreatForm(Model model, RetreatView editing, RetreatForm form) {
        model.addAttribute("editing", editing);
        model.addAttribute("form", form);
        model.addAttribute("kinds", RetreatKind.values());
        model.addAttribute("themes", themes.all());
        Forms.noErrors(model);
        return "retreat/form";
    }

    private String sessionForm(
            Model model, RetreatView retreat, RetreatView.Session editing, SessionForm form, WorkspaceUser user) {
        model.addAttribute("retreat", retreat);
        model.addAttribute("editing", editing);
        model.addAttribute("form", form);
        model.addAttribute("kinds", SessionKind.values());
        model.addAttribute("themes", themes.all());
        model.addAttribute("groups", groups.visibleGroups(user).values());
        model.addAttribute(
                "facilitators",
                accounts.directory(null).stream()
                        .filter(a -> a.role() == MemberRole.FACILITATOR
                                || a.role() == MemberRole.ADMINISTRATOR
                                || a.memberId().equals(form.facilitatorId()))
                        .toList());
        Forms.noErrors(model);
        return "retreat/session-form";
    }

    private static String actionForm(Model model, RetreatView retreat, String action, Object form) {
        model.addAttribute("retreat", retreat);
        model.addAttribute("action", action);
        model.addAttribute("form", form);
        Forms.noErrors(model);
        return "retreat/" + action;
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), London.ZONE);
    }

    private static Actor actor(WorkspaceUser user) {
        return new Actor(user.memberId(), user.organisationId(), user.role());
    }
}
