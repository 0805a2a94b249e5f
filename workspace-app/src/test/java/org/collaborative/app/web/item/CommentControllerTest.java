package org.collaborative.app.web.item;

import static org.collaborative.app.support.Slices.FACILITATOR;
import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.NOW;
import static org.collaborative.app.support.Slices.as;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.collaborative.app.comment.PostComment;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.app.support.Slices;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

@ControllerSlice(CommentController.class)
class CommentControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    CommandGateway gateway;

    private final Actor member = new Actor(MEMBER.memberId(), MEMBER.organisationId(), MEMBER.role());
    private final Actor facilitator =
            new Actor(FACILITATOR.memberId(), FACILITATOR.organisationId(), FACILITATOR.role());

    @Test
    void commentingSendsPostComment() throws Exception {
        Slices.given(context, Slices.item("q-1", "question", "OPEN", FACILITATOR));
        mvc.perform(post("/items/q-1/comments")
                        .param("commentId", "m-1")
                        .param("comment", "Good point")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(redirectedUrl("/items/q-1?done=commented&ref=m-1"));
        verify(gateway).sendAndWait(new PostComment("m-1", "q-1", "Good point", member, NOW));
    }

    @Test
    void theSameCommentPostedTwiceCountsAsDone() throws Exception {
        Slices.given(context, Slices.item("q-1", "question", "OPEN", FACILITATOR));
        when(gateway.sendAndWait(any())).thenThrow(new AggregateStreamCreationException("exists"));
        mvc.perform(post("/items/q-1/comments")
                        .param("commentId", "m-1")
                        .param("comment", "Good point")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(redirectedUrl("/items/q-1?done=commented&ref=m-1"));
    }

    @Test
    void aRefusedCommentShowsThePageWithTheErrorOnTheComment() throws Exception {
        Slices.given(context, Slices.item("q-1", "question", "OPEN", FACILITATOR));
        when(gateway.sendAndWait(any())).thenThrow(new RuleBrokenException("Join this group before you comment"));
        mvc.perform(post("/items/q-1/comments")
                        .param("commentId", "m-1")
                        .param("comment", "Good point")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#comment\"")))
                .andExpect(content().string(containsString("Join this group before you comment")))
                .andExpect(content().string(containsString("Good point")));
    }

    @Test
    void anEmptyCommentIsAnErrorOnTheCommentBeforeAnyCommand() throws Exception {
        Slices.given(context, Slices.item("q-1", "question", "OPEN", FACILITATOR));
        mvc.perform(post("/items/q-1/comments")
                        .param("commentId", "m-1")
                        .param("comment", "")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#comment\"")))
                .andExpect(content().string(containsString("Enter your comment")))
                .andExpect(content().string(containsString("name=\"commentId\" value=\"m-1\"")));
        org.mockito.Mockito.verifyNoInteractions(gateway);
    }
}
