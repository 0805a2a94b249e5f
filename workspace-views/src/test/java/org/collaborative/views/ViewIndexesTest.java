package org.collaborative.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ViewIndexesTest {

    @Test
    void aFilterOnAnIndexsFirstKeyIsServedAndOneOnALaterKeyAloneIsNot() {
        assertThat(ViewIndexes.serves("items", Map.of("groupId", "g", "title", Map.of("$ne", "x"))))
                .isTrue();
        assertThat(ViewIndexes.serves("items", Map.of("createdAt", Map.of("$gt", 1))))
                .isFalse();
        assertThat(ViewIndexes.serves("items", Map.of("title", Map.of("$ne", "x"))))
                .isFalse();
    }

    @Test
    void anIdAlwaysServesAndAnEmptyFilterOnlyOnCollectionsReadWhole() {
        assertThat(ViewIndexes.serves("commitments", Map.of("_id", "c"))).isTrue();
        assertThat(ViewIndexes.serves("organisations", Map.of())).isTrue();
        assertThat(ViewIndexes.serves("items", Map.of())).isFalse();
    }

    @Test
    void everyBranchOfAnOrMustBeServedUnlessTheRestOfTheFilterIs() {
        Map<String, Object> served =
                Map.of("$or", List.of(Map.of("authorId", "m"), Map.of("groupId", Map.of("$in", List.of("g")))));
        assertThat(ViewIndexes.serves("digest-activity", served)).isTrue();
        Map<String, Object> oneBranchScans = Map.of("$or", List.of(Map.of("authorId", "m"), Map.of("title", "t")));
        assertThat(ViewIndexes.serves("items", oneBranchScans)).isFalse();
        assertThat(ViewIndexes.serves(
                        "digest-activity",
                        Map.of("$and", List.of(Map.of("lastAt", Map.of("$gte", 1)), Map.of("$or", List.of())))))
                .isTrue();
    }

    @Test
    void aRebuildsFreshCollectionHasItsViewsIndexes() {
        assertThat(ViewIndexes.of("items.rebuild-3f2a")).isEqualTo(ViewIndexes.of("items"));
        assertThat(ViewIndexes.of("items")).isNotEmpty();
        assertThat(ViewIndexes.of("items").get(0).name()).isEqualTo("groupId_1_createdAt_1");
    }

    @Test
    void aShapeNamesFieldsNeverValues() {
        assertThat(ViewIndexes.shape(Map.of("groupId", "secret", "$or", List.of(Map.of("a", 1), Map.of("b", 2)))))
                .isEqualTo("{$or[{a}, {b}], groupId}");
    }
}
