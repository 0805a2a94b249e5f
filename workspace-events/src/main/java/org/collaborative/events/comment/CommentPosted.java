package org.collaborative.events.comment;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A member commented on a question, piece of evidence or proposal (body in Markdown). */
@Revision("1")
public record CommentPosted(
        String commentId,
        String itemId,
        String itemType,
        String groupId,
        String body,
        String author,
        String authorOrganisationId,
        Instant postedAt) {}
