package org.collaborative.app.member;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.kernel.Actor;

/** A member changes the name they are shown by and their job title (only their own). */
public record ChangeMemberProfile(
        @TargetAggregateIdentifier String memberId, Actor actor, String displayName, String jobTitle, Instant at) {

    @Override
    public String toString() {
        return "ChangeMemberProfile[memberId=" + memberId + ", actor=" + actor + ", at=" + at + "]";
    }
}
