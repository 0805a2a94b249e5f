package org.collaborative.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.collaborative.app.support.RequestFuzzer;
import org.collaborative.app.support.RunningWorkspace;

/**
 * The long run of the request fuzzer (issue 17): at least 100,000 generated requests against every API operation in
 * the OpenAPI document and every form the demo members of each role reach, on the whole embedded stack with the demo
 * seeded and the posting, sign-in, registration and reset limits raised. Too slow for the test command, whose
 * {@code BrowserJourneysIT} runs a fixed sample of the same fuzzer; see docs/operations.md, "Fuzzing".
 *
 * <pre>./mvnw -B -Pfuzzing -DskipTests verify -pl benchmarks -am [-Dfuzz.requests=100000 -Dfuzz.seed=17]</pre>
 *
 * Writes what it found to {@code benchmarks/target/fuzzing-report.txt} (each failure with the seed and its request)
 * and exits with status 1 if any request broke a rule.
 */
public final class Fuzzing {

    private Fuzzing() {}

    public static void main(String[] arguments) throws IOException {
        long seed = Long.getLong("fuzz.seed", 17L);
        int requests = Integer.getInteger("fuzz.requests", 100_000);
        int pages = Integer.getInteger("fuzz.pages-per-member", 120);
        Path report = Path.of(System.getProperty("fuzz.report", "target/fuzzing-report.txt"));
        Path data = Files.createTempDirectory("collaborative-fuzzing");
        RequestFuzzer.Report result;
        try (RunningWorkspace workspace = RunningWorkspace.start(
                data, RunningWorkspace.Ports.free(), RequestFuzzer.RAISED_LIMITS.toArray(String[]::new))) {
            result = RequestFuzzer.run(
                    workspace.baseUrl(),
                    new RequestFuzzer.Settings(
                            seed, requests, pages, RequestFuzzer.DEMO_MEMBERS, RequestFuzzer.DEMO_PASSWORD),
                    line -> System.out.println(line));
        }
        List<String> lines = new ArrayList<>();
        lines.add(result.summary());
        lines.add("Requests per target: " + result.targets());
        result.failures().forEach(failure -> lines.add(failure.toString()));
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.write(report, lines);
        lines.forEach(System.out::println);
        System.exit(result.failures().isEmpty() ? 0 : 1);
    }
}
