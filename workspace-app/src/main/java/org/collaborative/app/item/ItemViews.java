package org.collaborative.app.item;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reads the items the projections build ({@code items} collection): questions, evidence and proposals, each with its
 * timestamped history, so that {@link Item#asOf} can show one as it stood at any moment. Lists leave out items a
 * facilitator has hidden (lists, exports and search are the same for everyone); {@link #find} returns a hidden item
 * too, marked, for its page to decide who sees what.
 */
@Component
public class ItemViews {

    static final String COLLECTION = "items";

    public record EvidenceVersion(
            Instant at, String by, String title, String summary, String source, String kind, int level) {}

    public record StatusChange(Instant at, String by, String status, String note) {}

    public record Answer(String answerId, String body, String by, String organisationId, Instant at) {}

    public record Acceptance(String answerId, String by, Instant at) {}

    public record Reaction(String memberId, String organisationId, Instant at) {}

    public record Challenge(String challengeId, String memberId, String organisationId, String reason, Instant at) {}

    public record Link(String evidenceId, String by, Instant at) {}

    /** @param hidden why a facilitator hid the comment; null while it is shown */
    public record Comment(String commentId, String body, String by, String organisationId, Instant at, Hidden hidden) {}

    /** A facilitator's (or an administrator's) decision to hide an item or a comment. */
    public record Hidden(String by, String reason, Instant at) {}

    public record HistoryEntry(
            Instant at, String memberId, String organisationId, String action, String detail, String event) {}

    /** An item as the pages show it. */
    public record Item(
            @Id String id,
            String type,
            String groupId,
            String themeId,
            String title,
            String body,
            String authorId,
            String organisationId,
            Instant createdAt,
            String status,
            String form,
            List<EvidenceVersion> versions,
            List<StatusChange> statuses,
            List<Answer> answers,
            List<Acceptance> acceptances,
            List<Reaction> endorsements,
            List<Challenge> challenges,
            List<Link> links,
            List<Comment> comments,
            List<HistoryEntry> history,
            Hidden hidden) {

        public ItemType itemType() {
            return ItemType.fromKey(type);
        }

        /** The item without its hidden comments: what people who do not moderate its group see. */
        public Item withoutHiddenComments() {
            return new Item(
                    id,
                    type,
                    groupId,
                    themeId,
                    title,
                    body,
                    authorId,
                    organisationId,
                    createdAt,
                    status,
                    form,
                    versions,
                    statuses,
                    answers,
                    acceptances,
                    endorsements,
                    challenges,
                    links,
                    comments.stream()
                            .filter(comment -> comment.hidden() == null)
                            .toList(),
                    history,
                    hidden);
        }

        /** The latest version of a piece of evidence (null for other items). */
        public EvidenceVersion current() {
            return versions.isEmpty() ? null : versions.get(versions.size() - 1);
        }

        public Integer level() {
            EvidenceVersion current = current();
            return current == null ? null : current.level();
        }

        public String acceptedAnswerId() {
            return acceptances.isEmpty()
                    ? null
                    : acceptances.get(acceptances.size() - 1).answerId();
        }

        public boolean endorsedBy(String memberId) {
            return endorsements.stream().anyMatch(e -> e.memberId().equals(memberId));
        }

        public Instant lastActivity() {
            return history.isEmpty()
                    ? createdAt
                    : history.get(history.size() - 1).at();
        }

        /**
         * The item as it stood at {@code moment}: everything stamped later is left out, and the status, evidence
         * version and title are those of the time. Empty if the item did not exist yet.
         */
        public Optional<Item> asOf(Instant moment) {
            if (createdAt == null || createdAt.isAfter(moment)) {
                return Optional.empty();
            }
            List<EvidenceVersion> versionsThen = upTo(versions, EvidenceVersion::at, moment);
            List<StatusChange> statusesThen = upTo(statuses, StatusChange::at, moment);
            EvidenceVersion versionThen = versionsThen.isEmpty() ? null : versionsThen.get(versionsThen.size() - 1);
            return Optional.of(new Item(
                    id,
                    type,
                    groupId,
                    themeId,
                    versionThen == null ? title : versionThen.title(),
                    versionThen == null ? body : versionThen.summary(),
                    authorId,
                    organisationId,
                    createdAt,
                    statusesThen.isEmpty()
                            ? status
                            : statusesThen.get(statusesThen.size() - 1).status(),
                    versionThen == null ? form : versionThen.kind(),
                    versionsThen,
                    statusesThen,
                    upTo(answers, Answer::at, moment),
                    upTo(acceptances, Acceptance::at, moment),
                    upTo(endorsements, Reaction::at, moment),
                    upTo(challenges, Challenge::at, moment),
                    upTo(links, Link::at, moment),
                    upTo(comments, Comment::at, moment),
                    upTo(history, HistoryEntry::at, moment),
                    hidden));
        }

        private static <T> List<T> upTo(List<T> entries, Function<T, Instant> at, Instant moment) {
            return entries.stream()
                    .filter(entry -> !at.apply(entry).isAfter(moment))
                    .toList();
        }
    }

    /** What a proposal's linked evidence amounts to. */
    public record EvidenceProfile(int items, Integer bestLevel, Instant mostRecent) {}

    private final MongoTemplate mongo;

    ItemViews(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The item, once the projections have seen it created. */
    public Optional<Item> find(String itemId) {
        return Optional.ofNullable(mongo.findById(itemId, Item.class, COLLECTION))
                .filter(item -> item.title() != null);
    }

    /** The items that are shown (not hidden by a facilitator) among those given. */
    public List<Item> findAll(Collection<String> itemIds) {
        return mongo.find(
                new Query(Criteria.where("_id")
                        .in(itemIds)
                        .and("title")
                        .ne(null)
                        .and("hidden")
                        .is(null)),
                Item.class,
                COLLECTION);
    }

    /**
     * The shown items among those given, in the order given, each read by its id: a page that knows which items it
     * lists reads a few documents rather than querying the collection (which the embedded MongoDB stand-in answers by
     * scanning every document).
     */
    public List<Item> shownByIds(List<String> itemIds) {
        return itemIds.stream()
                .map(this::find)
                .flatMap(Optional::stream)
                .filter(item -> item.hidden() == null)
                .toList();
    }

    /** The items among those given, hidden or not: for the pages that moderate them. */
    public List<Item> findAllIncludingHidden(Collection<String> itemIds) {
        return mongo.find(
                new Query(Criteria.where("_id").in(itemIds).and("title").ne(null)), Item.class, COLLECTION);
    }

    /** A group's items of every type that a facilitator has hidden, most recently created first. */
    public List<Item> hiddenInGroup(String groupId) {
        Query query = new Query(Criteria.where("groupId")
                        .is(groupId)
                        .and("title")
                        .ne(null)
                        .and("hidden")
                        .ne(null))
                .with(Sort.by(Sort.Direction.DESC, "createdAt"));
        return mongo.find(query, Item.class, COLLECTION);
    }

    /** A theme's shown items of one type, most recently created first. */
    public List<Item> onTheme(String themeId, ItemType type, int limit) {
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
        return mongo.find(query, Item.class, COLLECTION);
    }

    /** Shown items of one type in the given groups (optionally on one theme), most recently created first. */
    public List<Item> ofType(ItemType type, Collection<String> groupIds, String themeId) {
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
        return mongo.find(new Query(criteria).with(Sort.by(Sort.Direction.DESC, "createdAt")), Item.class, COLLECTION);
    }

    /**
     * The newest items an organisation's members posted, within the given groups (hidden ones left out), at most
     * {@code limit}: one query that MongoDB sorts and cuts, for the home page.
     */
    public List<Item> latestFrom(String organisationId, Collection<String> groupIds, int limit) {
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
                Item.class,
                COLLECTION);
    }

    /**
     * Every item a member took part in (posted, answered, commented on, endorsed, challenged, changed), hidden ones
     * included: what "Download my data" reports as their contributions.
     */
    public List<Item> contributionsOf(String memberId) {
        return mongo.find(
                new Query(Criteria.where("history.memberId")
                                .is(memberId)
                                .and("title")
                                .ne(null))
                        .with(Sort.by(Sort.Direction.ASC, "createdAt")),
                Item.class,
                COLLECTION);
    }

    /** Best level, how many items and the most recent, over the evidence linked to a proposal as it stood then. */
    public EvidenceProfile profile(Item proposal, Instant moment) {
        List<Item> evidence = findAll(
                        proposal.links().stream().map(Link::evidenceId).toList())
                .stream()
                .map(item -> item.asOf(moment))
                .flatMap(Optional::stream)
                .toList();
        return new EvidenceProfile(
                evidence.size(),
                evidence.stream()
                        .map(Item::level)
                        .filter(java.util.Objects::nonNull)
                        .max(Comparator.naturalOrder())
                        .orElse(null),
                evidence.stream()
                        .map(Item::createdAt)
                        .max(Comparator.naturalOrder())
                        .orElse(null));
    }
}
