package org.collaborative.app.commitment.web;

import java.util.List;
import org.collaborative.views.retreat.RetreatView;
import org.springframework.stereotype.Component;

/**
 * Each session's board for the retreat report: its clusters with their cards and dots. Filled from the live boards'
 * view once that feature has landed on this branch; until then a report lists the agenda without boards.
 */
@Component
class SessionBoards {

    List<RetreatReport.SessionBoard> of(List<RetreatView.Session> sessions) {
        return List.of();
    }
}
