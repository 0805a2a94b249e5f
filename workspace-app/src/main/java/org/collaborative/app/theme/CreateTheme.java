package org.collaborative.app.theme;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** @param createdBy the member creating it, or null when the workspace seeds it */
public record CreateTheme(
        @TargetAggregateIdentifier String themeId, String title, String summary, String createdBy, Instant at) {}
