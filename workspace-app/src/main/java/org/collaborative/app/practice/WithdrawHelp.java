package org.collaborative.app.practice;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.kernel.Actor;

public record WithdrawHelp(@TargetAggregateIdentifier String practiceId, Actor actor, Instant at) {}
