package org.collaborative.app.moderation;

import org.collaborative.app.kernel.RuleBrokenException;

/**
 * The rule that a hidden item takes no part in its group's work until a facilitator restores it: nobody answers,
 * comments on, endorses, challenges, revises, links, opens, endorses for the group or decides it meanwhile
 * ({@code docs/adr/0014-moderation-held-once.md}).
 */
public class HiddenItemException extends RuleBrokenException {

    /** @param consequence what cannot happen, as in "it cannot be answered" */
    public HiddenItemException(ModeratedKind kind, String consequence) {
        super("This " + kind.key() + " is hidden, so " + consequence + " until a facilitator restores it");
    }
}
