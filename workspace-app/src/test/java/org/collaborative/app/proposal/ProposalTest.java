package org.collaborative.app.proposal;

import static org.collaborative.app.support.Directories.AMARA;
import static org.collaborative.app.support.Directories.PRIYA;
import static org.collaborative.app.support.Directories.SAM;
import static org.collaborative.app.support.Directories.THEME;
import static org.collaborative.app.support.Directories.TOM;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.collaborative.app.item.ItemType;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.app.moderation.HiddenItemException;
import org.collaborative.app.support.Directories;
import org.collaborative.events.moderation.ItemHidden;
import org.collaborative.events.proposal.EvidenceLinkedToProposal;
import org.collaborative.events.proposal.ProposalChallenged;
import org.collaborative.events.proposal.ProposalDecided;
import org.collaborative.events.proposal.ProposalDrafted;
import org.collaborative.events.proposal.ProposalEndorsed;
import org.collaborative.events.proposal.ProposalEndorsedByGroup;
import org.collaborative.events.proposal.ProposalForm;
import org.collaborative.events.proposal.ProposalOpenedForChallenge;
import org.collaborative.events.proposal.ProposalOutcome;
import org.collaborative.events.proposal.ProposalWithdrawn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProposalTest {

    private static final Instant AT = Instant.parse("2026-11-26T09:00:00Z");
    private static final ProposalDrafted DRAFTED = new ProposalDrafted(
            "p1",
            "g1",
            THEME,
            "Joint e-auction",
            "Buy laptops together.",
            ProposalForm.NEW_PARTNERSHIP,
            "tom",
            "E09000007",
            AT);
    private static final ProposalOpenedForChallenge OPENED = new ProposalOpenedForChallenge("p1", "tom", AT);
    private static final ProposalEndorsedByGroup GROUP_ENDORSED = new ProposalEndorsedByGroup("p1", "amara", AT);
    private static final ProposalDecided DECIDED =
            new ProposalDecided("p1", ProposalOutcome.TAKEN_FORWARD, "Savings proven", "amara", AT);
    private static final ItemHidden HIDDEN = new ItemHidden("p1", "proposal", null, "g1", "Spam", "amara", AT);

    private AggregateTestFixture<Proposal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Proposal.class);
        fixture.registerInjectableResource(new Directories()
                .withItem("e1", ItemType.EVIDENCE, THEME, "priya")
                .withItem("e-other-theme", ItemType.EVIDENCE, "guns-and-gangs", "priya")
                .withItem("q1", ItemType.QUESTION, THEME, "priya")
                .withHiddenItem("e-hidden", ItemType.EVIDENCE, THEME, "priya"));
    }

    @Test
    void aMemberDraftsAndOpensForChallenge() {
        fixture.givenNoPriorActivity()
                .when(new DraftProposal(
                        "p1", "g1", "Joint e-auction", "Buy laptops together.", ProposalForm.NEW_PARTNERSHIP, TOM, AT))
                .expectEvents(DRAFTED);
        fixture.given(DRAFTED).when(new OpenProposalForChallenge("p1", TOM, AT)).expectEvents(OPENED);
        fixture.given(DRAFTED)
                .when(new OpenProposalForChallenge("p1", PRIYA, AT))
                .expectExceptionMessage("Only the person who made this proposal can open it for challenge");
    }

    @Test
    void theFormIsRequired() {
        fixture.givenNoPriorActivity()
                .when(new DraftProposal("p1", "g1", "Joint e-auction", "Buy", null, TOM, AT))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Choose the form of the proposal");
    }

    @Test
    void noEndorsingYourOwnProposalOrADraft() {
        fixture.given(DRAFTED, OPENED)
                .when(new EndorseProposal("p1", TOM, AT))
                .expectException(RuleBrokenException.class)
                .expectExceptionMessage("You cannot endorse your own proposal");
        fixture.given(DRAFTED)
                .when(new EndorseProposal("p1", PRIYA, AT))
                .expectExceptionMessage("This proposal is still a draft, so it cannot be endorsed yet");
        fixture.given(DRAFTED, OPENED)
                .when(new EndorseProposal("p1", PRIYA, AT))
                .expectEvents(new ProposalEndorsed("p1", "priya", "E09000012", AT));
        fixture.given(DRAFTED, OPENED, new ProposalEndorsed("p1", "priya", "E09000012", AT))
                .when(new EndorseProposal("p1", PRIYA, AT))
                .expectNoEvents();
    }

    @Test
    void oneStancePerMember() {
        ProposalEndorsed endorsed = new ProposalEndorsed("p1", "priya", "E09000012", AT);
        ProposalChallenged challenged =
                new ProposalChallenged("p1", "c1", "priya", "E09000012", "Who owns the contract?", AT);
        fixture.given(DRAFTED, OPENED, endorsed)
                .when(new ChallengeProposal("p1", "c2", "Who owns the contract?", PRIYA, AT))
                .expectException(RuleBrokenException.class)
                .expectExceptionMessage(
                        "You have endorsed this proposal, so you cannot also challenge it: raise your concern in a comment");
        fixture.given(DRAFTED, OPENED, challenged)
                .when(new EndorseProposal("p1", PRIYA, AT))
                .expectException(RuleBrokenException.class)
                .expectExceptionMessage(
                        "You have challenged this proposal, so you cannot also endorse it: say in a comment what changed your mind");
        fixture.given(DRAFTED, OPENED, challenged)
                .when(new ChallengeProposal("p1", "c2", "And who pays?", PRIYA, AT))
                .expectEvents(new ProposalChallenged("p1", "c2", "priya", "E09000012", "And who pays?", AT));
    }

    @Test
    void aChallengeNeedsAReasonAndAnOpenProposal() {
        fixture.given(DRAFTED, OPENED)
                .when(new ChallengeProposal("p1", "c1", "Who owns the contract?", PRIYA, AT))
                .expectEvents(new ProposalChallenged("p1", "c1", "priya", "E09000012", "Who owns the contract?", AT));
        fixture.given(DRAFTED, OPENED)
                .when(new ChallengeProposal("p1", "c1", " ", PRIYA, AT))
                .expectExceptionMessage("Enter a reason");
        fixture.given(DRAFTED, OPENED, GROUP_ENDORSED, DECIDED)
                .when(new ChallengeProposal("p1", "c1", "Too late?", PRIYA, AT))
                .expectExceptionMessage("This proposal has been taken forward, so it can no longer be challenged");
    }

    @Test
    void evidenceFromTheSameThemeIsLinkedOnce() {
        fixture.given(DRAFTED)
                .when(new LinkEvidence("p1", "e1", TOM, AT))
                .expectEvents(new EvidenceLinkedToProposal("p1", "e1", "tom", AT));
        fixture.given(DRAFTED, new EvidenceLinkedToProposal("p1", "e1", "tom", AT))
                .when(new LinkEvidence("p1", "e1", PRIYA, AT))
                .expectNoEvents();
        fixture.given(DRAFTED)
                .when(new LinkEvidence("p1", "e-other-theme", TOM, AT))
                .expectExceptionMessage("Choose evidence from this proposal's theme");
        fixture.given(DRAFTED)
                .when(new LinkEvidence("p1", "q1", TOM, AT))
                .expectExceptionMessage("Choose a piece of evidence");
    }

    @Test
    void aFacilitatorRecordsTheGroupsEndorsementThenTheDecision() {
        fixture.given(DRAFTED, OPENED)
                .when(new EndorseProposalForGroup("p1", AMARA, AT))
                .expectEvents(GROUP_ENDORSED);
        fixture.given(DRAFTED, OPENED)
                .when(new EndorseProposalForGroup("p1", PRIYA, AT))
                .expectExceptionMessage("Only a facilitator of this group can record the group's endorsement");
        fixture.given(DRAFTED, OPENED)
                .when(new DecideProposal("p1", ProposalOutcome.TAKEN_FORWARD, "Savings proven", AMARA, AT))
                .expectExceptionMessage("The group must endorse the proposal before it is decided");
        fixture.given(DRAFTED, OPENED, GROUP_ENDORSED)
                .when(new DecideProposal("p1", ProposalOutcome.TAKEN_FORWARD, " Savings proven ", AMARA, AT))
                .expectEvents(DECIDED);
        fixture.given(DRAFTED, OPENED, GROUP_ENDORSED)
                .when(new DecideProposal("p1", ProposalOutcome.NOT_TAKEN_FORWARD, "", SAM, AT))
                .expectExceptionMessage("Enter a rationale");
    }

    @Test
    void aDecidedProposalChangesOnlyByNewEventsAndNeverAgain() {
        fixture.given(DRAFTED, OPENED, GROUP_ENDORSED, DECIDED)
                .when(new DecideProposal("p1", ProposalOutcome.NOT_TAKEN_FORWARD, "Changed our minds", AMARA, AT))
                .expectExceptionMessage("This proposal has already been taken forward");
        fixture.given(DRAFTED, OPENED, GROUP_ENDORSED, DECIDED)
                .when(new WithdrawProposal("p1", "Oops", TOM, AT))
                .expectExceptionMessage("This proposal has already been taken forward");
        fixture.given(DRAFTED, OPENED, GROUP_ENDORSED, DECIDED)
                .when(new LinkEvidence("p1", "e1", TOM, AT))
                .expectExceptionMessage(
                        "This proposal has been taken forward, so no more evidence can be linked to it");
    }

    @Test
    void theProposerOrAFacilitatorWithdrawsWithAReason() {
        fixture.given(DRAFTED, OPENED)
                .when(new WithdrawProposal("p1", "Superseded", TOM, AT))
                .expectEvents(new ProposalWithdrawn("p1", "tom", "Superseded", AT));
        fixture.given(DRAFTED)
                .when(new WithdrawProposal("p1", "Superseded", PRIYA, AT))
                .expectExceptionMessage("Only the person who made this proposal or a facilitator can withdraw it");
        fixture.given(DRAFTED, new ProposalWithdrawn("p1", "tom", "Superseded", AT))
                .when(new EndorseProposal("p1", PRIYA, AT))
                .expectExceptionMessage("This proposal has been withdrawn, so it can no longer be endorsed");
    }

    @Test
    void aHiddenProposalIsNotOpenedForChallenge() {
        fixture.given(DRAFTED, HIDDEN)
                .when(new OpenProposalForChallenge("p1", TOM, AT))
                .expectException(HiddenItemException.class)
                .expectExceptionMessage(
                        "This proposal is hidden, so it cannot be opened for challenge until a facilitator restores it")
                .expectNoEvents();
    }

    @Test
    void aHiddenProposalIsNotEndorsed() {
        fixture.given(DRAFTED, OPENED, HIDDEN)
                .when(new EndorseProposal("p1", PRIYA, AT))
                .expectException(HiddenItemException.class)
                .expectNoEvents();
    }

    @Test
    void aHiddenProposalIsNotChallenged() {
        fixture.given(DRAFTED, OPENED, HIDDEN)
                .when(new ChallengeProposal("p1", "ch1", "Costs more", PRIYA, AT))
                .expectException(HiddenItemException.class)
                .expectNoEvents();
    }

    @Test
    void noEvidenceIsLinkedToAHiddenProposal() {
        fixture.given(DRAFTED, OPENED, HIDDEN)
                .when(new LinkEvidence("p1", "e1", PRIYA, AT))
                .expectException(HiddenItemException.class)
                .expectNoEvents();
    }

    @Test
    void hiddenEvidenceIsNotLinkedToAProposal() {
        fixture.given(DRAFTED, OPENED)
                .when(new LinkEvidence("p1", "e-hidden", PRIYA, AT))
                .expectException(HiddenItemException.class)
                .expectExceptionMessage(
                        "This evidence is hidden, so it cannot be linked to a proposal until a facilitator restores it")
                .expectNoEvents();
    }

    @Test
    void theGroupDoesNotEndorseAHiddenProposal() {
        fixture.given(DRAFTED, OPENED, HIDDEN)
                .when(new EndorseProposalForGroup("p1", AMARA, AT))
                .expectException(HiddenItemException.class)
                .expectNoEvents();
    }

    @Test
    void aHiddenProposalIsNotDecided() {
        fixture.given(DRAFTED, OPENED, GROUP_ENDORSED, HIDDEN)
                .when(new DecideProposal("p1", ProposalOutcome.TAKEN_FORWARD, "Savings proven", AMARA, AT))
                .expectException(HiddenItemException.class)
                .expectNoEvents();
    }

    @Test
    void aHiddenProposalMayStillBeWithdrawn() {
        fixture.given(DRAFTED, OPENED, HIDDEN)
                .when(new WithdrawProposal("p1", "Spam", AMARA, AT))
                .expectEvents(new ProposalWithdrawn("p1", "amara", "Spam", AT));
    }
}
