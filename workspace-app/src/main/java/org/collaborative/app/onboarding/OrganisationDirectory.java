package org.collaborative.app.onboarding;

import org.collaborative.events.organisation.OrganisationRegistered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether an organisation exists, asked of the event store itself (an indexed lookup by aggregate id), so that the
 * operator's command line can check one on a stopped install, before any view is built.
 */
@Component
public class OrganisationDirectory {

    private final JdbcTemplate jdbc;

    OrganisationDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(String organisationId) {
        return organisationId != null
                && Boolean.TRUE.equals(jdbc.queryForObject(
                        "select exists(select 1 from domain_event_entry where aggregate_identifier = ?"
                                + " and payload_type = ?)",
                        Boolean.class,
                        organisationId,
                        OrganisationRegistered.class.getName()));
    }
}
