package org.collaborative.app.member;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent when an invited person has followed their link (checked before) and set a password. */
public record AcceptInvitation(@TargetAggregateIdentifier String memberId, Instant at) {}
