package org.collaborative.app.infrastructure.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnindexedQueriesTest {

    private final UnindexedQueries queries = new UnindexedQueries();
    private final EmbeddedChannel product = new EmbeddedChannel();

    @Test
    void aFilterNoIndexServesIsFoundOnceWithItsShapeAndNoValues() {
        queries.check(product, "find", Map.of("find", "items", "filter", Map.of("title", "Who has tried it?")));
        queries.check(product, "find", Map.of("find", "items", "filter", Map.of("title", "Another title")));
        queries.check(product, "find", Map.of("find", "items", "filter", Map.of("groupId", "g", "title", "t")));

        assertThat(queries.found()).containsExactly("items find {title}");
    }

    @Test
    void updatesDeletesCountsAndPipelinesAreCheckedByTheirFilters() {
        queries.check(
                product, "update", Map.of("update", "digests", "updates", List.of(Map.of("q", Map.of("kind", "X")))));
        queries.check(
                product,
                "delete",
                Map.of("delete", "moderation", "deletes", List.of(Map.of("q", Map.of("groupId", "g")))));
        queries.check(
                product, "aggregate", Map.of("aggregate", "items", "pipeline", List.of(Map.of("$match", Map.of()))));
        queries.check(
                product,
                "aggregate",
                Map.of("aggregate", "items", "pipeline", List.of(Map.of("$collStats", Map.of()))));
        queries.check(product, "count", Map.of("count", "items"));

        assertThat(queries.found()).containsExactly("digests update {kind}", "items aggregate {}");
    }

    @Test
    void theFirstDocumentOfACollectionIsNoScan() {
        queries.check(product, "find", Map.of("find", "items", "filter", Map.of(), "limit", 1));
        queries.check(product, "find", Map.of("find", "items", "filter", Map.of()));
        queries.check(
                product,
                "aggregate",
                Map.of("aggregate", "board", "pipeline", List.of(Map.of("$match", Map.of()), Map.of("$limit", 1))));

        assertThat(queries.found()).containsExactly("items find {}");
    }

    @Test
    void theTestsOwnClientIsNotHeldToTheRule() {
        EmbeddedChannel tests = new EmbeddedChannel();
        queries.check(
                tests,
                "hello",
                Map.of("hello", 1, "client", Map.of("application", Map.of("name", UnindexedQueries.UNCHECKED_CLIENT))));
        queries.check(tests, "find", Map.of("find", "items", "filter", Map.of("title", "t")));

        assertThat(queries.found()).isEmpty();
    }
}
