package org.collaborative.app.web.board;

import static org.collaborative.app.support.Slices.FACILITATOR;
import static org.collaborative.app.support.Slices.GROUP;
import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.NOW;
import static org.collaborative.app.support.Slices.OUTSIDER;
import static org.collaborative.app.support.Slices.as;
import static org.collaborative.app.web.board.BoardControllerTest.R;
import static org.collaborative.app.web.board.BoardControllerTest.S;
import static org.collaborative.app.web.board.BoardControllerTest.voting;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.collaborative.app.board.Board.NoDotsLeftException;
import org.collaborative.app.board.BoardAccess;
import org.collaborative.app.board.BoardCommands.CloseBoard;
import org.collaborative.app.board.BoardCommands.CloseVoting;
import org.collaborative.app.board.BoardCommands.FormCluster;
import org.collaborative.app.board.BoardCommands.OpenBoard;
import org.collaborative.app.board.BoardCommands.OpenVoting;
import org.collaborative.app.board.BoardCommands.PlaceCard;
import org.collaborative.app.board.BoardCommands.PlaceDot;
import org.collaborative.app.board.BoardCommands.PostCard;
import org.collaborative.app.board.BoardCommands.RenameCluster;
import org.collaborative.app.board.BoardCommands.RevealResults;
import org.collaborative.app.board.BoardCommands.TakeBackDot;
import org.collaborative.app.board.BoardViews;
import org.collaborative.app.group.GroupRules;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.proposal.DraftProposalFromBoard;
import org.collaborative.app.proposal.Proposal;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.events.board.CardKind;
import org.collaborative.events.proposal.ProposalForm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** A live board as JSON: what each caller may see of the vote, the exact command of every control, and problems. */
@ControllerSlice(BoardApi.class)
class BoardApiTest {

    static final String API = "/api/retreats/" + R + "/sessions/" + S + "/board";
    static final String CARD = "11111111-2222-4333-8444-555555555555";
    static final String CLUSTER = "11111111-2222-4333-8444-666666666666";

    @Autowired
    MockMvc mvc;

    @Autowired
    CommandGateway gateway;

    @Autowired
    BoardAccess access;

    @Autowired
    BoardViews boards;

    @BeforeEach
    void aRetreatSessionWithAnOpenVote() {
        when(access.retreatOfSession(S)).thenReturn(Optional.of(R));
        when(access.mayView(R, MEMBER.memberId())).thenReturn(true);
        when(access.mayView(R, FACILITATOR.memberId())).thenReturn(true);
        when(access.isParticipant(R, MEMBER.memberId())).thenReturn(true);
        when(access.isParticipant(R, FACILITATOR.memberId())).thenReturn(true);
        when(access.isFacilitator(R, FACILITATOR.memberId())).thenReturn(true);
        when(boards.find(S)).thenReturn(Optional.of(voting()));
    }

    @Test
    void aParticipantSeesTheirOwnDotsAndNoTotalsBeforeTheReveal() throws Exception {
        mvc.perform(get(API).with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.voting").value("OPEN"))
                .andExpect(jsonPath("$.dotsPerPerson").value(3))
                .andExpect(jsonPath("$.dotsLeft").value(1))
                .andExpect(jsonPath("$.revealed").value(false))
                .andExpect(jsonPath("$.clusters[0].name").value("Housing"))
                .andExpect(jsonPath("$.cards[0].yours").value(true))
                .andExpect(jsonPath("$.cards[0].yourDots").value(2))
                .andExpect(jsonPath("$.cards[0].dots").doesNotExist())
                .andExpect(jsonPath("$.cards[1].kind").value("QUESTION"))
                .andExpect(jsonPath("$.cards[1].yours").value(false));
    }

    @Test
    void someoneWhoMayNotSeeTheRetreatIsToldTheBoardIsNotFoundAndNothingIsSent() throws Exception {
        mvc.perform(get(API).with(as(OUTSIDER)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://collaborative.london/problems/not-found"));
        mvc.perform(post(API + "/cards/c1/dots").with(as(OUTSIDER)).with(csrf()))
                .andExpect(status().isNotFound());
        verifyNoInteractions(gateway);
    }

    @Test
    void openingABoardNotYetOpenSendsOpenBoardAndAnOpenOneSendsNothing() throws Exception {
        mvc.perform(post(API).with(as(FACILITATOR)).with(csrf())).andExpect(status().isNoContent());
        verifyNoInteractions(gateway);

        when(boards.find(S)).thenReturn(Optional.empty());
        mvc.perform(post(API).with(as(FACILITATOR)).with(csrf())).andExpect(status().isNoContent());
        verify(gateway).sendAndWait(new OpenBoard(S, FACILITATOR.memberId(), NOW));
    }

    @Test
    void postingACardSendsPostCardUnderTheChosenIdAndIs201() throws Exception {
        mvc.perform(post(API + "/cards")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"cardId\":\"" + CARD + "\",\"kind\":\"IDEA\",\"text\":\"Share the data\"}")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.cardId").value(CARD));
        verify(gateway).sendAndWait(new PostCard(S, CARD, CardKind.IDEA, "Share the data", MEMBER.memberId(), NOW));
    }

    @Test
    void anEmptyCardIsAnInvalidInputProblemNamingTheFieldAndNothingIsSent() throws Exception {
        mvc.perform(post(API + "/cards")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"IDEA\",\"text\":\" \"}")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://collaborative.london/problems/invalid-input"))
                .andExpect(jsonPath("$.errors[0].field").value("text"))
                .andExpect(jsonPath("$.detail").value("Enter your card"));
        verifyNoInteractions(gateway);
    }

    @Test
    void theFacilitatorsClusteringControlsSendTheirCommands() throws Exception {
        mvc.perform(post(API + "/clusters")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"clusterId\":\"" + CLUSTER + "\",\"name\":\"Data\"}")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.clusterId").value(CLUSTER));
        verify(gateway).sendAndWait(new FormCluster(S, CLUSTER, "Data", FACILITATOR.memberId(), NOW));

        mvc.perform(put(API + "/clusters/k1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Homes\"}")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isNoContent());
        verify(gateway).sendAndWait(new RenameCluster(S, "k1", "Homes", FACILITATOR.memberId(), NOW));

        mvc.perform(put(API + "/cards/c1/cluster")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"clusterId\":null}")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isNoContent());
        verify(gateway).sendAndWait(new PlaceCard(S, "c1", null, FACILITATOR.memberId(), NOW));
    }

    @Test
    void theVotingControlsSendTheirCommands() throws Exception {
        mvc.perform(post(API + "/voting")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dotsPerPerson\":5}")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isNoContent());
        verify(gateway).sendAndWait(new OpenVoting(S, 5, FACILITATOR.memberId(), NOW));

        mvc.perform(post(API + "/cards/c2/dots").with(as(MEMBER)).with(csrf())).andExpect(status().isNoContent());
        verify(gateway).sendAndWait(new PlaceDot(S, "c2", MEMBER.memberId(), NOW));
        mvc.perform(delete(API + "/cards/c1/dots").with(as(MEMBER)).with(csrf()))
                .andExpect(status().isNoContent());
        verify(gateway).sendAndWait(new TakeBackDot(S, "c1", MEMBER.memberId(), NOW));

        mvc.perform(post(API + "/voting/close").with(as(FACILITATOR)).with(csrf()))
                .andExpect(status().isNoContent());
        verify(gateway).sendAndWait(new CloseVoting(S, FACILITATOR.memberId(), NOW));
        mvc.perform(post(API + "/results").with(as(FACILITATOR)).with(csrf())).andExpect(status().isNoContent());
        verify(gateway).sendAndWait(new RevealResults(S, FACILITATOR.memberId(), NOW));
        mvc.perform(post(API + "/close").with(as(FACILITATOR)).with(csrf())).andExpect(status().isNoContent());
        verify(gateway).sendAndWait(new CloseBoard(S, FACILITATOR.memberId(), NOW));
    }

    @Test
    void tooManyDotsIsA422ProblemWithTheBoardsSentence() throws Exception {
        when(gateway.sendAndWait(any(PlaceDot.class))).thenThrow(new NoDotsLeftException(3));
        mvc.perform(post(API + "/cards/c2/dots").with(as(MEMBER)).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("https://collaborative.london/problems/rule-broken"))
                .andExpect(jsonPath("$.detail")
                        .value("You have used all your 3 dots. Take one back to vote for another card"));
    }

    @Test
    void tooManyDotsPerPersonIsAnInvalidInputProblem() throws Exception {
        mvc.perform(post(API + "/voting")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dotsPerPerson\":11}")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("dotsPerPerson"))
                .andExpect(jsonPath("$.detail").value("Give each person between 1 and 10 dots"));
        verifyNoInteractions(gateway);
    }

    static final String DRAFT =
            "{\"title\":\"Shared services across boroughs\",\"summary\":\"- Pool temporary accommodation\","
                    + "\"form\":\"NEW_PARTNERSHIP\",\"groupId\":\"" + GROUP + "\"}";

    @Test
    void aFacilitatorDraftsFromAClusterUnderTheIdMadeFromTheBoardAndTheClusterAndIsTold201() throws Exception {
        when(boards.find(S)).thenReturn(Optional.of(DraftProposalControllerTest.board()));
        String proposal = DraftProposalFromBoard.idFor(S, "k1");
        mvc.perform(post(API + "/clusters/k1/proposal")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(DRAFT)
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/items/" + proposal))
                .andExpect(jsonPath("$.proposalId").value(proposal))
                .andExpect(jsonPath("$.clusterId").value("k1"))
                .andExpect(jsonPath("$.cardId").doesNotExist())
                .andExpect(jsonPath("$.groupId").value(GROUP));
        verify(gateway).sendAndWait(draftOf(proposal, "k1", null));
    }

    @Test
    void aSingleCardIsDraftedAsACard() throws Exception {
        when(boards.find(S)).thenReturn(Optional.of(DraftProposalControllerTest.board()));
        String proposal = DraftProposalFromBoard.idFor(S, "c3");
        mvc.perform(post(API + "/cards/c3/proposal")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(DRAFT)
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.cardId").value("c3"))
                .andExpect(jsonPath("$.clusterId").doesNotExist());
        verify(gateway).sendAndWait(draftOf(proposal, null, "c3"));
    }

    /** The command the API sends for {@code DRAFT} from a cluster or a card, as the facilitator, now. */
    private static DraftProposalFromBoard draftOf(String proposal, String clusterId, String cardId) {
        return new DraftProposalFromBoard(
                proposal,
                S,
                clusterId,
                cardId,
                GROUP,
                "Shared services across boroughs",
                "- Pool temporary accommodation",
                ProposalForm.NEW_PARTNERSHIP,
                new Actor(FACILITATOR.memberId(), FACILITATOR.organisationId(), FACILITATOR.role()),
                NOW);
    }

    @Test
    void aClusterThatAlreadyBecameADraftIsA409ProblemNamingItAndNothingIsSent() throws Exception {
        when(boards.find(S)).thenReturn(Optional.of(DraftProposalControllerTest.board()));
        mvc.perform(post(API + "/clusters/k2/proposal")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(DRAFT)
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(header().string("Location", "/api/items/proposal-from-k2"))
                .andExpect(jsonPath("$.type").value("https://collaborative.london/problems/already-drafted"))
                .andExpect(jsonPath("$.detail").value("This cluster has already become a draft proposal"))
                .andExpect(jsonPath("$.proposalId").value("proposal-from-k2"));
        verifyNoInteractions(gateway);
    }

    @Test
    void aDraftTheBoardDoesNotShowYetIsA409ProblemToo() throws Exception {
        when(boards.find(S)).thenReturn(Optional.of(DraftProposalControllerTest.board()));
        when(gateway.sendAndWait(any())).thenThrow(new AggregateStreamCreationException("already there"));
        mvc.perform(post(API + "/cards/c3/proposal")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(DRAFT)
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("This card has already become a draft proposal"))
                .andExpect(jsonPath("$.proposalId").value(DraftProposalFromBoard.idFor(S, "c3")));
    }

    @Test
    void aParticipantWhoDoesNotFacilitateIsRefused422AndSomeoneWhoMayNotSeeTheBoardFindsNothing() throws Exception {
        mvc.perform(post(API + "/clusters/k1/proposal")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(DRAFT)
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("https://collaborative.london/problems/rule-broken"))
                .andExpect(jsonPath("$.detail")
                        .value("Only a facilitator of this retreat can draft a proposal from its board"));
        mvc.perform(post(API + "/clusters/k1/proposal")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(DRAFT)
                        .with(as(OUTSIDER))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        verifyNoInteractions(gateway);
    }

    @Test
    void theProposalsRulesAre422ProblemsInTheWordsOfTheForm() throws Exception {
        when(gateway.sendAndWait(any()))
                .thenThrow(
                        new GroupRules.GroupArchivedException("make a proposal to it"),
                        new Proposal.NotOnTheBoardException("cluster"));
        for (String message : java.util.List.of(
                "This group is archived, so you cannot make a proposal to it",
                "That cluster is no longer on the board, so no proposal can be drafted from it")) {
            mvc.perform(post(API + "/clusters/k1/proposal")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(DRAFT)
                            .with(as(FACILITATOR))
                            .with(csrf()))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.type").value("https://collaborative.london/problems/rule-broken"))
                    .andExpect(jsonPath("$.detail").value(message));
        }
    }

    @Test
    void aDraftWithoutItsFieldsIsAnInvalidInputProblemListingEachAndNothingIsSent() throws Exception {
        mvc.perform(post(API + "/clusters/k1/proposal")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"" + "x".repeat(Proposal.MAX_TITLE + 1) + "\",\"summary\":\" \"}")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://collaborative.london/problems/invalid-input"))
                .andExpect(jsonPath("$.errors.length()").value(4))
                .andExpect(jsonPath("$.errors[?(@.field == 'title')].message")
                        .value("What you propose must be 150 characters or fewer"))
                .andExpect(jsonPath("$.errors[?(@.field == 'groupId')].message")
                        .value("Choose the working group the proposal is for"));
        verifyNoInteractions(gateway);
    }

    @Test
    void theBoardNamesTheDraftEachClusterOrCardBecame() throws Exception {
        when(boards.find(S)).thenReturn(Optional.of(DraftProposalControllerTest.board()));
        mvc.perform(get(API).with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.clusters[0].clusterId").value("k1"))
                .andExpect(jsonPath("$.clusters[0].draftProposalId").doesNotExist())
                .andExpect(jsonPath("$.clusters[1].draftProposalId").value("proposal-from-k2"));
    }
}
