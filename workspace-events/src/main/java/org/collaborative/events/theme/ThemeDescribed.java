package org.collaborative.events.theme;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A facilitator changed how a theme is described; both fields are given as they now stand. */
@Revision("1")
public record ThemeDescribed(String themeId, String title, String summary, String describedBy, Instant describedAt) {}
