package org.collaborative.app.item;

import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.collaborative.events.evidence.EvidenceSubmitted;
import org.collaborative.events.moderation.ItemHidden;
import org.collaborative.events.moderation.ItemRestored;
import org.collaborative.events.proposal.ProposalDrafted;
import org.collaborative.events.question.QuestionPosted;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The item directory in PostgreSQL, kept by the subscribing "command-directory" processor with the events. */
@Component
@ProcessingGroup("command-directory")
class ItemDirectoryTable implements ItemDirectory {

    private final JdbcTemplate jdbc;

    ItemDirectoryTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Entry> findItem(String itemId) {
        return jdbc
                .query(
                        "select item_id, item_type, group_id, theme_id, author_id, hidden from item_directory"
                                + " where item_id = ?",
                        (row, i) -> new Entry(
                                row.getString(1),
                                ItemType.fromKey(row.getString(2)),
                                row.getString(3),
                                row.getString(4),
                                row.getString(5),
                                row.getBoolean(6)),
                        itemId)
                .stream()
                .findFirst();
    }

    @EventHandler
    void on(QuestionPosted event) {
        add(event.questionId(), ItemType.QUESTION, event.groupId(), event.themeId(), event.askedBy());
    }

    @EventHandler
    void on(EvidenceSubmitted event) {
        add(event.evidenceId(), ItemType.EVIDENCE, event.groupId(), event.themeId(), event.submittedBy());
    }

    @EventHandler
    void on(ProposalDrafted event) {
        add(event.proposalId(), ItemType.PROPOSAL, event.groupId(), event.themeId(), event.draftedBy());
    }

    /** Of an item; a comment is not in the directory, so its events change nothing. */
    @EventHandler
    void on(ItemHidden event) {
        jdbc.update("update item_directory set hidden = true where item_id = ?", event.itemId());
    }

    @EventHandler
    void on(ItemRestored event) {
        jdbc.update("update item_directory set hidden = false where item_id = ?", event.itemId());
    }

    private void add(String itemId, ItemType type, String groupId, String themeId, String authorId) {
        jdbc.update("""
                insert into item_directory (item_id, item_type, group_id, theme_id, author_id) values (?, ?, ?, ?, ?)
                on conflict (item_id) do nothing
                """, itemId, type.key(), groupId, themeId, authorId);
    }
}
