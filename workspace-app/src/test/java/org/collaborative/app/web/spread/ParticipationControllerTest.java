package org.collaborative.app.web.spread;

import static org.collaborative.app.support.Slices.FACILITATOR;
import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.as;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import org.collaborative.app.spread.Participation.Act;
import org.collaborative.app.spread.ParticipationViews;
import org.collaborative.app.support.ControllerSlice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@ControllerSlice(ParticipationController.class)
class ParticipationControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ParticipationViews views;

    @Test
    void facilitatorsSeeActivityByMonthWithItsTableTwinAndTheQuietBoroughs() throws Exception {
        when(views.since(any()))
                .thenReturn(List.of(
                        new Act("E09000007", "housing", Instant.parse("2026-11-02T10:00:00Z")),
                        new Act("E09000007", "housing", Instant.parse("2026-10-02T10:00:00Z"))));

        mvc.perform(get("/participation").with(as(FACILITATOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<title id=\"participation-title\">")))
                .andExpect(content().string(containsString("data-month=\"Nov 2026\" data-value=\"1\"")))
                .andExpect(content().string(containsString("32 of the 33 London boroughs did nothing")))
                .andExpect(content().string(containsString("Barking and Dagenham")));
    }

    @Test
    void otherMembersMayNotSeeIt() throws Exception {
        mvc.perform(get("/participation").with(as(MEMBER))).andExpect(status().isForbidden());
    }
}
