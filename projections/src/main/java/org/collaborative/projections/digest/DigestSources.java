package org.collaborative.projections.digest;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.collaborative.projections.follow.FollowsProjector;
import org.collaborative.projections.group.GroupPageProjector;
import org.collaborative.projections.organisation.OrganisationsProjector;
import org.collaborative.projections.theme.ThemeListProjector;
import org.collaborative.views.commitment.CommitmentView;
import org.collaborative.views.digest.ActivityView;
import org.collaborative.views.digest.ActivityView.Kind;
import org.collaborative.views.digest.DigestWeek;
import org.collaborative.views.follow.Follows;
import org.collaborative.views.group.GroupPage;
import org.collaborative.views.organisation.OrganisationCard;
import org.collaborative.views.practice.PracticeView;
import org.collaborative.views.retreat.RetreatView;
import org.collaborative.views.spread.PracticeSpread;
import org.collaborative.views.theme.ThemeCard;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The queries a week of digests needs, run once for all the members whose digest covers that week: the items and
 * groups with activity since the week began, the proposals resting on evidence revised in it, and the groups,
 * organisations, themes and follows as they stand, the practices with adoption moves recorded in it, and the
 * retreats' actions and pledges still open. These are "the raw aggregation queries" of the digest benchmark.
 */
@Component
public class DigestSources {

    private final MongoTemplate mongo;

    public DigestSources(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public DigestContext load(DigestWeek week) {
        List<ActivityView> activity =
                mongo.find(query(where("lastAt").gte(week.from())), ActivityView.class, ActivityProjector.NAME);
        List<String> revised = activity.stream()
                .filter(item -> item.happenings().stream()
                        .anyMatch(h -> h.kind() == Kind.EVIDENCE_REVISED && week.covers(h.at())))
                .map(ActivityView::id)
                .toList();
        Map<String, List<ActivityView>> proposalsByEvidence = new HashMap<>();
        if (!revised.isEmpty()) {
            for (ActivityView proposal :
                    mongo.find(query(where("evidenceIds").in(revised)), ActivityView.class, ActivityProjector.NAME)) {
                for (String evidenceId : proposal.evidenceIds()) {
                    if (revised.contains(evidenceId)) {
                        proposalsByEvidence
                                .computeIfAbsent(evidenceId, k -> new java.util.ArrayList<>())
                                .add(proposal);
                    }
                }
            }
        }
        Map<String, GroupPage> groups = byId(mongo.findAll(GroupPage.class, GroupPageProjector.NAME), GroupPage::id);
        Map<String, OrganisationCard> organisations =
                byId(mongo.findAll(OrganisationCard.class, OrganisationsProjector.NAME), OrganisationCard::id);
        Map<String, String> themes = mongo.findAll(ThemeCard.class, ThemeListProjector.NAME).stream()
                .filter(theme -> theme.title() != null)
                .collect(Collectors.toMap(ThemeCard::id, ThemeCard::title, (a, b) -> a));
        Map<String, Follows> follows = byId(mongo.findAll(Follows.class, FollowsProjector.NAME), Follows::id);
        List<PracticeSpread> practices = mongo.find(
                query(where("moves.recordedAt").gte(week.from())), PracticeSpread.class, PracticeSpread.COLLECTION);
        Map<String, List<PracticeSpread>> practicesByEvidence = new HashMap<>();
        if (!revised.isEmpty()) {
            // Which practices each revised piece of evidence is linked to (the practices view), with their spread.
            List<PracticeView> linked =
                    mongo.find(query(where("evidenceIds").in(revised)), PracticeView.class, PracticeView.COLLECTION);
            // Their spread in one read, not one per practice.
            Map<String, PracticeSpread> spreads = byId(
                    mongo.find(
                            query(where("_id")
                                    .in(linked.stream().map(PracticeView::id).toList())),
                            PracticeSpread.class,
                            PracticeSpread.COLLECTION),
                    PracticeSpread::id);
            for (PracticeView practice : linked) {
                PracticeSpread spread = spreads.get(practice.id());
                if (spread == null) {
                    continue;
                }
                for (String evidenceId : practice.evidenceIds()) {
                    if (revised.contains(evidenceId)) {
                        practicesByEvidence
                                .computeIfAbsent(evidenceId, k -> new java.util.ArrayList<>())
                                .add(spread);
                    }
                }
            }
        }
        List<CommitmentView> commitments = mongo.find(
                query(where("progress").nin("DONE", "DROPPED").and("kind").ne(null)),
                CommitmentView.class,
                CommitmentView.COLLECTION);
        return new DigestContext(
                week,
                activity,
                groups,
                organisations,
                themes,
                proposalsByEvidence,
                follows,
                practices,
                practicesByEvidence,
                commitments,
                retreatTitles(commitments),
                upcomingRetreats(week));
    }

    /** The retreats, not cancelled, that start after the week's digests fall due, soonest first. */
    private List<RetreatView> upcomingRetreats(DigestWeek week) {
        java.time.LocalDateTime due = java.time.LocalDateTime.ofInstant(week.due(), DigestWeek.LONDON);
        return mongo
                .find(
                        query(where("startsAt").gt(due).and("status").ne("CANCELLED")),
                        RetreatView.class,
                        RetreatView.COLLECTION)
                .stream()
                .sorted(java.util.Comparator.comparing(RetreatView::startsAt))
                .toList();
    }

    /** The titles of the retreats the commitments came from. */
    private Map<String, String> retreatTitles(List<CommitmentView> commitments) {
        List<String> ids =
                commitments.stream().map(CommitmentView::retreatId).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return mongo.find(query(where("_id").in(ids)), RetreatView.class, RetreatView.COLLECTION).stream()
                .filter(r -> r.title() != null)
                .collect(Collectors.toMap(RetreatView::id, RetreatView::title, (a, b) -> a));
    }

    private static <T> Map<String, T> byId(List<T> documents, Function<T, String> id) {
        return documents.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> a));
    }
}
