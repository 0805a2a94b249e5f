package org.collaborative.app.practice;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.collaborative.app.kernel.DomainRules;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.kernel.London;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.events.practice.AdoptionSetback;
import org.collaborative.events.practice.AdoptionStage;
import org.collaborative.events.practice.AdoptionStageRecorded;
import org.collaborative.events.practice.OutcomeKind;
import org.collaborative.events.practice.OutcomeReported;
import org.collaborative.events.practice.OutcomeVerified;

/**
 * One organisation's adoption of one practice: the ledger of its moves along aware, exploring, piloting, adopted,
 * embedded (or adapted, declined, abandoned), each dated when it happened, and the outcomes it reports. Its id is
 * derived from the practice and the organisation ({@link RecordAdoptionMove#adoptionIdFor}), and its first move creates it, so there is one
 * record per organisation and practice even when two people record the first move at once: the second append of
 * the stream's first event fails in the event store (ADR 18).
 *
 * <p>Members record moves and outcomes for their own organisation, facilitators for any; a finance officer of the
 * organisation verifies its outcomes. Moves are recorded in the order they happened: each is dated on or after the
 * one before, on or after the day the practice was first tried, and not in the future.
 */
@Aggregate
public class Adoption {

    public static final int MAX_VARIANT = 2_000;
    public static final int MAX_DETAIL = 2_000;
    public static final int MAX_MEASURE = 200;
    public static final int MAX_UNIT = 50;
    public static final int MAX_SOURCE = 2_000;

    @AggregateIdentifier
    private String adoptionId;

    private String practiceId;
    private String organisationId;
    private AdoptionStage stage;
    private String variant;
    private LocalDate lastHappenedOn;
    private final Map<String, LocalDate> outcomes = new HashMap<>();
    private final Set<String> verified = new HashSet<>();

    protected Adoption() {}

    /** Where a stage stands on the path: aware 0 to embedded 4 (adapted as adopted); declined and abandoned are off it. */
    static int rank(AdoptionStage stage) {
        return switch (stage) {
            case AWARE -> 0;
            case EXPLORING -> 1;
            case PILOTING -> 2;
            case ADOPTED, ADAPTED -> 3;
            case EMBEDDED -> 4;
            case DECLINED, ABANDONED -> -1;
        };
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordAdoptionMove command, PracticeDirectory practices) {
        if (command.stage() == null) {
            throw new InvalidInputException("stage", "Choose the stage your organisation has reached");
        }
        if (command.happenedOn() == null) {
            throw new InvalidInputException("happenedOn", "Enter the date it happened");
        }
        PracticeDirectory.PracticeEntry practice = practices
                .findPractice(command.practiceId())
                .orElseThrow(() -> new RuleBrokenException("There is no practice with the id " + command.practiceId()));
        if (!command.adoptionId()
                .equals(RecordAdoptionMove.adoptionIdFor(command.practiceId(), command.organisationId()))) {
            throw new RuleBrokenException("An adoption has the id its practice and organisation give it");
        }
        if (!PracticeRules.actsFor(command.actor(), command.organisationId())) {
            throw new RuleBrokenException(
                    "You can record moves only for your own organisation; a facilitator can record them for any");
        }
        LocalDate today = LocalDate.ofInstant(command.at(), London.ZONE);
        if (command.happenedOn().isAfter(today)) {
            throw new InvalidInputException("happenedOn", "The date it happened must be today or in the past");
        }
        if (command.happenedOn().isBefore(practice.firstTriedOn())) {
            throw new InvalidInputException(
                    "happenedOn",
                    "The date it happened must be on or after " + PracticeRules.date(practice.firstTriedOn())
                            + ", when the practice was first tried");
        }
        if (lastHappenedOn != null && command.happenedOn().isBefore(lastHappenedOn)) {
            throw new InvalidInputException(
                    "happenedOn",
                    "The date it happened must be on or after " + PracticeRules.date(lastHappenedOn)
                            + ", the date of the last move");
        }
        AdoptionStage to = command.stage();
        String newVariant = null;
        if (to == AdoptionStage.ADAPTED) {
            DomainRules.requireText("variant", command.variant(), MAX_VARIANT);
            newVariant = command.variant().strip();
        }
        if (to == stage && (to != AdoptionStage.ADAPTED || newVariant.equals(variant))) {
            throw new RuleBrokenException("Your organisation's adoption is already at this stage");
        }
        if (to == AdoptionStage.DECLINED && stage != null && rank(stage) >= rank(AdoptionStage.ADOPTED)) {
            throw new RuleBrokenException(
                    "An organisation that has adopted a practice abandons it rather than declining it");
        }
        if (to == AdoptionStage.ABANDONED && (stage == null || rank(stage) < rank(AdoptionStage.PILOTING))) {
            throw new RuleBrokenException(
                    "Only a practice that is being piloted or used can be abandoned: choose declined instead");
        }
        boolean movingBack = stage != null && rank(stage) >= 0 && rank(to) >= 0 && rank(to) < rank(stage);
        boolean needsReason = to == AdoptionStage.DECLINED || to == AdoptionStage.ABANDONED || movingBack;
        AdoptionSetback setback = null;
        String detail = null;
        if (needsReason) {
            if (command.setback() == null) {
                throw new InvalidInputException(
                        "setback", movingBack ? "Choose why the adoption moved back" : "Choose the reason");
            }
            setback = command.setback();
            if (setback == AdoptionSetback.OTHER) {
                if (command.setbackDetail() == null || command.setbackDetail().isBlank()) {
                    throw new InvalidInputException("setbackDetail", "Enter the reason");
                }
                DomainRules.optionalText("setbackDetail", command.setbackDetail(), MAX_DETAIL);
                detail = command.setbackDetail().strip();
            }
        }
        adoptionId = command.adoptionId();
        apply(new AdoptionStageRecorded(
                command.adoptionId(),
                command.practiceId(),
                command.organisationId(),
                to,
                command.happenedOn(),
                newVariant,
                setback,
                detail,
                command.actor().memberId(),
                command.at()));
    }

    @CommandHandler
    void handle(ReportOutcome command) {
        if (outcomes.containsKey(command.outcomeId())) {
            return;
        }
        if (!PracticeRules.actsFor(command.actor(), organisationId)) {
            throw new RuleBrokenException(
                    "You can report outcomes only for your own organisation; a facilitator can for any");
        }
        if (command.kind() == null) {
            throw new InvalidInputException("kind", "Choose what kind of outcome it is");
        }
        boolean saving = command.kind() != OutcomeKind.QUALITY_MEASURE;
        if (saving) {
            if (command.amountPence() == null) {
                throw new InvalidInputException("amount", "Enter the amount saved");
            }
            if (command.amountPence() < 0) {
                throw new InvalidInputException("amount", "The amount saved must be £0 or more");
            }
            if (command.recurrence() == null) {
                throw new InvalidInputException("recurrence", "Choose whether the saving recurs every year");
            }
            if (command.periodStart() == null) {
                throw new InvalidInputException("periodStart", "Enter the start of the period of the saving");
            }
            if (command.periodEnd() == null) {
                throw new InvalidInputException("periodEnd", "Enter the end of the period of the saving");
            }
            if (command.periodEnd().isBefore(command.periodStart())) {
                throw new InvalidInputException("periodEnd", "The end of the period must be on or after its start");
            }
        } else {
            DomainRules.requireText("measureName", command.measureName(), MAX_MEASURE);
            DomainRules.requireText("before", command.before(), MAX_MEASURE);
            DomainRules.requireText("after", command.after(), MAX_MEASURE);
            DomainRules.optionalText("unit", command.unit(), MAX_UNIT);
        }
        DomainRules.requireText("source", command.source(), MAX_SOURCE);
        if (command.evidenceLevel() == null || command.evidenceLevel() < 1 || command.evidenceLevel() > 5) {
            throw new InvalidInputException("evidenceLevel", "Choose the standard of evidence, from level 1 to 5");
        }
        if (stage == null || rank(stage) < rank(AdoptionStage.PILOTING) && stage != AdoptionStage.ABANDONED) {
            throw new RuleBrokenException("Report outcomes once your organisation is piloting the practice");
        }
        apply(new OutcomeReported(
                adoptionId,
                command.outcomeId(),
                practiceId,
                organisationId,
                command.kind(),
                saving ? command.amountPence() : null,
                saving ? command.recurrence() : null,
                saving ? command.periodStart() : null,
                saving ? command.periodEnd() : null,
                saving ? null : command.measureName().strip(),
                saving ? null : command.before().strip(),
                saving ? null : command.after().strip(),
                saving || command.unit() == null || command.unit().isBlank()
                        ? null
                        : command.unit().strip(),
                command.source().strip(),
                command.evidenceLevel(),
                command.actor().memberId(),
                command.at()));
    }

    @CommandHandler
    void handle(VerifyOutcome command, PracticeDirectory practices) {
        LocalDate reportedOn = outcomes.get(command.outcomeId());
        if (reportedOn == null) {
            throw new InvalidInputException("outcomeId", "Choose an outcome of this adoption");
        }
        if (!practices.isFinanceOfficer(command.actor().memberId(), organisationId)) {
            throw new RuleBrokenException("Only a finance officer of the organisation can verify its outcomes");
        }
        if (verified.contains(command.outcomeId())) {
            return;
        }
        if (command.verifiedOn() == null) {
            throw new InvalidInputException("verifiedOn", "Enter the date you verified it");
        }
        if (command.verifiedOn().isAfter(LocalDate.ofInstant(command.at(), London.ZONE))) {
            throw new InvalidInputException("verifiedOn", "The date you verified it must be today or in the past");
        }
        if (command.verifiedOn().isBefore(reportedOn)) {
            throw new InvalidInputException(
                    "verifiedOn",
                    "The date you verified it must be on or after " + PracticeRules.date(reportedOn)
                            + ", when it was reported");
        }
        apply(new OutcomeVerified(
                adoptionId,
                command.outcomeId(),
                practiceId,
                organisationId,
                command.actor().memberId(),
                command.verifiedOn(),
                command.at()));
    }

    @EventSourcingHandler
    void on(AdoptionStageRecorded event) {
        adoptionId = event.adoptionId();
        practiceId = event.practiceId();
        organisationId = event.organisationId();
        stage = event.stage();
        variant = event.variant();
        lastHappenedOn = event.happenedOn();
    }

    @EventSourcingHandler
    void on(OutcomeReported event) {
        outcomes.put(event.outcomeId(), LocalDate.ofInstant(event.reportedAt(), London.ZONE));
    }

    @EventSourcingHandler
    void on(OutcomeVerified event) {
        verified.add(event.outcomeId());
    }
}
