package org.collaborative.app.web.notification;

import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.NOW;
import static org.collaborative.app.support.Slices.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.collaborative.app.notification.Digests;
import org.collaborative.app.notification.FeedTokens;
import org.collaborative.app.notification.UnsubscribeLinks;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.views.digest.Digest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** A member's digests: the archive, one digest, asking for a preview, and the private feed's address made and revoked. */
@ControllerSlice({DigestController.class, OutboxController.class, FeedController.class})
class DigestControllerTest {

    static final String ID = MEMBER.memberId() + ":2026-W44";

    @Autowired
    MockMvc mvc;

    @Autowired
    Digests digests;

    @Autowired
    FeedTokens feeds;

    @Autowired
    UnsubscribeLinks links;

    static Digest digest(String id, String state) {
        Instant from = Instant.parse("2026-10-26T08:00:00Z");
        return new Digest(
                id,
                MEMBER.memberId(),
                "camden",
                "Camden",
                "MEMBER",
                "2026-W44",
                from,
                from.plusSeconds(7 * 86_400),
                state,
                null,
                null,
                from,
                "Camden this week: 1 question waits on you",
                List.of(new Digest.Section(
                        "WAITING_ON_YOU",
                        "Waiting on you",
                        List.of(new Digest.Entry(
                                "q1",
                                "Who pays for temporary accommodation?",
                                "You were asked in Temporary accommodation",
                                "/items/q1",
                                from)))),
                List.of(),
                1,
                null,
                null,
                "SENT".equals(state) ? from.plusSeconds(60) : null,
                "SENT".equals(state) ? 1 : 0,
                null);
    }

    @BeforeEach
    void oneDigestSent() {
        when(digests.archive(MEMBER.memberId(), DigestController.ARCHIVE_SIZE)).thenReturn(List.of(digest(ID, "SENT")));
        when(digests.latestPreview(MEMBER.memberId())).thenReturn(Optional.empty());
        when(digests.find(MEMBER.memberId(), ID)).thenReturn(Optional.of(digest(ID, "SENT")));
        when(links.publicUrl()).thenReturn("https://collaborative.example");
    }

    @Test
    void theArchiveListsTheDigestsWithWhatBecameOfThem() throws Exception {
        mvc.perform(get("/digests").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(view().name("notification/digests"))
                .andExpect(content()
                        .string(allOf(
                                containsString("Camden this week: 1 question waits on you"),
                                containsString(">Sent<"),
                                not(containsString("id=\"feed-url\"")))));
    }

    @Test
    void oneDigestShowsItsEntriesAndWhyEachIsThere() throws Exception {
        mvc.perform(get("/digests/" + ID).with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(view().name("notification/digest"))
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"digest\""),
                                containsString("Who pays for temporary accommodation?"),
                                containsString("You were asked in Temporary accommodation"),
                                containsString("href=\"/items/q1\""))));
        mvc.perform(get("/digests/someone-elses").with(as(MEMBER))).andExpect(status().isNotFound());
    }

    @Test
    void askingForAPreviewRequestsOneNowAndGoesToIt() throws Exception {
        when(digests.requestPreview(MEMBER.memberId(), NOW)).thenReturn(MEMBER.memberId() + ":preview-1");
        mvc.perform(post("/digests/preview").with(as(MEMBER)).with(csrf()))
                .andExpect(redirectedUrl("/digests/" + MEMBER.memberId() + ":preview-1"));
        verify(digests).requestPreview(MEMBER.memberId(), NOW);
    }

    @Test
    void aNewFeedAddressIsShownOnceAndRevokingSaysSo() throws Exception {
        when(feeds.renew(MEMBER.memberId())).thenReturn("collab_feed_abc");
        mvc.perform(post("/digests/feed").with(as(MEMBER)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"feed-url\""),
                                containsString("https://collaborative.example/feeds/collab_feed_abc"))));

        mvc.perform(post("/digests/feed/revocation").with(as(MEMBER)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Your feed address no longer"),
                                not(containsString("collab_feed_abc")))));
        verify(feeds).revoke(MEMBER.memberId());
    }
}
