package org.collaborative.app.follow;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.events.follow.FollowTarget;
import org.collaborative.events.follow.MemberFollowed;
import org.collaborative.events.follow.MemberUnfollowed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FollowingTest {

    private static final Instant AT = Instant.parse("2026-11-26T09:00:00Z");

    private AggregateTestFixture<Following> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Following.class);
    }

    @Test
    void aMemberFollowsAGroupOnceAndStopsFollowingIt() {
        MemberFollowed followed = new MemberFollowed("tom", FollowTarget.GROUP, "g1", AT);
        fixture.givenNoPriorActivity()
                .when(Follow.of("tom", FollowTarget.GROUP, "g1", AT))
                .expectEvents(followed);
        fixture.given(followed)
                .when(Follow.of("tom", FollowTarget.GROUP, "g1", AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(followed)
                .when(Follow.of("tom", FollowTarget.ITEM, "g1", AT))
                .expectEvents(new MemberFollowed("tom", FollowTarget.ITEM, "g1", AT));
        fixture.given(followed)
                .when(Unfollow.of("tom", FollowTarget.GROUP, "g1", AT))
                .expectEvents(new MemberUnfollowed("tom", FollowTarget.GROUP, "g1", AT));
    }

    @Test
    void stoppingWhatIsNotFollowedRecordsNothing() {
        fixture.given(new MemberFollowed("tom", FollowTarget.GROUP, "g1", AT))
                .when(Unfollow.of("tom", FollowTarget.ITEM, "g1", AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aFollowNeedsATarget() {
        fixture.givenNoPriorActivity()
                .when(Follow.of("tom", null, "g1", AT))
                .expectException(InvalidInputException.class);
    }
}
