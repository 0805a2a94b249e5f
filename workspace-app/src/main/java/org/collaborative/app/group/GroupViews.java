package org.collaborative.app.group;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.collaborative.views.group.GroupPage;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Reads the working group pages that the projections build ({@code group-page} collection). */
@Component
public class GroupViews {

    static final String COLLECTION = GroupPage.COLLECTION;

    /**
     * Questions shown on one page of a group, newest first. A group's page reads one page of its questions (and one
     * more, to know whether older ones follow), never the whole list: a group a year old holds thousands.
     */
    public static final int QUESTIONS_PER_PAGE = 20;

    /** The highest page number read as itself: 20 million questions. */
    static final int MAX_PAGE = 1_000_000;

    /** The fields of a group's page other than its questions and the projection's bookkeeping ({@code applied}). */
    private static final List<String> PAGE_FIELDS = Arrays.stream(GroupPage.class.getRecordComponents())
            .map(RecordComponent::getName)
            .filter(name -> !name.equals("questions") && !name.equals("applied"))
            .map(name -> name.equals("id") ? "_id" : name)
            .toList();

    private final MongoTemplate mongo;

    GroupViews(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The group's page, once the projections have seen it formed. */
    public Optional<GroupPage> find(String groupId) {
        return Optional.ofNullable(mongo.findById(groupId, GroupPage.class, COLLECTION))
                .filter(group -> group.name() != null);
    }

    /**
     * The group with one page of its questions: the {@link #QUESTIONS_PER_PAGE} questions of that page (newest first,
     * page 1 the newest), and the first question of the next page if there is one, which {@link
     * GroupPages#describe} uses to offer older questions and leaves off the page. Only that slice of the list leaves
     * MongoDB.
     */
    public Optional<GroupPage> findWithQuestionsPage(String groupId, int page) {
        // Pages past the millionth are read as that one, which lies past any group's list: the start of the slice
        // stays a positive int.
        int skip = (Math.min(Math.max(page, 1), MAX_PAGE) - 1) * QUESTIONS_PER_PAGE;
        if (skip > 0
                && !mongo.exists(
                        new Query(Criteria.where("_id")
                                .is(groupId)
                                .and("questions." + skip)
                                .exists(true)),
                        COLLECTION)) {
            // A page past the last question: the group without questions. (The embedded stand-in fails a slice that
            // starts past the end of the list, where MongoDB answers an empty one.)
            return findWithoutQuestions(groupId);
        }
        Query query = new Query(Criteria.where("_id").is(groupId));
        // Every other field named, so that MongoDB and the embedded stand-in read the projection alike (the stand-in
        // reads a slice alone as "only the list", MongoDB as "every field").
        PAGE_FIELDS.forEach(query.fields()::include);
        query.fields().slice("questions", skip, QUESTIONS_PER_PAGE + 1);
        return Optional.ofNullable(mongo.findOne(query, GroupPage.class, COLLECTION))
                .filter(group -> group.name() != null);
    }

    /** Whether the group's view lists the question yet, without reading the list. */
    public boolean hasQuestion(String groupId, String questionId) {
        return mongo.exists(
                new Query(Criteria.where("_id")
                        .is(groupId)
                        .and("questions.questionId")
                        .is(questionId)),
                COLLECTION);
    }

    /**
     * Reads the group (without its questions) until it satisfies the condition or the time is up, for a reader who has
     * just changed it and expects to see the change: a bounded wait on the view, never a read of the write model.
     */
    public Optional<GroupPage> awaitUntil(String groupId, Predicate<GroupPage> condition, Duration atMost) {
        return org.collaborative.app.infrastructure.web.ReadYourWrite.awaitUntil(
                () -> findWithoutQuestions(groupId), condition, atMost);
    }

    /** Waits, for at most the given time, until the group's view lists the question; whether it does. */
    public boolean awaitQuestion(String groupId, String questionId, Duration atMost) {
        return org.collaborative.app.infrastructure.web.ReadYourWrite.awaitUntil(
                        () -> Optional.of(hasQuestion(groupId, questionId)), listed -> listed, atMost)
                .orElse(false);
    }

    private Optional<GroupPage> findWithoutQuestions(String groupId) {
        return withoutQuestions(List.of(groupId)).stream().findFirst();
    }

    /** The ids of the groups whose page lists the member: as a member, or with a request to join or an invitation. */
    public List<String> groupIdsNaming(String memberId) {
        Query query = new Query(new Criteria()
                .orOperator(
                        Criteria.where("members.memberId").is(memberId),
                        Criteria.where("requests.memberId").is(memberId),
                        Criteria.where("invitations.memberId").is(memberId)));
        query.fields().include("_id");
        return mongo.find(query, org.bson.Document.class, COLLECTION).stream()
                .map(d -> d.getString("_id"))
                .toList();
    }

    /** The groups with these ids, without their questions: read by id, not by a scan of every group. */
    public List<GroupPage> withoutQuestions(java.util.Collection<String> groupIds) {
        if (groupIds.isEmpty()) {
            return List.of();
        }
        Query query = new Query(Criteria.where("_id").in(groupIds).and("name").ne(null));
        query.fields().exclude("questions").exclude("applied");
        return mongo.find(query, GroupPage.class, COLLECTION);
    }

    /** Every group, without its questions: enough to decide who may see what. */
    public List<GroupPage> allWithoutQuestions() {
        Query query = new Query(Criteria.where("name").ne(null));
        query.fields().exclude("questions");
        // The questions left out are read as an empty list (GroupPage's constructor).
        return mongo.find(query, GroupPage.class, COLLECTION);
    }

    /** A group on a theme's page: the group without its questions, and how many it has. */
    public record GroupCard(GroupPage group, int questions) {}

    /**
     * The groups on a theme, by name, each without its questions but with their number, counted by MongoDB: a theme's
     * page lists its groups, and their documents hold every question ever asked in them.
     */
    public List<GroupCard> cardsOnTheme(String themeId) {
        List<org.bson.Document> pipeline = List.of(
                new org.bson.Document(
                        "$match",
                        new org.bson.Document("themeId", themeId).append("name", new org.bson.Document("$ne", null))),
                new org.bson.Document("$sort", new org.bson.Document("name", 1)),
                new org.bson.Document(
                        "$addFields",
                        new org.bson.Document(
                                "questionCount",
                                new org.bson.Document(
                                        "$size", new org.bson.Document("$ifNull", List.of("$questions", List.of()))))),
                new org.bson.Document("$project", new org.bson.Document("questions", 0).append("applied", 0)));
        List<GroupCard> cards = new java.util.ArrayList<>();
        for (org.bson.Document document : mongo.getCollection(COLLECTION).aggregate(pipeline)) {
            int questions = document.getInteger("questionCount", 0);
            document.remove("questionCount");
            cards.add(new GroupCard(mongo.getConverter().read(GroupPage.class, document), questions));
        }
        return cards;
    }

    public List<GroupPage> onTheme(String themeId) {
        Query query =
                new Query(Criteria.where("themeId").is(themeId).and("name").ne(null)).with(Sort.by("name"));
        return mongo.find(query, GroupPage.class, COLLECTION);
    }
}
