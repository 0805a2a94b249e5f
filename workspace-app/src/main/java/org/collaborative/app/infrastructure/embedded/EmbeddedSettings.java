package org.collaborative.app.infrastructure.embedded;

import java.nio.file.Path;
import org.springframework.core.env.Environment;

/**
 * Where and how the embedded default runs: one data folder, three loopback ports, one set of credentials.
 *
 * @param dataDirectory everything the stack stores lives below it ({@code postgres/}, {@code kafka/}, {@code mongo/})
 * @param durable whether what the stores acknowledge is on disk before they answer (PostgreSQL's {@code fsync},
 *     {@code synchronous_commit} and {@code full_page_writes}, a Kafka flush per append, an MVStore sync per MongoDB
 *     command). True unless {@code collaborative.embedded.durable} is false, which only the tests set, for speed.
 */
public record EmbeddedSettings(
        Path dataDirectory,
        int postgresPort,
        String database,
        String username,
        String password,
        int kafkaPort,
        int kafkaControllerPort,
        int mongoPort,
        boolean durable) {

    public static final String PREFIX = "collaborative.embedded.";

    /** Reads the settings from Spring configuration, with the documented defaults. */
    public static EmbeddedSettings from(Environment env) {
        return new EmbeddedSettings(
                Path.of(env.getProperty(PREFIX + "data-dir", "./data"))
                        .toAbsolutePath()
                        .normalize(),
                env.getProperty(PREFIX + "postgres.port", Integer.class, 54329),
                env.getProperty(PREFIX + "postgres.database", "collaborative"),
                env.getProperty(PREFIX + "postgres.username", "collaborative"),
                env.getProperty(PREFIX + "postgres.password", "collaborative"),
                env.getProperty(PREFIX + "kafka.port", Integer.class, 9092),
                env.getProperty(PREFIX + "kafka.controller-port", Integer.class, 9093),
                env.getProperty(PREFIX + "mongo.port", Integer.class, 27017),
                env.getProperty(PREFIX + "durable", Boolean.class, true));
    }
}
