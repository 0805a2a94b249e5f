package org.collaborative.app.question;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.kernel.Actor;

public record CloseQuestion(@TargetAggregateIdentifier String questionId, Actor actor, Instant at) {}
