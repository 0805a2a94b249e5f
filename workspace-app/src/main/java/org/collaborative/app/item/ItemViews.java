package org.collaborative.app.item;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.collaborative.views.item.ItemView;
import org.collaborative.views.item.ItemView.Link;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reads the items the projections build ({@code items} collection): questions, evidence and proposals, each with its
 * timestamped history, so that {@link ItemView#asOf} can show one as it stood at any moment. Lists leave out items a
 * facilitator has hidden (lists, exports and search are the same for everyone); {@link #find} returns a hidden item
 * too, marked, for its page to decide who sees what.
 */
@Component
public class ItemViews {

    static final String COLLECTION = ItemView.COLLECTION;

    /** What a proposal's linked evidence amounts to. */
    public record EvidenceProfile(int items, Integer bestLevel, Instant mostRecent) {}

    private final MongoTemplate mongo;

    ItemViews(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The item, once the projections have seen it created. */
    public Optional<ItemView> find(String itemId) {
        return Optional.ofNullable(mongo.findById(itemId, ItemView.class, COLLECTION))
                .filter(item -> item.title() != null);
    }

    /** The items that are shown (not hidden by a facilitator) among those given. */
    public List<ItemView> findAll(Collection<String> itemIds) {
        return mongo.find(
                new Query(Criteria.where("_id")
                        .in(itemIds)
                        .and("title")
                        .ne(null)
                        .and("hidden")
                        .is(null)),
                ItemView.class,
                COLLECTION);
    }

    /**
     * The shown items among those given, in the order given, each read by its id: a page that knows which items it
     * lists reads a few documents rather than querying the collection (which the embedded MongoDB stand-in answers by
     * scanning every document).
     */
    public List<ItemView> shownByIds(List<String> itemIds) {
        return itemIds.stream()
                .map(this::find)
                .flatMap(Optional::stream)
                .filter(item -> item.hidden() == null)
                .toList();
    }

    /** The items among those given, hidden or not: for the pages that moderate them. */
    public List<ItemView> findAllIncludingHidden(Collection<String> itemIds) {
        return mongo.find(
                new Query(Criteria.where("_id").in(itemIds).and("title").ne(null)), ItemView.class, COLLECTION);
    }

    /** A group's items of every type that a facilitator has hidden, most recently created first. */
    public List<ItemView> hiddenInGroup(String groupId) {
        Query query = new Query(Criteria.where("groupId")
                        .is(groupId)
                        .and("title")
                        .ne(null)
                        .and("hidden")
                        .ne(null))
                .with(Sort.by(Sort.Direction.DESC, "createdAt"));
        return mongo.find(query, ItemView.class, COLLECTION);
    }

    /** A theme's shown items of one type, most recently created first. */
    public List<ItemView> onTheme(String themeId, ItemType type, int limit) {
        Query query = new Query(Criteria.where("themeId")
                        .is(themeId)
                        .and("type")
                        .is(type.key())
                        .and("title")
                        .ne(null)
                        .and("hidden")
                        .is(null))
                .with(Sort.by(Sort.Direction.DESC, "createdAt"))
                .limit(limit);
        return mongo.find(query, ItemView.class, COLLECTION);
    }

    /** Shown items of one type in the given groups (optionally on one theme), most recently created first. */
    public List<ItemView> ofType(ItemType type, Collection<String> groupIds, String themeId) {
        Criteria criteria = Criteria.where("type")
                .is(type.key())
                .and("groupId")
                .in(groupIds)
                .and("title")
                .ne(null)
                .and("hidden")
                .is(null);
        if (themeId != null) {
            criteria = criteria.and("themeId").is(themeId);
        }
        return mongo.find(
                new Query(criteria).with(Sort.by(Sort.Direction.DESC, "createdAt")), ItemView.class, COLLECTION);
    }

    /**
     * The newest items an organisation's members posted, within the given groups (hidden ones left out), at most
     * {@code limit}: one query that MongoDB sorts and cuts, for the home page.
     */
    public List<ItemView> latestFrom(String organisationId, Collection<String> groupIds, int limit) {
        Criteria criteria = Criteria.where("organisationId")
                .is(organisationId)
                .and("type")
                .in(java.util.Arrays.stream(ItemType.values())
                        .map(ItemType::key)
                        .toList())
                .and("groupId")
                .in(groupIds)
                .and("title")
                .ne(null)
                .and("hidden")
                .is(null);
        return mongo.find(
                new Query(criteria)
                        .with(Sort.by(Sort.Direction.DESC, "createdAt"))
                        .limit(limit),
                ItemView.class,
                COLLECTION);
    }

    /**
     * Every item a member took part in (posted, answered, commented on, endorsed, challenged, changed), hidden ones
     * included: what "Download my data" reports as their contributions.
     */
    public List<ItemView> contributionsOf(String memberId) {
        return mongo.find(
                new Query(Criteria.where("history.memberId")
                                .is(memberId)
                                .and("title")
                                .ne(null))
                        .with(Sort.by(Sort.Direction.ASC, "createdAt")),
                ItemView.class,
                COLLECTION);
    }

    /** Best level, how many items and the most recent, over the evidence linked to a proposal as it stood then. */
    public EvidenceProfile profile(ItemView proposal, Instant moment) {
        List<ItemView> evidence = findAll(
                        proposal.links().stream().map(Link::evidenceId).toList())
                .stream()
                .map(item -> item.asOf(moment))
                .flatMap(Optional::stream)
                .toList();
        return new EvidenceProfile(
                evidence.size(),
                evidence.stream()
                        .map(ItemView::level)
                        .filter(java.util.Objects::nonNull)
                        .max(Comparator.naturalOrder())
                        .orElse(null),
                evidence.stream()
                        .map(ItemView::createdAt)
                        .max(Comparator.naturalOrder())
                        .orElse(null));
    }
}
