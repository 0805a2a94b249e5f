package org.collaborative.app.support;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.collaborative.app.group.GroupDirectory;
import org.collaborative.app.item.ItemDirectory;
import org.collaborative.app.item.ItemType;
import org.collaborative.app.kernel.Actor;
import org.collaborative.events.group.GroupVisibility;
import org.collaborative.events.member.MemberRole;

/**
 * The command-side directories for aggregate fixture tests, in memory: group "g1" on theme "behaviour-change" with
 * Tom, Priya and its facilitator Amara as members; Ben (a partner) belongs to no group. Items are added per test.
 */
public final class Directories implements GroupDirectory, ItemDirectory {

    public static final String THEME = "behaviour-change";
    public static final Actor TOM = new Actor("tom", "E09000007", MemberRole.SERVICE_LEADER);
    public static final Actor PRIYA = new Actor("priya", "E09000012", MemberRole.CHIEF_EXECUTIVE);
    public static final Actor AMARA = new Actor("amara", "london-councils", MemberRole.FACILITATOR);
    public static final Actor BEN = new Actor("ben", "partner-bt", MemberRole.PARTNER);
    public static final Actor SAM = new Actor("sam", "london-councils", MemberRole.ADMINISTRATOR);

    private final Map<String, ItemDirectory.Entry> items = new HashMap<>();
    private boolean archived;

    /** Group "g1" archived (read-only). */
    public Directories withArchivedGroup() {
        archived = true;
        return this;
    }

    public Directories withItem(String itemId, ItemType type, String themeId, String authorId) {
        items.put(itemId, new ItemDirectory.Entry(itemId, type, "g1", themeId, authorId, false));
        return this;
    }

    /** An item that a facilitator has hidden. */
    public Directories withHiddenItem(String itemId, ItemType type, String themeId, String authorId) {
        items.put(itemId, new ItemDirectory.Entry(itemId, type, "g1", themeId, authorId, true));
        return this;
    }

    @Override
    public Optional<GroupDirectory.Entry> find(String groupId) {
        return groupId.equals("g1")
                ? Optional.of(new GroupDirectory.Entry("g1", THEME, GroupVisibility.OPEN, archived))
                : Optional.empty();
    }

    @Override
    public boolean isMember(String groupId, String memberId) {
        return groupId.equals("g1") && Set.of("tom", "priya", "amara").contains(memberId);
    }

    @Override
    public boolean isFacilitator(String groupId, String memberId) {
        return groupId.equals("g1") && memberId.equals("amara");
    }

    @Override
    public Optional<ItemDirectory.Entry> findItem(String itemId) {
        return Optional.ofNullable(items.get(itemId));
    }
}
