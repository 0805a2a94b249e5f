package org.collaborative.app.moderation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.Set;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.collaborative.app.group.GroupDirectory;
import org.collaborative.app.group.GroupRules;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.DomainRules;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.events.group.GroupVisibility;
import org.collaborative.events.member.MemberRole;
import org.collaborative.events.moderation.ItemHidden;
import org.collaborative.events.moderation.ItemReported;
import org.collaborative.events.moderation.ItemRestored;
import org.collaborative.events.moderation.ReportsDismissed;

/**
 * The moderation of one item or comment, held by its aggregate as an {@code @AggregateMember}: anyone who can see the
 * item may report it; only a facilitator of its group or an administrator may hide or restore it, and always with a
 * reason; while it is hidden the aggregate refuses what it guards with {@link #requireShown}. The aggregate hands it
 * the {@link ModerationCommand}s from its one moderation command handler; Axon hands it the moderation events.
 */
public final class ItemModeration {

    public static final int MAX_REASON = 2_000;

    private final ModeratedKind kind;
    private boolean hidden;
    private final Set<String> reports = new HashSet<>();
    /** Reports not yet closed by hiding the item or dismissing them. */
    private final Set<String> openReports = new HashSet<>();

    public ItemModeration(ModeratedKind kind) {
        this.kind = kind;
    }

    /** Where the item is: what every moderation event says besides the decision. */
    private record Place(String itemId, String parentItemId, String groupId) {}

    /**
     * Decides a moderation command and applies its event, if any. The same report (same id) twice records one.
     *
     * @param parentItemId for a comment, the item it is on; otherwise null
     */
    public void handle(
            ModerationCommand command, String itemId, String parentItemId, String groupId, GroupDirectory groups) {
        if (command instanceof ModerationCommand.Report report && reports.contains(report.reportId())) {
            return;
        }
        DomainRules.requireText("reason", command.reason(), MAX_REASON);
        Place place = new Place(itemId, parentItemId, groupId);
        if (command instanceof ModerationCommand.Report report) {
            report(report, place, groups);
        } else if (command instanceof ModerationCommand.Hide hide) {
            hide(hide, place, groups);
        } else if (command instanceof ModerationCommand.Restore restore) {
            restore(restore, place, groups);
        } else if (command instanceof ModerationCommand.Dismiss dismiss) {
            dismiss(dismiss, place, groups);
        }
    }

    /** Refuses, while the item is hidden, what it must not take ({@link HiddenItemException}). */
    public void requireShown(String consequence) {
        if (hidden) {
            throw new HiddenItemException(kind, consequence);
        }
    }

    private void report(ModerationCommand.Report command, Place place, GroupDirectory groups) {
        requireCanSee(groups, place.groupId(), command.actor());
        if (hidden) {
            throw new RuleBrokenException("A facilitator has already hidden this " + kind.key());
        }
        apply(new ItemReported(
                place.itemId(),
                kind.key(),
                place.parentItemId(),
                place.groupId(),
                command.reportId(),
                command.reason().strip(),
                command.actor().memberId(),
                command.actor().organisationId(),
                command.at()));
    }

    private void hide(ModerationCommand.Hide command, Place place, GroupDirectory groups) {
        requireModerator(groups, place.groupId(), command.actor(), "hide");
        if (hidden) {
            throw new RuleBrokenException("This " + kind.key() + " is already hidden");
        }
        apply(new ItemHidden(
                place.itemId(),
                kind.key(),
                place.parentItemId(),
                place.groupId(),
                command.reason().strip(),
                command.actor().memberId(),
                command.at()));
    }

    private void restore(ModerationCommand.Restore command, Place place, GroupDirectory groups) {
        requireModerator(groups, place.groupId(), command.actor(), "restore");
        if (!hidden) {
            throw new RuleBrokenException("This " + kind.key() + " is not hidden, so there is nothing to restore");
        }
        apply(new ItemRestored(
                place.itemId(),
                kind.key(),
                place.parentItemId(),
                place.groupId(),
                command.reason().strip(),
                command.actor().memberId(),
                command.at()));
    }

    private void dismiss(ModerationCommand.Dismiss command, Place place, GroupDirectory groups) {
        requireModerator(groups, place.groupId(), command.actor(), "dismiss the reports of");
        if (openReports.isEmpty()) {
            throw new RuleBrokenException("This " + kind.key() + " has no open reports to dismiss");
        }
        apply(new ReportsDismissed(
                place.itemId(),
                kind.key(),
                place.parentItemId(),
                place.groupId(),
                command.reason().strip(),
                command.actor().memberId(),
                command.at()));
    }

    @EventSourcingHandler
    void on(ItemReported event) {
        reports.add(event.reportId());
        openReports.add(event.reportId());
    }

    @EventSourcingHandler
    void on(ItemHidden event) {
        hidden = true;
        openReports.clear();
    }

    @EventSourcingHandler
    void on(ReportsDismissed event) {
        openReports.clear();
    }

    @EventSourcingHandler
    void on(ItemRestored event) {
        hidden = false;
    }

    /**
     * The group's visibility rules, as the pages apply them: its members, and everyone for an open group, everyone but
     * partners for a council-only one. Anyone else is told the item does not exist, as the pages say.
     */
    private void requireCanSee(GroupDirectory groups, String groupId, Actor actor) {
        GroupDirectory.Entry group = GroupRules.requireGroup(groups, groupId);
        boolean canSee = groups.isMember(groupId, actor.memberId())
                || group.visibility() == GroupVisibility.OPEN
                || (group.visibility() == GroupVisibility.COUNCIL_ONLY && actor.role() != MemberRole.PARTNER);
        if (!canSee) {
            throw new RuleBrokenException("There is no such " + kind.key() + " to report");
        }
    }

    private void requireModerator(GroupDirectory groups, String groupId, Actor actor, String doing) {
        if (!GroupRules.facilitates(groups, groupId, actor)) {
            throw new RuleBrokenException(
                    "Only a facilitator of this group or an administrator can " + doing + " this " + kind.key());
        }
    }
}
