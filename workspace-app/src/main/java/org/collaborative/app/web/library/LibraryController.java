package org.collaborative.app.web.library;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.evidence.EvidenceScale;
import org.collaborative.app.group.GroupPages;
import org.collaborative.app.infrastructure.web.Csv;
import org.collaborative.app.infrastructure.web.Dates;
import org.collaborative.app.item.ItemType;
import org.collaborative.app.item.ItemViews;
import org.collaborative.app.member.People;
import org.collaborative.app.proposal.ProposalLabels;
import org.collaborative.app.proposal.ProposalStage;
import org.collaborative.app.theme.ThemeViews;
import org.collaborative.views.group.GroupPage;
import org.collaborative.views.item.ItemView;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Across groups: the evidence library (filter by theme, kind and level; CSV), the proposal pipeline by stage, and a
 * group's items as CSV. Everything is limited to the groups the person may see.
 */
@Controller
class LibraryController {

    private final ItemViews items;
    private final GroupPages groups;
    private final ThemeViews themes;
    private final People people;
    private final EvidenceScale scale;
    private final ProposalLabels proposals;
    private final Dates dates;

    LibraryController(
            ItemViews items,
            GroupPages groups,
            ThemeViews themes,
            People people,
            EvidenceScale scale,
            ProposalLabels proposals,
            Dates dates) {
        this.items = items;
        this.groups = groups;
        this.themes = themes;
        this.people = people;
        this.scale = scale;
        this.proposals = proposals;
        this.dates = dates;
    }

    @GetMapping("/evidence")
    String library(
            @RequestParam(required = false) String theme,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) Integer level,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        Map<String, GroupPage> visible = groups.visibleGroups(user);
        List<ItemView> evidence = evidence(visible, theme, kind, level);
        model.addAttribute("evidence", evidence);
        model.addAttribute("groups", visible);
        model.addAttribute("themes", themes.all());
        model.addAttribute("theme", blankToNull(theme));
        model.addAttribute("kind", blankToNull(kind));
        model.addAttribute("level", level);
        model.addAttribute("names", names(evidence));
        return "library/evidence";
    }

    @GetMapping(path = "/evidence.csv")
    ResponseEntity<byte[]> libraryCsv(
            @RequestParam(required = false) String theme,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) Integer level,
            @AuthenticationPrincipal WorkspaceUser user) {
        Map<String, GroupPage> visible = groups.visibleGroups(user);
        List<ItemView> evidence = evidence(visible, theme, kind, level);
        People.Names names = names(evidence);
        StringBuilder csv = new StringBuilder(Csv.row(List.of(
                "Title",
                "Theme",
                "Group",
                "Kind",
                "Level",
                "Source",
                "Submitted by",
                "Organisation",
                "Submitted",
                "Endorsements",
                "Challenges",
                "Link")));
        for (ItemView item : evidence) {
            csv.append(Csv.row(List.of(
                    item.title(),
                    item.themeId(),
                    visible.get(item.groupId()).name(),
                    scale.kind(item.form()),
                    item.level(),
                    item.current().source(),
                    names.member(item.authorId()),
                    names.organisation(item.organisationId()),
                    dates.date(item.createdAt()),
                    item.endorsements().size(),
                    item.challenges().size(),
                    "/items/" + item.id())));
        }
        return csv(csv, "evidence-library.csv");
    }

    @GetMapping("/proposals")
    String pipeline(
            @RequestParam(required = false) String theme, @AuthenticationPrincipal WorkspaceUser user, Model model) {
        Map<String, GroupPage> visible = groups.visibleGroups(user);
        List<ItemView> all = items.ofType(ItemType.PROPOSAL, visible.keySet(), blankToNull(theme));
        Map<ProposalStage, List<ItemView>> byStage = new LinkedHashMap<>();
        for (ProposalStage stage : ProposalStage.values()) {
            byStage.put(
                    stage,
                    all.stream().filter(p -> stage.name().equals(p.status())).toList());
        }
        model.addAttribute("byStage", byStage);
        model.addAttribute("groups", visible);
        model.addAttribute("themes", themes.all());
        model.addAttribute("theme", blankToNull(theme));
        model.addAttribute("names", names(all));
        return "library/proposals";
    }

    @GetMapping("/groups/{groupId}/items.csv")
    ResponseEntity<byte[]> groupCsv(@PathVariable String groupId, @AuthenticationPrincipal WorkspaceUser user) {
        GroupPage group = groups.visibleGroup(groupId, user);
        List<ItemView> all = new ArrayList<>();
        for (ItemType type : ItemType.values()) {
            all.addAll(items.ofType(type, List.of(groupId), null));
        }
        People.Names names = names(all);
        StringBuilder csv = new StringBuilder(Csv.row(List.of(
                "Type",
                "Title",
                "Status",
                "By",
                "Organisation",
                "Created",
                "Last activity",
                "Answers",
                "Endorsements",
                "Challenges",
                "Comments",
                "Link")));
        for (ItemView item : all) {
            String status = switch (ItemType.fromKey(item.type())) {
                case PROPOSAL -> proposals.stage(item.status());
                case QUESTION -> "OPEN".equals(item.status()) ? "Open" : "Closed";
                case EVIDENCE -> scale.level(item.level()).label();
            };
            csv.append(Csv.row(List.of(
                    ItemType.fromKey(item.type()).label(),
                    item.title(),
                    status,
                    names.member(item.authorId()),
                    names.organisation(item.organisationId()),
                    dates.date(item.createdAt()),
                    dates.date(item.lastActivity()),
                    item.answers().size(),
                    item.endorsements().size(),
                    item.challenges().size(),
                    item.comments().size(),
                    "/items/" + item.id())));
        }
        String file = group.name().toLowerCase().replaceAll("[^a-z0-9]+", "-") + "-items.csv";
        return csv(csv, file);
    }

    private List<ItemView> evidence(Map<String, GroupPage> visible, String theme, String kind, Integer level) {
        String kindFilter = blankToNull(kind);
        return items.ofType(ItemType.EVIDENCE, visible.keySet(), blankToNull(theme)).stream()
                .filter(item -> kindFilter == null || kindFilter.equals(item.form()))
                .filter(item -> level == null || level.equals(item.level()))
                .toList();
    }

    private People.Names names(List<ItemView> shown) {
        Set<String> members = new HashSet<>();
        Set<String> organisations = new HashSet<>();
        shown.forEach(item -> {
            members.add(item.authorId());
            organisations.add(item.organisationId());
        });
        return people.names(members, organisations);
    }

    private static ResponseEntity<byte[]> csv(StringBuilder csv, String file) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file).build().toString())
                .body(("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
