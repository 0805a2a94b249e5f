package org.collaborative.app.theme;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.collaborative.app.DomainRules;
import org.collaborative.events.theme.ThemeCreated;

/** A challenge theme that councils take on together, such as climate change and carbon reduction. */
@Aggregate
public class Theme {

    public static final int MAX_TITLE = 120;
    public static final int MAX_SUMMARY = 2_000;

    @AggregateIdentifier
    private String themeId;

    protected Theme() {}

    @CommandHandler
    public Theme(CreateTheme command) {
        DomainRules.requireText("title", command.title(), MAX_TITLE);
        DomainRules.optionalText("summary", command.summary(), MAX_SUMMARY);
        apply(new ThemeCreated(
                command.themeId(),
                command.title().strip(),
                command.summary() == null ? "" : command.summary().strip(),
                command.createdBy(),
                command.at()));
    }

    @EventSourcingHandler
    void on(ThemeCreated event) {
        themeId = event.themeId();
    }
}
