package org.collaborative.app.retreat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.infrastructure.web.ReadYourWrite;
import org.collaborative.app.personaldata.PersonalDataVault;
import org.collaborative.events.member.MemberRole;
import org.collaborative.views.retreat.RetreatView;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reads retreats ({@code retreats}, built by the projections) and decides who may see them, by the command-side
 * {@link RetreatAttendance}, which is never behind: an open retreat is seen by everyone signed in; an invite-only one
 * by its invitees, registered and waiting people, facilitators and administrators. Anything else is "not found".
 */
@Component
public class RetreatViews {

    private final MongoTemplate mongo;
    private final RetreatAttendance attendance;
    private final RetreatAttendanceTable table;
    private final PersonalDataVault vault;

    RetreatViews(MongoTemplate mongo, RetreatAttendanceTable table, PersonalDataVault vault) {
        this.mongo = mongo;
        this.attendance = table;
        this.table = table;
        this.vault = vault;
    }

    public Optional<RetreatView> find(String retreatId) {
        return Optional.ofNullable(mongo.findById(retreatId, RetreatView.class, RetreatView.COLLECTION))
                .filter(view -> view.title() != null);
    }

    /** The titles of these retreats by id, in one read (a list of commitments from several retreats names them). */
    public java.util.Map<String, String> titles(java.util.Collection<String> retreatIds) {
        java.util.Map<String, String> titles = new java.util.HashMap<>();
        if (retreatIds.isEmpty()) {
            return titles;
        }
        mongo
                .find(
                        org.springframework.data.mongodb.core.query.Query.query(
                                Criteria.where("_id").in(new java.util.HashSet<>(retreatIds))),
                        RetreatView.class,
                        RetreatView.COLLECTION)
                .stream()
                .filter(view -> view.title() != null)
                .forEach(view -> titles.put(view.id(), view.title()));
        return titles;
    }

    /**
     * In one read, the retreats this member has a place at, waits for or is invited to (without having answered) that
     * have a notice since {@code since}: for their notification centre ({@link RetreatNotices}).
     */
    public List<RetreatView> withNoticesFor(String memberId, java.time.Instant since) {
        Criteria concerned = new Criteria()
                .orOperator(
                        Criteria.where("registered.memberId").is(memberId),
                        Criteria.where("waiting.memberId").is(memberId),
                        Criteria.where("invited").is(memberId));
        return mongo
                .find(
                        Query.query(new Criteria()
                                .andOperator(Criteria.where("notices.at").gte(since), concerned)),
                        RetreatView.class,
                        RetreatView.COLLECTION)
                .stream()
                .filter(view -> view.title() != null)
                .toList();
    }

    /** The retreat, if this person may see it; else "not found", so that an invite-only retreat does not leak. */
    public RetreatView visible(String retreatId, WorkspaceUser user) {
        return find(retreatId)
                .filter(view -> maySee(view.id(), user))
                .orElseThrow(() -> new NotFoundException("retreat"));
    }

    public boolean maySee(String retreatId, WorkspaceUser user) {
        return user.role() == MemberRole.ADMINISTRATOR || attendance.maySee(retreatId, user.memberId());
    }

    public boolean facilitates(String retreatId, WorkspaceUser user) {
        return user.role() == MemberRole.ADMINISTRATOR || attendance.isFacilitator(retreatId, user.memberId());
    }

    /** The retreats this person may see, soonest first. */
    public List<RetreatView> visibleTo(WorkspaceUser user) {
        return mongo.find(new Query().with(Sort.by("startsAt")), RetreatView.class, RetreatView.COLLECTION).stream()
                .filter(view -> view.title() != null)
                .filter(view -> maySee(view.id(), user))
                .sorted(Comparator.comparing(RetreatView::startsAt))
                .toList();
    }

    /** Waits briefly until the view shows what a command just did, for the page the person returns to. */
    public Optional<RetreatView> awaitUntil(String retreatId, Predicate<RetreatView> condition, Duration atMost) {
        return ReadYourWrite.awaitUntil(() -> find(retreatId), condition, atMost);
    }

    /**
     * The organiser's list: each person's access and dietary needs, opened with their key. Erased members' needs
     * cannot be opened and are left out. Call only for a facilitator of the retreat.
     */
    public Map<String, AttendanceNeeds> needs(String retreatId) {
        Map<String, AttendanceNeeds> needs = new LinkedHashMap<>();
        table.sealedNeeds(retreatId)
                .forEach((memberId, locked) -> vault.openValue(memberId, locked, AttendanceNeeds.class)
                        .ifPresent(opened -> needs.put(memberId, opened)));
        return needs;
    }

    public static boolean isOver(RetreatView view, LocalDateTime now) {
        return !view.endsAt().isAfter(now);
    }
}
