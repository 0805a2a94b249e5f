package org.collaborative.app.moderation;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.collaborative.app.Actor;
import org.collaborative.app.DomainRules;
import org.collaborative.app.RuleBrokenException;
import org.collaborative.app.group.GroupDirectory;
import org.collaborative.app.group.GroupRules;
import org.collaborative.events.group.GroupVisibility;
import org.collaborative.events.member.MemberRole;
import org.collaborative.events.moderation.ItemHidden;
import org.collaborative.events.moderation.ItemReported;
import org.collaborative.events.moderation.ItemRestored;

/**
 * The moderation state and rules that every item aggregate (question, evidence, proposal, comment) shares: anyone who
 * can see the item may report it; only a facilitator of its group or an administrator may hide or restore it, and
 * always with a reason. The aggregate decides with {@link #report}, {@link #hide} and {@link #restore}, applies the
 * event it gets back, and hands every moderation event to {@link #on}.
 */
public final class ItemModeration {

    public static final int MAX_REASON = 2_000;

    private final String itemType;
    private boolean hidden;
    private final Set<String> reports = new HashSet<>();

    public ItemModeration(String itemType) {
        this.itemType = itemType;
    }

    public boolean hidden() {
        return hidden;
    }

    /** The report, or empty when this report (same id) was already recorded. */
    public Optional<ItemReported> report(String itemId, String parentItemId, String groupId,
            ModerationCommand.Report command, GroupDirectory groups) {
        if (reports.contains(command.reportId())) {
            return Optional.empty();
        }
        DomainRules.requireText("reason", command.reason(), MAX_REASON);
        requireCanSee(groups, groupId, command.actor());
        if (hidden) {
            throw new RuleBrokenException("A facilitator has already hidden this " + noun());
        }
        return Optional.of(new ItemReported(itemId, itemType, parentItemId, groupId, command.reportId(),
                command.reason().strip(), command.actor().memberId(), command.actor().organisationId(),
                command.at()));
    }

    public ItemHidden hide(String itemId, String parentItemId, String groupId, ModerationCommand.Hide command,
            GroupDirectory groups) {
        DomainRules.requireText("reason", command.reason(), MAX_REASON);
        requireModerator(groups, groupId, command.actor(), "hide");
        if (hidden) {
            throw new RuleBrokenException("This " + noun() + " is already hidden");
        }
        return new ItemHidden(itemId, itemType, parentItemId, groupId, command.reason().strip(),
                command.actor().memberId(), command.at());
    }

    public ItemRestored restore(String itemId, String parentItemId, String groupId, ModerationCommand.Restore command,
            GroupDirectory groups) {
        DomainRules.requireText("reason", command.reason(), MAX_REASON);
        requireModerator(groups, groupId, command.actor(), "restore");
        if (!hidden) {
            throw new RuleBrokenException("This " + noun() + " is not hidden, so there is nothing to restore");
        }
        return new ItemRestored(itemId, itemType, parentItemId, groupId, command.reason().strip(),
                command.actor().memberId(), command.at());
    }

    public void on(ItemReported event) {
        reports.add(event.reportId());
    }

    public void on(ItemHidden event) {
        hidden = true;
    }

    public void on(ItemRestored event) {
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
            throw new RuleBrokenException("There is no such " + noun() + " to report");
        }
    }

    private void requireModerator(GroupDirectory groups, String groupId, Actor actor, String doing) {
        if (!GroupRules.facilitates(groups, groupId, actor)) {
            throw new RuleBrokenException(
                    "Only a facilitator of this group or an administrator can " + doing + " this " + noun());
        }
    }

    private String noun() {
        return itemType;
    }
}
