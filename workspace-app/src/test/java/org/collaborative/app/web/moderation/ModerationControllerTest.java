package org.collaborative.app.web.moderation;

import static org.collaborative.app.support.Slices.FACILITATOR;
import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.as;
import static org.hamcrest.Matchers.containsString;
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
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.collaborative.app.group.GroupViews;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.app.support.Slices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Reporting, hiding and the moderation pages. The moderation commands' shapes are being reworked, so these tests
 * check that a command is sent and how a refusal is shown, not the command's fields.
 */
@ControllerSlice(ModerationController.class)
class ModerationControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    CommandGateway gateway;

    @BeforeEach
    void aQuestion() {
        Slices.given(context, Slices.item("q-1", "question", "OPEN", MEMBER));
        when(context.getBean(GroupViews.class).allWithoutQuestions()).thenReturn(List.of(Slices.group()));
    }

    @Test
    void showsTheReportForm() throws Exception {
        mvc.perform(get("/items/q-1/report").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(view().name("moderation/report"))
                .andExpect(content().string(containsString("name=\"reportId\"")));
    }

    @Test
    void reportingSendsACommandAndGoesBackToTheItem() throws Exception {
        mvc.perform(post("/items/q-1/report")
                        .param("reportId", "r-1")
                        .param("reason", "Personal details")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(redirectedUrl("/items/q-1?done=reported"));
        verify(gateway).sendAndWait(any());
    }

    @Test
    void aReportWithoutAReasonIsAnErrorOnTheReasonBeforeAnyCommand() throws Exception {
        mvc.perform(post("/items/q-1/report")
                        .param("reportId", "r-1")
                        .param("reason", " ")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("moderation/report"))
                .andExpect(content()
                        .string(containsString("<a href=\"#reason\">Enter why a facilitator should look at it</a>")))
                .andExpect(content().string(containsString("id=\"reason-error\"")))
                .andExpect(content().string(containsString("You can enter up to 2,000 characters")))
                .andExpect(content().string(containsString("name=\"reportId\" value=\"r-1\"")));
        verifyNoInteractions(gateway);
    }

    @Test
    void aRefusedReportKeepsTheReasonTyped() throws Exception {
        when(gateway.sendAndWait(any()))
                .thenThrow(new RuleBrokenException("A facilitator has already hidden this question"));
        mvc.perform(post("/items/q-1/report")
                        .param("reportId", "r-1")
                        .param("reason", "It names a resident")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString(
                                "<a href=\"#reason\">A facilitator has already hidden this question</a>")))
                .andExpect(content().string(containsString(">It names a resident</textarea>")));
    }

    @Test
    void hidingAnItemFromItsFormGoesBackToTheItemWithoutACommentReference() throws Exception {
        // The form sends an empty comment for an item: the page then waits for the item, not for a comment.
        mvc.perform(post("/items/q-1/moderate")
                        .param("comment", "")
                        .param("action", "hide")
                        .param("reason", "Personal details")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(redirectedUrl("/items/q-1?done=hidden"));
        verify(gateway).sendAndWait(any());
    }

    @Test
    void theModerationPageIsForTheGroupsFacilitators() throws Exception {
        mvc.perform(get("/moderation").with(as(FACILITATOR)))
                .andExpect(status().isOk())
                .andExpect(view().name("moderation/moderation"));
        mvc.perform(get("/moderation").with(as(MEMBER))).andExpect(status().isNotFound());
    }

    @Test
    void hidingIsForModeratorsOnly() throws Exception {
        mvc.perform(post("/items/q-1/moderate")
                        .param("action", "hide")
                        .param("reason", "Abuse")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        verifyNoInteractions(gateway);
        mvc.perform(post("/items/q-1/moderate")
                        .param("action", "hide")
                        .param("reason", "Abuse")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(redirectedUrl("/items/q-1?done=hidden"));
    }

    @Test
    void dismissingTheReportsHasItsOwnFormAndGoesBackToTheItem() throws Exception {
        mvc.perform(get("/items/q-1/moderate").param("action", "dismiss").with(as(FACILITATOR)))
                .andExpect(status().isOk())
                .andExpect(view().name("moderation/moderate"))
                .andExpect(content().string(containsString("name=\"action\" value=\"dismiss\"")))
                .andExpect(content().string(containsString("Dismiss the reports of this question")));
        mvc.perform(post("/items/q-1/moderate")
                        .param("comment", "")
                        .param("action", "dismiss")
                        .param("reason", "Blunt but fair")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(redirectedUrl("/items/q-1?done=dismissed"));
        verify(gateway).sendAndWait(any());
    }

    @Test
    void dismissingWithoutAReasonStaysOnTheDismissFormBeforeAnyCommand() throws Exception {
        mvc.perform(post("/items/q-1/moderate")
                        .param("action", "dismiss")
                        .param("reason", "")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<a href=\"#reason\">Enter your reason</a>")))
                .andExpect(content().string(containsString("id=\"reason-error\"")))
                .andExpect(content().string(containsString("name=\"action\" value=\"dismiss\"")));
        verifyNoInteractions(gateway);
        mvc.perform(post("/items/q-1/moderate")
                        .param("action", "dismiss")
                        .param("reason", "Fine")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void aHidingReasonOverTheLimitIsAnErrorWithWhatWasTypedAndItsCount() throws Exception {
        String tooLong = "Names a resident. " + "x".repeat(2_000);
        mvc.perform(post("/items/q-1/moderate")
                        .param("action", "hide")
                        .param("reason", tooLong)
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("moderation/moderate"))
                .andExpect(content()
                        .string(containsString(
                                "<a href=\"#reason\">Your reason must be 2,000 characters or fewer</a>")))
                .andExpect(content().string(containsString("data-maxlength=\"2000\"")))
                .andExpect(content().string(containsString(">" + tooLong + "</textarea>")));
        verifyNoInteractions(gateway);
    }
}
