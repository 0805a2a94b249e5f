package org.collaborative.app.practice;

import java.time.Instant;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.kernel.Actor;
import org.collaborative.events.practice.HelpKind;

/** A member of an organisation that has tried the practice offers others advice, a visit or a secondment. */
public record OfferHelp(@TargetAggregateIdentifier String practiceId, Set<HelpKind> kinds, Actor actor, Instant at) {}
