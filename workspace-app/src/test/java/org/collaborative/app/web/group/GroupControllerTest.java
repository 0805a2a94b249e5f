package org.collaborative.app.web.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.collaborative.app.support.Slices.ADMINISTRATOR;
import static org.collaborative.app.support.Slices.FACILITATOR;
import static org.collaborative.app.support.Slices.GROUP;
import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.NOW;
import static org.collaborative.app.support.Slices.OUTSIDER;
import static org.collaborative.app.support.Slices.THEME;
import static org.collaborative.app.support.Slices.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.collaborative.app.group.AppointFacilitator;
import org.collaborative.app.group.DeclineJoinRequest;
import org.collaborative.app.group.GroupViews;
import org.collaborative.app.group.JoinWorkingGroup;
import org.collaborative.app.group.LeaveWorkingGroup;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.app.live.LiveUpdates;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.app.support.Slices;
import org.collaborative.events.member.MemberRole;
import org.collaborative.views.group.GroupPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

@ControllerSlice(GroupController.class)
class GroupControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    CommandGateway gateway;

    @Autowired
    LiveUpdates live;

    @BeforeEach
    void aGroup() {
        Slices.given(context, Slices.group());
    }

    @Test
    void showsTheWholePage() throws Exception {
        mvc.perform(get("/groups/" + GROUP).with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(view().name("group/group"))
                .andExpect(content().string(containsString("Temporary accommodation")))
                .andExpect(content().string(containsString("id=\"question-form\"")))
                .andExpect(content().string(containsString("<html")));
    }

    @Test
    void theQuestionsFragmentIsTheListAlone() throws Exception {
        mvc.perform(get("/groups/" + GROUP + "/questions")
                        .header("HX-Request", "true")
                        .with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(view().name("group/group :: questions-refresh"))
                .andExpect(content().string(containsString("id=\"questions\"")))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void theFirstPageShowsTwentyQuestionsAndLinksToOlderOnes() throws Exception {
        // The view answers a page's questions and the first of the next page (GroupViewsTest).
        when(context.getBean(GroupViews.class).findWithQuestionsPage(GROUP, 1))
                .thenReturn(Optional.of(Slices.group().withQuestions(questions(44, 24))));
        String page = mvc.perform(get("/groups/" + GROUP).with(as(MEMBER)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"question-q44\"", "id=\"question-q25\"");
        // The 21st is only there to say that older questions exist.
        assertThat(page).doesNotContain("id=\"question-q24\"");
        assertThat(page).contains("href=\"/groups/" + GROUP + "?page=2#questions-heading\"", "Older questions");
        assertThat(page).doesNotContain("rel=\"prev\"", "No one has asked this group a question yet");
        // The live refresh fetches the page being read.
        assertThat(page).contains("hx-get=\"/groups/" + GROUP + "/questions?page=1\"");
    }

    @Test
    void aLaterPageLinksToNewerQuestionsAndItsRefreshKeepsThePage() throws Exception {
        when(context.getBean(GroupViews.class).findWithQuestionsPage(GROUP, 3))
                .thenReturn(Optional.of(Slices.group().withQuestions(questions(4, 0))));
        String page = mvc.perform(get("/groups/" + GROUP).param("page", "3").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"question-q4\"", "id=\"question-q0\"", "Older questions, page 3");
        assertThat(page).contains("href=\"/groups/" + GROUP + "?page=2#questions-heading\"", "Newer questions");
        assertThat(page).doesNotContain("rel=\"next\"");

        String fragment = mvc.perform(get("/groups/" + GROUP + "/questions")
                        .param("page", "3")
                        .header("HX-Request", "true")
                        .with(as(MEMBER)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(fragment).contains("hx-get=\"/groups/" + GROUP + "/questions?page=3\"", "id=\"question-q0\"");
    }

    @Test
    void theSecondPageLinksBackToTheGroupsOwnAddress() throws Exception {
        when(context.getBean(GroupViews.class).findWithQuestionsPage(GROUP, 2))
                .thenReturn(Optional.of(Slices.group().withQuestions(questions(24, 4))));
        String page = mvc.perform(get("/groups/" + GROUP).param("page", "2").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).containsPattern("rel=\"prev\"\\s+href=\"/groups/" + GROUP + "#questions-heading\"");
        assertThat(page).containsPattern("rel=\"next\"\\s+href=\"/groups/" + GROUP + "\\?page=3#questions-heading\"");
    }

    @Test
    void aPageBeyondTheLastSaysSoAndLinksToTheNewest() throws Exception {
        when(context.getBean(GroupViews.class).findWithQuestionsPage(GROUP, 9)).thenReturn(Optional.of(Slices.group()));
        mvc.perform(get("/groups/" + GROUP).param("page", "9").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("There are no older questions")))
                .andExpect(content().string(not(containsString("No one has asked this group a question yet"))));
    }

    @Test
    void aPageThatIsNotANumberIsABadRequest() throws Exception {
        mvc.perform(get("/groups/" + GROUP).param("page", "last").with(as(MEMBER)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theReaderOfAQuestionJustPostedWaitsForItInTheViewWithoutReadingTheList() throws Exception {
        when(context.getBean(GroupViews.class).awaitQuestion(GROUP, "q1", GroupController.READ_YOUR_WRITE_WAIT))
                .thenReturn(true);
        mvc.perform(get("/groups/" + GROUP).param("posted", "q1").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Your question has been posted")))
                .andExpect(content().string(not(containsString("It will appear in the list shortly"))));
        mvc.perform(get("/groups/" + GROUP).param("posted", "q2").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("It will appear in the list shortly")));
        verify(context.getBean(GroupViews.class)).awaitQuestion(GROUP, "q2", GroupController.READ_YOUR_WRITE_WAIT);
    }

    /** Questions q{newest} down to q{oldest}, newest first, as the group-page view keeps them. */
    private static List<GroupPage.QuestionSummary> questions(int newest, int oldest) {
        List<GroupPage.QuestionSummary> questions = new java.util.ArrayList<>();
        for (int i = newest; i >= oldest; i--) {
            questions.add(new GroupPage.QuestionSummary(
                    "q" + i, "Question " + i, "", MEMBER.memberId(), "E09000007", NOW.minusSeconds(60L * (100 - i))));
        }
        return questions;
    }

    @Test
    void anInvitationOnlyGroupIsNotFoundForSomeoneNotInIt() throws Exception {
        when(context.getBean(GroupViews.class).findWithQuestionsPage(GROUP, 1))
                .thenReturn(Optional.of(new GroupPage(
                        GROUP,
                        THEME,
                        "Closed",
                        "",
                        "INVITATION_ONLY",
                        NOW,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)));
        mvc.perform(get("/groups/" + GROUP).with(as(OUTSIDER))).andExpect(status().isNotFound());
    }

    @Test
    void joiningAnOpenGroupSendsJoinWorkingGroup() throws Exception {
        mvc.perform(post("/groups/" + GROUP + "/members").with(as(OUTSIDER)).with(csrf()))
                .andExpect(redirectedUrl("/groups/" + GROUP + "?done=joined"));
        verify(gateway)
                .sendAndWait(new JoinWorkingGroup(
                        GROUP, OUTSIDER.memberId(), OUTSIDER.organisationId(), OUTSIDER.role(), NOW));
    }

    @Test
    void aRefusedLeaveShowsThePageWithTheErrorOnTheLeaveButton() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(new RuleBrokenException("Appoint another facilitator first"));
        mvc.perform(post("/groups/" + GROUP + "/leave").with(as(FACILITATOR)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("group/group"))
                .andExpect(content().string(containsString("href=\"#leave\"")))
                .andExpect(content().string(containsString("Appoint another facilitator first")));
        verify(gateway).sendAndWait(new LeaveWorkingGroup(GROUP, FACILITATOR.memberId(), NOW));
    }

    @Test
    void anInvitationToAnUnknownEmailIsRefusedWithoutACommand() throws Exception {
        mvc.perform(post("/groups/" + GROUP + "/invitations")
                        .param("email", "nobody@example.org")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#invite-email\"")))
                .andExpect(content().string(containsString("There is no member with that email address")));
        verifyNoInteractions(gateway);
    }

    /** The group with a request to join from {@link Slices#OUTSIDER}, waiting for a facilitator. */
    private void aRequestFromTheOutsider() {
        GroupPage group = Slices.group();
        Slices.given(
                context,
                new GroupPage(
                        group.id(),
                        group.themeId(),
                        group.name(),
                        group.purpose(),
                        group.visibility(),
                        group.formedAt(),
                        group.facilitatorIds(),
                        group.members(),
                        group.questions(),
                        List.of(new GroupPage.JoinRequest(
                                OUTSIDER.memberId(), OUTSIDER.organisationId(), NOW.minusSeconds(60), null, null)),
                        group.invitations(),
                        group.items(),
                        null,
                        group.applied(),
                        group.version()));
    }

    @Test
    void decliningARequestWithoutAReasonIsAnErrorOnItsReasonBeforeAnyCommand() throws Exception {
        aRequestFromTheOutsider();
        String field = "decline-" + OUTSIDER.memberId() + "-reason";
        mvc.perform(post("/groups/" + GROUP + "/requests/" + OUTSIDER.memberId() + "/decline")
                        .param("reason", " ")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("group/group"))
                .andExpect(content()
                        .string(containsString(
                                "<a href=\"#" + field + "\">Enter why you are declining the request</a>")))
                .andExpect(content().string(containsString("id=\"" + field + "-error\"")))
                .andExpect(content().string(containsString("id=\"" + field + "-info\"")))
                .andExpect(content().string(containsString("You can enter up to 1,000 characters")));
        verifyNoInteractions(gateway);
    }

    @Test
    void aRefusedDeclineKeepsTheReasonTyped() throws Exception {
        aRequestFromTheOutsider();
        when(gateway.sendAndWait(any()))
                .thenThrow(new RuleBrokenException("There is no request from this person to decline"));
        mvc.perform(post("/groups/" + GROUP + "/requests/" + OUTSIDER.memberId() + "/decline")
                        .param("reason", "This group is for housing leads")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("<a href=\"#decline-" + OUTSIDER.memberId()
                                + "-reason\">There is no request from this person to decline</a>")))
                .andExpect(content().string(containsString(">This group is for housing leads</textarea>")));
        verify(gateway)
                .sendAndWait(new DeclineJoinRequest(
                        GROUP, OUTSIDER.memberId(), FACILITATOR.memberId(), "This group is for housing leads", NOW));
    }

    @Test
    void anInvitationWithoutAnEmailIsAnErrorOnTheEmailBeforeAnyCommand() throws Exception {
        mvc.perform(post("/groups/" + GROUP + "/invitations")
                        .param("email", "")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString(
                                "<a href=\"#invite-email\">Enter the email address of the person to invite</a>")))
                .andExpect(content().string(containsString("id=\"invite-email-error\"")));
        verifyNoInteractions(gateway);
    }

    @Test
    void anInvitationToAnUnknownEmailKeepsWhatWasTyped() throws Exception {
        mvc.perform(post("/groups/" + GROUP + "/invitations")
                        .param("email", "nobody@example.org")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"nobody@example.org\"")));
        verifyNoInteractions(gateway);
    }

    private static GroupPage archived() {
        GroupPage open = Slices.group();
        return new GroupPage(
                open.id(),
                open.themeId(),
                open.name(),
                open.purpose(),
                open.visibility(),
                open.formedAt(),
                open.facilitatorIds(),
                open.members(),
                open.questions(),
                open.requests(),
                open.invitations(),
                open.items(),
                new GroupPage.Archival("Its work moved to the housing board", FACILITATOR.memberId(), NOW),
                open.applied(),
                open.version());
    }

    @Test
    void anArchivedGroupSaysWhyAndHidesEveryActionFromItsMembers() throws Exception {
        Slices.given(context, archived());
        mvc.perform(get("/groups/" + GROUP).with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This group was archived on")))
                .andExpect(content().string(containsString("3 November 2026")))
                .andExpect(content().string(containsString("Its work moved to the housing board")))
                .andExpect(content().string(not(containsString("id=\"question-form\""))))
                .andExpect(content().string(not(containsString("/evidence/new"))))
                .andExpect(content().string(not(containsString("/proposals/new"))))
                .andExpect(content().string(not(containsString("id=\"reopen\""))));
    }

    @Test
    void anArchivedGroupOffersNoJoiningAndNoRenamingButAnAdministratorMayReopenIt() throws Exception {
        Slices.given(context, archived());
        mvc.perform(get("/groups/" + GROUP).with(as(OUTSIDER)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Join this group"))));
        mvc.perform(get("/groups/" + GROUP).with(as(FACILITATOR)))
                .andExpect(content().string(not(containsString("id=\"change-group\""))))
                .andExpect(content().string(not(containsString("Send invitation"))));
        mvc.perform(get("/groups/" + GROUP).with(as(ADMINISTRATOR)))
                .andExpect(content().string(containsString("id=\"reopen\"")))
                .andExpect(content().string(not(containsString("Appoint facilitator"))));
    }

    @Test
    void thoseWhoLookAfterAnOpenGroupAreOfferedToRenameOrArchiveIt() throws Exception {
        mvc.perform(get("/groups/" + GROUP).with(as(FACILITATOR)))
                .andExpect(content().string(containsString("href=\"/groups/" + GROUP + "/edit\"")));
        mvc.perform(get("/groups/" + GROUP).with(as(ADMINISTRATOR)))
                .andExpect(content().string(containsString("href=\"/groups/" + GROUP + "/edit\"")))
                .andExpect(content().string(containsString("Appoint a facilitator")));
        mvc.perform(get("/groups/" + GROUP).with(as(MEMBER)))
                .andExpect(content().string(not(containsString("/edit\""))))
                .andExpect(content().string(not(containsString("Appoint a facilitator"))));
    }

    @Test
    void anAdministratorAppointsAnyoneByEmail() throws Exception {
        when(context.getBean(Accounts.class).findByEmail("kim@camden.example"))
                .thenReturn(Optional.of(new Accounts.Account(
                        "kim-1", "kim@camden.example", "Kim", "Officer", "camden", MemberRole.SERVICE_LEADER, null)));
        mvc.perform(post("/groups/" + GROUP + "/facilitators")
                        .param("email", "kim@camden.example")
                        .with(as(ADMINISTRATOR))
                        .with(csrf()))
                .andExpect(redirectedUrl("/groups/" + GROUP + "?done=appointed&member=kim-1"));
        verify(gateway)
                .sendAndWait(new AppointFacilitator(
                        GROUP,
                        "kim-1",
                        "camden",
                        new Actor(ADMINISTRATOR.memberId(), ADMINISTRATOR.organisationId(), ADMINISTRATOR.role()),
                        NOW));
    }

    @Test
    void anUnknownEmailIsAnErrorOnTheAppointField() throws Exception {
        mvc.perform(post("/groups/" + GROUP + "/facilitators")
                        .param("email", "nobody@example.org")
                        .with(as(ADMINISTRATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#appoint-email\"")))
                .andExpect(content().string(containsString("There is no member with that email address")))
                .andExpect(content().string(containsString("value=\"nobody@example.org\"")));
        verifyNoInteractions(gateway);
    }
}
