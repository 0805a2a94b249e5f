package org.collaborative.app.web.commitment;

import java.util.Collection;
import java.util.Map;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.retreat.RetreatAttendance;
import org.collaborative.events.member.MemberRole;
import org.collaborative.views.commitment.CommitmentView;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what with a retreat's outputs: those who may see the retreat (and administrators) see its actions,
 * pledges and report; its facilitators agree actions; its participants pledge; an owner, a facilitator of the retreat
 * or an administrator records progress. Commands check the same rules again in the aggregate.
 */
@Component
class CommitmentAccess {

    private final RetreatAttendance attendance;
    private final RetreatReports reports;

    CommitmentAccess(RetreatAttendance attendance, RetreatReports reports) {
        this.attendance = attendance;
        this.reports = reports;
    }

    boolean maySee(String retreatId, WorkspaceUser user) {
        return user.role() == MemberRole.ADMINISTRATOR
                || attendance.dates(retreatId).isPresent() && attendance.maySee(retreatId, user.memberId());
    }

    /** The retreat, if this person may see it; otherwise "not found", so that its existence is not given away. */
    void requireVisible(String retreatId, WorkspaceUser user) {
        if (!maySee(retreatId, user)) {
            throw new NotFoundException("retreat");
        }
    }

    boolean mayAgreeActions(String retreatId, WorkspaceUser user) {
        return user.role() == MemberRole.ADMINISTRATOR || attendance.isFacilitator(retreatId, user.memberId());
    }

    boolean mayPledge(String retreatId, WorkspaceUser user) {
        return attendance.isParticipant(retreatId, user.memberId());
    }

    boolean mayRecordProgress(CommitmentView commitment, WorkspaceUser user) {
        return user.memberId().equals(commitment.ownerId()) || mayAgreeActions(commitment.retreatId(), user);
    }

    /** The titles of the retreats these commitments came from (a link names "Retreat" where it is not known). */
    Map<String, String> retreatTitles(Collection<CommitmentView> commitments) {
        return reports.titles(
                commitments.stream().map(CommitmentView::retreatId).toList());
    }
}
