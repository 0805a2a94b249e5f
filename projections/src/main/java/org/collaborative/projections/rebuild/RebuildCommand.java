package org.collaborative.projections.rebuild;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.collaborative.views.rebuild.Rebuild;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * {@code java -jar projections.jar rebuild <view> [--mongodb-uri=...] [--no-wait]}: asks the running projections
 * instances to rebuild a view and, unless told not to wait, prints its progress until it is done. Exit status 0 when
 * the rebuild is done (or requested with {@code --no-wait}), 1 when it failed, 2 for a request that cannot be taken.
 * The MongoDB address comes from {@code --mongodb-uri}, else {@code SPRING_MONGODB_URI}, else the embedded default.
 */
public final class RebuildCommand {

    public static final String NAME = "rebuild";
    static final String DEFAULT_URI = "mongodb://127.0.0.1:27017/collaborative";
    private static final Duration POLL = Duration.ofMillis(500);

    private RebuildCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> options =
                Arrays.stream(args).skip(1).filter(a -> a.startsWith("--")).toList();
        List<String> views =
                Arrays.stream(args).skip(1).filter(a -> !a.startsWith("--")).toList();
        String uri = options.stream()
                .filter(o -> o.startsWith("--mongodb-uri="))
                .map(o -> o.substring("--mongodb-uri=".length()))
                .findFirst()
                .orElse(Objects.requireNonNullElse(System.getenv("SPRING_MONGODB_URI"), DEFAULT_URI));
        boolean wait = !options.contains("--no-wait");
        try (MongoClient client = MongoClients.create(uri)) {
            RebuildRequests requests = new RebuildRequests(
                    new MongoTemplate(
                            client,
                            Objects.requireNonNullElse(new ConnectionString(uri).getDatabase(), "collaborative")),
                    Clock.systemUTC());
            if (views.size() != 1) {
                err.println("Usage: rebuild <view> [--mongodb-uri=mongodb://...] [--no-wait]");
                err.println("Views: " + requests.views());
                return 2;
            }
            Rebuild rebuild;
            try {
                rebuild = requests.request(views.get(0), "command line (" + System.getProperty("user.name") + ")");
            } catch (IllegalArgumentException refused) {
                err.println(refused.getMessage());
                return 2;
            }
            out.println("Requested a rebuild of " + rebuild.view() + " (" + rebuild.id() + ")");
            if (!wait) {
                return 0;
            }
            String last = "";
            while (true) {
                rebuild = requests.find(rebuild.id()).orElseThrow();
                String line = describe(rebuild);
                if (!line.equals(last)) {
                    out.println(line);
                    last = line;
                }
                if (rebuild.finished()) {
                    return rebuild.state() == Rebuild.State.DONE ? 0 : 1;
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("Stopped following; the rebuild goes on");
            return 1;
        }
    }

    static String describe(Rebuild rebuild) {
        return switch (rebuild.state()) {
            case REQUESTED -> "Waiting for a projections instance to start it";
            case RUNNING ->
                "%s: %d of %d events (%d%%)"
                        .formatted(rebuild.view(), rebuild.applied(), rebuild.total(), percent(rebuild));
            case DONE -> "%s rebuilt from %d events and swapped in".formatted(rebuild.view(), rebuild.applied());
            case FAILED -> "The rebuild failed, the live view is unchanged: " + rebuild.error();
        };
    }

    public static int percent(Rebuild rebuild) {
        return rebuild.total() == 0 ? 100 : (int) Math.min(100, rebuild.applied() * 100 / rebuild.total());
    }
}
