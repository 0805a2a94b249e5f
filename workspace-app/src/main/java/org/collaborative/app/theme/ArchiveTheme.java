package org.collaborative.app.theme;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.kernel.Actor;

public record ArchiveTheme(@TargetAggregateIdentifier String themeId, Actor actor, Instant at) {}
