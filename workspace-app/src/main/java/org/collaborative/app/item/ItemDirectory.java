package org.collaborative.app.item;

import java.util.Optional;

/**
 * The items posted in working groups (questions, evidence, proposals), for command handlers that act on one item but
 * must know about another: a comment needs its item's group, a proposal the evidence it links, and both whether that
 * item is hidden.
 */
public interface ItemDirectory {

    /**
     * What a command needs to know about an item.
     *
     * @param hidden whether a facilitator has it hidden now
     */
    record Entry(String itemId, ItemType type, String groupId, String themeId, String authorId, boolean hidden) {}

    Optional<Entry> findItem(String itemId);
}
