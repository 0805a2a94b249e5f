package org.collaborative.app.web.notification;

import static org.collaborative.app.support.Slices.COUNCIL;
import static org.collaborative.app.support.Slices.GROUP;
import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.collaborative.app.follow.FollowViews;
import org.collaborative.app.group.GroupViews;
import org.collaborative.app.notification.ChooseDigestSchedule;
import org.collaborative.app.notification.Digests;
import org.collaborative.app.notification.NotificationViews;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.app.support.Slices;
import org.collaborative.views.digest.DigestWeek;
import org.collaborative.views.digest.NotificationSettings;
import org.collaborative.views.follow.Follows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/** The notification settings form: every field checked before anything is sent, all errors at once. */
@ControllerSlice(NotificationController.class)
class NotificationControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    CommandGateway gateway;

    /** A member who follows {@link Slices#GROUP}, with the default settings. */
    @BeforeEach
    void aMemberFollowingTheGroup() {
        // Their next digest: Monday 14 December 2026 at 8am, continuing from the one of 7 December.
        when(context.getBean(Digests.class)
                        .next(org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any()))
                .thenReturn(DigestWeek.of(java.time.LocalDate.of(2026, 12, 14), LocalTime.of(8, 0)));
        when(context.getBean(GroupViews.class).allWithoutQuestions()).thenReturn(List.of(Slices.group()));
        when(context.getBean(FollowViews.class).of(MEMBER.memberId()))
                .thenReturn(new Follows(MEMBER.memberId(), List.of(GROUP), List.of(), Map.of(), null));
        when(context.getBean(NotificationViews.class).settings(MEMBER.memberId()))
                .thenReturn(new NotificationSettings(
                        MEMBER.memberId(),
                        COUNCIL,
                        MEMBER.role().name(),
                        "MONDAY",
                        "08:00",
                        true,
                        List.of(),
                        null,
                        Map.of(),
                        null));
    }

    @Test
    void everyFieldWrongIsShownAtOnceKeepingWhatWasTypedAndNothingIsSent() throws Exception {
        String frequency = "frequency-GROUP-" + GROUP;
        mvc.perform(post("/notifications/settings")
                        .param("day", "")
                        .param("time", "half past eight")
                        .param("emailed", "")
                        .param(frequency, "")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("notification/settings"))
                .andExpect(content()
                        .string(allOf(
                                containsString("There is a problem"),
                                containsString("<a href=\"#day\">Select the day your digest comes</a>"),
                                containsString("<a href=\"#time\">Enter the time as hours and minutes"),
                                containsString("<a href=\"#emailed\">Select whether to email you the digest</a>"),
                                containsString("<a href=\"#" + frequency + "\">Select how often you hear about"),
                                containsString("id=\"day-error\""),
                                containsString("id=\"time-error\""),
                                containsString("id=\"emailed-error\""),
                                containsString("id=\"" + frequency + "-error\""),
                                containsString("value=\"half past eight\""),
                                containsString("Your next digest comes on"),
                                containsString("14 December 2026 at 8:00am"),
                                containsString("It covers what happened since"))));
        verifyNoInteractions(gateway);
    }

    @Test
    void validSettingsAreSent() throws Exception {
        mvc.perform(post("/notifications/settings")
                        .param("day", "FRIDAY")
                        .param("time", "16:30")
                        .param("emailed", "false")
                        .param("frequency-GROUP-" + GROUP, "DAILY")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(redirectedUrl("/notifications/settings?saved"));
        verify(gateway)
                .sendAndWait(ChooseDigestSchedule.of(
                        MEMBER.memberId(), DayOfWeek.FRIDAY, LocalTime.of(16, 30), false, Slices.NOW));
    }
}
