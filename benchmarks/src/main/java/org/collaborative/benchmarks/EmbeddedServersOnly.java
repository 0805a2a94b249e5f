package org.collaborative.benchmarks;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.collaborative.app.infrastructure.embedded.EmbeddedSettings;
import org.collaborative.app.infrastructure.embedded.EmbeddedStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cold-start baseline: a JVM that starts only the three embedded servers (PostgreSQL, Kafka, MongoDB) exactly as
 * the workspace app does, with no Spring context, and prints {@link #READY} once all three are up. Launched from the
 * workspace app's own jar (Spring Boot's PropertiesLauncher, with this module's classes on loader.path). Stops the
 * servers on SIGTERM.
 *
 * <p>Arguments: data directory, PostgreSQL port, Kafka port, Kafka controller port, MongoDB port.
 */
public final class EmbeddedServersOnly {

    static final String READY = "embedded servers ready";

    private EmbeddedServersOnly() {}

    public static void main(String[] args) throws Exception {
        quietLikeTheApp();
        EmbeddedSettings settings = new EmbeddedSettings(
                Path.of(args[0]).toAbsolutePath().normalize(),
                Integer.parseInt(args[1]),
                "collaborative",
                "collaborative",
                "collaborative",
                Integer.parseInt(args[2]),
                Integer.parseInt(args[3]),
                Integer.parseInt(args[4]),
                true);
        Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedStack::stop));
        EmbeddedStack.start(settings).awaitAll();
        System.out.println(READY);
        System.out.flush();
        new CountDownLatch(1).await();
    }

    /** The log levels the workspace app's application.yml sets for the servers (root at INFO). */
    private static void quietLikeTheApp() {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        logging.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
        for (String name : List.of(
                "kafka",
                "state.change.logger",
                "org.apache.kafka",
                "io.zonky.test.db.postgres",
                "de.bwaldvogel.mongo")) {
            logging.getLogger(name).setLevel(Level.WARN);
        }
    }
}
