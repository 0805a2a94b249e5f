package org.collaborative.app.seed;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the first start (an empty event store) creates the reference data, and on the embedded default a small demo
 * workspace, by sending ordinary commands: the seed goes through the same rules, events and projections as any
 * member's work. Later starts find events in the store and send nothing. Ids are stable, so two instances starting
 * together cannot create anything twice: the second create of an aggregate fails and is passed over.
 *
 * <p>The commands go in their order, {@value #BATCH} to a database transaction (each command's unit of work joins
 * it): the same events in the same order as one transaction per command, but committed a batch at a time, so the
 * tracking processors, the publisher and every projection downstream take the seed in a few large batches instead of
 * some fifteen hundred small ones (docs/performance.md, "Cold start"). A batch that fails (another instance created
 * one of its aggregates first) is rolled back whole and sent again one command to a transaction.
 */
@Component
class WorkspaceSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(WorkspaceSeeder.class);

    /** Commands to a transaction. */
    static final int BATCH = 100;

    private final CommandGateway commands;
    /** Without retries: a conflict must fail the batch here, not be tried again outside its transaction. */
    private final CommandGateway batchCommands;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final DemoWorkspace demo;
    private final DemoPractices practices;
    private final Clock clock;
    private final boolean referenceData;
    private final boolean demoWorkspace;

    WorkspaceSeeder(
            CommandGateway commands,
            CommandBus commandBus,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            DemoWorkspace demo,
            DemoPractices practices,
            Clock clock,
            @Value("${collaborative.seed.reference-data:true}") boolean referenceData,
            @Value("${collaborative.seed.demo-workspace:false}") boolean demoWorkspace) {
        this.commands = commands;
        this.batchCommands =
                DefaultCommandGateway.builder().commandBus(commandBus).build();
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.demo = demo;
        this.practices = practices;
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
        long started = System.nanoTime();
        Instant at = clock.instant();
        List<Object> seed = new ArrayList<>();
        seed.addAll(ReferenceData.organisations(at));
        seed.addAll(ReferenceData.themes(at));
        if (demoWorkspace) {
            seed.addAll(demo.commands(at, ReferenceData.boroughs()));
            seed.addAll(practices.commands(at, ReferenceData.boroughs()));
            seed.addAll(DemoBoard.commands(at));
        }
        for (int from = 0; from < seed.size(); from += BATCH) {
            sendInOneTransaction(seed.subList(from, Math.min(from + BATCH, seed.size())));
        }
        log.info(
                "Seeded the reference data{} ({} commands in {} ms)",
                demoWorkspace ? " and the demo workspace" : "",
                seed.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private void sendInOneTransaction(List<Object> batch) {
        try {
            transaction.executeWithoutResult(status -> batch.forEach(batchCommands::sendAndWait));
        } catch (RuntimeException batchFailed) {
            log.debug("A seed batch failed ({}): sending its commands one at a time", batchFailed.toString());
            batch.forEach(this::send);
        }
    }

    private void send(Object command) {
        try {
            commands.sendAndWait(command);
        } catch (AggregateStreamCreationException | ConcurrencyException alreadyCreated) {
            log.debug("Already created by another instance: {}", command);
        }
    }
}
