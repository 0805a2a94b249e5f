package org.collaborative.app.web.group;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.group.AppointFacilitator;
import org.collaborative.app.group.ApproveJoinRequest;
import org.collaborative.app.group.DeclineInvitation;
import org.collaborative.app.group.DeclineJoinRequest;
import org.collaborative.app.group.GroupPages;
import org.collaborative.app.group.GroupViews;
import org.collaborative.app.group.InviteToGroup;
import org.collaborative.app.group.JoinWorkingGroup;
import org.collaborative.app.group.LeaveWorkingGroup;
import org.collaborative.app.group.MembershipForms.DeclineForm;
import org.collaborative.app.group.MembershipForms.InviteForm;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.infrastructure.web.ErrorSummary;
import org.collaborative.app.infrastructure.web.Forms;
import org.collaborative.app.infrastructure.web.Refusal;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.live.LiveUpdates;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.question.QuestionForm;
import org.collaborative.events.group.GroupVisibility;
import org.collaborative.views.group.GroupPage;
import org.springframework.http.MediaType;
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
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A working group's page. One template serves the whole page and its {@code questions} fragment; the page listens to
 * {@code /live} and fetches the fragment again when the group's view changes.
 */
@Controller
@RequestMapping("/groups/{groupId}")
class GroupController {

    /** How long a page waits for the view to show a change its reader has just made, before showing it anyway. */
    static final Duration READ_YOUR_WRITE_WAIT = Duration.ofSeconds(3);

    private final GroupViews groups;
    private final GroupPages pages;
    private final LiveUpdates live;
    private final Commands commands;
    private final Clock clock;
    private final Accounts accounts;

    GroupController(
            GroupViews groups, GroupPages pages, LiveUpdates live, Commands commands, Clock clock, Accounts accounts) {
        this.accounts = accounts;
        this.groups = groups;
        this.pages = pages;
        this.live = live;
        this.commands = commands;
        this.clock = clock;
    }

    /**
     * What a member's change to the group's membership was, what the page then waits to see in the view, and the
     * banner it shows.
     */
    enum Done {
        JOINED("You have joined this group"),
        ASKED("You have asked to join this group. A facilitator will look at your request"),
        LEFT("You have left this group"),
        APPROVED("Request approved: they are now a member"),
        DECLINED("Request declined"),
        INVITED("Invitation sent"),
        INVITATION_DECLINED("You have declined the invitation"),
        APPOINTED("They are now a facilitator of this group"),
        /** The rename form waits for the view to show the new name before it redirects here. */
        RENAMED("The group's name and purpose are saved"),
        ARCHIVED("This group is archived"),
        REOPENED("This group is open again");

        final String banner;

        Done(String banner) {
            this.banner = banner;
        }

        static Done parse(String value) {
            for (Done done : values()) {
                if (done.param().equals(value)) {
                    return done;
                }
            }
            return null;
        }

        String param() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        boolean shown(GroupPage group, String memberId) {
            return switch (this) {
                case JOINED, APPROVED -> group.hasMember(memberId);
                case ASKED -> group.hasRequestFrom(memberId) || group.hasMember(memberId);
                case LEFT -> !group.hasMember(memberId);
                case DECLINED -> !group.hasRequestFrom(memberId);
                case INVITED -> group.hasInvited(memberId) || group.hasMember(memberId);
                case INVITATION_DECLINED -> !group.hasInvited(memberId);
                case APPOINTED -> group.isFacilitator(memberId);
                case RENAMED -> true;
                case ARCHIVED -> group.inArchive();
                case REOPENED -> !group.inArchive();
            };
        }
    }

    @GetMapping
    String page(
            @PathVariable String groupId,
            @RequestParam(name = "posted", required = false) String postedQuestionId,
            @RequestParam(name = "done", required = false) String doneParam,
            @RequestParam(name = "member", required = false) String memberParam,
            @RequestParam(name = "page", defaultValue = "1") int page,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        Done done = Done.parse(doneParam);
        if (done == Done.LEFT || done == Done.INVITATION_DECLINED) {
            // The person may no longer see an invitation-only group they have just left: say so, not "not found".
            GroupPage after = groups.awaitUntil(groupId, g -> done.shown(g, user.memberId()), READ_YOUR_WRITE_WAIT)
                    .orElse(null);
            if (after != null && !GroupPages.mayView(after, user)) {
                return "redirect:/themes/" + after.themeId() + "?done=" + done.param();
            }
        }
        int questionsPage = Math.max(page, 1);
        // Visible at all (else "not found") before waiting for anything.
        GroupPage group = pages.visibleGroup(groupId, user, questionsPage);
        if (postedQuestionId != null) {
            boolean shown = groups.awaitQuestion(groupId, postedQuestionId, READ_YOUR_WRITE_WAIT);
            model.addAttribute("posted", shown ? "shown" : "pending");
        }
        if (done != null) {
            String memberId = memberParam == null ? user.memberId() : memberParam;
            Optional<GroupPage> after = groups.awaitUntil(groupId, g -> done.shown(g, memberId), READ_YOUR_WRITE_WAIT);
            if (after.map(g -> done.shown(g, memberId)).orElse(false)) {
                model.addAttribute("done", done.banner);
            } else {
                // Not shown yet within the wait: never the banner beside the state before the change.
                model.addAttribute(
                        "catchingUp",
                        "/groups/" + groupId + "?done=" + done.param()
                                + (memberParam == null ? "" : "&member=" + memberParam));
            }
        }
        if (postedQuestionId != null || done != null) {
            // Read again after the wait, so that the page shows what was waited for.
            group = pages.visibleGroup(groupId, user, questionsPage);
        }
        prepare(model, group, user, QuestionForm.blank(), questionsPage);
        return "group/group";
    }

    @GetMapping("/questions")
    String questions(
            @PathVariable String groupId,
            @RequestParam(name = "page", defaultValue = "1") int page,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        int questionsPage = Math.max(page, 1);
        prepare(model, pages.visibleGroup(groupId, user, questionsPage), user, QuestionForm.blank(), questionsPage);
        return "group/group :: questions-refresh";
    }

    @GetMapping(path = "/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter live(@PathVariable String groupId, @AuthenticationPrincipal WorkspaceUser user) {
        pages.visibleGroup(groupId, user, 1);
        return live.subscribe("group-page", groupId);
    }

    /** Join an open group (or one this person is invited to) at once; ask to join a council-only group. */
    @PostMapping("/members")
    String join(@PathVariable String groupId, @AuthenticationPrincipal WorkspaceUser user, Model model) {
        GroupPage group = pages.visibleGroup(groupId, user, 1);
        boolean asks = !group.hasInvited(user.memberId())
                && GroupVisibility.valueOf(group.visibility()) == GroupVisibility.COUNCIL_ONLY;
        return attempt(
                group,
                user,
                model,
                "join",
                new JoinWorkingGroup(groupId, user.memberId(), user.organisationId(), user.role(), clock.instant()),
                asks ? Done.ASKED : Done.JOINED,
                user.memberId());
    }

    @PostMapping("/leave")
    String leave(@PathVariable String groupId, @AuthenticationPrincipal WorkspaceUser user, Model model) {
        GroupPage group = pages.visibleGroup(groupId, user, 1);
        return attempt(
                group,
                user,
                model,
                "leave",
                new LeaveWorkingGroup(groupId, user.memberId(), clock.instant()),
                Done.LEFT,
                user.memberId());
    }

    @PostMapping("/requests/{memberId}/approve")
    String approve(
            @PathVariable String groupId,
            @PathVariable String memberId,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        GroupPage group = pages.visibleGroup(groupId, user, 1);
        return attempt(
                group,
                user,
                model,
                "request-" + memberId,
                new ApproveJoinRequest(groupId, memberId, user.memberId(), clock.instant()),
                Done.APPROVED,
                memberId);
    }

    @PostMapping("/requests/{memberId}/decline")
    String decline(
            @PathVariable String groupId,
            @PathVariable String memberId,
            @Valid @ModelAttribute("declineForm") DeclineForm form,
            BindingResult errors,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        GroupPage group = pages.visibleGroup(groupId, user, 1);
        model.addAttribute("declining", memberId);
        if (!errors.hasErrors()) {
            commands.attempt(new DeclineJoinRequest(groupId, memberId, user.memberId(), form.reason(), clock.instant()))
                    .ifPresent(refused -> refused.rejectOn(errors));
        }
        return outcome(
                group, user, model, errors, form, "reason", DeclineForm.idPrefix(memberId), Done.DECLINED, memberId);
    }

    /** A facilitator invites someone by their email address. */
    @PostMapping("/invitations")
    String invite(
            @PathVariable String groupId,
            @Valid @ModelAttribute("inviteForm") InviteForm form,
            BindingResult errors,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        GroupPage group = pages.visibleGroup(groupId, user, 1);
        String invited = null;
        if (!errors.hasErrors()) {
            var invitee = accounts.findByEmail(form.email());
            if (invitee.isEmpty()) {
                errors.rejectValue(
                        "email",
                        "unknown",
                        "There is no member with that email address. Check it, or ask an administrator to add them");
            } else {
                var person = invitee.get();
                invited = person.memberId();
                commands.attempt(new InviteToGroup(
                                groupId,
                                person.memberId(),
                                person.organisationId(),
                                person.role(),
                                user.memberId(),
                                clock.instant()))
                        .ifPresent(refused -> refused.rejectOn(errors));
            }
        }
        return outcome(group, user, model, errors, form, "email", InviteForm.ID_PREFIX, Done.INVITED, invited);
    }

    @PostMapping("/invitations/decline")
    String declineInvitation(@PathVariable String groupId, @AuthenticationPrincipal WorkspaceUser user, Model model) {
        GroupPage group = pages.visibleGroup(groupId, user, 1);
        return attempt(
                group,
                user,
                model,
                "join",
                new DeclineInvitation(groupId, user.memberId(), clock.instant()),
                Done.INVITATION_DECLINED,
                user.memberId());
    }

    /**
     * Makes someone a facilitator: a facilitator chooses a member of the group (by id, from the list of members); an
     * administrator may also name anyone by email, who then joins the group (a group whose only facilitator was erased
     * gets a new one this way).
     */
    @PostMapping("/facilitators")
    String appoint(
            @PathVariable String groupId,
            @RequestParam(name = "memberId", defaultValue = "") String memberId,
            @RequestParam(name = "email", required = false) String email,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        GroupPage group = pages.visibleGroup(groupId, user, 1);
        Optional<Accounts.Account> person;
        String anchor;
        if (email != null) {
            model.addAttribute("appointEmail", email);
            anchor = "appoint-email";
            if (email.isBlank()) {
                return refuse(model, group, user, anchor, "Enter the email address of the person to appoint");
            }
            person = accounts.findByEmail(email);
            if (person.isEmpty()) {
                return refuse(model, group, user, anchor, "There is no member with that email address");
            }
        } else {
            anchor = "member-" + memberId;
            person = memberId.isBlank() ? Optional.empty() : accounts.find(memberId);
            if (person.isEmpty()) {
                return refuse(model, group, user, anchor, "Choose a member of the group");
            }
        }
        String appointee = person.get().memberId();
        return attempt(
                group,
                user,
                model,
                anchor,
                new AppointFacilitator(
                        groupId,
                        appointee,
                        person.get().organisationId(),
                        new Actor(user.memberId(), user.organisationId(), user.role()),
                        clock.instant()),
                Done.APPOINTED,
                appointee);
    }

    /**
     * Sends the command; on success redirects to the group page, which waits to show the change; a broken rule or a
     * conflict shows the page again with a GOV.UK error summary linking to {@code anchor}.
     */
    private String attempt(
            GroupPage group,
            WorkspaceUser user,
            Model model,
            String anchor,
            Object command,
            Done done,
            String memberId) {
        Optional<Refusal> refused = commands.attempt(command);
        if (refused.isPresent()) {
            return refuse(model, group, user, anchor, refused.get().message());
        }
        return "redirect:/groups/" + group.id() + "?done=" + done.param()
                + (memberId.equals(user.memberId()) ? "" : "&member=" + memberId);
    }

    /**
     * How a validated form of the page ends: its errors (and the refusal of its command) all at once, on the fields
     * whose ids on the page start with {@code idPrefix} ({@link Forms#showErrors}); else a redirect to the group page,
     * which waits to show the change.
     */
    private String outcome(
            GroupPage group,
            WorkspaceUser user,
            Model model,
            BindingResult errors,
            Object form,
            String firstField,
            String idPrefix,
            Done done,
            String memberId) {
        if (errors.hasErrors()) {
            Forms.showErrors(model, errors, form, firstField, idPrefix);
            prepare(model, group, user, QuestionForm.blank());
            return "group/group";
        }
        return "redirect:/groups/" + group.id() + "?done=" + done.param()
                + (memberId.equals(user.memberId()) ? "" : "&member=" + memberId);
    }

    private String refuse(Model model, GroupPage group, WorkspaceUser user, String anchor, String message) {
        model.addAttribute("errorSummary", ErrorSummary.of(anchor, message));
        prepare(model, group, user, QuestionForm.blank());
        return "group/group";
    }

    private void prepare(Model model, GroupPage group, WorkspaceUser user, QuestionForm form) {
        prepare(model, group, user, form, 1);
    }

    private void prepare(Model model, GroupPage group, WorkspaceUser user, QuestionForm form, int questionsPage) {
        pages.describe(model, group, user, questionsPage);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form);
        }
    }
}
