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
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.collaborative.app.group.GroupPages;
import org.collaborative.app.group.GroupViews;
import org.collaborative.app.group.GroupViews.GroupPage;
import org.collaborative.app.group.JoinWorkingGroup;
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

    record Joined(String groupId, String memberId) {}

    record Asked(String groupId, String questionId) {}

    private final GroupViews groups;
    private final GroupPages pages;
    private final CommandGateway commands;
    private final Clock clock;

    GroupApi(GroupViews groups, GroupPages pages, CommandGateway commands, Clock clock) {
        this.groups = groups;
        this.pages = pages;
        this.commands = commands;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "The working groups on a theme that you may see")
    List<GroupPage> onTheme(@RequestParam String theme, @AuthenticationPrincipal WorkspaceUser user) {
        return groups.onTheme(theme).stream().filter(group -> GroupPages.mayView(group, user)).toList();
    }

    @GetMapping("/{groupId}")
    @Operation(summary = "One working group with its members and questions")
    GroupPage one(@PathVariable String groupId, @AuthenticationPrincipal WorkspaceUser user) {
        return pages.visibleGroup(groupId, user);
    }

    @PostMapping("/{groupId}/members")
    @Operation(summary = "Join a group (open groups; council-only ones for council staff)")
    ResponseEntity<Joined> join(@PathVariable String groupId, @AuthenticationPrincipal WorkspaceUser user) {
        pages.visibleGroup(groupId, user);
        commands.sendAndWait(new JoinWorkingGroup(
                groupId, user.memberId(), user.organisationId(), user.role(), clock.instant()));
        return ResponseEntity.created(URI.create("/api/groups/" + groupId))
                .body(new Joined(groupId, user.memberId()));
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
