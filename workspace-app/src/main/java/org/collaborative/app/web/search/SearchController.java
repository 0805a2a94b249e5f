package org.collaborative.app.web.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.group.GroupPages;
import org.collaborative.app.item.ItemViews;
import org.collaborative.app.item.Markdown;
import org.collaborative.app.member.People;
import org.collaborative.app.organisation.OrganisationViews;
import org.collaborative.app.search.Search;
import org.collaborative.app.search.Snippet;
import org.collaborative.app.theme.ThemeViews;
import org.collaborative.views.group.GroupPage;
import org.collaborative.views.item.ItemView;
import org.collaborative.views.search.SearchEntry;
import org.collaborative.views.search.SearchKind;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The search page: a query, filters by theme, type and organisation, and results the person may see, each with a
 * plain-text snippet around its first match.
 */
@Controller
class SearchController {

    static final int RESULTS = 50;

    private final Search search;
    private final GroupPages groups;
    private final ItemViews items;
    private final ThemeViews themes;
    private final OrganisationViews organisations;
    private final People people;
    private final Markdown markdown;

    SearchController(
            Search search,
            GroupPages groups,
            ItemViews items,
            ThemeViews themes,
            OrganisationViews organisations,
            People people,
            Markdown markdown) {
        this.search = search;
        this.groups = groups;
        this.items = items;
        this.themes = themes;
        this.organisations = organisations;
        this.people = people;
        this.markdown = markdown;
    }

    /**
     * A result as the page shows it.
     *
     * @param group the group it is in (for a group, the group itself)
     */
    record Result(Search.Hit hit, String label, String title, String href, GroupPage group, String snippet) {

        /** Not {@code isGroup()}: templates would then read {@code r.group} through it, not through {@code group()}. */
        public boolean isWorkingGroup() {
            return SearchKind.GROUP.key().equals(hit.entry().type());
        }
    }

    @GetMapping("/search")
    String search(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) String theme,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String organisation,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        model.addAttribute("q", q);
        model.addAttribute("theme", blankToNull(theme));
        String knownType = type != null && Kinds.KEYS.contains(type) ? type : null;
        model.addAttribute("type", knownType);
        model.addAttribute("organisation", blankToNull(organisation));
        model.addAttribute("themes", themes.all());
        model.addAttribute("types", Kinds.filterOptions());
        model.addAttribute("organisations", organisations.all());
        Search.ParsedQuery query = Search.parse(q);
        if (!q.isBlank()) {
            Map<String, GroupPage> visible = groups.visibleGroups(user);
            List<Search.Hit> hits = search.search(
                    query,
                    visible.keySet(),
                    new Search.Filters(blankToNull(theme), knownType, blankToNull(organisation)),
                    RESULTS);
            Map<String, ItemView> found = new HashMap<>();
            items.findAll(hits.stream()
                            .filter(hit ->
                                    !SearchKind.GROUP.key().equals(hit.entry().type()))
                            .map(hit -> hit.entry().itemId())
                            .distinct()
                            .toList())
                    .forEach(item -> found.put(item.id(), item));
            List<Result> results = new ArrayList<>();
            for (Search.Hit hit : hits) {
                result(hit, query, found, visible).ifPresent(results::add);
            }
            Set<String> organisationIds = new HashSet<>();
            results.forEach(r -> organisationIds.add(r.hit().entry().organisationId()));
            model.addAttribute("results", results);
            model.addAttribute("names", people.names(Set.of(), organisationIds));
            model.addAttribute("searched", true);
            model.addAttribute("meaningless", query.isEmpty());
        }
        return "search/search";
    }

    /** The result as shown, or nothing when what it leads to is not there to open (not projected yet, or hidden). */
    private Optional<Result> result(
            Search.Hit hit, Search.ParsedQuery query, Map<String, ItemView> found, Map<String, GroupPage> visible) {
        SearchEntry entry = hit.entry();
        SearchKind kind = SearchKind.fromKey(entry.type());
        if (kind == null) {
            return Optional.empty();
        }
        GroupPage group = visible.get(entry.groupId());
        String title;
        if (kind == SearchKind.GROUP) {
            if (group == null) {
                return Optional.empty();
            }
            title = group.name();
        } else {
            ItemView item = found.get(entry.itemId());
            if (item == null) {
                return Optional.empty();
            }
            title = kind == SearchKind.COMMENT ? "Comment on: " + item.title() : item.title();
        }
        return Optional.of(new Result(
                hit, Kinds.label(kind), title, Kinds.path(kind, entry), group, snippet(markdown, entry, query)));
    }

    /** Plain text around the first match: never the Markdown as written. */
    static String snippet(Markdown markdown, SearchEntry entry, Search.ParsedQuery query) {
        return Snippet.around(markdown.text(entry.text()), query.terms());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
