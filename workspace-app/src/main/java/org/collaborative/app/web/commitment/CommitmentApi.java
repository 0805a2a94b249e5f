package org.collaborative.app.web.commitment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.commitment.AgreeAction;
import org.collaborative.app.commitment.CommitmentViews;
import org.collaborative.app.commitment.MakePledge;
import org.collaborative.app.commitment.RecordProgress;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.infrastructure.web.Forms;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.member.Accounts;
import org.collaborative.events.retreat.CommitmentProgress;
import org.collaborative.views.commitment.CommitmentView;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A retreat's actions and pledges as JSON, and what people do with them: facilitators agree actions, participants
 * make pledges, owners record progress. A broken rule is a problem detail with the sentence the page shows.
 */
@RestController
@Tag(name = "Retreat outputs")
class CommitmentApi {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    /** {@code id} may be chosen by the client (a UUID), so that a retried request records the action once. */
    record NewAction(
            @Pattern(regexp = UUID_PATTERN, message = "id must be a UUID")
            String id,

            String sessionId,
            String fromCardId,
            String fromClusterId,
            @NotBlank(message = "Enter the action") String title,

            @NotBlank(message = "Choose who owns the action")
            String ownerId,

            @NotNull(message = "Enter the due date") LocalDate dueOn,

            @NotBlank(message = "Choose the working group it feeds")
            String groupId,

            String proposalId) {}

    record NewPledge(
            @Pattern(regexp = UUID_PATTERN, message = "id must be a UUID")
            String id,

            String sessionId,
            String fromCardId,
            String fromClusterId,
            @NotBlank(message = "Enter your pledge") String text,

            @NotNull(message = "Enter the date you pledge to do it by")
            LocalDate byDate,

            @NotBlank(message = "Choose the working group it feeds")
            String groupId,

            String proposalId) {}

    record Progress(
            @NotNull(message = "Choose how it is going") CommitmentProgress progress, String reason) {}

    record Outputs(List<CommitmentView> actions, List<CommitmentView> pledges) {}

    record Recorded(String id) {}

    private final CommitmentViews commitments;
    private final CommitmentAccess access;
    private final Accounts accounts;
    private final Commands commands;
    private final Clock clock;

    CommitmentApi(
            CommitmentViews commitments, CommitmentAccess access, Accounts accounts, Commands commands, Clock clock) {
        this.commitments = commitments;
        this.access = access;
        this.accounts = accounts;
        this.commands = commands;
        this.clock = clock;
    }

    @GetMapping("/api/retreats/{retreatId}/commitments")
    @Operation(summary = "A retreat's actions and pledges, soonest due first, with progress and check-ins")
    Outputs ofRetreat(@PathVariable String retreatId, @AuthenticationPrincipal WorkspaceUser user) {
        access.requireVisible(retreatId, user);
        List<CommitmentView> all = commitments.ofRetreat(retreatId);
        return new Outputs(
                all.stream().filter(CommitmentView::isAction).toList(),
                all.stream().filter(c -> !c.isAction()).toList());
    }

    @GetMapping("/api/commitments")
    @Operation(summary = "The actions you own and the pledges you made, soonest due first")
    List<CommitmentView> mine(@AuthenticationPrincipal WorkspaceUser user) {
        return commitments.ofOwner(user.memberId());
    }

    @GetMapping("/api/commitments/{commitmentId}")
    @Operation(summary = "One action or pledge, with its progress and check-ins")
    CommitmentView one(@PathVariable String commitmentId, @AuthenticationPrincipal WorkspaceUser user) {
        CommitmentView commitment =
                commitments.find(commitmentId).orElseThrow(() -> new NotFoundException("commitment"));
        access.requireVisible(commitment.retreatId(), user);
        return commitment;
    }

    @PostMapping("/api/retreats/{retreatId}/actions")
    @Operation(summary = "Agree an action (facilitators of the retreat): an owner, a due date not in the past, a group")
    ResponseEntity<Recorded> agree(
            @PathVariable String retreatId,
            @Valid @RequestBody NewAction action,
            @AuthenticationPrincipal WorkspaceUser user) {
        access.requireVisible(retreatId, user);
        Accounts.Account owner = accounts.find(action.ownerId())
                .orElseThrow(() -> new InvalidInputException("ownerId", "Choose who owns the action"));
        String id = action.id() == null ? Forms.newId() : action.id();
        commands.sendOnce(new AgreeAction(
                id,
                retreatId,
                action.sessionId(),
                action.fromCardId(),
                action.fromClusterId(),
                action.title(),
                owner.memberId(),
                owner.organisationId(),
                action.dueOn(),
                action.groupId(),
                action.proposalId(),
                actor(user),
                clock.instant()));
        return created(id);
    }

    @PostMapping("/api/retreats/{retreatId}/pledges")
    @Operation(summary = "Make a pledge for your organisation (people with a place at the retreat)")
    ResponseEntity<Recorded> pledge(
            @PathVariable String retreatId,
            @Valid @RequestBody NewPledge pledge,
            @AuthenticationPrincipal WorkspaceUser user) {
        access.requireVisible(retreatId, user);
        String id = pledge.id() == null ? Forms.newId() : pledge.id();
        commands.sendOnce(new MakePledge(
                id,
                retreatId,
                pledge.sessionId(),
                pledge.fromCardId(),
                pledge.fromClusterId(),
                pledge.text(),
                pledge.byDate(),
                pledge.groupId(),
                pledge.proposalId(),
                actor(user),
                clock.instant()));
        return created(id);
    }

    @PostMapping("/api/commitments/{commitmentId}/progress")
    @Operation(
            summary = "Record progress: done, on track, at risk, or dropped with a reason (the owner or a facilitator)")
    Recorded progress(
            @PathVariable String commitmentId,
            @Valid @RequestBody Progress progress,
            @AuthenticationPrincipal WorkspaceUser user) {
        CommitmentView commitment =
                commitments.find(commitmentId).orElseThrow(() -> new NotFoundException("commitment"));
        if (!access.mayRecordProgress(commitment, user)) {
            throw new NotFoundException("commitment");
        }
        commands.send(
                new RecordProgress(commitmentId, progress.progress(), progress.reason(), actor(user), clock.instant()));
        return new Recorded(commitmentId);
    }

    private static ResponseEntity<Recorded> created(String id) {
        return ResponseEntity.created(URI.create("/api/commitments/" + id)).body(new Recorded(id));
    }

    private static Actor actor(WorkspaceUser user) {
        return new Actor(user.memberId(), user.organisationId(), user.role());
    }
}
