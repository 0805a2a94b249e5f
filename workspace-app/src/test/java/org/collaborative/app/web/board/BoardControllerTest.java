package org.collaborative.app.web.board;

import static org.collaborative.app.support.Slices.FACILITATOR;
import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.NOW;
import static org.collaborative.app.support.Slices.OUTSIDER;
import static org.collaborative.app.support.Slices.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.collaborative.app.board.Board.BoardClosedException;
import org.collaborative.app.board.Board.NoDotsLeftException;
import org.collaborative.app.board.Board.VotingClosedException;
import org.collaborative.app.board.BoardAccess;
import org.collaborative.app.board.BoardCommands.PlaceCard;
import org.collaborative.app.board.BoardCommands.PlaceDot;
import org.collaborative.app.board.BoardCommands.PostCard;
import org.collaborative.app.board.BoardViews;
import org.collaborative.app.live.LiveUpdates;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.events.board.CardKind;
import org.collaborative.views.board.BoardView;
import org.collaborative.views.board.BoardView.Card;
import org.collaborative.views.board.BoardView.Cluster;
import org.collaborative.views.board.BoardView.Dots;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@ControllerSlice(BoardController.class)
class BoardControllerTest {

    static final String R = "retreat-1";
    static final String S = "session-1";
    static final String BASE = "/retreats/" + R + "/sessions/" + S + "/board";
    static final String CARD = "11111111-2222-4333-8444-555555555555";

    @Autowired
    MockMvc mvc;

    @Autowired
    CommandGateway gateway;

    @Autowired
    BoardAccess access;

    @Autowired
    BoardViews boards;

    @Autowired
    LiveUpdates live;

    /** An open vote: two cards, one in the "Housing" cluster; the member has 2 of 3 dots on c1, another member 1. */
    static BoardView voting() {
        return new BoardView(
                S,
                R,
                FACILITATOR.memberId(),
                NOW,
                false,
                List.of(new Cluster("k1", "Housing", NOW)),
                List.of(
                        new Card("c1", MEMBER.memberId(), "IDEA", "Pool temporary accommodation", NOW, "k1"),
                        new Card("c2", "someone", "QUESTION", "Who pays for it?", NOW, null)),
                BoardView.OPEN,
                3,
                false,
                List.of(new Dots("c1", MEMBER.memberId(), 2), new Dots("c2", "someone", 1)),
                List.of(),
                Map.of(),
                null);
    }

    @BeforeEach
    void aRetreatSession() {
        when(access.retreatOfSession(S)).thenReturn(Optional.of(R));
        when(access.mayView(R, MEMBER.memberId())).thenReturn(true);
        when(access.mayView(R, FACILITATOR.memberId())).thenReturn(true);
        when(access.isParticipant(R, MEMBER.memberId())).thenReturn(true);
        when(access.isParticipant(R, FACILITATOR.memberId())).thenReturn(true);
        when(access.isFacilitator(R, FACILITATOR.memberId())).thenReturn(true);
        when(boards.find(S)).thenReturn(Optional.of(voting()));
    }

    @Test
    void aParticipantSeesTheCardsTheirOwnDotsAndNoTotalsBeforeTheReveal() throws Exception {
        mvc.perform(get(BASE).with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Pool temporary accommodation"),
                                containsString("Housing"),
                                containsString("Your dots on this card: <strong>2</strong>"),
                                containsString("You have <strong>1</strong>"),
                                containsString("id=\"post-form\""),
                                containsString("aria-live=\"polite\""),
                                containsString("sse-connect=\"" + BASE + "/live\""),
                                not(containsString("id=\"results\"")),
                                not(containsString("Move to cluster")))));
    }

    @Test
    void theFacilitatorMovesCardsWithASelectAndAButtonNotByDragging() throws Exception {
        mvc.perform(get(BASE).with(as(FACILITATOR)))
                .andExpect(content()
                        .string(allOf(
                                containsString(
                                        "<label class=\"govuk-label govuk-label--s\" for=\"move-c2\">Move to cluster"),
                                containsString("<select class=\"govuk-select\" name=\"clusterId\" id=\"move-c2\">"),
                                containsString("id=\"close-voting\""),
                                containsString("2 people have</span> voted so far"),
                                not(containsString("id=\"results\"")))));
    }

    @Test
    void withHtmxAMoveChangesOnlyTheStatusAndLeavesTheBoardToTheLiveRefresh() throws Exception {
        mvc.perform(post(BASE + "/cards/c2/cluster")
                        .header("HX-Request", "true")
                        .param("clusterId", "k1")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"board-status\""),
                                containsString("Card moved."),
                                not(containsString("<html")),
                                not(containsString("id=\"board-content\"")))));
        verify(gateway).sendAndWait(new PlaceCard(S, "c2", "k1", FACILITATOR.memberId(), NOW));
    }

    @Test
    void withoutJavaScriptACardIsPostedAndTheBoardShowsItAfterARedirect() throws Exception {
        mvc.perform(post(BASE + "/cards")
                        .param("cardId", CARD)
                        .param("kind", "QUESTION")
                        .param("text", "Who owns the data?")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(redirectedUrl(BASE + "?done=posted&card=" + CARD + "#card-" + CARD));
        verify(gateway)
                .sendAndWait(new PostCard(S, CARD, CardKind.QUESTION, "Who owns the data?", MEMBER.memberId(), NOW));
    }

    @Test
    void anEmptyCardIsRefusedWithAGovUkErrorSummaryAndNothingSent() throws Exception {
        mvc.perform(post(BASE + "/cards")
                        .param("cardId", CARD)
                        .param("kind", "QUESTION")
                        .param("text", "  ")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(
                        content()
                                .string(
                                        allOf(
                                                containsString("<title>Error: "),
                                                containsString("There is a problem"),
                                                containsString("href=\"#text\""),
                                                containsString("Enter your card"),
                                                containsString(
                                                        "id=\"kind-question\" name=\"kind\" type=\"radio\" value=\"QUESTION\" checked"))));
        verify(gateway, never()).sendAndWait(any());
    }

    @Test
    void aCardTooLongIsRefusedKeepingWhatWasTyped() throws Exception {
        String typed = "A very long idea ".repeat(20);
        mvc.perform(post(BASE + "/cards")
                        .param("cardId", CARD)
                        .param("kind", "IDEA")
                        .param("text", typed)
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(content()
                        .string(allOf(
                                containsString("Your card must be 280 characters or fewer"),
                                containsString(typed.strip()))));
        verify(gateway, never()).sendAndWait(any());
    }

    @Test
    void aCardOnAClosedBoardIsRefusedKeepingWhatWasTyped() throws Exception {
        when(gateway.sendAndWait(any(PostCard.class))).thenThrow(new BoardClosedException("it takes no more cards"));
        mvc.perform(post(BASE + "/cards")
                        .header("HX-Request", "true")
                        .param("cardId", CARD)
                        .param("kind", "IDEA")
                        .param("text", "One more idea")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("This board is closed, so it takes no more cards"),
                                containsString("hx-swap-oob=\"true\""),
                                containsString("One more idea"))));
    }

    @Test
    void aVoteBeyondOnesDotsIsRefusedWithAnErrorLinkingToTheCard() throws Exception {
        when(gateway.sendAndWait(any(PlaceDot.class))).thenThrow(new NoDotsLeftException(3));
        mvc.perform(post(BASE + "/cards/c2/dots").with(as(MEMBER)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("There is a problem"),
                                containsString("href=\"#dot-c2\""),
                                containsString("You have used all your 3 dots"))));
    }

    @Test
    void aVoteAfterVotingClosedIsRefused() throws Exception {
        when(gateway.sendAndWait(any(PlaceDot.class))).thenThrow(new VotingClosedException());
        mvc.perform(post(BASE + "/cards/c1/dots")
                        .header("HX-Request", "true")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(content()
                        .string(allOf(
                                containsString("Voting has closed, so dots can no longer be placed or taken back"),
                                containsString("id=\"error-summary\" hx-swap-oob=\"true\""))));
    }

    @Test
    void theLiveRefreshSaysPolitelyWhatChanged() throws Exception {
        mvc.perform(get(BASE + "/content")
                        .header("HX-Request", "true")
                        .param("seenOpened", "true")
                        .param("seenCards", "1")
                        .param("seenVoting", "OPEN")
                        .param("seenMine", "2")
                        .param("seenVoters", "2")
                        .with(as(MEMBER)))
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"board-content\""),
                                containsString("1 new card."),
                                not(containsString("<html")))));
    }

    @Test
    void theResultsAreShownToEveryoneOnceRevealed() throws Exception {
        BoardView v = voting();
        when(boards.find(S))
                .thenReturn(Optional.of(new BoardView(
                        S,
                        R,
                        v.openedBy(),
                        NOW,
                        false,
                        v.clusters(),
                        v.cards(),
                        BoardView.CLOSED,
                        3,
                        true,
                        v.dots(),
                        v.drafts(),
                        Map.of(),
                        null)));
        mvc.perform(get(BASE + "/big-screen").with(as(MEMBER)))
                .andExpect(content()
                        .string(allOf(
                                containsString("collaborative-big-screen"),
                                containsString("2 dots"),
                                containsString("1 dot"))));
    }

    @Test
    void someoneWhoMayNotSeeTheRetreatFindsNoBoard() throws Exception {
        mvc.perform(get(BASE).with(as(OUTSIDER))).andExpect(status().isNotFound());
        mvc.perform(get("/retreats/another/sessions/" + S + "/board").with(as(MEMBER)))
                .andExpect(status().isNotFound());
        verify(access, never()).isFacilitator(eq("another"), anyString());
    }
}
