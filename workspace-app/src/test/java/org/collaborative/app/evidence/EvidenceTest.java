package org.collaborative.app.evidence;

import static org.collaborative.app.support.Directories.BEN;
import static org.collaborative.app.support.Directories.PRIYA;
import static org.collaborative.app.support.Directories.THEME;
import static org.collaborative.app.support.Directories.TOM;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.collaborative.app.group.GroupRules.NotAGroupMemberException;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.app.moderation.HiddenItemException;
import org.collaborative.app.support.Directories;
import org.collaborative.events.evidence.EvidenceChallenged;
import org.collaborative.events.evidence.EvidenceEndorsed;
import org.collaborative.events.evidence.EvidenceKind;
import org.collaborative.events.evidence.EvidenceRevised;
import org.collaborative.events.evidence.EvidenceSubmitted;
import org.collaborative.events.moderation.ItemHidden;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EvidenceTest {

    private static final Instant AT = Instant.parse("2026-11-26T09:00:00Z");
    private static final EvidenceSubmitted SUBMITTED = new EvidenceSubmitted(
            "e1",
            "g1",
            THEME,
            "E-auction savings",
            "About £400,000 each.",
            "Capital Ambition report",
            EvidenceKind.EVALUATION,
            2,
            "tom",
            "E09000007",
            AT);
    private static final ItemHidden HIDDEN = new ItemHidden("e1", "evidence", null, "g1", "Misleading", "amara", AT);

    private AggregateTestFixture<Evidence> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Evidence.class);
        fixture.registerInjectableResource(new Directories());
    }

    @Test
    void aMemberSubmitsEvidenceWithItsSourceKindAndLevel() {
        fixture.givenNoPriorActivity()
                .when(new SubmitEvidence(
                        "e1",
                        "g1",
                        " E-auction savings ",
                        "About £400,000 each.",
                        " Capital Ambition report ",
                        EvidenceKind.EVALUATION,
                        2,
                        TOM,
                        AT))
                .expectEvents(SUBMITTED);
    }

    @Test
    void theSourceKindAndLevelAreRequired() {
        fixture.givenNoPriorActivity()
                .when(new SubmitEvidence("e1", "g1", "Savings", "", " ", EvidenceKind.DATA, 2, TOM, AT))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Enter a source");
        fixture.givenNoPriorActivity()
                .when(new SubmitEvidence("e1", "g1", "Savings", "", "Report", null, 2, TOM, AT))
                .expectExceptionMessage("Choose the kind of evidence");
        fixture.givenNoPriorActivity()
                .when(new SubmitEvidence("e1", "g1", "Savings", "", "Report", EvidenceKind.DATA, 6, TOM, AT))
                .expectExceptionMessage("Choose a level of evidence from 1 to 5");
        fixture.givenNoPriorActivity()
                .when(new SubmitEvidence("e1", "g1", "Savings", "", "Report", EvidenceKind.DATA, null, TOM, AT))
                .expectExceptionMessage("Choose a level of evidence from 1 to 5");
    }

    @Test
    void onlyMembersSubmit() {
        fixture.givenNoPriorActivity()
                .when(new SubmitEvidence("e1", "g1", "Savings", "", "Report", EvidenceKind.DATA, 1, BEN, AT))
                .expectException(NotAGroupMemberException.class);
    }

    @Test
    void othersEndorseOnceButNotTheirOwn() {
        fixture.given(SUBMITTED)
                .when(new EndorseEvidence("e1", PRIYA, AT))
                .expectEvents(new EvidenceEndorsed("e1", "priya", "E09000012", AT));
        fixture.given(SUBMITTED, new EvidenceEndorsed("e1", "priya", "E09000012", AT))
                .when(new EndorseEvidence("e1", PRIYA, AT))
                .expectNoEvents();
        fixture.given(SUBMITTED)
                .when(new EndorseEvidence("e1", TOM, AT))
                .expectException(RuleBrokenException.class)
                .expectExceptionMessage("You cannot endorse your own evidence");
    }

    @Test
    void aChallengeNeedsAReason() {
        fixture.given(SUBMITTED)
                .when(new ChallengeEvidence("e1", "c1", " Not cashable ", PRIYA, AT))
                .expectEvents(new EvidenceChallenged("e1", "c1", "priya", "E09000012", "Not cashable", AT));
        fixture.given(SUBMITTED)
                .when(new ChallengeEvidence("e1", "c1", "", PRIYA, AT))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Enter a reason");
        fixture.given(SUBMITTED)
                .when(new ChallengeEvidence("e1", "c1", "Why?", TOM, AT))
                .expectExceptionMessage("You cannot challenge your own evidence: revise it instead");
    }

    @Test
    void oneStancePerMemberUntilTheEvidenceIsRevised() {
        EvidenceEndorsed endorsed = new EvidenceEndorsed("e1", "priya", "E09000012", AT);
        EvidenceChallenged challenged = new EvidenceChallenged("e1", "c1", "priya", "E09000012", "Not cashable", AT);
        fixture.given(SUBMITTED, endorsed)
                .when(new ChallengeEvidence("e1", "c2", "On second thoughts", PRIYA, AT))
                .expectException(RuleBrokenException.class)
                .expectExceptionMessage(
                        "You have endorsed this evidence, so you cannot also challenge it: raise your concern in a comment");
        fixture.given(SUBMITTED, challenged)
                .when(new EndorseEvidence("e1", PRIYA, AT))
                .expectException(RuleBrokenException.class)
                .expectExceptionMessage(
                        "You have challenged this evidence, so you cannot endorse it until its author revises it");
        // The same challenge sent again is still recognised, and another challenge by the same person is allowed.
        fixture.given(SUBMITTED, challenged)
                .when(new ChallengeEvidence("e1", "c1", "Not cashable", PRIYA, AT))
                .expectNoEvents();
        fixture.given(SUBMITTED, challenged)
                .when(new ChallengeEvidence("e1", "c2", "Nor audited", PRIYA, AT))
                .expectEvents(new EvidenceChallenged("e1", "c2", "priya", "E09000012", "Nor audited", AT));
        // A revision answers the challenge: now the challenger may endorse.
        fixture.given(
                        SUBMITTED,
                        challenged,
                        new EvidenceRevised(
                                "e1",
                                "E-auction savings",
                                "About £400,000 each, audited.",
                                "Audited accounts",
                                EvidenceKind.DATA,
                                3,
                                "tom",
                                AT))
                .when(new EndorseEvidence("e1", PRIYA, AT))
                .expectEvents(endorsed);
    }

    @Test
    void theSubmitterRevisesWithAChange() {
        fixture.given(SUBMITTED)
                .when(new ReviseEvidence(
                        "e1",
                        "E-auction savings",
                        "About £400,000 each.",
                        "Audited accounts",
                        EvidenceKind.DATA,
                        3,
                        TOM,
                        AT))
                .expectEvents(new EvidenceRevised(
                        "e1",
                        "E-auction savings",
                        "About £400,000 each.",
                        "Audited accounts",
                        EvidenceKind.DATA,
                        3,
                        "tom",
                        AT));
        fixture.given(SUBMITTED)
                .when(new ReviseEvidence(
                        "e1",
                        "E-auction savings",
                        "About £400,000 each.",
                        "Capital Ambition report",
                        EvidenceKind.EVALUATION,
                        2,
                        TOM,
                        AT))
                .expectExceptionMessage("Change something before you save a revision");
        fixture.given(SUBMITTED)
                .when(new ReviseEvidence("e1", "Mine now", "", "x", EvidenceKind.DATA, 5, PRIYA, AT))
                .expectExceptionMessage("Only the person who submitted this evidence can revise it");
    }

    @Test
    void hiddenEvidenceIsNotEndorsed() {
        fixture.given(SUBMITTED, HIDDEN)
                .when(new EndorseEvidence("e1", PRIYA, AT))
                .expectException(HiddenItemException.class)
                .expectExceptionMessage(
                        "This evidence is hidden, so it cannot be endorsed until a facilitator restores it")
                .expectNoEvents();
    }

    @Test
    void hiddenEvidenceIsNotChallenged() {
        fixture.given(SUBMITTED, HIDDEN)
                .when(new ChallengeEvidence("e1", "ch1", "Too old", PRIYA, AT))
                .expectException(HiddenItemException.class)
                .expectNoEvents();
    }

    @Test
    void hiddenEvidenceIsNotRevised() {
        fixture.given(SUBMITTED, HIDDEN)
                .when(new ReviseEvidence(
                        "e1",
                        "E-auction savings",
                        "Names removed.",
                        "Capital Ambition report",
                        EvidenceKind.EVALUATION,
                        2,
                        TOM,
                        AT))
                .expectException(HiddenItemException.class)
                .expectNoEvents();
    }
}
