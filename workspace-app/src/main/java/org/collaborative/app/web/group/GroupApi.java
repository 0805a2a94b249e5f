package org.collaborative.app.web.group;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.evidence.Evidence;
import org.collaborative.app.evidence.SubmitEvidence;
import org.collaborative.app.group.AppointFacilitator;
import org.collaborative.app.group.ApproveJoinRequest;
import org.collaborative.app.group.ArchiveWorkingGroup;
import org.collaborative.app.group.DeclineJoinRequest;
import org.collaborative.app.group.GroupPages;
import org.collaborative.app.group.GroupViews;
import org.collaborative.app.group.InviteToGroup;
import org.collaborative.app.group.JoinWorkingGroup;
import org.collaborative.app.group.LeaveWorkingGroup;
import org.collaborative.app.group.RenameWorkingGroup;
import org.collaborative.app.group.ReopenWorkingGroup;
import org.collaborative.app.group.WorkingGroup;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.moderation.ModerationViews;
import org.collaborative.app.proposal.DraftProposal;
import org.collaborative.app.proposal.Proposal;
import org.collaborative.app.question.PostQuestion;
import org.collaborative.app.question.Question;
import org.collaborative.events.evidence.EvidenceKind;
import org.collaborative.events.group.GroupVisibility;
import org.collaborative.events.proposal.ProposalForm;
import org.collaborative.views.group.GroupPage;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Working groups as JSON: the groups this person may see, one group with its members and questions, joining and
 * asking. Broken rules, conflicts and invalid input come back as problem details (see ApiProblems): a conflict with
 * another change to the same group at the same moment is 409.
 */
@RestController
@RequestMapping("/api/groups")
@Tag(name = "Working groups")
class GroupApi {

    /** A question to ask; {@code questionId} may be chosen by the client so that a retried request asks it once. */
    record NewQuestion(
            @Pattern(regexp = UUID_PATTERN, message = "questionId must be a UUID")
            String questionId,

            @NotBlank(message = "Enter your question")
            @Size(max = Question.MAX_TITLE, message = "Your question must be 150 characters or fewer")
            String title,

            @Size(max = Question.MAX_BODY, message = "The details must be 10,000 characters or fewer")
            String body) {}

    /** {@code status} is {@code joined}, or {@code asked} when a facilitator must approve first. */
    record Joined(String groupId, String memberId, String status) {}

    record Decline(
            @NotBlank(message = "Enter a reason")
            @Size(max = 1_000, message = "The reason must be 1000 characters or fewer")
            String reason) {}

    record Invite(
            @NotBlank(message = "Enter the email address of the person to invite")
            String email) {}

    record Appoint(@NotBlank(message = "Choose a member") String memberId) {}

    record Done(String groupId, String memberId) {}

    /** A group's new name and purpose: the same limits as forming one. */
    record Rename(
            @NotBlank(message = "Enter the name of the group")
            @Size(max = WorkingGroup.MAX_NAME, message = "The name must be 120 characters or fewer")
            String name,

            @Size(max = WorkingGroup.MAX_PURPOSE, message = "What the group is for must be 2,000 characters or fewer")
            String purpose) {}

    record Archive(
            @NotBlank(message = "Enter why the group is archived")
            @Size(max = WorkingGroup.MAX_REASON, message = "The reason must be 1,000 characters or fewer")
            String reason) {}

    record GroupRenamed(String groupId, String name) {}

    record GroupArchival(String groupId, boolean archived) {}

    record Asked(String groupId, String questionId) {}

    /** Evidence to submit; {@code evidenceId} may be chosen by the client so that a retried request submits it once. */
    record NewEvidence(
            @Pattern(regexp = UUID_PATTERN, message = "evidenceId must be a UUID")
            String evidenceId,

            @NotBlank(message = "Enter a title")
            @Size(max = Evidence.MAX_TITLE, message = "The title must be 150 characters or fewer")
            String title,

            @Size(max = Evidence.MAX_SUMMARY, message = "The summary must be 10,000 characters or fewer")
            String summary,

            @NotBlank(message = "Enter the source")
            @Size(max = Evidence.MAX_SOURCE, message = "The source must be 1,000 characters or fewer")
            String source,

            @jakarta.validation.constraints.NotNull(message = "Choose what kind of evidence it is")
            EvidenceKind kind,

            @jakarta.validation.constraints.NotNull(message = "Choose its level on Nesta's standards of evidence")
            @jakarta.validation.constraints.Min(value = 1, message = "The level must be from 1 to 5")
            @jakarta.validation.constraints.Max(value = 5, message = "The level must be from 1 to 5")
            Integer level) {}

    record Submitted(String groupId, String evidenceId) {}

    /** A proposal to draft; {@code proposalId} may be chosen by the client so that a retry drafts it once. */
    record NewProposal(
            @Pattern(regexp = UUID_PATTERN, message = "proposalId must be a UUID")
            String proposalId,

            @NotBlank(message = "Enter a title")
            @Size(max = Proposal.MAX_TITLE, message = "The title must be 150 characters or fewer")
            String title,

            @Size(max = Proposal.MAX_SUMMARY, message = "The summary must be 10,000 characters or fewer")
            String summary,

            @jakarta.validation.constraints.NotNull(message = "Choose what form the proposal takes")
            ProposalForm form) {}

    record Drafted(String groupId, String proposalId) {}

    static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final GroupViews groups;
    private final GroupPages pages;
    private final Commands commands;
    private final Clock clock;
    private final Accounts accounts;

    private final ModerationViews moderation;

    GroupApi(
            GroupViews groups,
            GroupPages pages,
            Commands commands,
            Clock clock,
            Accounts accounts,
            ModerationViews moderation) {
        this.moderation = moderation;
        this.accounts = accounts;
        this.groups = groups;
        this.pages = pages;
        this.commands = commands;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "The working groups on a theme that you may see")
    List<GroupPage> onTheme(@RequestParam String theme, @AuthenticationPrincipal WorkspaceUser user) {
        List<GroupPage> visible = groups.onTheme(theme).stream()
                .filter(group -> GroupPages.mayView(group, user))
                .toList();
        Set<String> hidden =
                moderation.hiddenIn(visible.stream().map(GroupPage::id).toList());
        return visible.stream().map(group -> group.withoutQuestions(hidden)).toList();
    }

    @GetMapping("/{groupId}")
    @Operation(summary = "One working group with its members and questions")
    GroupPage one(@PathVariable String groupId, @AuthenticationPrincipal WorkspaceUser user) {
        // Questions a facilitator has hidden are left out for everyone; moderators find them at /api/items/{id}.
        return pages.visibleGroup(groupId, user).withoutQuestions(moderation.hiddenIn(List.of(groupId)));
    }

    @PostMapping("/{groupId}/members")
    @Operation(
            summary = "Join a group: at once when open or invited (201); a request for approval in a council-only "
                    + "group (202)")
    ResponseEntity<Joined> join(@PathVariable String groupId, @AuthenticationPrincipal WorkspaceUser user) {
        GroupPage group = pages.visibleGroup(groupId, user);
        boolean asks = !group.hasMember(user.memberId())
                && !group.hasInvited(user.memberId())
                && GroupVisibility.valueOf(group.visibility()) == GroupVisibility.COUNCIL_ONLY;
        commands.send(
                new JoinWorkingGroup(groupId, user.memberId(), user.organisationId(), user.role(), clock.instant()));
        return ResponseEntity.status(asks ? HttpStatus.ACCEPTED : HttpStatus.CREATED)
                .location(URI.create("/api/groups/" + groupId))
                .body(new Joined(groupId, user.memberId(), asks ? "asked" : "joined"));
    }

    @PostMapping("/{groupId}/requests/{memberId}/approval")
    @Operation(summary = "Approve a request to join (the group's facilitators)")
    Done approve(
            @PathVariable String groupId, @PathVariable String memberId, @AuthenticationPrincipal WorkspaceUser user) {
        pages.visibleGroup(groupId, user);
        commands.send(new ApproveJoinRequest(groupId, memberId, user.memberId(), clock.instant()));
        return new Done(groupId, memberId);
    }

    @PostMapping("/{groupId}/requests/{memberId}/decline")
    @Operation(summary = "Decline a request to join, with a reason (the group's facilitators)")
    Done decline(
            @PathVariable String groupId,
            @PathVariable String memberId,
            @Valid @RequestBody Decline decline,
            @AuthenticationPrincipal WorkspaceUser user) {
        pages.visibleGroup(groupId, user);
        commands.send(new DeclineJoinRequest(groupId, memberId, user.memberId(), decline.reason(), clock.instant()));
        return new Done(groupId, memberId);
    }

    @PostMapping("/{groupId}/invitations")
    @Operation(summary = "Invite a member by email (the group's facilitators); they may then join at once")
    ResponseEntity<Done> invite(
            @PathVariable String groupId,
            @Valid @RequestBody Invite invite,
            @AuthenticationPrincipal WorkspaceUser user) {
        pages.visibleGroup(groupId, user);
        var person = accounts.findByEmail(invite.email())
                .orElseThrow(() -> new InvalidInputException("email", "There is no member with that email address"));
        commands.send(new InviteToGroup(
                groupId, person.memberId(), person.organisationId(), person.role(), user.memberId(), clock.instant()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new Done(groupId, person.memberId()));
    }

    @PostMapping("/{groupId}/facilitators")
    @Operation(
            summary = "Make a member of the group one of its facilitators (the group's facilitators); an "
                    + "administrator may appoint anyone, who then joins the group")
    Done appoint(
            @PathVariable String groupId,
            @Valid @RequestBody Appoint appoint,
            @AuthenticationPrincipal WorkspaceUser user) {
        pages.visibleGroup(groupId, user);
        var person = accounts.find(appoint.memberId())
                .orElseThrow(() -> new InvalidInputException("memberId", "There is no member with that id"));
        commands.send(new AppointFacilitator(
                groupId, person.memberId(), person.organisationId(), actor(user), clock.instant()));
        return new Done(groupId, appoint.memberId());
    }

    @PutMapping("/{groupId}")
    @Operation(summary = "Rename a group: its name and purpose (the group's facilitators and administrators)")
    GroupRenamed rename(
            @PathVariable String groupId,
            @Valid @RequestBody Rename rename,
            @AuthenticationPrincipal WorkspaceUser user) {
        pages.visibleGroup(groupId, user);
        commands.send(new RenameWorkingGroup(groupId, rename.name(), rename.purpose(), actor(user), clock.instant()));
        return new GroupRenamed(groupId, rename.name().strip());
    }

    @PostMapping("/{groupId}/archive")
    @Operation(
            summary = "Archive a group with a reason (the group's facilitators and administrators): it becomes "
                    + "read-only until an administrator reopens it")
    GroupArchival archive(
            @PathVariable String groupId,
            @Valid @RequestBody Archive archive,
            @AuthenticationPrincipal WorkspaceUser user) {
        pages.visibleGroup(groupId, user);
        commands.send(new ArchiveWorkingGroup(groupId, archive.reason(), actor(user), clock.instant()));
        return new GroupArchival(groupId, true);
    }

    @PostMapping("/{groupId}/reopen")
    @Operation(summary = "Reopen an archived group (administrators)")
    GroupArchival reopen(@PathVariable String groupId, @AuthenticationPrincipal WorkspaceUser user) {
        pages.visibleGroup(groupId, user);
        commands.send(new ReopenWorkingGroup(groupId, actor(user), clock.instant()));
        return new GroupArchival(groupId, false);
    }

    @PostMapping("/{groupId}/leave")
    @Operation(summary = "Leave a group")
    Done leave(@PathVariable String groupId, @AuthenticationPrincipal WorkspaceUser user) {
        pages.visibleGroup(groupId, user);
        commands.send(new LeaveWorkingGroup(groupId, user.memberId(), clock.instant()));
        return new Done(groupId, user.memberId());
    }

    @PostMapping("/{groupId}/questions")
    @Operation(summary = "Ask the group a question (members only)")
    ResponseEntity<Asked> ask(
            @PathVariable String groupId,
            @Valid @RequestBody NewQuestion question,
            @AuthenticationPrincipal WorkspaceUser user) {
        pages.visibleGroup(groupId, user);
        String questionId = question.questionId() == null ? UUID.randomUUID().toString() : question.questionId();
        // The same request arriving twice asks the question once.
        commands.sendOnce(new PostQuestion(
                questionId,
                groupId,
                question.title(),
                question.body(),
                user.memberId(),
                user.organisationId(),
                clock.instant()));
        return ResponseEntity.created(URI.create("/api/groups/" + groupId)).body(new Asked(groupId, questionId));
    }

    @PostMapping("/{groupId}/evidence")
    @Operation(summary = "Submit evidence to the group (members only), with its source and level on Nesta's standards")
    ResponseEntity<Submitted> submitEvidence(
            @PathVariable String groupId,
            @Valid @RequestBody NewEvidence evidence,
            @AuthenticationPrincipal WorkspaceUser user) {
        pages.visibleGroup(groupId, user);
        String evidenceId = evidence.evidenceId() == null ? UUID.randomUUID().toString() : evidence.evidenceId();
        // The same request arriving twice submits it once.
        commands.sendOnce(new SubmitEvidence(
                evidenceId,
                groupId,
                evidence.title(),
                evidence.summary(),
                evidence.source(),
                evidence.kind(),
                evidence.level(),
                actor(user),
                clock.instant()));
        return ResponseEntity.created(URI.create("/api/items/" + evidenceId)).body(new Submitted(groupId, evidenceId));
    }

    @PostMapping("/{groupId}/proposals")
    @Operation(summary = "Draft a proposal in the group (members only); its author then opens it for challenge")
    ResponseEntity<Drafted> draftProposal(
            @PathVariable String groupId,
            @Valid @RequestBody NewProposal proposal,
            @AuthenticationPrincipal WorkspaceUser user) {
        pages.visibleGroup(groupId, user);
        String proposalId = proposal.proposalId() == null ? UUID.randomUUID().toString() : proposal.proposalId();
        commands.sendOnce(new DraftProposal(
                proposalId,
                groupId,
                proposal.title(),
                proposal.summary(),
                proposal.form(),
                actor(user),
                clock.instant()));
        return ResponseEntity.created(URI.create("/api/items/" + proposalId)).body(new Drafted(groupId, proposalId));
    }

    private static Actor actor(WorkspaceUser user) {
        return new Actor(user.memberId(), user.organisationId(), user.role());
    }
}
