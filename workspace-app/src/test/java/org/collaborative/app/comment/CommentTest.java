package org.collaborative.app.comment;

import static org.collaborative.app.support.Directories.BEN;
import static org.collaborative.app.support.Directories.PRIYA;
import static org.collaborative.app.support.Directories.THEME;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.collaborative.app.item.ItemType;
import org.collaborative.app.moderation.HiddenItemException;
import org.collaborative.app.support.Directories;
import org.collaborative.events.comment.CommentPosted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommentTest {

    private static final Instant AT = Instant.parse("2026-11-26T09:00:00Z");

    private AggregateTestFixture<Comment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Comment.class);
        Directories directories = new Directories()
                .withItem("p1", ItemType.PROPOSAL, THEME, "tom")
                .withHiddenItem("q-hidden", ItemType.QUESTION, THEME, "tom");
        fixture.registerInjectableResource(directories);
    }

    @Test
    void aMemberCommentsOnAnItemOfTheirGroup() {
        fixture.givenNoPriorActivity()
                .when(new PostComment("c1", "p1", " Count us in. ", PRIYA, AT))
                .expectEvents(
                        new CommentPosted("c1", "p1", "proposal", "g1", "Count us in.", "priya", "E09000012", AT));
    }

    @Test
    void refusals() {
        fixture.givenNoPriorActivity()
                .when(new PostComment("c1", "nothing", "Hello", PRIYA, AT))
                .expectExceptionMessage("There is no such item to comment on");
        fixture.givenNoPriorActivity()
                .when(new PostComment("c1", "p1", "Hello", BEN, AT))
                .expectExceptionMessage("Join this group before you comment on its items");
        fixture.givenNoPriorActivity()
                .when(new PostComment("c1", "p1", "", PRIYA, AT))
                .expectExceptionMessage("Enter a comment");
    }

    @Test
    void noCommentOnAHiddenItem() {
        fixture.givenNoPriorActivity()
                .when(new PostComment("c1", "q-hidden", "Hello", PRIYA, AT))
                .expectException(HiddenItemException.class)
                .expectExceptionMessage(
                        "This question is hidden, so it cannot be commented on until a facilitator " + "restores it")
                .expectNoEvents();
    }
}
