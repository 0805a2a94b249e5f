package org.collaborative.app.commitment;

import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.collaborative.views.commitment.CommitmentView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Raises check-ins as they fall due (docs/adr/0022): every instance looks, each tick, for the commitments whose next
 * check-in day has come ({@code commitments} view) and sends each a {@link RaiseCheckIn}. The aggregate decides with
 * the exact time and raises a stage once, so two instances sending the same command, a restart, or a tick that runs
 * late change nothing: one of them raises it, the others find it raised (or lose the append race and try again at the
 * next tick, when it is raised).
 */
@Component
public class CheckInScheduler {

    private static final Logger log = LoggerFactory.getLogger(CheckInScheduler.class);

    private final CommitmentViews views;
    private final CommandGateway commands;
    private final Clock clock;
    private final boolean enabled;

    CheckInScheduler(
            CommitmentViews views,
            CommandGateway commands,
            Clock clock,
            @Value("${collaborative.check-ins.enabled:true}") boolean enabled) {
        this.views = views;
        this.commands = commands;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelayString = "${collaborative.check-ins.tick:1m}", initialDelayString = "20s")
    void tick() {
        if (enabled) {
            raiseDue();
        }
    }

    /** Sends a {@link RaiseCheckIn} to every commitment whose check-in day has come; returns how many were asked. */
    public int raiseDue() {
        int asked = 0;
        java.time.Instant now = clock.instant();
        for (CommitmentView due : views.checkInDueBy(CheckIns.today(now))) {
            // The view knows the day; the check-in is due at 09:00 London time on it. Before then the aggregate would
            // refuse to raise it, so the command is not sent at all (every minute, on every instance).
            if (due.retreatEndsOn() == null
                    || CheckIns.latestDue(due.retreatEndsOn(), due.lastCheckInDays(), now)
                            .isEmpty()) {
                continue;
            }
            try {
                commands.sendAndWait(new RaiseCheckIn(due.id(), clock.instant()));
                asked++;
            } catch (RuntimeException e) {
                // Another instance appending at the same moment, or an outage: the next tick asks again.
                log.info(
                        "Could not raise the check-in of {}; trying again at the next tick: {}",
                        due.id(),
                        e.toString());
            }
        }
        return asked;
    }
}
