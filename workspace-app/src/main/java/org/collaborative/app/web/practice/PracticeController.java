package org.collaborative.app.web.practice;

import static org.collaborative.app.web.practice.PracticeForms.blank;
import static org.collaborative.app.web.practice.PracticeForms.choice;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.commitment.PledgeFulfilments;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.infrastructure.web.Forms;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.infrastructure.web.ReadYourWrite;
import org.collaborative.app.infrastructure.web.Refusal;
import org.collaborative.app.item.ItemViews;
import org.collaborative.app.item.ItemViews.EvidenceProfile;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.London;
import org.collaborative.app.member.People;
import org.collaborative.app.organisation.OrganisationViews;
import org.collaborative.app.practice.LinkEvidenceToPractice;
import org.collaborative.app.practice.OfferHelp;
import org.collaborative.app.practice.Practice;
import org.collaborative.app.practice.PracticeDirectory;
import org.collaborative.app.practice.PracticeViews;
import org.collaborative.app.practice.RecordAdoptionMove;
import org.collaborative.app.practice.RecordPractice;
import org.collaborative.app.practice.ReportOutcome;
import org.collaborative.app.practice.VerifyOutcome;
import org.collaborative.app.practice.WithdrawHelp;
import org.collaborative.app.spread.PracticeSpreads;
import org.collaborative.app.theme.ThemeViews;
import org.collaborative.app.web.practice.PracticeForms.MoveForm;
import org.collaborative.app.web.practice.PracticeForms.OutcomeForm;
import org.collaborative.app.web.practice.PracticeForms.PracticeForm;
import org.collaborative.events.member.MemberRole;
import org.collaborative.events.practice.AdoptionSetback;
import org.collaborative.events.practice.AdoptionStage;
import org.collaborative.events.practice.HelpKind;
import org.collaborative.events.practice.OutcomeKind;
import org.collaborative.events.practice.SavingRecurrence;
import org.collaborative.views.commitment.CommitmentView;
import org.collaborative.views.item.ItemView;
import org.collaborative.views.practice.AdoptionView;
import org.collaborative.views.practice.PracticeView;
import org.collaborative.views.spread.PracticeSpread;
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
 * The practice pages: the list (by theme), a practice with its adopters, outcomes and offers of help, and the forms
 * on it (record a move for your council, report an outcome, verify one, offer help), recording a practice directly
 * (facilitators) and from a proposal decided "taken forward". A form with errors comes back with the GOV.UK error
 * summary and what was typed, and records nothing (docs/adr/0005); a form that worked redirects to the page, which
 * waits briefly for the views to show the change: the adoptions (the tables) and the practice's spread (the map, the
 * curve, the peer lens and the savings totals), which separate projectors keep.
 */
@Controller
class PracticeController {

    static final Duration READ_YOUR_WRITE_WAIT = Duration.ofSeconds(2);

    private final PracticeViews practices;
    private final ItemViews items;
    private final ThemeViews themes;
    private final OrganisationViews organisations;
    private final People people;
    private final PracticeDirectory directory;
    private final PledgeFulfilments pledges;
    private final PracticeSpreads spreads;
    private final Commands commands;
    private final Clock clock;

    PracticeController(
            PracticeViews practices,
            ItemViews items,
            ThemeViews themes,
            OrganisationViews organisations,
            People people,
            PracticeDirectory directory,
            PledgeFulfilments pledges,
            PracticeSpreads spreads,
            Commands commands,
            Clock clock) {
        this.pledges = pledges;
        this.spreads = spreads;
        this.practices = practices;
        this.items = items;
        this.themes = themes;
        this.organisations = organisations;
        this.people = people;
        this.directory = directory;
        this.commands = commands;
        this.clock = clock;
    }

    @GetMapping("/practices")
    String list(@RequestParam(required = false) String theme, Model model) {
        String themeId = blank(theme) ? null : theme;
        List<PracticeView> all = practices.all(themeId);
        Set<String> organisationIds = new HashSet<>();
        all.forEach(p -> organisationIds.add(p.originatingOrganisationId()));
        model.addAttribute("practices", all);
        Map<String, Map<String, Long>> counts =
                practices.stageCounts(all.stream().map(PracticeView::id).toList());
        Map<String, Uptake> uptake = new LinkedHashMap<>();
        all.forEach(p -> uptake.put(p.id(), Uptake.of(counts.getOrDefault(p.id(), Map.of()))));
        model.addAttribute("uptake", uptake);
        model.addAttribute("themes", themes.all());
        model.addAttribute("theme", themeId);
        model.addAttribute("names", people.names(Set.of(), organisationIds));
        return "practice/list";
    }

    @GetMapping("/practices/{practiceId}")
    String page(
            @PathVariable String practiceId,
            @RequestParam(required = false) String done,
            @RequestParam(required = false) String ref,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        if (done != null && ref != null) {
            long started = System.nanoTime();
            ReadYourWrite.awaitUntil(
                    () -> Optional.of(practices.adoptionsOf(practiceId)),
                    adoptions -> shows(adoptions, done, ref),
                    READ_YOUR_WRITE_WAIT);
            // The spread views read another projector's view, which may be a moment behind: wait for it too, within
            // the same bound.
            Duration left = READ_YOUR_WRITE_WAIT.minusNanos(System.nanoTime() - started);
            ReadYourWrite.awaitUntil(
                    () -> Optional.of(spreads.find(practiceId).orElseGet(() -> PracticeSpread.empty(practiceId))),
                    spread -> shows(spread, done, ref),
                    left.isNegative() ? Duration.ZERO : left);
        }
        model.addAttribute("done", done);
        return show(practiceId, user, model);
    }

    @PostMapping("/practices/{practiceId}/moves")
    String move(
            @PathVariable String practiceId,
            @ModelAttribute("moveForm") MoveForm form,
            BindingResult errors,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        practice(practiceId);
        // Members' forms carry no organisation (their own); a facilitator's chooses one. Another council posted by a
        // member goes to the command, which refuses it.
        String organisationId = blank(form.organisationId()) ? user.organisationId() : form.organisationId();
        Optional<LocalDate> happenedOn =
                PracticeForms.date(form.day(), form.month(), form.year(), errors, "day", "The date it happened");
        AdoptionStage stage = choice(AdoptionStage.class, form.stage());
        // A pledge the move fulfils must be one of the organisation's open pledges: checked before anything is
        // recorded.
        boolean fulfils = !blank(form.pledgeId());
        if (fulfils) {
            pledges.check(form.pledgeId(), organisationId, stage).ifPresent(refused -> refused.rejectOn(errors));
        }
        if (!errors.hasErrors()) {
            commands.attempt(new RecordAdoptionMove(
                            practiceId,
                            organisationId,
                            stage,
                            happenedOn.orElse(null),
                            form.variant(),
                            choice(AdoptionSetback.class, form.setback()),
                            form.setbackDetail(),
                            actor(user),
                            clock.instant()))
                    .ifPresent(refused -> refused.rejectOn(errors, Map.of("happenedOn", "day")));
        }
        if (!errors.hasErrors() && fulfils) {
            pledges.fulfil(
                            form.pledgeId(),
                            practiceId,
                            organisationId,
                            stage,
                            happenedOn.orElseThrow(),
                            actor(user),
                            clock.instant())
                    .ifPresent(refused -> {
                        // The move is recorded; only the pledge was refused (settled in between): say so, and keep
                        // the form as typed so the pledge can be chosen again or left out.
                        errors.rejectValue(
                                "pledgeId",
                                "invalid-input",
                                "The move was recorded, but not as fulfilling the pledge: " + refused.message());
                    });
        }
        if (errors.hasErrors()) {
            Forms.showErrors(model, errors, form, "stage", "move-");
            return show(practiceId, user, model);
        }
        return "redirect:/practices/" + practiceId + "?done=moved&ref=" + organisationId + ":" + form.stage();
    }

    @PostMapping("/practices/{practiceId}/outcomes")
    String outcome(
            @PathVariable String practiceId,
            @ModelAttribute("outcomeForm") OutcomeForm form,
            BindingResult errors,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        practice(practiceId);
        // Members' forms carry no organisation (their own); a facilitator's chooses one. Another council posted by a
        // member goes to the command, which refuses it.
        String organisationId = blank(form.organisationId()) ? user.organisationId() : form.organisationId();
        String outcomeId = Forms.mintedId(form.outcomeId());
        Long pence = PracticeForms.pence(form.amount(), errors, "amount");
        Optional<LocalDate> start = PracticeForms.date(
                form.startDay(), form.startMonth(), form.startYear(), errors, "startDay", "The start of the period");
        Optional<LocalDate> end = PracticeForms.date(
                form.endDay(), form.endMonth(), form.endYear(), errors, "endDay", "The end of the period");
        if (practices.adoption(practiceId, organisationId).isEmpty()) {
            errors.reject("no-adoption", "Record your organisation's move to piloting before you report an outcome");
        }
        if (!errors.hasErrors()) {
            commands.attemptOnce(new ReportOutcome(
                            org.collaborative.app.practice.RecordAdoptionMove.adoptionIdFor(practiceId, organisationId),
                            outcomeId,
                            choice(OutcomeKind.class, form.kind()),
                            pence,
                            choice(SavingRecurrence.class, form.recurrence()),
                            start.orElse(null),
                            end.orElse(null),
                            form.measureName(),
                            form.before(),
                            form.after(),
                            form.unit(),
                            form.source(),
                            level(form.evidenceLevel()),
                            actor(user),
                            clock.instant()))
                    .ifPresent(refused ->
                            refused.rejectOn(errors, Map.of("periodStart", "startDay", "periodEnd", "endDay")));
        }
        if (errors.hasErrors()) {
            Forms.showErrors(model, errors, form, "kind", "outcome-");
            return show(practiceId, user, model);
        }
        return "redirect:/practices/" + practiceId + "?done=reported&ref=" + outcomeId;
    }

    @PostMapping("/practices/{practiceId}/adoptions/{organisationId}/outcomes/{outcomeId}/verification")
    String verify(
            @PathVariable String practiceId,
            @PathVariable String organisationId,
            @PathVariable String outcomeId,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        practice(practiceId);
        Optional<Refusal> refused = commands.attempt(new VerifyOutcome(
                org.collaborative.app.practice.RecordAdoptionMove.adoptionIdFor(practiceId, organisationId),
                outcomeId,
                LocalDate.ofInstant(clock.instant(), London.ZONE),
                actor(user),
                clock.instant()));
        if (refused.isPresent()) {
            refused.get().showOn(model, "outcomes");
            return show(practiceId, user, model);
        }
        return "redirect:/practices/" + practiceId + "?done=verified&ref=" + outcomeId;
    }

    @PostMapping("/practices/{practiceId}/help")
    String offerHelp(
            @PathVariable String practiceId,
            @RequestParam(required = false) List<String> kinds,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        practice(practiceId);
        Set<HelpKind> chosen = EnumSet.noneOf(HelpKind.class);
        if (kinds != null) {
            kinds.stream()
                    .map(kind -> choice(HelpKind.class, kind))
                    .filter(Objects::nonNull)
                    .forEach(chosen::add);
        }
        Optional<Refusal> refused = commands.attempt(new OfferHelp(practiceId, chosen, actor(user), clock.instant()));
        if (refused.isPresent()) {
            model.addAttribute("fieldErrors", Map.of("help-kinds", refused.get().message()));
            model.addAttribute("errorSummary", refused.get().summary("help-kinds"));
            return show(practiceId, user, model);
        }
        return "redirect:/practices/" + practiceId + "?done=offered";
    }

    @PostMapping("/practices/{practiceId}/help/withdrawal")
    String withdrawHelp(@PathVariable String practiceId, @AuthenticationPrincipal WorkspaceUser user) {
        practice(practiceId);
        commands.send(new WithdrawHelp(practiceId, actor(user), clock.instant()));
        return "redirect:/practices/" + practiceId + "?done=withdrawn";
    }

    @GetMapping("/practices/new")
    String newPractice(@AuthenticationPrincipal WorkspaceUser user, Model model) {
        requireFacilitator(user);
        return showNew(model, PracticeForm.blank());
    }

    @PostMapping("/practices")
    String record(
            @ModelAttribute("form") PracticeForm form,
            BindingResult errors,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        requireFacilitator(user);
        String practiceId = Forms.mintedId(form.practiceId());
        Optional<LocalDate> firstTried =
                PracticeForms.date(form.day(), form.month(), form.year(), errors, "day", "The date it was first tried");
        if (!errors.hasErrors()) {
            commands.attemptOnce(new RecordPractice(
                            practiceId,
                            form.name(),
                            form.summary(),
                            blank(form.themeId()) ? null : form.themeId(),
                            blank(form.originatingOrganisationId()) ? null : form.originatingOrganisationId(),
                            null,
                            firstTried.orElse(null),
                            actor(user),
                            clock.instant()))
                    .ifPresent(refused -> refused.rejectOn(errors, Map.of("firstTriedOn", "day")));
        }
        if (errors.hasErrors()) {
            Forms.showErrors(model, errors, form, "name");
            return showNew(model, form);
        }
        return "redirect:/practices/" + practiceId + "?done=recorded";
    }

    /** The button on a proposal decided "taken forward": records it as a practice once, with its evidence. */
    @PostMapping("/practices/from-proposal/{proposalId}")
    String fromProposal(@PathVariable String proposalId, @AuthenticationPrincipal WorkspaceUser user, Model model) {
        ItemView proposal = items.find(proposalId)
                .filter(item -> item.hidden() == null)
                .orElseThrow(() -> new NotFoundException("proposal"));
        String practiceId = RecordPractice.idFromProposal(proposalId);
        Optional<Refusal> refused = commands.attemptOnce(new RecordPractice(
                practiceId,
                proposal.title(),
                proposal.body(),
                proposal.themeId(),
                proposal.organisationId(),
                proposalId,
                null,
                actor(user),
                clock.instant()));
        if (refused.isPresent()) {
            model.addAttribute("refusal", refused.get().message());
            model.addAttribute("proposal", proposal);
            return "practice/refused";
        }
        for (ItemView.Link link : proposal.links()) {
            commands.attempt(new LinkEvidenceToPractice(practiceId, link.evidenceId(), actor(user), clock.instant()));
        }
        return "redirect:/practices/" + practiceId + "?done=recorded";
    }

    private String show(String practiceId, WorkspaceUser user, Model model) {
        PracticeView practice = practice(practiceId);
        List<AdoptionView> adoptions = practices.adoptionsOf(practiceId);
        Set<String> memberIds = new HashSet<>();
        Set<String> organisationIds = new HashSet<>();
        organisationIds.add(practice.originatingOrganisationId());
        memberIds.add(practice.recordedBy());
        practice.helpOffers().forEach(offer -> {
            memberIds.add(offer.memberId());
            organisationIds.add(offer.organisationId());
        });
        List<OutcomeRow> outcomes = new ArrayList<>();
        for (AdoptionView adoption : adoptions) {
            organisationIds.add(adoption.organisationId());
            adoption.moves().forEach(move -> memberIds.add(move.recordedBy()));
            for (AdoptionView.Outcome outcome : adoption.outcomes()) {
                memberIds.add(outcome.reportedBy());
                if (outcome.verifiedBy() != null) {
                    memberIds.add(outcome.verifiedBy());
                }
                outcomes.add(new OutcomeRow(adoption.organisationId(), outcome));
            }
        }
        outcomes.sort(Comparator.comparing(row -> row.outcome().reportedAt()));
        // Traceability: the retreat pledges these adoption moves fulfilled, and the reader's council's open ones.
        List<CommitmentView> fulfilled = pledges.fulfilledByAdoptionOf(practiceId);
        fulfilled.forEach(pledge -> organisationIds.add(pledge.organisationId()));
        model.addAttribute("fulfilledPledges", fulfilled);
        List<CommitmentView> open = pledges.openPledgesOf(user.organisationId());
        model.addAttribute("openPledges", open);
        model.addAttribute(
                "openPledgeIds", open.stream().map(CommitmentView::id).collect(java.util.stream.Collectors.toSet()));
        List<ItemView> evidence = items.findAll(practice.evidenceIds());
        model.addAttribute("practice", practice);
        model.addAttribute("theme", themes.find(practice.themeId()).orElse(null));
        model.addAttribute(
                "proposal",
                practice.fromProposalId() == null
                        ? null
                        : items.find(practice.fromProposalId()).orElse(null));
        model.addAttribute("evidence", evidence);
        model.addAttribute("profile", profile(evidence));
        model.addAttribute("adoptions", adoptions);
        model.addAttribute("outcomes", outcomes);
        model.addAttribute("names", people.names(memberIds, organisationIds));
        model.addAttribute(
                "ownAdoption",
                practices.adoption(practiceId, user.organisationId()).orElse(null));
        model.addAttribute("facilitator", facilitates(user));
        model.addAttribute("mayRevise", Practice.mayRevise(actor(user), practice.recordedBy()));
        model.addAttribute(
                "mayLinkEvidence",
                Practice.mayLinkEvidence(actor(user), practice.recordedBy(), practice.originatingOrganisationId()));
        model.addAttribute(
                "financeOfficer",
                directory
                        .financeOfficerOf(user.memberId())
                        .filter(organisationIds::contains)
                        .orElse(null));
        model.addAttribute(
                "offering",
                practice.helpOffers().stream()
                        .filter(offer -> offer.memberId().equals(user.memberId()))
                        .findFirst()
                        .orElse(null));
        model.addAttribute("organisations", facilitates(user) ? organisations.all() : List.of());
        if (!model.containsAttribute("moveForm")) {
            model.addAttribute("moveForm", MoveForm.blank(user.organisationId()));
        }
        if (!model.containsAttribute("outcomeForm")) {
            model.addAttribute("outcomeForm", OutcomeForm.blank(user.organisationId()));
        }
        Forms.noErrors(model);
        return "practice/practice";
    }

    private String showNew(Model model, PracticeForm form) {
        model.addAttribute("form", form);
        model.addAttribute("themes", themes.all());
        model.addAttribute("organisations", organisations.all());
        Forms.noErrors(model);
        return "practice/new";
    }

    /** An outcome with the organisation that reported it, for the page's table. */
    record OutcomeRow(String organisationId, AdoptionView.Outcome outcome) {}

    private PracticeView practice(String practiceId) {
        return practices.find(practiceId).orElseThrow(() -> new NotFoundException("practice"));
    }

    private static EvidenceProfile profile(List<ItemView> evidence) {
        return new EvidenceProfile(
                evidence.size(),
                evidence.stream()
                        .map(ItemView::level)
                        .filter(Objects::nonNull)
                        .max(Comparator.naturalOrder())
                        .orElse(null),
                evidence.stream()
                        .map(ItemView::createdAt)
                        .max(Comparator.naturalOrder())
                        .orElse(null));
    }

    /** Whether the practice's spread, as read, shows what the person just did (its latest move, for a move). */
    private static boolean shows(PracticeSpread spread, String done, String ref) {
        return switch (done) {
            case "moved" ->
                spread.moves().stream()
                        .filter(m -> ref.startsWith(m.organisationId() + ":"))
                        .max(Comparator.comparing(PracticeSpread.Move::recordedAt))
                        .map(m -> ref.equals(m.organisationId() + ":" + m.stage()))
                        .orElse(false);
            case "reported" ->
                spread.outcomes().stream().anyMatch(o -> o.outcomeId().equals(ref));
            case "verified" ->
                spread.outcomes().stream().anyMatch(o -> o.outcomeId().equals(ref) && o.verifiedBy() != null);
            default -> true;
        };
    }

    /** Whether the adoptions, as read, show what the person just did. */
    private static boolean shows(List<AdoptionView> adoptions, String done, String ref) {
        return switch (done) {
            case "moved" -> adoptions.stream().anyMatch(a -> ref.equals(a.organisationId() + ":" + a.stage()));
            case "reported" ->
                adoptions.stream()
                        .flatMap(a -> a.outcomes().stream())
                        .anyMatch(o -> o.outcomeId().equals(ref));
            case "verified" ->
                adoptions.stream()
                        .flatMap(a -> a.outcomes().stream())
                        .anyMatch(o -> o.outcomeId().equals(ref) && o.verified());
            default -> true;
        };
    }

    private static Integer level(String level) {
        try {
            return blank(level) ? null : Integer.valueOf(level.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static boolean facilitates(WorkspaceUser user) {
        return user.role() == MemberRole.FACILITATOR || user.role() == MemberRole.ADMINISTRATOR;
    }

    private static void requireFacilitator(WorkspaceUser user) {
        if (!facilitates(user)) {
            throw new NotFoundException("page");
        }
    }

    static Actor actor(WorkspaceUser user) {
        return new Actor(user.memberId(), user.organisationId(), user.role());
    }

    /** How far a practice has spread: organisations that adopted (or embedded or adapted) it, are trying it, declined. */
    record Uptake(long adopted, long trying, long declined) {

        static Uptake of(Map<String, Long> counts) {
            return new Uptake(
                    counts.getOrDefault("ADOPTED", 0L)
                            + counts.getOrDefault("EMBEDDED", 0L)
                            + counts.getOrDefault("ADAPTED", 0L),
                    counts.getOrDefault("EXPLORING", 0L) + counts.getOrDefault("PILOTING", 0L),
                    counts.getOrDefault("DECLINED", 0L) + counts.getOrDefault("ABANDONED", 0L));
        }
    }
}
