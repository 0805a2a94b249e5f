package org.collaborative.app;

import org.collaborative.app.onboarding.OperatorCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The workspace: aggregates and the command side, event publication to Kafka, and the web UI. Started with
 * {@code create-administrator ...} it is instead the operator's command line ({@link OperatorCommand}).
 */
@SpringBootApplication
public class WorkspaceApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(OperatorCommand.NAME)) {
            System.exit(OperatorCommand.run(args, System.out));
        }
        SpringApplication.run(WorkspaceApplication.class, args);
    }
}
