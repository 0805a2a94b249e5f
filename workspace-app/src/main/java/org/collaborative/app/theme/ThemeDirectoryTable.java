package org.collaborative.app.theme;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.collaborative.events.theme.ThemeCreated;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The theme directory in PostgreSQL, kept by the subscribing "command-directory" processor: it is written in the same
 * transaction as the events, so it is never stale for the next command.
 */
@Component
@ProcessingGroup("command-directory")
class ThemeDirectoryTable implements ThemeDirectory {

    private final JdbcTemplate jdbc;

    ThemeDirectoryTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean exists(String themeId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists(select 1 from theme_directory where theme_id = ?)", Boolean.class, themeId));
    }

    @Override
    public boolean isArchived(String themeId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists(select 1 from theme_directory where theme_id = ? and archived)",
                Boolean.class,
                themeId));
    }

    @EventHandler
    void on(org.collaborative.events.theme.ThemeArchived event) {
        jdbc.update("update theme_directory set archived = true where theme_id = ?", event.themeId());
    }

    @EventHandler
    void on(ThemeCreated event) {
        jdbc.update(
                "insert into theme_directory (theme_id, title) values (?, ?) on conflict (theme_id) do nothing",
                event.themeId(),
                event.title());
    }
}
