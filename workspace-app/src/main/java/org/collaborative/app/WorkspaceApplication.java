package org.collaborative.app;

import org.collaborative.app.onboarding.BackupCommands;
import org.collaborative.app.onboarding.OperatorCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The workspace: aggregates and the command side, event publication to Kafka, and the web UI. Started with
 * {@code create-administrator ...} it is instead the operator's command line ({@link OperatorCommand}); with
 * {@code backup} or {@code restore}, the embedded default's backup and restore ({@link BackupCommands}).
 */
@SpringBootApplication
public class WorkspaceApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(OperatorCommand.NAME)) {
            System.exit(OperatorCommand.run(args, System.out));
        }
        if (args.length > 0 && BackupCommands.handles(args[0])) {
            System.exit(BackupCommands.run(args, System.out, java.time.Clock.systemUTC()));
        }
        SpringApplication.run(WorkspaceApplication.class, args);
    }
}
