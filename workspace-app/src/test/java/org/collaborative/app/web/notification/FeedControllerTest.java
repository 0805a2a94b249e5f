package org.collaborative.app.web.notification;

import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Optional;
import org.collaborative.app.notification.Digests;
import org.collaborative.app.notification.FeedTokens;
import org.collaborative.app.notification.UnsubscribeLinks;
import org.collaborative.app.support.ControllerSlice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** A private Atom feed of digests: found by its token, kept out of caches and search engines; any other token is 404. */
@ControllerSlice({DigestController.class, OutboxController.class, FeedController.class})
class FeedControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Digests digests;

    @Autowired
    FeedTokens feeds;

    @Autowired
    UnsubscribeLinks links;

    @Test
    void theTokensMembersDigestsAreTheFeed() throws Exception {
        when(feeds.memberFor("collab_feed_abc")).thenReturn(Optional.of(MEMBER.memberId()));
        when(links.publicUrl()).thenReturn("https://collaborative.example");
        when(digests.archive(MEMBER.memberId(), 20))
                .thenReturn(List.of(DigestControllerTest.digest(DigestControllerTest.ID, "SENT")));
        mvc.perform(get("/feeds/collab_feed_abc").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/atom+xml;charset=UTF-8"))
                .andExpect(header().string("Cache-Control", "private, no-store"))
                .andExpect(header().string("X-Robots-Tag", "noindex"))
                .andExpect(content()
                        .string(allOf(
                                containsString("xmlns=\"http://www.w3.org/2005/Atom\""),
                                containsString("https://collaborative.example/feeds/collab_feed_abc"),
                                containsString("Camden this week: 1 question waits on you"))));
    }

    @Test
    void anUnknownOrRevokedTokenIsNotFound() throws Exception {
        when(feeds.memberFor("collab_feed_gone")).thenReturn(Optional.empty());
        mvc.perform(get("/feeds/collab_feed_gone").with(as(MEMBER))).andExpect(status().isNotFound());
    }
}
