package org.collaborative.events.board;

/** What a card on a session's board is: an idea to act on, or a question for the room. */
public enum CardKind {
    IDEA,
    QUESTION
}
