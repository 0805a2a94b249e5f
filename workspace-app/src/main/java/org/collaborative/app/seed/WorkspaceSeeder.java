package org.collaborative.app.seed;

import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * On the first start (an empty event store) creates the reference data, and on the embedded default a small demo
 * workspace, by sending ordinary commands: the seed goes through the same rules, events and projections as any
 * member's work. Later starts find events in the store and send nothing. Ids are stable, so two instances starting
 * together cannot create anything twice: the second create of an aggregate fails and is passed over.
 */
@Component
class WorkspaceSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(WorkspaceSeeder.class);

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final DemoWorkspace demo;
    private final Clock clock;
    private final boolean referenceData;
    private final boolean demoWorkspace;

    WorkspaceSeeder(
            CommandGateway commands,
            JdbcTemplate jdbc,
            DemoWorkspace demo,
            Clock clock,
            @Value("${collaborative.seed.reference-data:true}") boolean referenceData,
            @Value("${collaborative.seed.demo-workspace:false}") boolean demoWorkspace) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.demo = demo;
        this.clock = clock;
        this.referenceData = referenceData;
        this.demoWorkspace = demoWorkspace;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!referenceData) {
            return;
        }
        if (Boolean.TRUE.equals(
                jdbc.queryForObject("select exists(select 1 from domain_event_entry)", Boolean.class))) {
            log.info("The event store already holds events: nothing to seed");
            return;
        }
        Instant at = clock.instant();
        ReferenceData.organisations(at).forEach(this::send);
        ReferenceData.themes(at).forEach(this::send);
        if (demoWorkspace) {
            demo.commands(at, ReferenceData.boroughs()).forEach(this::send);
            DemoBoard.commands(at).forEach(this::send);
        }
        log.info("Seeded the reference data{}", demoWorkspace ? " and the demo workspace" : "");
    }

    private void send(Object command) {
        try {
            commands.sendAndWait(command);
        } catch (AggregateStreamCreationException | ConcurrencyException alreadyCreated) {
            log.debug("Already created by another instance: {}", command);
        }
    }
}
