package org.collaborative.events.theme;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A facilitator archived a theme: it leaves the list of themes and takes no new working groups. */
@Revision("1")
public record ThemeArchived(String themeId, String archivedBy, Instant archivedAt) {}
