package org.collaborative.app.web.retreat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.collaborative.views.retreat.RetreatView;

/**
 * What the breakout allocation came to, for the page that explains it: per breakout, how many people, how many of
 * them chose it first, how many organisations and the largest number from one; overall, how many got their first
 * choice, a later choice, or had stated none.
 */
public record BreakoutSummary(List<Line> lines, int firstChoice, int laterChoice, int noPreference, int allocated) {

    public record Line(String sessionId, int people, int firstChoices, int organisations, int largestFromOne) {}

    static BreakoutSummary of(RetreatView retreat) {
        Map<String, String> organisationOf = new HashMap<>();
        retreat.registered().forEach(a -> organisationOf.put(a.memberId(), a.organisationId()));
        int first = 0;
        int later = 0;
        int none = 0;
        int allocated = 0;
        List<Line> lines = new java.util.ArrayList<>();
        for (RetreatView.Session session : retreat.sessions()) {
            if (!"BREAKOUT".equals(session.kind())) {
                continue;
            }
            List<String> members = retreat.breakouts().getOrDefault(session.sessionId(), List.of());
            Map<String, Integer> perOrganisation = new HashMap<>();
            int firstHere = 0;
            for (String memberId : members) {
                allocated++;
                perOrganisation.merge(organisationOf.getOrDefault(memberId, ""), 1, Integer::sum);
                List<String> ranking = retreat.preferences().getOrDefault(memberId, List.of());
                if (ranking.isEmpty()) {
                    none++;
                } else if (ranking.get(0).equals(session.sessionId())) {
                    first++;
                    firstHere++;
                } else {
                    later++;
                }
            }
            lines.add(new Line(
                    session.sessionId(),
                    members.size(),
                    firstHere,
                    perOrganisation.size(),
                    perOrganisation.values().stream()
                            .mapToInt(Integer::intValue)
                            .max()
                            .orElse(0)));
        }
        return new BreakoutSummary(lines, first, later, none, allocated);
    }

    public Line line(String sessionId) {
        return lines.stream()
                .filter(l -> l.sessionId().equals(sessionId))
                .findFirst()
                .orElse(null);
    }
}
