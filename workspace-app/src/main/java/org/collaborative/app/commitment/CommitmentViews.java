package org.collaborative.app.commitment;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.collaborative.app.infrastructure.web.ReadYourWrite;
import org.collaborative.views.commitment.CommitmentView;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Reads the {@code commitments} view that the projections keep: the actions and pledges from retreats. */
@Component
public class CommitmentViews {

    /** Newest due last: the order of a retreat's list, its report and its CSV files. */
    public static final Comparator<CommitmentView> BY_DUE_DATE = Comparator.comparing(
                    CommitmentView::dueOn, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(CommitmentView::agreedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(CommitmentView::id);

    private final MongoTemplate mongo;

    CommitmentViews(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<CommitmentView> find(String commitmentId) {
        return Optional.ofNullable(mongo.findById(commitmentId, CommitmentView.class, CommitmentView.COLLECTION))
                .filter(view -> view.kind() != null);
    }

    /** The retreat's actions and pledges, by due date. */
    public List<CommitmentView> ofRetreat(String retreatId) {
        return sorted(
                mongo.find(query(where("retreatId").is(retreatId)), CommitmentView.class, CommitmentView.COLLECTION));
    }

    /** What this member owns: the actions they are the owner of and the pledges they made, by due date. */
    public List<CommitmentView> ofOwner(String memberId) {
        return sorted(
                mongo.find(query(where("ownerId").is(memberId)), CommitmentView.class, CommitmentView.COLLECTION));
    }

    /** The organisation's pledges. */
    public List<CommitmentView> pledgesOf(String organisationId) {
        return sorted(mongo.find(
                query(where("organisationId").is(organisationId).and("kind").is(CommitmentView.PLEDGE)),
                CommitmentView.class,
                CommitmentView.COLLECTION));
    }

    /** The pledges fulfilled by moves along organisations' adoption of the practice. */
    public List<CommitmentView> fulfilledByAdoptionOf(String practiceId) {
        return sorted(mongo.find(
                query(where("fulfilledBy.practiceId").is(practiceId)),
                CommitmentView.class,
                CommitmentView.COLLECTION));
    }

    /** The commitments whose next check-in falls due on or before {@code today} (London). */
    public List<CommitmentView> checkInDueBy(LocalDate today) {
        return mongo.find(query(where("nextCheckInOn").lte(today)), CommitmentView.class, CommitmentView.COLLECTION);
    }

    /** Waits briefly until the view shows a change, for the page the person returns to (ADR 0005's read-your-write). */
    public Optional<CommitmentView> await(String commitmentId, Predicate<CommitmentView> changed, Duration atMost) {
        return ReadYourWrite.awaitUntil(() -> find(commitmentId), changed, atMost);
    }

    private static List<CommitmentView> sorted(List<CommitmentView> views) {
        return views.stream().filter(v -> v.kind() != null).sorted(BY_DUE_DATE).toList();
    }
}
