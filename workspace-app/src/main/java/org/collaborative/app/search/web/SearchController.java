package org.collaborative.app.search.web;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.collaborative.app.group.GroupPages;
import org.collaborative.app.infrastructure.security.WorkspaceUser;
import org.collaborative.app.item.ItemViews;
import org.collaborative.app.member.People;
import org.collaborative.app.organisation.OrganisationViews;
import org.collaborative.app.search.Search;
import org.collaborative.app.theme.ThemeViews;
import org.collaborative.views.group.GroupPage;
import org.collaborative.views.item.ItemView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The search page: a query, filters by theme, type and organisation, and results the person may see. */
@Controller
class SearchController {

    static final int RESULTS = 50;
    static final List<String> TYPES = List.of("question", "evidence", "proposal", "comment");

    private final Search search;
    private final GroupPages groups;
    private final ItemViews items;
    private final ThemeViews themes;
    private final OrganisationViews organisations;
    private final People people;

    SearchController(
            Search search,
            GroupPages groups,
            ItemViews items,
            ThemeViews themes,
            OrganisationViews organisations,
            People people) {
        this.search = search;
        this.groups = groups;
        this.items = items;
        this.themes = themes;
        this.organisations = organisations;
        this.people = people;
    }

    /** A result as the page shows it. */
    record Result(Search.Hit hit, ItemView item, GroupPage group, String snippet) {}

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
        String knownType = type != null && TYPES.contains(type) ? type : null;
        model.addAttribute("type", knownType);
        model.addAttribute("organisation", blankToNull(organisation));
        model.addAttribute("themes", themes.all());
        model.addAttribute("types", TYPES);
        model.addAttribute("organisations", organisations.all());
        Search.ParsedQuery query = Search.parse(q);
        if (!q.isBlank()) {
            Map<String, GroupPage> visible = groups.visibleGroups(user);
            List<Search.Hit> hits = search.search(
                    query,
                    visible.keySet(),
                    new Search.Filters(blankToNull(theme), knownType, blankToNull(organisation)),
                    RESULTS);
            Map<String, ItemView> found = new java.util.HashMap<>();
            items.findAll(hits.stream().map(h -> h.entry().itemId()).distinct().toList())
                    .forEach(item -> found.put(item.id(), item));
            List<Result> results = hits.stream()
                    .filter(hit -> found.containsKey(hit.entry().itemId()))
                    .map(hit -> new Result(
                            hit,
                            found.get(hit.entry().itemId()),
                            visible.get(hit.entry().groupId()),
                            snippet(hit.entry().text())))
                    .toList();
            Set<String> organisationIds = new HashSet<>();
            results.forEach(r -> organisationIds.add(r.hit().entry().organisationId()));
            model.addAttribute("results", results);
            model.addAttribute("names", people.names(Set.of(), organisationIds));
            model.addAttribute("searched", true);
            model.addAttribute("meaningless", query.isEmpty());
        }
        return "search/search";
    }

    static String snippet(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 200 ? flat : flat.substring(0, 200).replaceAll("\\s\\S*$", "") + "…";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
