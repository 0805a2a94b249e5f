package org.collaborative.projections.follow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.collaborative.projections.infrastructure.Events.envelope;

import java.time.Instant;
import org.collaborative.events.follow.FollowTarget;
import org.collaborative.events.follow.MemberFollowed;
import org.collaborative.events.follow.MemberUnfollowed;
import org.collaborative.views.follow.Follows;
import org.junit.jupiter.api.Test;

class FollowsProjectorTest {

    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");
    private static final String STREAM = "following:tom";
    private final FollowsProjector projector = new FollowsProjector();

    @Test
    void keepsGroupsAndItemsApartInTheOrderFollowed() {
        Follows follows = projector.empty("tom");
        follows = projector.apply(follows, envelope(STREAM, 0, new MemberFollowed("tom", FollowTarget.ITEM, "i2", T0)));
        follows =
                projector.apply(follows, envelope(STREAM, 1, new MemberFollowed("tom", FollowTarget.GROUP, "g1", T0)));
        follows = projector.apply(follows, envelope(STREAM, 2, new MemberFollowed("tom", FollowTarget.ITEM, "i1", T0)));
        follows = projector.apply(follows, envelope(STREAM, 2, new MemberFollowed("tom", FollowTarget.ITEM, "i1", T0)));

        assertThat(follows.groupIds()).containsExactly("g1");
        assertThat(follows.itemIds()).containsExactly("i2", "i1");

        follows =
                projector.apply(follows, envelope(STREAM, 3, new MemberUnfollowed("tom", FollowTarget.ITEM, "i2", T0)));
        assertThat(follows.itemIds()).containsExactly("i1");
        assertThat(projector.viewId(new MemberUnfollowed("tom", FollowTarget.ITEM, "i2", T0)))
                .contains("tom");
    }
}
