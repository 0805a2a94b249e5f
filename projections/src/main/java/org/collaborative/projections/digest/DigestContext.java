package org.collaborative.projections.digest;

import java.util.List;
import java.util.Map;
import org.collaborative.views.digest.ActivityView;
import org.collaborative.views.follow.Follows;
import org.collaborative.views.group.GroupPage;
import org.collaborative.views.organisation.OrganisationCard;

/**
 * What the digests of one week are made from, read once for every member whose digest covers that week: the
 * activity in it, and the groups, organisations, themes and follows as they stand.
 *
 * @param activity items and groups with something that happened in or after the week
 * @param proposalsByEvidence for each piece of evidence revised in the week, the proposals that rest on it
 */
public record DigestContext(
        DigestWeek week,
        List<ActivityView> activity,
        Map<String, GroupPage> groups,
        Map<String, OrganisationCard> organisations,
        Map<String, String> themeTitles,
        Map<String, List<ActivityView>> proposalsByEvidence,
        Map<String, Follows> follows) {

    public String organisationName(String organisationId) {
        OrganisationCard card = organisationId == null ? null : organisations.get(organisationId);
        return card == null || card.name() == null ? "another organisation" : card.name();
    }
}
