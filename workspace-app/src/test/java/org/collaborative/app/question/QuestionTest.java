package org.collaborative.app.question;

import java.time.Instant;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.collaborative.app.group.GroupDirectory;
import org.collaborative.app.group.GroupRules.NotAGroupMemberException;
import org.collaborative.app.group.GroupRules.UnknownGroupException;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.events.group.GroupVisibility;
import org.collaborative.events.question.QuestionPosted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QuestionTest {

    private static final Instant AT = Instant.parse("2026-11-26T09:00:00Z");
    private static final String THEME = "behaviour-change";

    /** One group, "g1", whose only member is Tom. */
    private static final GroupDirectory ONE_GROUP = new GroupDirectory() {
        @Override
        public Optional<Entry> find(String groupId) {
            return groupId.equals("g1") ? Optional.of(new Entry("g1", THEME, GroupVisibility.OPEN)) : Optional.empty();
        }

        @Override
        public boolean isMember(String groupId, String memberId) {
            return groupId.equals("g1") && memberId.equals("tom");
        }

        @Override
        public boolean isFacilitator(String groupId, String memberId) {
            return false;
        }
    };

    private AggregateTestFixture<Question> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Question.class);
        fixture.registerInjectableResource(ONE_GROUP);
    }

    @Test
    void aMemberPostsAQuestionToTheirGroup() {
        fixture.givenNoPriorActivity()
                .when(new PostQuestion(
                        "q1", "g1", " Has anyone run an e-auction? ", " For IT hardware ", "tom", "E09000007", AT))
                .expectEvents(new QuestionPosted(
                        "q1", "g1", THEME, "Has anyone run an e-auction?", "For IT hardware", "tom", "E09000007", AT));
    }

    @Test
    void theDetailsAreOptional() {
        fixture.givenNoPriorActivity()
                .when(new PostQuestion("q1", "g1", "Who pilots telecare?", null, "tom", "E09000007", AT))
                .expectEvents(
                        new QuestionPosted("q1", "g1", THEME, "Who pilots telecare?", "", "tom", "E09000007", AT));
    }

    @Test
    void cannotPostAnEmptyQuestion() {
        fixture.givenNoPriorActivity()
                .when(new PostQuestion("q1", "g1", "   ", "", "tom", "E09000007", AT))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Enter a question")
                .expectNoEvents();
    }

    @Test
    void cannotPostAQuestionOf20000Characters() {
        fixture.givenNoPriorActivity()
                .when(new PostQuestion("q1", "g1", "x".repeat(20_000), "", "tom", "E09000007", AT))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Question must be 150 characters or fewer")
                .expectNoEvents();
    }

    @Test
    void cannotPostDetailsLongerThan10000Characters() {
        fixture.givenNoPriorActivity()
                .when(new PostQuestion("q1", "g1", "Why?", "x".repeat(10_001), "tom", "E09000007", AT))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Details must be 10000 characters or fewer");
    }

    @Test
    void cannotPostToAGroupThatDoesNotExist() {
        fixture.givenNoPriorActivity()
                .when(new PostQuestion("q1", "no-such-group", "Why?", "", "tom", "E09000007", AT))
                .expectException(UnknownGroupException.class)
                .expectNoEvents();
    }

    @Test
    void cannotPostToAGroupOneIsNotAMemberOf() {
        fixture.givenNoPriorActivity()
                .when(new PostQuestion("q1", "g1", "Why?", "", "priya", "E09000012", AT))
                .expectException(NotAGroupMemberException.class)
                .expectNoEvents();
    }
}
