package org.collaborative.app.theme;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.kernel.Actor;

public record DescribeTheme(
        @TargetAggregateIdentifier String themeId, String title, String summary, Actor actor, Instant at) {}
