package org.collaborative.app.spread;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * What the participation dashboard counts: the happenings of the {@code digest-activity} view (questions, answers,
 * evidence, proposals, endorsements, challenges, comments, groups formed, requests to join), and every adoption move
 * of the {@code practice-spread} view, each with the organisation that did it and the theme it belongs to.
 */
@Component
public class ParticipationViews {

    static final String ACTIVITY = "digest-activity";

    /** The fields of an activity document this reads. */
    record Activity(@Id String id, String themeId, List<Happening> happenings) {}

    record Happening(String kind, Instant at, String organisationId) {}

    /** Moderators' acts are not participation. */
    private static final Set<String> NOT_PARTICIPATION =
            Set.of("ITEM_HIDDEN", "ITEM_RESTORED", "ANSWER_HIDDEN", "ANSWER_RESTORED", "MEMBER_INVITED");

    private final MongoTemplate mongo;
    private final PracticeSpreads spreads;

    ParticipationViews(MongoTemplate mongo, PracticeSpreads spreads) {
        this.mongo = mongo;
        this.spreads = spreads;
    }

    /** Everything done since {@code from}. */
    public List<Participation.Act> since(Instant from) {
        List<Participation.Act> acts = new ArrayList<>();
        for (Activity activity : mongo.find(query(where("lastAt").gte(from)), Activity.class, ACTIVITY)) {
            for (Happening h : activity.happenings() == null ? List.<Happening>of() : activity.happenings()) {
                if (h.at() != null && !h.at().isBefore(from) && !NOT_PARTICIPATION.contains(h.kind())) {
                    acts.add(new Participation.Act(h.organisationId(), activity.themeId(), h.at()));
                }
            }
        }
        spreads.all()
                .forEach(practice -> practice.moves().stream()
                        .filter(m -> m.recordedAt() != null && !m.recordedAt().isBefore(from))
                        .forEach(m -> acts.add(
                                new Participation.Act(m.organisationId(), practice.themeId(), m.recordedAt()))));
        return acts;
    }
}
