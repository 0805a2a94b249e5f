package org.collaborative.app.onboarding;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.collaborative.app.WorkspaceApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The workspace jar's operator command line: {@code java -jar workspace-app.jar create-administrator --email=...
 * --name=... --organisation=... [--job-title=...]} (or {@code ./run.sh create-administrator ...}). It starts the
 * application against the configured database (with its usual settings and any {@code --property=value} given, its
 * web server on a free loopback port so that it can run beside a running instance), creates the first administrator
 * ({@link FirstAdministrator}), prints what it did and exits.
 */
public final class OperatorCommand {

    public static final String NAME = "create-administrator";
    public static final int DONE = 0;
    public static final int USAGE_ERROR = 2;
    public static final int REFUSED = 3;

    private OperatorCommand() {}

    /** Runs the command; returns the exit status. */
    public static int run(String[] args, PrintStream out) {
        String email = option(args, "email");
        String name = option(args, "name");
        String organisation = option(args, "organisation");
        String jobTitle = option(args, "job-title");
        if (email == null || name == null || organisation == null) {
            out.println("Usage: create-administrator --email=<address> --name=<name> --organisation=<organisation id>"
                    + " [--job-title=<job title>] [--<property>=<value> ...]");
            return USAGE_ERROR;
        }
        List<String> spring = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            spring.add(args[i]);
        }
        if (spring.stream().noneMatch(argument -> argument.startsWith("--server.port="))) {
            spring.add("--server.port=0");
            spring.add("--server.address=127.0.0.1");
        }
        try (ConfigurableApplicationContext context =
                new SpringApplicationBuilder(WorkspaceApplication.class).run(spring.toArray(String[]::new))) {
            FirstAdministrator.Outcome outcome =
                    context.getBean(FirstAdministrator.class).create(email, name, organisation, jobTitle);
            out.println(outcome.message());
            return outcome.exitStatus();
        }
    }

    private static String option(String[] args, String name) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                String value = arg.substring(name.length() + 3).strip();
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }
}
