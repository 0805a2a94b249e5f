package org.collaborative.app.member;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.collaborative.events.member.MemberRole;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Sign-in accounts and members' current personal details. The password hash is written only here, at registration;
 * the name, email and job title follow the member's events ({@link AccountsFromEvents}, which opens their sealed
 * personal data), and the row is deleted when the member is erased.
 */
@Repository
public class Accounts {

    /** A member as the UI shows them. */
    public record Account(
            String memberId,
            String email,
            String displayName,
            String jobTitle,
            String organisationId,
            MemberRole role,
            String passwordHash) {}

    private static final RowMapper<Account> ROW = (row, i) -> new Account(
            row.getString("member_id"),
            row.getString("email"),
            row.getString("display_name"),
            row.getString("job_title"),
            row.getString("organisation_id"),
            MemberRole.valueOf(row.getString("role")),
            row.getString("password_hash"));

    private final NamedParameterJdbcTemplate jdbc;

    Accounts(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Account> findByEmail(String email) {
        if (!storable(email)) {
            return Optional.empty();
        }
        return jdbc.query("select * from account where email = :email", Map.of("email", normalise(email)), ROW).stream()
                .findFirst();
    }

    public Optional<Account> find(String memberId) {
        if (!storable(memberId)) {
            return Optional.empty();
        }
        return jdbc
                .query("select * from account where member_id = :memberId", Map.of("memberId", memberId), ROW)
                .stream()
                .findFirst();
    }

    public boolean exists(String memberId) {
        if (!storable(memberId)) {
            return false;
        }
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists(select 1 from account where member_id = :memberId)",
                Map.of("memberId", memberId),
                Boolean.class));
    }

    /** Display names by member id, for the members given; unknown ids are left out. */
    public Map<String, Account> byMemberId(Collection<String> memberIds) {
        memberIds = memberIds.stream().filter(id -> id != null && storable(id)).toList();
        if (memberIds.isEmpty()) {
            return Map.of();
        }
        List<Account> found =
                jdbc.query("select * from account where member_id in (:ids)", Map.of("ids", memberIds), ROW);
        return found.stream().collect(Collectors.toMap(Account::memberId, Function.identity()));
    }

    /** Every account, by organisation then name; or one organisation's when {@code organisationId} is given. */
    public List<Account> directory(String organisationId) {
        if (!storable(organisationId)) {
            return List.of();
        }
        String where = organisationId == null ? "" : " where organisation_id = :organisationId";
        return jdbc.query(
                "select * from account" + where + " order by organisation_id, display_name",
                organisationId == null ? Map.of() : Map.of("organisationId", organisationId),
                ROW);
    }

    /** Adds the account unless one with the same member id or email exists; says whether it added it. */
    public boolean addIfAbsent(Account account) {
        return jdbc.update(
                        """
                        insert into account (member_id, email, display_name, job_title, organisation_id, role, password_hash)
                        values (:memberId, :email, :displayName, :jobTitle, :organisationId, :role, :passwordHash)
                        on conflict do nothing
                        """,
                        new MapSqlParameterSource()
                                .addValue("memberId", account.memberId())
                                .addValue("email", normalise(account.email()))
                                .addValue("displayName", account.displayName())
                                .addValue("jobTitle", account.jobTitle())
                                .addValue("organisationId", account.organisationId())
                                .addValue("role", account.role().name())
                                .addValue("passwordHash", account.passwordHash()))
                == 1;
    }

    /**
     * Sets the personal columns of a member's account to the details opened from their latest event; a null email
     * leaves the address as it is. Says whether the member has an account.
     */
    boolean updateDetails(String memberId, String displayName, String email, String jobTitle) {
        return jdbc.update(
                        """
                        update account set display_name = :displayName, job_title = :jobTitle,
                               email = coalesce(:email, email)
                        where member_id = :memberId
                        """,
                        new MapSqlParameterSource()
                                .addValue("memberId", memberId)
                                .addValue("displayName", displayName)
                                .addValue("jobTitle", jobTitle)
                                .addValue("email", email == null ? null : normalise(email)))
                == 1;
    }

    void changeRole(String memberId, MemberRole role) {
        jdbc.update(
                "update account set role = :role where member_id = :memberId",
                Map.of("memberId", memberId, "role", role.name()));
    }

    /** Whether a member can sign in: an invited member cannot until they accept and set a password. */
    public enum Status {
        ACTIVE,
        INVITED,
        /** Registered themselves and waiting for approval by an (organisation) administrator. */
        PENDING
    }

    /** A person invited and not yet signed up, as the invitations page lists them. */
    public record Invitee(
            String memberId,
            String email,
            String displayName,
            String jobTitle,
            String organisationId,
            MemberRole role,
            java.time.Instant invitedAt) {}

    /**
     * Writes the account of a member just registered from their opened details: a new row has no password and cannot
     * be signed in with until one is set ({@link #setPassword}); a row made beforehand (the demo seed writes its own
     * with a password) only takes the details. Says whether the email address was free.
     */
    boolean recordRegistration(
            String memberId,
            String organisationId,
            MemberRole role,
            String displayName,
            String email,
            String jobTitle) {
        return jdbc.update(
                        """
                        insert into account (member_id, email, display_name, job_title, organisation_id, role)
                        values (:memberId, :email, :displayName, :jobTitle, :organisationId, :role)
                        on conflict (member_id) do update set display_name = excluded.display_name,
                               job_title = excluded.job_title, email = excluded.email
                        """,
                        new MapSqlParameterSource()
                                .addValue("memberId", memberId)
                                .addValue("email", normalise(email))
                                .addValue("displayName", displayName)
                                .addValue("jobTitle", jobTitle)
                                .addValue("organisationId", organisationId)
                                .addValue("role", role.name()))
                == 1;
    }

    void changeStatus(String memberId, Status status, java.time.Instant invitedAt) {
        jdbc.update(
                "update account set status = :status, invited_at = coalesce(:invitedAt, invited_at)"
                        + " where member_id = :memberId",
                new MapSqlParameterSource()
                        .addValue("memberId", memberId)
                        .addValue("status", status.name())
                        .addValue(
                                "invitedAt",
                                invitedAt == null ? null : java.sql.Timestamp.from(invitedAt),
                                java.sql.Types.TIMESTAMP));
    }

    /** The account that may sign in with this address and a password: active, with a password set. */
    public Optional<Account> findForSignIn(String email) {
        if (!storable(email)) {
            return Optional.empty();
        }
        return jdbc
                .query(
                        "select * from account where email = :email and status = 'ACTIVE' and password_hash is not null",
                        Map.of("email", normalise(email)),
                        ROW)
                .stream()
                .findFirst();
    }

    public Optional<Status> status(String memberId) {
        if (!storable(memberId)) {
            return Optional.empty();
        }
        return jdbc
                .queryForList(
                        "select status from account where member_id = :memberId",
                        Map.of("memberId", memberId),
                        String.class)
                .stream()
                .map(Status::valueOf)
                .findFirst();
    }

    /** Sets a member's password hash: kept only here, never in an event (ADR 11). */
    public void setPassword(String memberId, String passwordHash) {
        jdbc.update(
                "update account set password_hash = :hash where member_id = :memberId",
                Map.of("memberId", memberId, "hash", passwordHash));
    }

    /** Invitations waiting to be accepted, oldest first; of one organisation when {@code organisationId} is given. */
    public List<Invitee> pendingInvitations(String organisationId) {
        if (!storable(organisationId)) {
            return List.of();
        }
        String where = organisationId == null ? "" : " and organisation_id = :organisationId";
        return jdbc.query(
                "select * from account where status = 'INVITED'" + where + " order by invited_at, display_name",
                organisationId == null ? Map.of() : Map.of("organisationId", organisationId),
                (row, i) -> new Invitee(
                        row.getString("member_id"),
                        row.getString("email"),
                        row.getString("display_name"),
                        row.getString("job_title"),
                        row.getString("organisation_id"),
                        MemberRole.valueOf(row.getString("role")),
                        row.getTimestamp("invited_at") == null
                                ? null
                                : row.getTimestamp("invited_at").toInstant()));
    }

    /**
     * People who registered themselves and wait for approval, oldest first; of one organisation when
     * {@code organisationId} is given. ({@code invitedAt} is when they registered.)
     */
    public List<Invitee> pendingRegistrations(String organisationId) {
        if (!storable(organisationId)) {
            return List.of();
        }
        String where = organisationId == null ? "" : " and organisation_id = :organisationId";
        return jdbc.query(
                "select * from account where status = 'PENDING'" + where + " order by created_at, display_name",
                organisationId == null ? Map.of() : Map.of("organisationId", organisationId),
                (row, i) -> new Invitee(
                        row.getString("member_id"),
                        row.getString("email"),
                        row.getString("display_name"),
                        row.getString("job_title"),
                        row.getString("organisation_id"),
                        MemberRole.valueOf(row.getString("role")),
                        row.getTimestamp("created_at").toInstant()));
    }

    /** The account of this address that waits for approval and has a password, for the sign-in page to say so. */
    public Optional<Account> findAwaitingApproval(String email) {
        if (!storable(email)) {
            return Optional.empty();
        }
        return jdbc
                .query(
                        "select * from account where email = :email and status = 'PENDING'"
                                + " and password_hash is not null",
                        Map.of("email", normalise(email)),
                        ROW)
                .stream()
                .findFirst();
    }

    /** Every administrator's account, whether or not they have accepted their invitation yet. */
    public List<Account> administrators() {
        return jdbc.query("select * from account where role = 'ADMINISTRATOR' order by created_at", Map.of(), ROW);
    }

    /** Deletes the member's account, with their name, email, job title and password hash. */
    public boolean remove(String memberId) {
        return jdbc.update("delete from account where member_id = :memberId", Map.of("memberId", memberId)) == 1;
    }

    /**
     * Whether an account could hold the value: PostgreSQL text never holds a NUL, and a query with one fails (a 500
     * for an address typed with one, found by the request fuzzer), so no account has it. Null is left to each query.
     */
    private static boolean storable(String value) {
        return value == null || value.indexOf('\u0000') < 0;
    }

    private static String normalise(String email) {
        return email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
