package org.collaborative.app.web.commitment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.commitment.CheckIns;
import org.collaborative.app.commitment.CommitmentViews;
import org.collaborative.app.group.GroupPages;
import org.collaborative.app.item.ItemViews;
import org.collaborative.app.member.People;
import org.collaborative.app.retreat.RetreatViews;
import org.collaborative.views.commitment.CommitmentView;
import org.collaborative.views.retreat.RetreatView;
import org.springframework.stereotype.Component;

/** Puts a retreat's report together from the views: the retreat's, the boards' and the commitments'. */
@Component
class RetreatReports {

    private final RetreatViews retreats;
    private final CommitmentViews commitments;
    private final SessionBoards boards;
    private final GroupPages groups;
    private final ItemViews items;
    private final People people;
    private final Clock clock;

    RetreatReports(
            RetreatViews retreats,
            CommitmentViews commitments,
            SessionBoards boards,
            GroupPages groups,
            ItemViews items,
            People people,
            Clock clock) {
        this.retreats = retreats;
        this.commitments = commitments;
        this.boards = boards;
        this.groups = groups;
        this.items = items;
        this.people = people;
        this.clock = clock;
    }

    Optional<RetreatView> retreat(String retreatId) {
        return retreats.find(retreatId);
    }

    /** The retreat's titles by id, for lists of commitments from several retreats. */
    Map<String, String> titles(Collection<String> retreatIds) {
        return retreats.titles(retreatIds);
    }

    /** The report, as the reader may see it: working groups they cannot see are named but not linked. */
    Optional<RetreatReport> report(String retreatId, WorkspaceUser reader) {
        return retreat(retreatId).map(retreat -> report(retreat, reader));
    }

    private RetreatReport report(RetreatView retreat, WorkspaceUser reader) {
        List<CommitmentView> all = commitments.ofRetreat(retreat.id());
        List<RetreatView.Attendee> registered = retreat.registered() == null ? List.of() : retreat.registered();
        Set<String> memberIds = new HashSet<>();
        Set<String> organisationIds = new HashSet<>();
        registered.forEach(a -> {
            memberIds.add(a.memberId());
            organisationIds.add(a.organisationId());
        });
        all.forEach(c -> {
            memberIds.add(c.ownerId());
            organisationIds.add(c.organisationId());
        });
        People.Names names = people.names(memberIds, organisationIds);
        Map<String, List<String>> byOrganisation = new TreeMap<>();
        for (RetreatView.Attendee attendee : registered) {
            byOrganisation
                    .computeIfAbsent(names.organisation(attendee.organisationId()), k -> new ArrayList<>())
                    .add(names.member(attendee.memberId()));
        }
        List<RetreatReport.Organisation> organisations = byOrganisation.entrySet().stream()
                .map(e -> new RetreatReport.Organisation(
                        e.getKey(), e.getValue().stream().sorted().toList()))
                .toList();
        List<RetreatView.Session> sessions = retreat.sessions() == null ? List.of() : retreat.sessions();
        Map<String, String> sessionTitles = new LinkedHashMap<>();
        sessions.forEach(s -> sessionTitles.put(s.sessionId(), s.title()));
        Map<String, String> groupNames = new HashMap<>();
        groups.visibleGroups(reader).forEach((id, group) -> groupNames.put(id, group.name()));
        Map<String, String> proposals = new HashMap<>();
        List<String> proposalIds = all.stream()
                .map(CommitmentView::proposalId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
        items.findAll(proposalIds).stream()
                .filter(item -> groupNames.containsKey(item.groupId()))
                .forEach(item -> proposals.put(item.id(), item.title()));
        return new RetreatReport(
                retreat,
                organisations,
                boards.of(sessions),
                all.stream().filter(CommitmentView::isAction).toList(),
                all.stream().filter(c -> !c.isAction()).toList(),
                new ReportNames(names, groupNames, proposals, sessionTitles),
                CheckIns.today(clock.instant()));
    }

    static final Comparator<RetreatView.Session> BY_START =
            Comparator.comparing(RetreatView.Session::startsAt, Comparator.nullsLast(Comparator.naturalOrder()));
}
