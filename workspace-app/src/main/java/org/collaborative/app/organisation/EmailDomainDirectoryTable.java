package org.collaborative.app.organisation;

import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.collaborative.events.organisation.OrganisationEmailDomainsSet;
import org.collaborative.events.organisation.RegistrationApproval;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The email domain directory in PostgreSQL ({@code organisation_email_domain}), kept by the subscribing
 * "command-directory" processor in the transaction that records each event, so it is never stale for the next
 * command. Its primary key makes a domain one organisation's even when two commands race.
 */
@Component
@ProcessingGroup("command-directory")
class EmailDomainDirectoryTable implements EmailDomainDirectory {

    private static final RowMapper<EmailDomain> ROW = (row, i) -> new EmailDomain(
            row.getString("domain"),
            row.getString("organisation_id"),
            RegistrationApproval.valueOf(row.getString("approval")));

    private final JdbcTemplate jdbc;

    EmailDomainDirectoryTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<EmailDomain> find(String domain) {
        return jdbc.query("select * from organisation_email_domain where domain = ?", ROW, domain).stream()
                .findFirst();
    }

    @Override
    public List<EmailDomain> all() {
        return jdbc.query("select * from organisation_email_domain order by organisation_id, domain", ROW);
    }

    @EventHandler
    void on(OrganisationEmailDomainsSet event) {
        jdbc.update("delete from organisation_email_domain where organisation_id = ?", event.organisationId());
        for (String domain : event.domains()) {
            jdbc.update(
                    "insert into organisation_email_domain (domain, organisation_id, approval) values (?, ?, ?)",
                    domain,
                    event.organisationId(),
                    event.approval().name());
        }
    }
}
