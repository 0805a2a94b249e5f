package org.collaborative.app.practice;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.collaborative.app.group.GroupDirectory;
import org.collaborative.app.group.GroupRules;
import org.collaborative.app.infrastructure.eventstore.AggregateSnapshots;
import org.collaborative.app.item.ItemDirectory;
import org.collaborative.app.item.ItemType;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.DomainRules;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.kernel.London;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.app.moderation.HiddenItemException;
import org.collaborative.app.moderation.ModeratedKind;
import org.collaborative.events.practice.AdoptionStage;
import org.collaborative.events.practice.EvidenceLinkedToPractice;
import org.collaborative.events.practice.HelpKind;
import org.collaborative.events.practice.HelpOffered;
import org.collaborative.events.practice.HelpWithdrawn;
import org.collaborative.events.practice.PracticeRecorded;
import org.collaborative.events.practice.PracticeRevised;

/**
 * A practice: a way of working some organisation has tried. It is recorded from a proposal decided "taken forward"
 * (once per proposal: its id is derived from the proposal's, {@link RecordPractice#idFromProposal}) by the proposer or a facilitator
 * of the proposal's group, or directly by a facilitator. It links the evidence it rests on, and members of the
 * organisations that have tried it offer others help. Each organisation's adoption of it is an {@link Adoption} of its
 * own (ADR 18).
 */
@Aggregate(snapshotTriggerDefinition = AggregateSnapshots.TRIGGER)
@Revision("1")
public class Practice {

    public static final int MAX_NAME = 150;
    public static final int MAX_SUMMARY = 10_000;

    /** The stages at which an organisation has tried the practice, so its members may offer help. */
    static final Set<AdoptionStage> TRIED =
            EnumSet.of(AdoptionStage.PILOTING, AdoptionStage.ADOPTED, AdoptionStage.EMBEDDED, AdoptionStage.ADAPTED);

    @AggregateIdentifier
    private String practiceId;

    private String recordedBy;
    private String originatingOrganisationId;
    private String name;
    private String summary;
    /** The sequence number of the event that gave the practice its current name and summary. */
    private long describedIn;

    private final Set<String> evidence = new HashSet<>();
    private final Map<String, Set<HelpKind>> helpers = new HashMap<>();

    protected Practice() {}

    /** Who may revise the practice's name and summary: the person who recorded it, a facilitator or administrator. */
    public static boolean mayRevise(Actor actor, String recordedBy) {
        return actor.memberId().equals(recordedBy) || PracticeRules.actsForAnyOrganisation(actor);
    }

    /**
     * Who may link evidence to the practice: the person who recorded it, members of the organisation it comes from, a
     * facilitator or administrator.
     */
    public static boolean mayLinkEvidence(Actor actor, String recordedBy, String originatingOrganisationId) {
        return actor.memberId().equals(recordedBy) || PracticeRules.actsFor(actor, originatingOrganisationId);
    }

    @CommandHandler
    public Practice(RecordPractice command, PracticeDirectory practices, ItemDirectory items, GroupDirectory groups) {
        DomainRules.requireText("name", command.name(), MAX_NAME);
        DomainRules.requireText("summary", command.summary(), MAX_SUMMARY);
        if (command.themeId() == null || command.themeId().isBlank()) {
            throw new InvalidInputException("themeId", "Choose a theme");
        }
        if (command.originatingOrganisationId() == null
                || command.originatingOrganisationId().isBlank()) {
            throw new InvalidInputException("originatingOrganisationId", "Choose the organisation it comes from");
        }
        LocalDate today = LocalDate.ofInstant(command.at(), London.ZONE);
        LocalDate firstTriedOn = command.firstTriedOn() == null ? today : command.firstTriedOn();
        if (firstTriedOn.isAfter(today)) {
            throw new InvalidInputException("firstTriedOn", "The date it was first tried must be today or in the past");
        }
        if (command.fromProposalId() != null) {
            ItemDirectory.Entry proposal = items.findItem(command.fromProposalId())
                    .filter(item -> item.type() == ItemType.PROPOSAL)
                    .orElseThrow(() -> new InvalidInputException("fromProposalId", "Choose a proposal"));
            if (!practices.takenForward(proposal.itemId())) {
                throw new RuleBrokenException("Only a proposal decided \"taken forward\" can become a practice");
            }
            if (!command.practiceId().equals(RecordPractice.idFromProposal(proposal.itemId()))) {
                throw new RuleBrokenException("A practice from a proposal has the id its proposal gives it");
            }
            if (!proposal.authorId().equals(command.actor().memberId())
                    && !PracticeRules.actsForAnyOrganisation(command.actor())
                    && !GroupRules.facilitates(groups, proposal.groupId(), command.actor())) {
                throw new RuleBrokenException(
                        "Only the person who made the proposal or a facilitator can record it as a practice");
            }
            if (proposal.hidden()) {
                throw new HiddenItemException(ModeratedKind.PROPOSAL, "it cannot become a practice");
            }
        } else if (!PracticeRules.actsForAnyOrganisation(command.actor())) {
            throw new RuleBrokenException("Only a facilitator can record a practice that comes from no proposal");
        }
        apply(new PracticeRecorded(
                command.practiceId(),
                command.name().strip(),
                command.summary().strip(),
                command.themeId(),
                command.originatingOrganisationId(),
                command.fromProposalId(),
                command.actor().memberId(),
                command.at(),
                firstTriedOn));
    }

    /**
     * A revision that changes nothing records nothing (the same form sent twice is one change). One made on a form opened
     * before someone else's revision ({@code basedOn} older than the current name and summary) is refused, so that it
     * does not silently undo theirs.
     */
    @CommandHandler
    void handle(RevisePractice command) {
        DomainRules.requireText("name", command.name(), MAX_NAME);
        DomainRules.requireText("summary", command.summary(), MAX_SUMMARY);
        if (!mayRevise(command.actor(), recordedBy)) {
            throw new RuleBrokenException("Only the person who recorded this practice or a facilitator can revise it");
        }
        String newName = command.name().strip();
        String newSummary = command.summary().strip();
        if (newName.equals(name) && newSummary.equals(summary)) {
            return;
        }
        if (command.basedOn() != null && command.basedOn() < describedIn) {
            throw new RuleBrokenException("Someone else changed this practice after you opened it. Check their change,"
                    + " then make yours again");
        }
        apply(new PracticeRevised(
                practiceId, newName, newSummary, command.actor().memberId(), command.at()));
    }

    @CommandHandler
    void handle(LinkEvidenceToPractice command, ItemDirectory items) {
        if (!mayLinkEvidence(command.actor(), recordedBy, originatingOrganisationId)) {
            throw new RuleBrokenException(
                    "Only the organisation it comes from or a facilitator can link evidence to" + " this practice");
        }
        ItemDirectory.Entry found = items.findItem(command.evidenceId())
                .filter(item -> item.type() == ItemType.EVIDENCE)
                .orElseThrow(() -> new InvalidInputException("evidenceId", "Choose a piece of evidence"));
        if (found.hidden()) {
            throw new HiddenItemException(ModeratedKind.EVIDENCE, "it cannot be linked to a practice");
        }
        if (evidence.contains(found.itemId())) {
            return;
        }
        apply(new EvidenceLinkedToPractice(
                practiceId, found.itemId(), command.actor().memberId(), command.at()));
    }

    /** An offer replaces the member's earlier one; the same offer again records nothing. */
    @CommandHandler
    void handle(OfferHelp command, PracticeDirectory practices) {
        if (command.kinds() == null || command.kinds().isEmpty()) {
            throw new InvalidInputException("kinds", "Choose the help you can offer");
        }
        String organisationId = command.actor().organisationId();
        boolean tried = organisationId.equals(originatingOrganisationId)
                || practices
                        .adoptionStage(practiceId, organisationId)
                        .filter(TRIED::contains)
                        .isPresent();
        if (!tried) {
            throw new RuleBrokenException(
                    "Only people from an organisation that has piloted, adopted or adapted this practice can offer help");
        }
        Set<HelpKind> kinds = EnumSet.copyOf(command.kinds());
        if (kinds.equals(helpers.get(command.actor().memberId()))) {
            return;
        }
        apply(new HelpOffered(practiceId, command.actor().memberId(), organisationId, kinds, command.at()));
    }

    @CommandHandler
    void handle(WithdrawHelp command) {
        if (helpers.containsKey(command.actor().memberId())) {
            apply(new HelpWithdrawn(practiceId, command.actor().memberId(), command.at()));
        }
    }

    @EventSourcingHandler
    void on(PracticeRecorded event, @SequenceNumber long sequence) {
        practiceId = event.practiceId();
        recordedBy = event.recordedBy();
        originatingOrganisationId = event.originatingOrganisationId();
        name = event.name();
        summary = event.summary();
        describedIn = sequence;
    }

    @EventSourcingHandler
    void on(PracticeRevised event, @SequenceNumber long sequence) {
        name = event.name();
        summary = event.summary();
        describedIn = sequence;
    }

    @EventSourcingHandler
    void on(EvidenceLinkedToPractice event) {
        evidence.add(event.evidenceId());
    }

    @EventSourcingHandler
    void on(HelpOffered event) {
        helpers.put(event.memberId(), EnumSet.copyOf(event.kinds()));
    }

    @EventSourcingHandler
    void on(HelpWithdrawn event) {
        helpers.remove(event.memberId());
    }
}
