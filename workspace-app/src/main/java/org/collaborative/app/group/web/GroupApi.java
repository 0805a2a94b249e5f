package org.collaborative.app.group.web;

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
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.collaborative.app.group.GroupPages;
import org.collaborative.app.group.GroupViews;
import org.collaborative.app.InvalidInputException;
import org.collaborative.app.group.AppointFacilitator;
import org.collaborative.app.group.ApproveJoinRequest;
import org.collaborative.app.group.DeclineJoinRequest;
import org.collaborative.app.group.InviteToGroup;
import org.collaborative.app.group.JoinWorkingGroup;
import org.collaborative.app.group.LeaveWorkingGroup;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.moderation.ModerationViews;
import org.collaborative.events.group.GroupVisibility;
import org.collaborative.views.group.GroupPage;
import org.springframework.http.HttpStatus;
import org.collaborative.app.infrastructure.security.WorkspaceUser;
import org.collaborative.app.question.PostQuestion;
import org.collaborative.app.question.Question;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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
            @Pattern(regexp = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
                            message = "questionId must be a UUID")
                    String questionId,
            @NotBlank(message = "Enter your question")
                    @Size(max = Question.MAX_TITLE, message = "Your question must be 150 characters or fewer")
                    String title,
            @Size(max = Question.MAX_BODY, message = "The details must be 10,000 characters or fewer") String body) {}

    /** {@code status} is {@code joined}, or {@code asked} when a facilitator must approve first. */
    record Joined(String groupId, String memberId, String status) {}

    record Decline(@NotBlank(message = "Enter a reason") @Size(max = 1_000, message = "The reason must be 1000 characters or fewer") String reason) {}

    record Invite(@NotBlank(message = "Enter the email address of the person to invite") String email) {}

    record Appoint(@NotBlank(message = "Choose a member") String memberId) {}

    record Done(String groupId, String memberId) {}

    record Asked(String groupId, String questionId) {}

    private final GroupViews groups;
    private final GroupPages pages;
    private final CommandGateway commands;
    private final Clock clock;
    private final Accounts accounts;

    private final ModerationViews moderation;

    GroupApi(GroupViews groups, GroupPages pages, CommandGateway commands, Clock clock, Accounts accounts,
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
        List<GroupPage> visible =
                groups.onTheme(theme).stream().filter(group -> GroupPages.mayView(group, user)).toList();
        Set<String> hidden = moderation.hiddenIn(visible.stream().map(GroupPage::id).toList());
        return visible.stream().map(group -> group.withoutQuestions(hidden)).toList();
    }

    @GetMapping("/{groupId}")
    @Operation(summary = "One working group with its members and questions")
    GroupPage one(@PathVariable String groupId, @AuthenticationPrincipal WorkspaceUser user) {
        // Questions a facilitator has hidden are left out for everyone; moderators find them at /api/items/{id}.
        return pages.visibleGroup(groupId, user).withoutQuestions(moderation.hiddenIn(List.of(groupId)));
    }

    @PostMapping("/{groupId}/members")
    @Operation(summary = "Join a group: at once when open or invited (201); a request for approval in a council-only "
            + "group (202)")
    ResponseEntity<Joined> join(@PathVariable String groupId, @AuthenticationPrincipal WorkspaceUser user) {
        GroupPage group = pages.visibleGroup(groupId, user);
        boolean asks = !group.hasMember(user.memberId()) && !group.hasInvited(user.memberId())
                && GroupVisibility.valueOf(group.visibility()) == GroupVisibility.COUNCIL_ONLY;
        commands.sendAndWait(new JoinWorkingGroup(
                groupId, user.memberId(), user.organisationId(), user.role(), clock.instant()));
        return ResponseEntity.status(asks ? HttpStatus.ACCEPTED : HttpStatus.CREATED)
                .location(URI.create("/api/groups/" + groupId))
                .body(new Joined(groupId, user.memberId(), asks ? "asked" : "joined"));
    }

    @PostMapping("/{groupId}/requests/{memberId}/approval")
    @Operation(summary = "Approve a request to join (the group's facilitators)")
    Done approve(@PathVariable String groupId, @PathVariable String memberId,
            @AuthenticationPrincipal WorkspaceUser user) {
        pages.visibleGroup(groupId, user);
        commands.sendAndWait(new ApproveJoinRequest(groupId, memberId, user.memberId(), clock.instant()));
        return new Done(groupId, memberId);
    }

    @PostMapping("/{groupId}/requests/{memberId}/decline")
    @Operation(summary = "Decline a request to join, with a reason (the group's facilitators)")
    Done decline(@PathVariable String groupId, @PathVariable String memberId, @Valid @RequestBody Decline decline,
            @AuthenticationPrincipal WorkspaceUser user) {
        pages.visibleGroup(groupId, user);
        commands.sendAndWait(new DeclineJoinRequest(groupId, memberId, user.memberId(), decline.reason(),
                clock.instant()));
        return new Done(groupId, memberId);
    }

    @PostMapping("/{groupId}/invitations")
    @Operation(summary = "Invite a member by email (the group's facilitators); they may then join at once")
    ResponseEntity<Done> invite(@PathVariable String groupId, @Valid @RequestBody Invite invite,
            @AuthenticationPrincipal WorkspaceUser user) {
        pages.visibleGroup(groupId, user);
        var person = accounts.findByEmail(invite.email())
                .orElseThrow(() -> new InvalidInputException("email", "There is no member with that email address"));
        commands.sendAndWait(new InviteToGroup(groupId, person.memberId(), person.organisationId(), person.role(),
                user.memberId(), clock.instant()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new Done(groupId, person.memberId()));
    }

    @PostMapping("/{groupId}/facilitators")
    @Operation(summary = "Make a member of the group one of its facilitators (the group's facilitators)")
    Done appoint(@PathVariable String groupId, @Valid @RequestBody Appoint appoint,
            @AuthenticationPrincipal WorkspaceUser user) {
        pages.visibleGroup(groupId, user);
        commands.sendAndWait(new AppointFacilitator(groupId, appoint.memberId(), user.memberId(), clock.instant()));
        return new Done(groupId, appoint.memberId());
    }

    @PostMapping("/{groupId}/leave")
    @Operation(summary = "Leave a group")
    Done leave(@PathVariable String groupId, @AuthenticationPrincipal WorkspaceUser user) {
        pages.visibleGroup(groupId, user);
        commands.sendAndWait(new LeaveWorkingGroup(groupId, user.memberId(), clock.instant()));
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
        try {
            commands.sendAndWait(new PostQuestion(questionId, groupId, question.title(), question.body(),
                    user.memberId(), user.organisationId(), clock.instant()));
        } catch (AggregateStreamCreationException alreadyAsked) {
            // The same request arrived twice: the question was asked the first time.
        }
        return ResponseEntity.created(URI.create("/api/groups/" + groupId))
                .body(new Asked(groupId, questionId));
    }
}
