package org.collaborative.app.theme;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.DomainRules;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.events.member.MemberRole;
import org.collaborative.events.theme.ThemeArchived;
import org.collaborative.events.theme.ThemeCreated;
import org.collaborative.events.theme.ThemeDescribed;

/** A challenge theme that councils take on together, such as climate change and carbon reduction. */
@Aggregate
public class Theme {

    public static final int MAX_TITLE = 120;
    public static final int MAX_SUMMARY = 2_000;

    @AggregateIdentifier
    private String themeId;

    private String title;
    private String summary;
    private boolean archived;

    protected Theme() {}

    @CommandHandler
    public Theme(CreateTheme command) {
        DomainRules.requireText("title", command.title(), MAX_TITLE);
        DomainRules.singleLine("title", command.title());
        DomainRules.optionalText("summary", command.summary(), MAX_SUMMARY);
        apply(new ThemeCreated(
                command.themeId(),
                command.title().strip(),
                command.summary() == null ? "" : command.summary().strip(),
                command.createdBy(),
                command.at()));
    }

    /** Facilitators and administrators change themes; an archived theme is kept as it was. */
    @CommandHandler
    void handle(DescribeTheme command) {
        requireSteward(command.actor());
        if (archived) {
            throw new RuleBrokenException("This theme is archived, so it can no longer be changed");
        }
        DomainRules.requireText("title", command.title(), MAX_TITLE);
        DomainRules.singleLine("title", command.title());
        DomainRules.optionalText("summary", command.summary(), MAX_SUMMARY);
        String title = command.title().strip();
        String summary = command.summary() == null ? "" : command.summary().strip();
        if (title.equals(this.title) && summary.equals(this.summary)) {
            return;
        }
        apply(new ThemeDescribed(themeId, title, summary, command.actor().memberId(), command.at()));
    }

    /** Archiving an archived theme records nothing. */
    @CommandHandler
    void handle(ArchiveTheme command) {
        requireSteward(command.actor());
        if (!archived) {
            apply(new ThemeArchived(themeId, command.actor().memberId(), command.at()));
        }
    }

    private static void requireSteward(Actor actor) {
        if (actor.role() != MemberRole.FACILITATOR && actor.role() != MemberRole.ADMINISTRATOR) {
            throw new RuleBrokenException("Only facilitators and administrators can change themes");
        }
    }

    @EventSourcingHandler
    void on(ThemeCreated event) {
        themeId = event.themeId();
        title = event.title();
        summary = event.summary();
    }

    @EventSourcingHandler
    void on(ThemeDescribed event) {
        title = event.title();
        summary = event.summary();
    }

    @EventSourcingHandler
    void on(ThemeArchived event) {
        archived = true;
    }
}
