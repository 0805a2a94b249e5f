package org.collaborative.projections.follow;

import java.util.List;
import java.util.Map;
import org.collaborative.views.View;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/** What one member follows (document id: the member id), groups and items each in the order followed. */
public record Follows(
        @Id String id,
        List<String> groupIds,
        List<String> itemIds,
        Map<String, Long> applied,
        @Version Long version) implements View<Follows> {

    @Override
    public Follows withApplied(Map<String, Long> applied) {
        return new Follows(id, groupIds, itemIds, applied, version);
    }
}
