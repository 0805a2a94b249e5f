package org.collaborative.app.group;

import java.time.Duration;
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
     * Reads the group until it satisfies the condition or the time is up, for a reader who has just changed it and
     * expects to see the change: a bounded wait on the view, never a read of the write model.
     */
    public Optional<GroupPage> awaitUntil(String groupId, Predicate<GroupPage> condition, Duration atMost) {
        return org.collaborative.app.infrastructure.web.ReadYourWrite.awaitUntil(
                () -> find(groupId), condition, atMost);
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

    /** Every group, without its questions: enough to decide who may see what. */
    public List<GroupPage> allWithoutQuestions() {
        Query query = new Query(Criteria.where("name").ne(null));
        query.fields().exclude("questions");
        // The questions left out are read as an empty list (GroupPage's constructor).
        return mongo.find(query, GroupPage.class, COLLECTION);
    }

    public List<GroupPage> onTheme(String themeId) {
        Query query =
                new Query(Criteria.where("themeId").is(themeId).and("name").ne(null)).with(Sort.by("name"));
        return mongo.find(query, GroupPage.class, COLLECTION);
    }
}
