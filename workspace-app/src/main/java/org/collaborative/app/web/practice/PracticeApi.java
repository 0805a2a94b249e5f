package org.collaborative.app.web.practice;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.commitment.PledgeFulfilments;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.kernel.London;
import org.collaborative.app.practice.PracticeViews;
import org.collaborative.app.practice.RecordAdoptionMove;
import org.collaborative.app.practice.ReportOutcome;
import org.collaborative.app.practice.VerifyOutcome;
import org.collaborative.events.practice.AdoptionSetback;
import org.collaborative.events.practice.AdoptionStage;
import org.collaborative.events.practice.OutcomeKind;
import org.collaborative.events.practice.SavingRecurrence;
import org.collaborative.views.practice.AdoptionView;
import org.collaborative.views.practice.PracticeView;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Practices, their adoptions and outcomes as JSON, and the moves, outcomes and verifications members record. A broken
 * rule is a 422 problem detail, invalid input a 400 one, with the sentence the page shows. Amounts are in pence;
 * cashable and non-cashable savings are separate outcomes and are never added together.
 */
@RestController
@Tag(name = "Practices")
class PracticeApi {

    /**
     * A move of an organisation's adoption (members: their own organisation; facilitators: any); {@code fulfilsPledgeId}
     * names an open pledge of that organisation, made at a retreat, that the move fulfils (or is absent).
     */
    record Move(
            AdoptionStage stage,
            LocalDate happenedOn,
            String variant,
            AdoptionSetback setback,
            String setbackDetail,
            String fulfilsPledgeId) {}

    /** An outcome; {@code id} may be chosen by the client so that a retried request counts once. */
    record Outcome(
            @Pattern(regexp = UUID_PATTERN, message = "id must be a UUID")
            String id,

            OutcomeKind kind,
            Long amountPence,
            SavingRecurrence recurrence,
            LocalDate periodStart,
            LocalDate periodEnd,
            String measureName,
            String before,
            String after,
            String unit,
            String source,
            Integer evidenceLevel) {}

    /** The day the finance officer verified the outcome (today when absent). */
    record Verification(LocalDate verifiedOn) {}

    record Recorded(String adoptionId, String id) {}

    /** An outcome with the adoption it belongs to. */
    record OutcomeEntry(String adoptionId, String organisationId, AdoptionView.Outcome outcome) {}

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final PracticeViews practices;
    private final PledgeFulfilments pledges;
    private final Commands commands;
    private final Clock clock;

    PracticeApi(PracticeViews practices, PledgeFulfilments pledges, Commands commands, Clock clock) {
        this.practices = practices;
        this.pledges = pledges;
        this.commands = commands;
        this.clock = clock;
    }

    @GetMapping("/api/practices")
    @Operation(summary = "Every practice, by name; on one theme with ?theme=")
    List<PracticeView> all(@RequestParam(required = false) String theme) {
        return practices.all(theme == null || theme.isBlank() ? null : theme);
    }

    @GetMapping("/api/practices/{practiceId}")
    @Operation(summary = "One practice: where it came from, its evidence and offers of help")
    PracticeView one(@PathVariable String practiceId) {
        return practice(practiceId);
    }

    @GetMapping("/api/practices/{practiceId}/adoptions")
    @Operation(summary = "Each organisation's adoption of the practice: current stage and every dated move")
    List<AdoptionView> adoptions(@PathVariable String practiceId) {
        practice(practiceId);
        return practices.adoptionsOf(practiceId);
    }

    @GetMapping("/api/practices/{practiceId}/outcomes")
    @Operation(summary = "The outcomes the adopting organisations reported, claimed or verified (amounts in pence)")
    List<OutcomeEntry> outcomes(@PathVariable String practiceId) {
        practice(practiceId);
        return practices.adoptionsOf(practiceId).stream()
                .flatMap(adoption -> adoption.outcomes().stream()
                        .map(outcome -> new OutcomeEntry(adoption.id(), adoption.organisationId(), outcome)))
                .toList();
    }

    @PostMapping("/api/practices/{practiceId}/adoptions/{organisationId}/moves")
    @Operation(
            summary = "Record a move of an organisation's adoption, dated when it happened (not in the future, not "
                    + "before the practice was first tried); a reason for declining, abandoning or moving back; "
                    + "optionally the open pledge of the organisation it fulfils")
    ResponseEntity<Recorded> move(
            @PathVariable String practiceId,
            @PathVariable String organisationId,
            @Valid @RequestBody Move move,
            @AuthenticationPrincipal WorkspaceUser user) {
        practice(practiceId);
        boolean fulfils =
                move.fulfilsPledgeId() != null && !move.fulfilsPledgeId().isBlank();
        if (fulfils) {
            // Checked before the move is recorded, so that a bad pledge records nothing (a 422 problem naming it).
            pledges.check(move.fulfilsPledgeId(), organisationId, move.stage()).ifPresent(refused -> {
                throw new InvalidInputException("fulfilsPledgeId", refused.message());
            });
        }
        commands.send(new RecordAdoptionMove(
                practiceId,
                organisationId,
                move.stage(),
                move.happenedOn(),
                move.variant(),
                move.setback(),
                move.setbackDetail(),
                PracticeController.actor(user),
                clock.instant()));
        if (fulfils) {
            pledges.fulfil(
                            move.fulfilsPledgeId(),
                            practiceId,
                            organisationId,
                            move.stage(),
                            move.happenedOn(),
                            PracticeController.actor(user),
                            clock.instant())
                    .ifPresent(refused -> {
                        throw new InvalidInputException(
                                "fulfilsPledgeId",
                                "The move was recorded, but not as fulfilling the pledge: " + refused.message());
                    });
        }
        String adoptionId = RecordAdoptionMove.adoptionIdFor(practiceId, organisationId);
        return ResponseEntity.created(URI.create("/api/practices/" + practiceId + "/adoptions"))
                .body(new Recorded(adoptionId, null));
    }

    @PostMapping("/api/practices/{practiceId}/adoptions/{organisationId}/outcomes")
    @Operation(
            summary = "Report an outcome of an adoption: a cashable or non-cashable saving (pence, recurrence, "
                    + "period) or a quality measure (name, before, after, unit), with its source and Nesta level")
    ResponseEntity<Recorded> outcome(
            @PathVariable String practiceId,
            @PathVariable String organisationId,
            @Valid @RequestBody Outcome outcome,
            @AuthenticationPrincipal WorkspaceUser user) {
        practice(practiceId);
        adoption(practiceId, organisationId);
        String id = outcome.id() == null ? UUID.randomUUID().toString() : outcome.id();
        String adoptionId = RecordAdoptionMove.adoptionIdFor(practiceId, organisationId);
        commands.sendOnce(new ReportOutcome(
                adoptionId,
                id,
                outcome.kind(),
                outcome.amountPence(),
                outcome.recurrence(),
                outcome.periodStart(),
                outcome.periodEnd(),
                outcome.measureName(),
                outcome.before(),
                outcome.after(),
                outcome.unit(),
                outcome.source(),
                outcome.evidenceLevel(),
                PracticeController.actor(user),
                clock.instant()));
        return ResponseEntity.created(URI.create("/api/practices/" + practiceId + "/outcomes"))
                .body(new Recorded(adoptionId, id));
    }

    @PostMapping("/api/practices/{practiceId}/adoptions/{organisationId}/outcomes/{outcomeId}/verification")
    @Operation(summary = "Verify a reported outcome (a finance officer of the organisation)")
    Recorded verify(
            @PathVariable String practiceId,
            @PathVariable String organisationId,
            @PathVariable String outcomeId,
            @RequestBody(required = false) Verification verification,
            @AuthenticationPrincipal WorkspaceUser user) {
        practice(practiceId);
        adoption(practiceId, organisationId);
        String adoptionId = RecordAdoptionMove.adoptionIdFor(practiceId, organisationId);
        LocalDate on = verification == null || verification.verifiedOn() == null
                ? LocalDate.ofInstant(clock.instant(), London.ZONE)
                : verification.verifiedOn();
        commands.send(new VerifyOutcome(adoptionId, outcomeId, on, PracticeController.actor(user), clock.instant()));
        return new Recorded(adoptionId, outcomeId);
    }

    private PracticeView practice(String practiceId) {
        return practices.find(practiceId).orElseThrow(() -> new NotFoundException("practice"));
    }

    /** Outcomes belong to an adoption that exists: its first move created it. */
    private AdoptionView adoption(String practiceId, String organisationId) {
        return practices.adoption(practiceId, organisationId).orElseThrow(() -> new NotFoundException("adoption"));
    }
}
