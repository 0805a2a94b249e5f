package org.collaborative.projections;

import java.time.Clock;
import org.collaborative.projections.rebuild.RebuildCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Consumes collaborative.events from Kafka and builds the MongoDB views the workspace reads. Started with
 * {@code rebuild <view>} it is instead the operators' command line: it asks the running instances to rebuild a view
 * and follows the rebuild to its end.
 */
@SpringBootApplication
@EnableScheduling
public class ProjectionsApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(RebuildCommand.NAME)) {
            System.exit(RebuildCommand.run(args, System.out, System.err));
        }
        SpringApplication.run(ProjectionsApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
