package org.collaborative.app.personaldata;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The append-only security log ({@code privacy.security_log}): who signed in, which sign-ins were refused, whose role
 * changed, who was erased, and which personal access tokens were created and revoked. Entries name members by id and never hold a password or a name; a refused sign-in keeps
 * only a masked form of the address typed.
 */
@Repository
public class SecurityLog {

    /** What an entry records. */
    public enum Kind {
        SIGNED_IN("Signed in"),
        SIGN_IN_REFUSED("Sign-in refused"),
        ROLE_CHANGED("Role changed"),
        MEMBER_ERASED("Member erased"),
        TOKEN_CREATED("Access token created"),
        TOKEN_REVOKED("Access token revoked"),
        FIRST_ADMINISTRATOR("First administrator (operator)"),
        MEMBER_INVITED("Invited"),
        INVITATION_RESENT("Invitation resent"),
        INVITATION_ACCEPTED("Invitation accepted"),
        INVITATION_REVOKED("Invitation revoked"),
        PASSWORD_CHANGED("Password changed"),
        PASSWORD_RESET_REQUESTED("Password reset requested"),
        PASSWORD_RESET("Password reset"),
        SELF_REGISTERED("Registered themselves"),
        REGISTRATION_APPROVED("Registration approved"),
        REGISTRATION_DECLINED("Registration declined"),
        BACKUP_TAKEN("Backup taken (operator)"),
        RESTORED("Restored from a backup (operator)");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One entry, as the administrators' page shows it. */
    public record Entry(
            long id, Instant at, Kind kind, String memberId, String actorId, String detail, String remoteAddress) {}

    private final JdbcTemplate jdbc;

    /** Public for the operator's backup and restore, which run without the application (BackupCommands). */
    public SecurityLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void append(Instant at, Kind kind, String memberId, String actorId, String detail, String remoteAddress) {
        jdbc.update(
                """
                insert into privacy.security_log (at, kind, member_id, actor_id, detail, remote_address)
                values (?, ?, ?, ?, ?, ?)
                """,
                Timestamp.from(at),
                kind.name(),
                memberId,
                actorId,
                detail == null ? "" : truncate(printable(detail), 500),
                remoteAddress == null ? null : truncate(printable(remoteAddress), 64));
    }

    /** The latest entries, newest first; optionally of one kind only. */
    public List<Entry> latest(Kind kind, int limit) {
        String where = kind == null ? "" : " where kind = '" + kind.name() + "'";
        return jdbc.query(
                "select * from privacy.security_log" + where + " order by entry_id desc limit ?",
                (row, i) -> new Entry(
                        row.getLong("entry_id"),
                        row.getTimestamp("at").toInstant(),
                        Kind.valueOf(row.getString("kind")),
                        row.getString("member_id"),
                        row.getString("actor_id"),
                        row.getString("detail"),
                        row.getString("remote_address")),
                limit);
    }

    /**
     * An email address as the log may keep it: the first two characters of the local part and the domain
     * ("to…@camden.example"), enough to spot a pattern of attempts, not enough to name the person.
     */
    public static String mask(String email) {
        if (email == null || email.isBlank()) {
            return "(none given)";
        }
        String typed = email.strip().toLowerCase(java.util.Locale.ROOT);
        int at = typed.lastIndexOf('@');
        if (at < 0) {
            return truncate(typed, 2) + "… (not an email address)";
        }
        return truncate(typed.substring(0, at), 2) + "…@" + truncate(typed.substring(at + 1), 100);
    }

    /**
     * What was typed, as the log can keep and an administrator read it: each control character (a NUL, which
     * PostgreSQL text cannot hold, a line break) becomes U+FFFD. Found by the request fuzzer: a sign-in refused for an
     * address typed with a NUL failed to be logged, and the sign-in page answered 500.
     */
    static String printable(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().forEach(c -> kept.appendCodePoint(Character.isISOControl(c) ? 0xFFFD : c));
        return kept.toString();
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
