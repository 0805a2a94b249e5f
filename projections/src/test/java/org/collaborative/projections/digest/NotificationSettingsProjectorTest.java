package org.collaborative.projections.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.collaborative.projections.infrastructure.Events.envelope;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import org.collaborative.events.follow.FollowTarget;
import org.collaborative.events.member.ErasureReason;
import org.collaborative.events.member.MemberErased;
import org.collaborative.events.member.MemberRegistered;
import org.collaborative.events.member.MemberRole;
import org.collaborative.events.member.MemberRoleChanged;
import org.collaborative.events.notification.DigestScheduleChosen;
import org.collaborative.events.notification.NotificationFrequency;
import org.collaborative.events.notification.NotificationFrequencyChosen;
import org.collaborative.views.digest.NotificationSettings;
import org.junit.jupiter.api.Test;

class NotificationSettingsProjectorTest {

    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");
    private static final String CAMDEN = "E09000007";
    private final NotificationSettingsProjector projector = new NotificationSettingsProjector();

    private NotificationSettings registeredWithChoices() {
        NotificationSettings s = projector.apply(
                projector.empty("tom"),
                envelope("tom", 0, new MemberRegistered("tom", CAMDEN, MemberRole.SERVICE_LEADER, T0, null)));
        s = projector.apply(
                s,
                envelope("tom", 1, new DigestScheduleChosen("tom", DayOfWeek.FRIDAY, LocalTime.of(7, 30), true, T0)));
        return projector.apply(
                s,
                envelope(
                        "tom",
                        2,
                        new NotificationFrequencyChosen(
                                "tom", FollowTarget.GROUP, "g1", NotificationFrequency.DAILY, T0)));
    }

    @Test
    void aRoleChangeIsFollowedAndTheMembersChoicesStay() {
        NotificationSettings s = registeredWithChoices();
        MemberRoleChanged promoted =
                new MemberRoleChanged("tom", MemberRole.SERVICE_LEADER, MemberRole.CHIEF_EXECUTIVE, "admin", T0);

        assertThat(projector.viewId(promoted)).contains("tom");
        s = projector.apply(s, envelope("tom", 3, promoted));

        assertThat(s.isChiefExecutive()).isTrue();
        assertThat(s.organisationId()).isEqualTo(CAMDEN);
        assertThat(s.digestDay()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(s.emailed()).isTrue();
        assertThat(s.frequency("GROUP", "g1")).isEqualTo("DAILY");
    }

    @Test
    void anErasedMemberKeepsNoSettingsAndIsNoLongerDueAnyDigest() {
        NotificationSettings s = registeredWithChoices();
        MemberErased erased = new MemberErased("tom", CAMDEN, ErasureReason.ERASURE_REQUEST, "", "admin", T0);

        assertThat(projector.viewId(erased)).contains("tom");
        s = projector.apply(s, envelope("tom", 3, erased));

        // The scheduler makes digests only for settings with an organisation.
        assertThat(s.organisationId()).isNull();
        assertThat(s.role()).isNull();
        assertThat(s.emailed()).isFalse();
        assertThat(s.frequencies()).isEmpty();
        assertThat(s.day()).isNull();
        assertThat(s.time()).isNull();
        assertThat(s.readUpTo()).isNull();
    }
}
