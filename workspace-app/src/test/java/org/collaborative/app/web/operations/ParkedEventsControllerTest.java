package org.collaborative.app.web.operations;

import static org.collaborative.app.support.Slices.ADMINISTRATOR;
import static org.collaborative.app.support.Slices.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.collaborative.app.infrastructure.publication.ParkedEvents;
import org.collaborative.app.infrastructure.publication.ParkedEvents.ParkedEvent;
import org.collaborative.app.infrastructure.publication.ParkedEvents.ParkedSequence;
import org.collaborative.app.support.ControllerSlice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@ControllerSlice(ParkedEventsController.class)
class ParkedEventsControllerTest {

    private static final Instant AT = Instant.parse("2026-12-07T04:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ParkedEvents parked;

    private static ParkedSequence questionParkedWithAFollower() {
        return new ParkedSequence(
                "q-1",
                List.of(
                        new ParkedEvent(
                                "e-0",
                                "Question",
                                "q-1",
                                0,
                                "org.collaborative.events.question.QuestionPosted",
                                AT,
                                AT,
                                null,
                                Optional.of("Event e-0 cannot be made into a record: title is not text")),
                        new ParkedEvent(
                                "e-1",
                                "Question",
                                "q-1",
                                1,
                                "org.collaborative.events.question.QuestionClosed",
                                AT,
                                AT,
                                null,
                                Optional.empty())));
    }

    @Test
    void listsEachParkedEventWithItsErrorAndOneRetryPerAggregate() throws Exception {
        when(parked.sequences()).thenReturn(List.of(questionParkedWithAFollower()));
        mvc.perform(get("/admin/parked").with(as(ADMINISTRATOR)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<table class=\"govuk-table\" id=\"parked\""),
                                containsString("QuestionPosted"),
                                containsString("title is not text"),
                                containsString("Waiting behind an earlier event of this aggregate"),
                                containsString("action=\"/admin/parked/e-0/retry\""),
                                containsString("id=\"retry-all\""))))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("/admin/parked/e-1/retry"))));
    }

    @Test
    void saysWhenNothingIsParked() throws Exception {
        when(parked.sequences()).thenReturn(List.of());
        mvc.perform(get("/admin/parked").with(as(ADMINISTRATOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nothing is parked.")));
    }

    @Test
    void aRetryThatStillFailsSaysSo() throws Exception {
        when(parked.retry("e-0")).thenReturn(false);
        mvc.perform(post("/admin/parked/e-0/retry").with(as(ADMINISTRATOR)).with(csrf()))
                .andExpect(redirectedUrl("/admin/parked?published=0&of=1"));
        verify(parked).retry("e-0");

        when(parked.sequences()).thenReturn(List.of(questionParkedWithAFollower()));
        mvc.perform(get("/admin/parked?published=0&of=1").with(as(ADMINISTRATOR)))
                .andExpect(content().string(containsString("0 of 1 published")));
    }

    @Test
    void retryAllRetriesEveryAggregate() throws Exception {
        when(parked.sequences()).thenReturn(List.of(questionParkedWithAFollower()));
        when(parked.retryAll()).thenReturn(1);
        mvc.perform(post("/admin/parked/retry").with(as(ADMINISTRATOR)).with(csrf()))
                .andExpect(redirectedUrl("/admin/parked?published=1&of=1"));
        verify(parked).retryAll();
    }
}
