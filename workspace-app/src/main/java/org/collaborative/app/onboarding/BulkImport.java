package org.collaborative.app.onboarding;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.member.Member;
import org.collaborative.app.member.Roles;
import org.collaborative.events.member.MemberRole;

/**
 * Reads a CSV of people to invite (columns {@code name}, {@code email}, {@code organisation}, {@code role},
 * {@code job title}, in any order, the header row first) and says what would happen to each row before anything is
 * created: invited, skipped (an account with that address exists already, so importing the same file again creates
 * nobody twice) or refused with every problem the row has. Pure: what exists is asked through the functions given.
 */
public final class BulkImport {

    /** What would happen to a row. */
    public enum Outcome {
        INVITE,
        ALREADY_HAS_AN_ACCOUNT,
        ERROR
    }

    /** One row of the file as read, and what would happen to it. */
    public record Row(
            int line,
            String name,
            String email,
            String organisationId,
            String organisationName,
            MemberRole role,
            String jobTitle,
            Outcome outcome,
            List<String> errors) {

        public Invitations.Invite invite() {
            return new Invitations.Invite(name, email, organisationId, role, jobTitle);
        }
    }

    /** The preview: every row, or why the file as a whole cannot be read. */
    public record Preview(List<Row> rows, List<String> fileErrors) {

        public long count(Outcome outcome) {
            return rows.stream().filter(row -> row.outcome() == outcome).count();
        }

        public boolean canImport() {
            return fileErrors.isEmpty() && count(Outcome.ERROR) == 0 && count(Outcome.INVITE) > 0;
        }
    }

    public static final int MAX_ROWS = 2_000;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final List<String> COLUMNS = List.of("name", "email", "organisation", "role", "job title");

    private final Map<String, String> organisationIdsByKey;
    private final Map<String, String> organisationNames;
    private final Predicate<String> hasAccount;

    /**
     * @param organisationNames every organisation's name by id (a row may give either)
     * @param hasAccount whether an account has this email address already
     */
    public BulkImport(Map<String, String> organisationNames, Predicate<String> hasAccount) {
        this.organisationNames = organisationNames;
        this.hasAccount = hasAccount;
        this.organisationIdsByKey = new LinkedHashMap<>();
        organisationNames.forEach((id, name) -> {
            organisationIdsByKey.put(key(id), id);
            organisationIdsByKey.put(key(name), id);
        });
    }

    public Preview preview(String csv, Actor actor) {
        List<String> fileErrors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .setAllowMissingColumnNames(true)
                .get();
        try (CSVParser parser = CSVParser.parse(new StringReader(stripBom(csv)), format)) {
            Map<String, String> columns = new LinkedHashMap<>();
            for (String header : parser.getHeaderNames()) {
                columns.put(key(header).replace('_', ' '), header);
            }
            for (String column : COLUMNS) {
                if (!column.equals("job title") && !columns.containsKey(column)) {
                    fileErrors.add("The file has no ‘" + column + "’ column: the first row must name the columns"
                            + " name, email, organisation, role and job title");
                }
            }
            if (!fileErrors.isEmpty()) {
                return new Preview(List.of(), fileErrors);
            }
            Set<String> seen = new HashSet<>();
            for (CSVRecord record : parser) {
                if (rows.size() == MAX_ROWS) {
                    fileErrors.add("The file has more than " + MAX_ROWS + " rows: split it into smaller files");
                    break;
                }
                rows.add(row(record, columns, seen, actor));
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException unreadable) {
            return new Preview(
                    List.of(),
                    List.of("The file is not a CSV file that can be read: save it as CSV"
                            + " (comma separated values) and try again"));
        }
        if (rows.isEmpty() && fileErrors.isEmpty()) {
            fileErrors.add("The file has no people in it");
        }
        return new Preview(rows, fileErrors);
    }

    private Row row(CSVRecord record, Map<String, String> columns, Set<String> seen, Actor actor) {
        Function<String, String> value = column -> {
            String header = columns.get(column);
            return header == null || !record.isSet(header)
                    ? ""
                    : record.get(header).strip();
        };
        int line = (int) record.getRecordNumber() + 1;
        String name = value.apply("name");
        String email = value.apply("email").toLowerCase(Locale.ROOT);
        String organisation = value.apply("organisation");
        String roleText = value.apply("role");
        String jobTitle = value.apply("job title");
        List<String> errors = new ArrayList<>();
        if (name.isEmpty()) {
            errors.add("Enter a name");
        } else if (name.length() > Member.MAX_NAME) {
            errors.add("Name must be " + Member.MAX_NAME + " characters or fewer");
        }
        if (email.isEmpty()) {
            errors.add("Enter an email address");
        } else if (!EMAIL.matcher(email).matches() || email.length() > Member.MAX_EMAIL) {
            errors.add("Enter an email address in the correct format, like name@example.com");
        } else if (!seen.add(email)) {
            errors.add("This email address is on an earlier row too");
        }
        String organisationId = organisationIdsByKey.get(key(organisation));
        if (organisationId == null) {
            errors.add(
                    organisation.isEmpty()
                            ? "Enter an organisation"
                            : "No organisation is called ‘" + organisation + "’");
        } else if (actor.role() == MemberRole.ORGANISATION_ADMINISTRATOR
                && !organisationId.equals(actor.organisationId())) {
            errors.add("You can only invite people to your own organisation");
        }
        Optional<MemberRole> role = role(roleText);
        if (role.isEmpty()) {
            errors.add(roleText.isEmpty() ? "Enter a role" : "No role is called ‘" + roleText + "’");
        } else if (role.get() == MemberRole.ADMINISTRATOR && actor.role() != MemberRole.ADMINISTRATOR) {
            errors.add("Only an administrator can invite another administrator");
        }
        if (jobTitle.length() > Member.MAX_JOB_TITLE) {
            errors.add("Job title must be " + Member.MAX_JOB_TITLE + " characters or fewer");
        }
        Outcome outcome = !errors.isEmpty()
                ? Outcome.ERROR
                : hasAccount.test(email) ? Outcome.ALREADY_HAS_AN_ACCOUNT : Outcome.INVITE;
        return new Row(
                line,
                name,
                email,
                organisationId,
                organisationId == null ? organisation : organisationNames.get(organisationId),
                role.orElse(null),
                jobTitle,
                outcome,
                List.copyOf(errors));
    }

    /** A role by its name on pages ("Service leader") or its code (SERVICE_LEADER), whatever the case. */
    static Optional<MemberRole> role(String text) {
        String wanted = key(text).replace('_', ' ');
        for (MemberRole role : MemberRole.values()) {
            if (key(Roles.label(role)).equals(wanted)
                    || key(role.name()).replace('_', ' ').equals(wanted)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    private static String key(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    private static String stripBom(String csv) {
        return csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
    }
}
