package org.collaborative.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.collaborative.app.support.Browser;
import org.collaborative.app.support.RunningWorkspace;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bulk import of members (issue 13): an administrator uploads a CSV of people, reads the preview of every row and
 * sends the invitations, against raw JDBC inserts of the same rows. Each round imports a file of new people (so every
 * row is invited: none has an account yet).
 */
final class ImportBenchmark {

    /** Rows per file: half of what one file may hold ({@code BulkImport.MAX_ROWS}, 2,000). */
    static final int ROWS = Integer.getInteger("benchmarks.import.rows", 1_000);

    private static final String SAM = "sam.lee@londoncouncils.example";

    private ImportBenchmark() {}

    static Benchmarks.Figure figure(RunningWorkspace workspace, String password) {
        Browser sam = workspace.browser().signIn(SAM, password);
        JdbcTemplate jdbc = workspace.jdbc();
        jdbc.execute("create table if not exists bench_person (id varchar(64) primary key, name varchar(200) not null,"
                + " email varchar(320) not null, organisation varchar(200) not null, role varchar(40) not null,"
                + " job_title varchar(200))");
        AtomicInteger files = new AtomicInteger();
        return Benchmarks.rounds(
                        List.of(new Benchmarks.Spec(
                                "Bulk import of members",
                                "people imported per second (a CSV of " + ROWS + " new people: uploaded, previewed,"
                                        + " sent)",
                                "raw JDBC inserts per second of the same rows (one thread)",
                                "per second",
                                true,
                                "the administrator's two requests, as the import page makes them: the upload of a"
                                        + " CSV of " + ROWS + " people new to the workspace (four councils, two"
                                        + " roles), answered with the preview of every row, then the send, which"
                                        + " reads the file again and invites each row (the InviteMember command with"
                                        + " the person's details sealed under a key of their own, a signed link,"
                                        + " the email to the embedded SMTP server); timed from the upload to the"
                                        + " redirect after the last invitation. Baseline: the same rows inserted"
                                        + " one by one into a plain table of the same five columns with"
                                        + " JdbcTemplate on the same PostgreSQL.")),
                        () -> new double[] {imported(workspace, sam, rows(files.incrementAndGet()))},
                        () -> new double[] {inserted(jdbc, rows(files.incrementAndGet()))})
                .get(0);
    }

    /** Uploads the file, checks its preview and sends it; people per second over both requests. */
    private static double imported(RunningWorkspace workspace, Browser sam, List<String[]> rows) {
        StringBuilder csv = new StringBuilder("name,email,organisation,role,job title\r\n");
        for (String[] row : rows) {
            csv.append(String.join(",", row)).append("\r\n");
        }
        sam.get("/admin/invitations/import");
        long started = System.nanoTime();
        HttpResponse<String> preview = upload(workspace, sam, csv.toString());
        if (!preview.body().contains(rows.size() + " to invite")) {
            throw new IllegalStateException("The preview did not offer to invite everyone: " + preview.statusCode());
        }
        HttpResponse<String> sent = sam.post("/admin/invitations/import/send", Map.of("csv", csv.toString()));
        double seconds = (System.nanoTime() - started) / 1e9;
        String location = sent.headers().firstValue("Location").orElse("");
        if (!location.endsWith("?imported=" + rows.size())) {
            throw new IllegalStateException(
                    "The import did not invite everyone: " + sent.statusCode() + " " + location);
        }
        return rows.size() / seconds;
    }

    /** The same rows inserted one by one, as plain JDBC would. */
    private static double inserted(JdbcTemplate jdbc, List<String[]> rows) {
        return Benchmarks.perSecond(rows.size(), () -> {
            for (String[] row : rows) {
                jdbc.update(
                        "insert into bench_person (id, name, email, organisation, role, job_title)"
                                + " values (?, ?, ?, ?, ?, ?)",
                        UUID.randomUUID().toString(),
                        row[0],
                        row[1],
                        row[2],
                        row[3],
                        row[4]);
            }
        });
    }

    /** A file's people: name, email (new in every file), organisation, role and job title. */
    static List<String[]> rows(int file) {
        List<String> councils = List.of("Camden", "Hackney", "Islington", "Lewisham");
        List<String> roles = List.of("Service leader", "Councillor");
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            String council = councils.get(i % councils.size());
            rows.add(new String[] {
                "Officer " + file + "-" + i,
                "officer." + file + "." + i + "@" + council.toLowerCase(java.util.Locale.UK) + ".example",
                council,
                roles.get(i % roles.size()),
                "Housing officer"
            });
        }
        return rows;
    }

    /** Uploads a CSV as the import page's form does: multipart, with the CSRF token of the last page read. */
    private static HttpResponse<String> upload(RunningWorkspace workspace, Browser browser, String csv) {
        String boundary = "----import" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
                + browser.csrfToken() + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"people.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(workspace.baseUrl() + "/admin/invitations/import"))
                                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                    .header("Cookie", browser.cookieHeader())
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
