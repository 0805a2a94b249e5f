package org.collaborative.views.follow;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;
import org.collaborative.views.View;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * What one member follows ({@code follows} collection; document id: the member id), groups and items each in the
 * order followed.
 */
public record Follows(
        @Id String id,
        List<String> groupIds,
        List<String> itemIds,
        @JsonIgnore Map<String, Long> applied,
        @JsonIgnore @Version Long version)
        implements View<Follows> {

    public static final String COLLECTION = "follows";

    public Follows {
        groupIds = groupIds == null ? List.of() : groupIds;
        itemIds = itemIds == null ? List.of() : itemIds;
    }

    public Follows withGroupIds(List<String> groupIds) {
        return with("groupIds", groupIds);
    }

    public Follows withItemIds(List<String> itemIds) {
        return with("itemIds", itemIds);
    }
}
