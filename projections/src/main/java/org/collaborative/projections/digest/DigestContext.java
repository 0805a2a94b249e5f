package org.collaborative.projections.digest;

import java.util.List;
import java.util.Map;
import org.collaborative.projections.follow.Follows;
import org.collaborative.projections.group.GroupPage;
import org.collaborative.projections.organisation.OrganisationCard;
import org.collaborative.views.spread.PracticeSpread;

/**
 * What the digests of one week are made from, read once for every member whose digest covers that week: the
 * activity in it, and the groups, organisations, themes and follows as they stand.
 *
 * @param activity items and groups with something that happened in or after the week
 * @param proposalsByEvidence for each piece of evidence revised in the week, the proposals that rest on it
 * @param practices the practices with an adoption move recorded in or after the week (their whole history)
 * @param practicesByEvidence for each piece of evidence revised in the week, the practices it is linked to (their
 *     spread, so a reader's council's stage with each is known)
 */
public record DigestContext(
        DigestWeek week,
        List<ActivityView> activity,
        Map<String, GroupPage> groups,
        Map<String, OrganisationCard> organisations,
        Map<String, String> themeTitles,
        Map<String, List<ActivityView>> proposalsByEvidence,
        Map<String, Follows> follows,
        List<PracticeSpread> practices,
        Map<String, List<PracticeSpread>> practicesByEvidence) {

    /** A week with no adoption moves and no evidence behind practices. */
    public DigestContext(
            DigestWeek week,
            List<ActivityView> activity,
            Map<String, GroupPage> groups,
            Map<String, OrganisationCard> organisations,
            Map<String, String> themeTitles,
            Map<String, List<ActivityView>> proposalsByEvidence,
            Map<String, Follows> follows) {
        this(week, activity, groups, organisations, themeTitles, proposalsByEvidence, follows, List.of(), Map.of());
    }

    public String organisationName(String organisationId) {
        OrganisationCard card = organisationId == null ? null : organisations.get(organisationId);
        return card == null || card.name() == null ? "another organisation" : card.name();
    }
}
