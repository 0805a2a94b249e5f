package org.collaborative.app.member;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The account directory on a real PostgreSQL, asked with what people type. Found by the request fuzzer: an email
 * address or an organisation with a NUL in it (a group's invitation form, the member directory's filter, sign-in)
 * reached PostgreSQL, which refuses a NUL in text, and the page was a 500. No account can hold one: nothing is found.
 */
class AccountsTableTest {

    private static final String MIGRATIONS = "src/main/resources/db/migration/";

    private static EmbeddedPostgres postgres;
    private static Accounts accounts;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
        jdbc.execute(Files.readString(Path.of(MIGRATIONS + "V3__accounts.sql")));
        // The account columns V50 adds (the rest of that migration needs schemas this test has no use for).
        Files.readString(Path.of(MIGRATIONS + "V50__onboarding.sql"))
                .lines()
                .filter(line -> line.startsWith("alter table account "))
                .forEach(jdbc::execute);
        jdbc.update("insert into account (member_id, email, display_name, organisation_id, role, password_hash)"
                + " values ('m1', 'tom@camden.example', 'Tom', 'E09000007', 'SERVICE_LEADER', '{noop}x')");
        accounts = new Accounts(new NamedParameterJdbcTemplate(jdbc));
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void whatHoldsANulFindsNothing() {
        assertThat(accounts.findByEmail("tom@camden.example\u0000")).isEmpty();
        assertThat(accounts.findForSignIn("\u0000")).isEmpty();
        assertThat(accounts.findAwaitingApproval("a\u0000b")).isEmpty();
        assertThat(accounts.find("m1\u0000")).isEmpty();
        assertThat(accounts.exists("\u0000")).isFalse();
        assertThat(accounts.status("\u0000")).isEmpty();
        assertThat(accounts.directory("\u0000")).isEmpty();
        assertThat(accounts.pendingInvitations("\u0000")).isEmpty();
        assertThat(accounts.pendingRegistrations("\u0000")).isEmpty();
        assertThat(accounts.byMemberId(List.of("m1", "\u0000"))).containsOnlyKeys("m1");
    }

    @Test
    void whatHoldsNoneIsFoundAsBefore() {
        assertThat(accounts.findByEmail("Tom@Camden.example")).isPresent();
        assertThat(accounts.directory("E09000007")).hasSize(1);
    }
}
