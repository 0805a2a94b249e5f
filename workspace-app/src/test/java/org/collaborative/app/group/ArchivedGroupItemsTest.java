package org.collaborative.app.group;

import static org.collaborative.app.support.Directories.PRIYA;
import static org.collaborative.app.support.Directories.THEME;
import static org.collaborative.app.support.Directories.TOM;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.collaborative.app.group.GroupRules.GroupArchivedException;
import org.collaborative.app.proposal.DraftProposal;
import org.collaborative.app.proposal.Proposal;
import org.collaborative.app.question.AnswerQuestion;
import org.collaborative.app.question.PostQuestion;
import org.collaborative.app.question.Question;
import org.collaborative.app.support.Directories;
import org.collaborative.events.proposal.ProposalForm;
import org.collaborative.events.question.QuestionPosted;
import org.junit.jupiter.api.Test;

/**
 * An archived group is read-only for the items posted in it: their aggregates ask the group directory, as they do for
 * membership, and refuse anything new with the same words on every page and in the API.
 */
class ArchivedGroupItemsTest {

    private static final Instant AT = Instant.parse("2026-11-26T09:00:00Z");

    @Test
    void aMemberCannotPostAQuestionToAnArchivedGroup() {
        AggregateTestFixture<Question> fixture = new AggregateTestFixture<>(Question.class);
        fixture.registerInjectableResource(new Directories().withArchivedGroup());
        fixture.givenNoPriorActivity()
                .when(new PostQuestion("q1", "g1", "Who ran an e-auction?", "", "tom", "E09000007", AT))
                .expectException(GroupArchivedException.class)
                .expectExceptionMessage("This group is archived, so you cannot post a question to it")
                .expectNoEvents();
    }

    @Test
    void aQuestionInAnArchivedGroupTakesNoNewAnswers() {
        AggregateTestFixture<Question> fixture = new AggregateTestFixture<>(Question.class);
        fixture.registerInjectableResource(new Directories().withArchivedGroup());
        fixture.given(new QuestionPosted("q1", "g1", THEME, "Who ran an e-auction?", "", "tom", "E09000007", AT))
                .when(new AnswerQuestion("q1", "a1", "Hackney did.", PRIYA, AT))
                .expectException(GroupArchivedException.class)
                .expectExceptionMessage("This group is archived, so you cannot answer its questions");
    }

    @Test
    void aMemberCannotDraftAProposalInAnArchivedGroup() {
        AggregateTestFixture<Proposal> fixture = new AggregateTestFixture<>(Proposal.class);
        fixture.registerInjectableResource(new Directories().withArchivedGroup());
        fixture.givenNoPriorActivity()
                .when(new DraftProposal(
                        "p1",
                        "g1",
                        "Shared e-auctions",
                        "One contract for all boroughs",
                        ProposalForm.PROCESS_IMPROVEMENT,
                        TOM,
                        AT))
                .expectException(GroupArchivedException.class);
    }

    @Test
    void theSameMemberPostsOnceTheGroupIsOpen() {
        AggregateTestFixture<Question> fixture = new AggregateTestFixture<>(Question.class);
        fixture.registerInjectableResource(new Directories());
        fixture.givenNoPriorActivity()
                .when(new PostQuestion("q1", "g1", "Who ran an e-auction?", "", "tom", "E09000007", AT))
                .expectSuccessfulHandlerExecution();
    }
}
