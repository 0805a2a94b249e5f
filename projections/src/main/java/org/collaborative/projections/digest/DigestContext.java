package org.collaborative.projections.digest;

import java.util.List;
import java.util.Map;
import org.collaborative.views.commitment.CommitmentView;
import org.collaborative.views.digest.ActivityView;
import org.collaborative.views.digest.DigestWeek;
import org.collaborative.views.follow.Follows;
import org.collaborative.views.group.GroupPage;
import org.collaborative.views.organisation.OrganisationCard;
import org.collaborative.views.retreat.RetreatView;
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
 * @param commitments the actions and pledges from retreats that are neither done nor dropped
 * @param retreatTitles the titles of the retreats those commitments came from, by id
 * @param retreats the retreats not cancelled that start after the week, soonest first
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
        Map<String, List<PracticeSpread>> practicesByEvidence,
        List<CommitmentView> commitments,
        Map<String, String> retreatTitles,
        List<RetreatView> retreats) {

    public DigestContext {
        practices = practices == null ? List.of() : practices;
        practicesByEvidence = practicesByEvidence == null ? Map.of() : practicesByEvidence;
        commitments = commitments == null ? List.of() : commitments;
        retreatTitles = retreatTitles == null ? Map.of() : retreatTitles;
        retreats = retreats == null ? List.of() : retreats;
    }

    /** A week with no adoption moves, no evidence behind practices and no retreat outputs. */
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

    /** A week with adoption moves and evidence behind practices, but no retreat outputs. */
    public DigestContext(
            DigestWeek week,
            List<ActivityView> activity,
            Map<String, GroupPage> groups,
            Map<String, OrganisationCard> organisations,
            Map<String, String> themeTitles,
            Map<String, List<ActivityView>> proposalsByEvidence,
            Map<String, Follows> follows,
            List<PracticeSpread> practices,
            Map<String, List<PracticeSpread>> practicesByEvidence) {
        this(
                week,
                activity,
                groups,
                organisations,
                themeTitles,
                proposalsByEvidence,
                follows,
                practices,
                practicesByEvidence,
                List.of(),
                Map.of(),
                List.of());
    }

    /** A week with retreat outputs but no adoption moves. */
    public DigestContext(
            DigestWeek week,
            List<ActivityView> activity,
            Map<String, GroupPage> groups,
            Map<String, OrganisationCard> organisations,
            Map<String, String> themeTitles,
            Map<String, List<ActivityView>> proposalsByEvidence,
            Map<String, Follows> follows,
            List<CommitmentView> commitments,
            Map<String, String> retreatTitles,
            List<RetreatView> retreats) {
        this(
                week,
                activity,
                groups,
                organisations,
                themeTitles,
                proposalsByEvidence,
                follows,
                List.of(),
                Map.of(),
                commitments,
                retreatTitles,
                retreats);
    }

    public String retreatTitle(String retreatId) {
        return retreatTitles.getOrDefault(retreatId, "a retreat");
    }

    public String organisationName(String organisationId) {
        OrganisationCard card = organisationId == null ? null : organisations.get(organisationId);
        return card == null || card.name() == null ? "another organisation" : card.name();
    }
}
