package org.collaborative.events.theme;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A challenge theme was opened for councils to take on together.
 *
 * @param createdBy the member who created it, or null when the workspace seeded it
 */
@Revision("1")
public record ThemeCreated(String themeId, String title, String summary, String createdBy, Instant createdAt) {}
