package org.collaborative.app.moderation;

/**
 * A command that posts something people read (a question, an answer, evidence, a proposal, a comment): what {@link
 * PostingLimits} count. The posting features implement it on their commands, so moderation need not know them (they
 * depend on moderation, never the other way round).
 */
public interface Posting {

    /** The member posting. */
    String postedBy();
}
