package org.collaborative.app.web.member;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.group.GroupPages;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.item.ItemType;
import org.collaborative.app.item.ItemViews;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.organisation.OrganisationViews;
import org.collaborative.views.group.GroupPage;
import org.collaborative.views.item.ItemView;
import org.collaborative.views.organisation.OrganisationCard;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The member directory (name, job title, organisation, role) and each organisation's profile: its members, the
 * groups they take part in and what they have posted, within the groups the reader may see.
 */
@Controller
class MemberDirectoryController {

    private final Accounts accounts;
    private final OrganisationViews organisations;
    private final GroupPages groups;
    private final ItemViews items;

    MemberDirectoryController(Accounts accounts, OrganisationViews organisations, GroupPages groups, ItemViews items) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.groups = groups;
        this.items = items;
    }

    @GetMapping("/members")
    String directory(@RequestParam(required = false) String organisation, Model model) {
        String filter = organisation == null || organisation.isBlank() ? null : organisation;
        model.addAttribute("members", accounts.directory(filter));
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("organisation", filter);
        model.addAttribute(
                "names",
                organisations.all().stream().collect(Collectors.toMap(OrganisationCard::id, OrganisationCard::name)));
        return "member/directory";
    }

    @GetMapping("/organisations/{organisationId}")
    String organisation(@PathVariable String organisationId, @AuthenticationPrincipal WorkspaceUser user, Model model) {
        OrganisationCard organisation =
                organisations.byId(Set.of(organisationId)).get(organisationId);
        if (organisation == null) {
            throw new NotFoundException("organisation");
        }
        List<Accounts.Account> members = accounts.directory(organisationId);
        Set<String> memberIds = members.stream().map(Accounts.Account::memberId).collect(Collectors.toSet());
        Map<String, GroupPage> visible = groups.visibleGroups(user);
        List<GroupPage> groupsJoined = visible.values().stream()
                .filter(group -> group.members().stream().anyMatch(m -> organisationId.equals(m.organisationId())))
                .sorted(java.util.Comparator.comparing(GroupPage::name))
                .toList();
        List<ItemView> posted = new java.util.ArrayList<>();
        for (ItemType type : ItemType.values()) {
            items.ofType(type, visible.keySet(), null).stream()
                    .filter(item -> organisationId.equals(item.organisationId()))
                    .forEach(posted::add);
        }
        posted.sort(java.util.Comparator.comparing(ItemView::createdAt).reversed());
        model.addAttribute("organisation", organisation);
        model.addAttribute("members", members);
        model.addAttribute("groupsJoined", groupsJoined);
        model.addAttribute("posted", posted);
        model.addAttribute("memberIds", memberIds);
        return "member/organisation";
    }
}
