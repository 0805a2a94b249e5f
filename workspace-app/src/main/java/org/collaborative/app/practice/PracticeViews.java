package org.collaborative.app.practice;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.bson.Document;
import org.collaborative.views.practice.AdoptionView;
import org.collaborative.views.practice.PracticeView;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Reads practices and their adoptions from the {@code practices} and {@code adoptions} views. */
@Component("practiceViews")
public class PracticeViews {

    private final MongoTemplate mongo;

    PracticeViews(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Every practice the projections have seen recorded, by name; on one theme when {@code themeId} is given. */
    public List<PracticeView> all(String themeId) {
        Criteria criteria = Criteria.where("name").ne(null);
        if (themeId != null) {
            criteria = criteria.and("themeId").is(themeId);
        }
        return mongo.find(new Query(criteria).with(Sort.by("name")), PracticeView.class, PracticeView.COLLECTION);
    }

    public Optional<PracticeView> find(String practiceId) {
        return Optional.ofNullable(mongo.findById(practiceId, PracticeView.class, PracticeView.COLLECTION))
                .filter(practice -> practice.name() != null);
    }

    /** The practice recorded from a proposal, if there is one yet. */
    public Optional<PracticeView> fromProposal(String proposalId) {
        return find(RecordPractice.idFromProposal(proposalId));
    }

    /** A practice's adoptions, the most advanced and then the earliest first. */
    public List<AdoptionView> adoptionsOf(String practiceId) {
        return mongo
                .find(
                        new Query(Criteria.where("practiceId").is(practiceId)),
                        AdoptionView.class,
                        AdoptionView.COLLECTION)
                .stream()
                .filter(adoption -> adoption.stage() != null)
                .sorted(Comparator.comparing(AdoptionView::since))
                .toList();
    }

    /** An organisation's adoptions of every practice, the latest move first. */
    public List<AdoptionView> adoptionsBy(String organisationId) {
        return mongo
                .find(
                        new Query(Criteria.where("organisationId").is(organisationId)),
                        AdoptionView.class,
                        AdoptionView.COLLECTION)
                .stream()
                .filter(adoption -> adoption.stage() != null)
                .sorted(Comparator.comparing(AdoptionView::since).reversed())
                .toList();
    }

    public Optional<AdoptionView> adoption(String practiceId, String organisationId) {
        return Optional.ofNullable(mongo.findById(
                        RecordAdoptionMove.adoptionIdFor(practiceId, organisationId),
                        AdoptionView.class,
                        AdoptionView.COLLECTION))
                .filter(adoption -> adoption.stage() != null);
    }

    /**
     * How many organisations have each of these practices at each stage now: practice id, then stage, then count. One
     * query on the {@code practiceId} index, reading only each adoption's practice and stage (not its moves and
     * outcomes).
     */
    public Map<String, Map<String, Long>> stageCounts(Collection<String> practiceIds) {
        if (practiceIds.isEmpty()) {
            return Map.of();
        }
        Query query = new Query(Criteria.where("practiceId").in(practiceIds));
        query.fields().include("practiceId", "stage");
        return mongo.find(query, Document.class, AdoptionView.COLLECTION).stream()
                .filter(adoption -> adoption.getString("stage") != null)
                .collect(Collectors.groupingBy(
                        adoption -> adoption.getString("practiceId"),
                        Collectors.groupingBy(adoption -> adoption.getString("stage"), Collectors.counting())));
    }
}
