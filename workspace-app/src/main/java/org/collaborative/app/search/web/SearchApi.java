package org.collaborative.app.search.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.collaborative.app.InvalidInputException;
import org.collaborative.app.group.GroupPages;
import org.collaborative.app.infrastructure.security.WorkspaceUser;
import org.collaborative.app.search.Search;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Search as JSON: the same query language, filters and visibility as the search page. */
@RestController
@Tag(name = "Search")
class SearchApi {

    record Result(
            String id,
            String type,
            String itemId,
            String title,
            String snippet,
            String groupId,
            String themeId,
            String organisationId,
            Instant at,
            double score) {}

    private final Search search;
    private final GroupPages groups;

    SearchApi(Search search, GroupPages groups) {
        this.search = search;
        this.groups = groups;
    }

    @GetMapping("/api/search")
    @Operation(summary = "Search questions, evidence, proposals and comments you may see")
    List<Result> search(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) String theme,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String organisation,
            @RequestParam(defaultValue = "20") int limit,
            @AuthenticationPrincipal WorkspaceUser user) {
        Search.ParsedQuery query = Search.parse(q);
        if (query.isEmpty()) {
            throw new InvalidInputException("q", "Enter words to search for");
        }
        if (limit < 1 || limit > 100) {
            throw new InvalidInputException("limit", "The limit must be between 1 and 100");
        }
        if (type != null && !SearchController.TYPES.contains(type)) {
            throw new InvalidInputException("type", "The type must be one of " + SearchController.TYPES);
        }
        return search
                .search(
                        query,
                        groups.visibleGroups(user).keySet(),
                        new Search.Filters(theme, type, organisation),
                        limit)
                .stream()
                .map(hit -> new Result(
                        hit.entry().id(),
                        hit.entry().type(),
                        hit.entry().itemId(),
                        hit.entry().title(),
                        SearchController.snippet(hit.entry().text()),
                        hit.entry().groupId(),
                        hit.entry().themeId(),
                        hit.entry().organisationId(),
                        hit.entry().at(),
                        hit.score()))
                .toList();
    }
}
