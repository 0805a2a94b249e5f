package org.collaborative.app.web.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.group.GroupPages;
import org.collaborative.app.item.Markdown;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.search.Search;
import org.collaborative.views.search.SearchEntry;
import org.collaborative.views.search.SearchKind;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Search as JSON: the same query language, filters, visibility and ranking as the search page. Each result says where
 * it leads ({@code path}) and carries a plain-text snippet around its first match.
 */
@RestController
@Tag(name = "Search")
class SearchApi {

    /**
     * One result.
     *
     * @param type its kind: question, evidence, proposal, comment or group
     * @param itemId what it is about: the item (for a comment, the item it is on) or the group
     * @param path the page to open, such as {@code /items/{id}} or {@code /groups/{id}}
     * @param snippet plain text (never Markdown) around the first match
     * @param level evidence's level on Nesta's Standards of Evidence (1 to 5); absent for anything else
     */
    record Result(
            String id,
            String type,
            String itemId,
            String path,
            String title,
            String snippet,
            String groupId,
            String themeId,
            String organisationId,
            Instant at,
            Integer level,
            double score) {}

    private final Search search;
    private final GroupPages groups;
    private final Markdown markdown;

    SearchApi(Search search, GroupPages groups, Markdown markdown) {
        this.search = search;
        this.groups = groups;
        this.markdown = markdown;
    }

    @GetMapping("/api/search")
    @Operation(summary = "Search working groups, questions, evidence, proposals and comments you may see")
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
        if (type != null && !Kinds.KEYS.contains(type)) {
            throw new InvalidInputException("type", "The type must be one of " + Kinds.KEYS);
        }
        return search
                .search(
                        query,
                        groups.visibleGroups(user).keySet(),
                        new Search.Filters(theme, type, organisation),
                        limit)
                .stream()
                .filter(hit -> SearchKind.fromKey(hit.entry().type()) != null)
                .map(hit -> result(hit, query))
                .toList();
    }

    private Result result(Search.Hit hit, Search.ParsedQuery query) {
        SearchEntry entry = hit.entry();
        SearchKind kind = SearchKind.fromKey(entry.type());
        return new Result(
                entry.id(),
                entry.type(),
                entry.itemId(),
                Kinds.path(kind, entry),
                entry.title(),
                SearchController.snippet(markdown, entry, query),
                entry.groupId(),
                entry.themeId(),
                entry.organisationId(),
                entry.at(),
                entry.level(),
                hit.score());
    }
}
