package org.collaborative.views;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.collaborative.views.commitment.CommitmentView;
import org.collaborative.views.digest.ActivityView;
import org.collaborative.views.digest.Digest;
import org.collaborative.views.digest.NotificationSettings;
import org.collaborative.views.follow.Follows;
import org.collaborative.views.group.GroupPage;
import org.collaborative.views.item.ItemView;
import org.collaborative.views.moderation.ModerationView;
import org.collaborative.views.organisation.OrganisationCard;
import org.collaborative.views.parking.ParkedRecord;
import org.collaborative.views.parking.ParkedRetry;
import org.collaborative.views.practice.AdoptionView;
import org.collaborative.views.practice.PracticeView;
import org.collaborative.views.rebuild.Rebuild;
import org.collaborative.views.retreat.RetreatView;
import org.collaborative.views.search.SearchEntry;
import org.collaborative.views.spread.PracticeSpread;
import org.collaborative.views.theme.ThemeCard;

/**
 * The indexes the views' readers need, declared once beside the documents they index: the projections create them
 * (idempotently, at start and on a rebuilt collection before it is swapped in), and the embedded MongoDB stand-in
 * checks every query either application sends against them, so a new query shape without an index is found by the
 * tests rather than by a council's first busy morning on a real replica set.
 *
 * <p>The rule a query is held to is the one MongoDB's planner needs to avoid a collection scan: the filter names
 * {@code _id}, or the first key of one of the collection's indexes (for an {@code $or}, every branch does). A few
 * collections are read whole by design and say why in {@link #READ_WHOLE}.
 */
public final class ViewIndexes {

    /** One index: ascending keys, in order. */
    public record Index(String collection, List<String> keys) {

        /** MongoDB's default name for it ({@code groupId_1_createdAt_1}). */
        public String name() {
            return keys.stream().map(key -> key + "_1").collect(Collectors.joining("_"));
        }
    }

    public static final List<Index> ALL = List.of(
            // Items: a group's page and its hidden items, a theme's lists, by type across groups, a council's newest,
            // a member's contributions (download my data).
            index(ItemView.COLLECTION, "groupId", "createdAt"),
            index(ItemView.COLLECTION, "themeId", "type", "createdAt"),
            index(ItemView.COLLECTION, "type", "createdAt"),
            index(ItemView.COLLECTION, "organisationId", "createdAt"),
            index(ItemView.COLLECTION, "history.memberId"),
            // Groups a member belongs to, asked to join or is invited to; a theme's groups.
            index(GroupPage.COLLECTION, "members.memberId"),
            index(GroupPage.COLLECTION, "requests.memberId"),
            index(GroupPage.COLLECTION, "invitations.memberId"),
            index(GroupPage.COLLECTION, "themeId", "name"),
            // Search: every term of the query, within the groups the reader may see.
            index(SearchEntry.COLLECTION, "terms"),
            index(ModerationView.COLLECTION, "groupId"),
            // The digest's week and the notification centre: activity since a moment, an author's items, a group's.
            index(ActivityView.COLLECTION, "lastAt"),
            index(ActivityView.COLLECTION, "authorId"),
            index(ActivityView.COLLECTION, "groupId"),
            index(ActivityView.COLLECTION, "evidenceIds"),
            // Digests: a member's archive and preview, the senders' queue, a week's run.
            index(Digest.COLLECTION, "memberId", "week"),
            index(Digest.COLLECTION, "state", "sendingAt"),
            index(Digest.COLLECTION, "week", "state"),
            index(PracticeView.COLLECTION, "evidenceIds"),
            index(PracticeView.COLLECTION, "name"),
            // A practice's adopters (its page, its API, the practices list's counts for the practices it shows).
            index(AdoptionView.COLLECTION, "practiceId"),
            // One council's adoptions across practices (a pledge's page offers them): practice-spread, one document
            // per practice, cannot answer this without reading every practice (ADR 19).
            index(AdoptionView.COLLECTION, "organisationId"),
            index(PracticeSpread.COLLECTION, "moves.recordedAt"),
            index(RetreatView.COLLECTION, "startsAt"),
            index(CommitmentView.COLLECTION, "retreatId"),
            index(CommitmentView.COLLECTION, "ownerId"),
            index(CommitmentView.COLLECTION, "nextCheckInOn"),
            index(CommitmentView.COLLECTION, "progress"),
            // An organisation's pledges (the adoption move form offers the open ones), and a practice's fulfilled ones.
            index(CommitmentView.COLLECTION, "organisationId"),
            index(CommitmentView.COLLECTION, "fulfilledBy.practiceId"),
            index(Rebuild.COLLECTION, "view", "requestedAt"),
            index(Rebuild.COLLECTION, "state"),
            // Parked records (ADR 27): a view's, for the admin page and the metric; a view's on the partitions a
            // projections consumer is assigned; one sequence, in offset order, for a retry.
            index(ParkedRecord.COLLECTION, "view", "partition", "key", "offset"));

    /**
     * Collections read whole on purpose, with why that stays cheap: reference data that grows with London, not with
     * use.
     */
    public static final Map<String, String> READ_WHOLE = Map.of(
            ThemeCard.COLLECTION,
            "tens of themes, read whole for the theme list and the digest",
            OrganisationCard.COLLECTION,
            "the 33 councils, the GLA and partners: names for every page",
            GroupPage.COLLECTION,
            "hundreds of groups: which ones a reader may see is decided over all of them",
            Follows.COLLECTION,
            "one document per member, read whole once per weekly digest run",
            "view-registry",
            "one document per view: what the start-up check reads",
            NotificationSettings.COLLECTION,
            "one document per member, read whole once per weekly digest run",
            PracticeSpread.COLLECTION,
            "one document per practice: the savings ledger and participation add them all",
            RetreatView.COLLECTION,
            "tens a year: which ones a reader may see is decided over all of them",
            ParkedRetry.COLLECTION,
            "pending retry requests only, each deleted once carried out: the projections poll them every second");

    private ViewIndexes() {}

    private static Index index(String collection, String... keys) {
        return new Index(collection, List.of(keys));
    }

    /** The indexes of one collection (a rebuild's fresh collection, {@code items.rebuild-…}, is its view's). */
    public static List<Index> of(String collection) {
        String view = viewOf(collection);
        return ALL.stream().filter(index -> index.collection().equals(view)).toList();
    }

    /** The view a collection holds: itself, or the view a rebuild is filling. */
    public static String viewOf(String collection) {
        int rebuild = collection.indexOf(".rebuild-");
        return rebuild < 0 ? collection : collection.substring(0, rebuild);
    }

    /**
     * Whether a query with this filter on this collection can be served without a collection scan: see the class
     * comment for the rule.
     */
    public static boolean serves(String collection, Map<String, ?> filter) {
        String view = viewOf(collection);
        if (filter == null || filter.isEmpty()) {
            return READ_WHOLE.containsKey(view);
        }
        Set<String> leading =
                of(view).stream().map(index -> index.keys().get(0)).collect(Collectors.toSet());
        leading.add("_id");
        return served(fields(filter), filter, leading) || READ_WHOLE.containsKey(view);
    }

    private static boolean served(Set<String> fields, Map<String, ?> filter, Set<String> leading) {
        if (fields.stream().anyMatch(leading::contains)) {
            return true;
        }
        Object or = filter.get("$or");
        if (or instanceof Collection<?> branches && !branches.isEmpty()) {
            for (Object branch : branches) {
                if (!(branch instanceof Map<?, ?> map)) {
                    return false;
                }
                Map<String, ?> branchFilter = castMap(map);
                Set<String> branchFields = new HashSet<>(fields);
                branchFields.addAll(fields(branchFilter));
                if (!served(branchFields, branchFilter, leading)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** The fields a filter constrains at its top level and in its {@code $and} branches. */
    private static Set<String> fields(Map<String, ?> filter) {
        Set<String> fields = new HashSet<>();
        filter.forEach((key, value) -> {
            if (!key.startsWith("$")) {
                fields.add(key);
            } else if (key.equals("$and") && value instanceof Collection<?> branches) {
                for (Object branch : branches) {
                    if (branch instanceof Map<?, ?> map) {
                        Map<String, ?> branchFilter = castMap(map);
                        fields.addAll(fields(branchFilter));
                    }
                }
            }
        });
        return fields;
    }

    /** A short description of a filter's shape, without its values: {@code {groupId, title}}. */
    public static String shape(Map<String, ?> filter) {
        if (filter == null || filter.isEmpty()) {
            return "{}";
        }
        return filter.entrySet().stream()
                .map(e -> e.getKey().startsWith("$") && e.getValue() instanceof Collection<?> branches
                        ? e.getKey()
                                + branches.stream()
                                        .map(b -> b instanceof Map<?, ?> m ? shape(castMap(m)) : "?")
                                        .collect(Collectors.joining(", ", "[", "]"))
                        : e.getKey())
                .sorted()
                .collect(Collectors.joining(", ", "{", "}"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> castMap(Map<?, ?> map) {
        return (Map<String, ?>) map;
    }
}
