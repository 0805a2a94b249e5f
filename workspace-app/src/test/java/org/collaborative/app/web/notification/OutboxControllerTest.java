package org.collaborative.app.web.notification;

import static org.collaborative.app.support.Slices.ADMINISTRATOR;
import static org.collaborative.app.support.Slices.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.List;
import org.collaborative.app.notification.Digests;
import org.collaborative.app.notification.FeedTokens;
import org.collaborative.app.notification.UnsubscribeLinks;
import org.collaborative.app.support.ControllerSlice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The administrators' outbox: every digest email and what became of it; no embedded mail server in a slice. */
@ControllerSlice({DigestController.class, OutboxController.class, FeedController.class})
class OutboxControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Digests digests;

    @Autowired
    FeedTokens feeds;

    @Autowired
    UnsubscribeLinks links;

    @Test
    void listsEachDigestEmailWithItsState() throws Exception {
        when(digests.outbox(300))
                .thenReturn(List.of(
                        DigestControllerTest.digest(DigestControllerTest.ID, "SENT"),
                        DigestControllerTest.digest("m2:2026-W44", "FAILED")));
        mvc.perform(get("/admin/outbox").with(as(ADMINISTRATOR)))
                .andExpect(status().isOk())
                .andExpect(view().name("notification/outbox"))
                .andExpect(model().attribute("embedded", false))
                .andExpect(content()
                        .string(allOf(
                                containsString("<code>" + DigestControllerTest.ID + "</code>"),
                                containsString("<code>m2:2026-W44</code>"),
                                containsString("FAILED"))));
    }
}
