package org.collaborative.app.spread;

import java.util.List;
import java.util.Optional;
import org.collaborative.views.spread.PracticeSpread;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Reads the {@value PracticeSpread#COLLECTION} view: each practice's adoption moves and outcomes. */
@Component
public class PracticeSpreads {

    private final MongoTemplate mongo;

    PracticeSpreads(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<PracticeSpread> find(String practiceId) {
        return Optional.ofNullable(mongo.findById(practiceId, PracticeSpread.class, PracticeSpread.COLLECTION));
    }

    /** Every practice's history, by id. */
    public List<PracticeSpread> all() {
        return mongo.find(new Query().with(Sort.by("_id")), PracticeSpread.class, PracticeSpread.COLLECTION);
    }
}
