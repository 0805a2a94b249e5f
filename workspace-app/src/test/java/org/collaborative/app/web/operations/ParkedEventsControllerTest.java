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
import org.collaborative.app.operations.ParkedViewRecords;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.views.parking.ParkedRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@ControllerSlice(ParkedEventsController.class)
class ParkedEventsControllerTest {

    private static final Instant AT = Instant.parse("2026-12-07T04:00:00Z");

    @Autowired
    MockMvc mvc;

    @Autowired
    ParkedEvents parked;

    @Autowired
    ParkedViewRecords views;

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
        when(views.requestRetryAll("member:" + ADMINISTRATOR.memberId())).thenReturn(2);
        mvc.perform(post("/admin/parked/retry").with(as(ADMINISTRATOR)).with(csrf()))
                .andExpect(redirectedUrl("/admin/parked?published=1&of=1&requested=2"));
        verify(parked).retryAll();
        verify(views).requestRetryAll("member:" + ADMINISTRATOR.memberId());
    }

    private static ParkedViewRecords.Sequence itemParkedWithAFollower() {
        return new ParkedViewRecords.Sequence(
                "items",
                3,
                "q-2",
                List.of(
                        new ParkedRecord(
                                ParkedRecord.id("items", "collaborative.events", 3, 40),
                                "items",
                                3,
                                "q-2",
                                "collaborative.events",
                                40,
                                "e-40",
                                "org.collaborative.events.question.QuestionAnswered",
                                "MappingException: Cannot create PersistentEntity for 'java.time.Instant'",
                                AT,
                                null,
                                null,
                                null),
                        new ParkedRecord(
                                ParkedRecord.id("items", "collaborative.events", 3, 41),
                                "items",
                                3,
                                "q-2",
                                "collaborative.events",
                                41,
                                "e-41",
                                "org.collaborative.events.question.QuestionClosed",
                                null,
                                AT,
                                null,
                                null,
                                null)),
                false);
    }

    @Test
    void listsEachViewsParkedRecordsWithTheErrorAndOneRetryPerSequence() throws Exception {
        when(parked.sequences()).thenReturn(List.of());
        when(views.sequences()).thenReturn(List.of(itemParkedWithAFollower()));
        mvc.perform(get("/admin/parked").with(as(ADMINISTRATOR)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<table class=\"govuk-table\" id=\"parked-by-views\""),
                                containsString("QuestionAnswered"),
                                containsString("partition 3, offset 40"),
                                containsString("Cannot create PersistentEntity"),
                                containsString("Waiting behind an earlier record of this aggregate"),
                                containsString("action=\"/admin/parked/views/items/retry\""),
                                containsString("name=\"key\" value=\"q-2\""),
                                containsString("id=\"retry-all\""))))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Nothing is parked"))))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"parked\""))));
    }

    @Test
    void aRetryOfAViewsSequenceIsAskedOfTheProjections() throws Exception {
        when(views.requestRetry("items", 3, "q-2", "member:" + ADMINISTRATOR.memberId()))
                .thenReturn(true);
        mvc.perform(post("/admin/parked/views/items/retry")
                        .param("partition", "3")
                        .param("key", "q-2")
                        .with(as(ADMINISTRATOR))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/parked?requested=1"));
        verify(views).requestRetry("items", 3, "q-2", "member:" + ADMINISTRATOR.memberId());

        when(parked.sequences()).thenReturn(List.of());
        when(views.sequences())
                .thenReturn(List.of(new ParkedViewRecords.Sequence(
                        "items", 3, "q-2", itemParkedWithAFollower().records(), true)));
        mvc.perform(get("/admin/parked?requested=1").with(as(ADMINISTRATOR)))
                .andExpect(content()
                        .string(allOf(
                                containsString("Asked the projections to retry 1 parked sequence"),
                                containsString("Retry asked for"))))
                .andExpect(
                        content().string(org.hamcrest.Matchers.not(containsString("/admin/parked/views/items/retry"))));
    }
}
