package org.collaborative.app.member;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.collaborative.app.InvalidInputException;
import org.collaborative.events.member.MemberRegistered;
import org.collaborative.events.member.MemberRole;
import org.junit.jupiter.api.Test;

class MemberTest {

    private static final Instant AT = Instant.parse("2026-11-26T09:00:00Z");
    private final AggregateTestFixture<Member> fixture = new AggregateTestFixture<>(Member.class);

    @Test
    void registersAMemberOfAnOrganisationInARole() {
        fixture.givenNoPriorActivity()
                .when(new RegisterMember("m1", "E09000012", MemberRole.CHIEF_EXECUTIVE, AT))
                .expectEvents(new MemberRegistered("m1", "E09000012", MemberRole.CHIEF_EXECUTIVE, AT));
    }

    @Test
    void cannotRegisterAMemberWithoutARole() {
        fixture.givenNoPriorActivity()
                .when(new RegisterMember("m1", "E09000012", null, AT))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Choose a role");
    }
}
