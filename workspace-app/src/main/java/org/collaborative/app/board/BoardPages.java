package org.collaborative.app.board;

import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.events.member.MemberRole;
import org.springframework.stereotype.Component;

/**
 * The board a person asks for, if they may see it: the session must belong to the retreat in the address, and the
 * person must be allowed to see the retreat's board ({@link BoardAccess#mayView}, or be an administrator). Otherwise it is "not found", so a
 * board of an invitation-only retreat does not reveal that it exists.
 */
@Component
public class BoardPages {

    private final BoardAccess access;
    private final BoardViews boards;

    BoardPages(BoardAccess access, BoardViews boards) {
        this.access = access;
        this.boards = boards;
    }

    public BoardScreen visibleBoard(String retreatId, String sessionId, WorkspaceUser user) {
        requireVisible(retreatId, sessionId, user);
        return screen(retreatId, sessionId, user, boards.find(sessionId).orElse(null));
    }

    /** Checks only who may see it, without reading the board (for the live stream). */
    public void requireVisible(String retreatId, String sessionId, WorkspaceUser user) {
        boolean inRetreat =
                access.retreatOfSession(sessionId).map(retreatId::equals).orElse(false);
        // Administrators see every retreat (RetreatAttendance leaves the role to the caller).
        boolean mayView = user.role() == MemberRole.ADMINISTRATOR || access.mayView(retreatId, user.memberId());
        if (!inRetreat || !mayView) {
            throw new NotFoundException("board");
        }
    }

    public BoardScreen screen(
            String retreatId, String sessionId, WorkspaceUser user, org.collaborative.views.board.BoardView board) {
        return new BoardScreen(
                retreatId,
                sessionId,
                user.memberId(),
                access.isFacilitator(retreatId, user.memberId()),
                access.isParticipant(retreatId, user.memberId()),
                board);
    }

    public BoardViews views() {
        return boards;
    }
}
