package org.collaborative.app.member;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.personaldata.PersonalDetails;

/**
 * A person who registered themselves has confirmed their address (the emailed link, checked before) and chosen a
 * password: they become a member of the organisation whose email domain their address is at.
 */
public record SelfRegisterMember(@TargetAggregateIdentifier String memberId, PersonalDetails details, Instant at) {}
