package org.collaborative.app.web.board;

import static org.collaborative.app.support.Slices.FACILITATOR;
import static org.collaborative.app.support.Slices.GROUP;
import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.NOW;
import static org.collaborative.app.support.Slices.THEME;
import static org.collaborative.app.support.Slices.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.collaborative.app.board.BoardAccess;
import org.collaborative.app.board.BoardViews;
import org.collaborative.app.group.GroupRules;
import org.collaborative.app.group.GroupViews;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.proposal.DraftProposalFromBoard;
import org.collaborative.app.proposal.Proposal;
import org.collaborative.app.retreat.RetreatViews;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.app.support.Slices;
import org.collaborative.events.proposal.ProposalForm;
import org.collaborative.views.board.BoardView;
import org.collaborative.views.board.BoardView.Card;
import org.collaborative.views.board.BoardView.Cluster;
import org.collaborative.views.retreat.RetreatView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@ControllerSlice(DraftProposalController.class)
class DraftProposalControllerTest {

    static final String R = "retreat-1";
    static final String S = "session-1";
    static final String BASE = "/retreats/" + R + "/sessions/" + S + "/board";
    static final String FROM_K1 = DraftProposalFromBoard.idFor(S, "k1");
    static final LocalDateTime STARTS = LocalDateTime.of(2026, 11, 20, 9, 0);

    @Autowired
    MockMvc mvc;

    @Autowired
    CommandGateway gateway;

    @Autowired
    GroupViews groups;

    @Autowired
    BoardAccess access;

    @Autowired
    BoardViews boards;

    @Autowired
    RetreatViews retreats;

    /** Cluster k1 "Shared services" with two cards; card c3 in no cluster; k2 already became a draft. */
    static BoardView board() {
        return new BoardView(
                S,
                R,
                FACILITATOR.memberId(),
                NOW,
                true,
                List.of(new Cluster("k1", "Shared services", NOW), new Cluster("k2", "Data", NOW)),
                List.of(
                        new Card("c1", MEMBER.memberId(), "IDEA", "Pool temporary accommodation", NOW, "k1"),
                        new Card("c2", "someone", "IDEA", "Share legal teams", NOW, "k1"),
                        new Card("c3", "someone", "QUESTION", "Who pays for it?", NOW, null)),
                BoardView.CLOSED,
                3,
                true,
                List.of(),
                List.of(new BoardView.Draft("k2", "proposal-from-k2", GROUP, NOW)),
                Map.of(),
                null);
    }

    static RetreatView retreat() {
        return new RetreatView(
                R,
                "Chief executives' retreat",
                "CHIEF_EXECUTIVES_RETREAT",
                "Cumberland Lodge",
                "",
                STARTS,
                STARTS.plusDays(1),
                20,
                List.of(THEME),
                false,
                FACILITATOR.memberId(),
                NOW,
                "SCHEDULED",
                null,
                List.of(new RetreatView.Session(
                        S,
                        "Housing breakout",
                        "BREAKOUT",
                        STARTS.plusHours(2),
                        STARTS.plusHours(4),
                        "Library",
                        FACILITATOR.memberId(),
                        THEME,
                        GROUP)),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                Map.of(),
                Map.of(),
                null,
                List.of(),
                Map.of(),
                null);
    }

    @BeforeEach
    void aClosedBoardWithClusters() {
        when(access.retreatOfSession(S)).thenReturn(Optional.of(R));
        when(access.mayView(R, MEMBER.memberId())).thenReturn(true);
        when(access.mayView(R, FACILITATOR.memberId())).thenReturn(true);
        when(access.isParticipant(R, MEMBER.memberId())).thenReturn(true);
        when(access.isFacilitator(R, FACILITATOR.memberId())).thenReturn(true);
        when(boards.find(S)).thenReturn(Optional.of(board()));
        when(retreats.visible(any(), any())).thenReturn(retreat());
        when(groups.onTheme(THEME)).thenReturn(List.of(Slices.group()));
    }

    @Test
    void theFormComesFilledInFromTheClusterWithCharacterCountsAndTheSessionsGroup() throws Exception {
        mvc.perform(get(BASE + "/clusters/k1/proposal/new").with(as(FACILITATOR)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Draft a proposal from this cluster"),
                                containsString("value=\"Shared services\""),
                                containsString("- Pool temporary accommodation\n- Share legal teams"),
                                containsString("data-maxlength=\"" + Proposal.MAX_TITLE + "\""),
                                containsString("data-maxlength=\"" + Proposal.MAX_SUMMARY + "\""),
                                containsString("<option value=\"" + GROUP + "\" selected=\"selected\">"),
                                containsString("action=\"" + BASE + "/clusters/k1/proposal\""))));
    }

    @Test
    void aSingleCardFillsInTheTitleAndTheSummary() throws Exception {
        mvc.perform(get(BASE + "/cards/c3/proposal/new").with(as(FACILITATOR)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Draft a proposal from this card"),
                                containsString("value=\"Who pays for it?\""))));
    }

    @Test
    void aClusterThatAlreadyBecameADraftLeadsToIt() throws Exception {
        mvc.perform(get(BASE + "/clusters/k2/proposal/new").with(as(FACILITATOR)))
                .andExpect(redirectedUrl("/items/proposal-from-k2"));
    }

    @Test
    void aParticipantWhoDoesNotFacilitateFindsNoForm() throws Exception {
        mvc.perform(get(BASE + "/clusters/k1/proposal/new").with(as(MEMBER))).andExpect(status().isNotFound());
        mvc.perform(post(BASE + "/clusters/k1/proposal")
                        .param("title", "Shared services")
                        .param("summary", "Cards")
                        .param("form", "NEW_PARTNERSHIP")
                        .param("groupId", GROUP)
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        verify(gateway, never()).sendAndWait(any());
    }

    @Test
    void aClusterNotOnTheBoardHasNoForm() throws Exception {
        mvc.perform(get(BASE + "/clusters/gone/proposal/new").with(as(FACILITATOR)))
                .andExpect(status().isNotFound());
    }

    @Test
    void savingSendsTheCommandUnderTheIdMadeFromTheBoardAndTheClusterAndShowsTheDraft() throws Exception {
        mvc.perform(post(BASE + "/clusters/k1/proposal")
                        .param("title", "Shared services across boroughs")
                        .param("summary", "- Pool temporary accommodation")
                        .param("form", "NEW_PARTNERSHIP")
                        .param("groupId", GROUP)
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(redirectedUrl("/items/" + FROM_K1 + "?done=drafted"));
        verify(gateway)
                .sendAndWait(new DraftProposalFromBoard(
                        FROM_K1,
                        S,
                        "k1",
                        null,
                        GROUP,
                        "Shared services across boroughs",
                        "- Pool temporary accommodation",
                        ProposalForm.NEW_PARTNERSHIP,
                        new Actor(FACILITATOR.memberId(), FACILITATOR.organisationId(), FACILITATOR.role()),
                        NOW));
    }

    @Test
    void sendingTheFormASecondTimeCountsAsDone() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(new AggregateStreamCreationException("already there"));
        mvc.perform(post(BASE + "/cards/c3/proposal")
                        .param("title", "Who pays for it?")
                        .param("summary", "Who pays for it?")
                        .param("form", "PROCESS_IMPROVEMENT")
                        .param("groupId", GROUP)
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(redirectedUrl("/items/" + DraftProposalFromBoard.idFor(S, "c3") + "?done=drafted"));
    }

    @Test
    void everyMissingFieldIsShownAtOnceKeepingWhatWasTyped() throws Exception {
        mvc.perform(post(BASE + "/clusters/k1/proposal")
                        .param("title", "Shared services")
                        .param("summary", "")
                        .param("groupId", "")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("govuk-error-summary"),
                                containsString("Enter a summary of the proposal"),
                                containsString("Choose what kind of change it is"),
                                containsString("Choose the working group the proposal is for"),
                                containsString("value=\"Shared services\""))));
        verify(gateway, never()).sendAndWait(any());
    }

    @Test
    void aTitleOverTheProposalsLimitIsRefusedBeforeSending() throws Exception {
        mvc.perform(post(BASE + "/clusters/k1/proposal")
                        .param("title", "x".repeat(Proposal.MAX_TITLE + 1))
                        .param("summary", "Cards")
                        .param("form", "NEW_PARTNERSHIP")
                        .param("groupId", GROUP)
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("What you propose must be 150 characters or fewer")));
        verify(gateway, never()).sendAndWait(any());
    }

    @Test
    void aRefusalIsShownOnTheFormKeepingWhatWasTyped() throws Exception {
        when(gateway.sendAndWait(any()))
                .thenThrow(
                        new GroupRules.GroupArchivedException("make a proposal to it"),
                        new Proposal.NotOnTheBoardException("cluster"));
        for (String message : List.of(
                "This group is archived, so you cannot make a proposal to it",
                "That cluster is no longer on the board, so no proposal can be drafted from it")) {
            mvc.perform(post(BASE + "/clusters/k1/proposal")
                            .param("title", "Shared services, edited")
                            .param("summary", "Cards")
                            .param("form", "NEW_PARTNERSHIP")
                            .param("groupId", GROUP)
                            .with(as(FACILITATOR))
                            .with(csrf()))
                    .andExpect(status().isOk())
                    .andExpect(content()
                            .string(allOf(
                                    containsString("govuk-error-summary"),
                                    containsString(message),
                                    containsString("value=\"Shared services, edited\""),
                                    not(containsString("?done=drafted")))));
        }
    }
}
