package org.collaborative.app.member;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.collaborative.app.organisation.OrganisationViews;
import org.collaborative.views.organisation.OrganisationCard;
import org.springframework.stereotype.Component;

/**
 * Names for the people and organisations a page mentions by id. A member whose account is gone shows as "Former
 * member"; their contribution stays attributed to their organisation.
 */
@Component
public class People {

    public static final String FORMER_MEMBER = "Former member";

    /** The names a page needs, looked up once per page. */
    public record Names(Map<String, Accounts.Account> members, Map<String, OrganisationCard> organisations) {

        public String member(String memberId) {
            Accounts.Account account = members.get(memberId);
            return account == null ? FORMER_MEMBER : account.displayName();
        }

        public String organisation(String organisationId) {
            OrganisationCard organisation = organisations.get(organisationId);
            return organisation == null ? "Unknown organisation" : organisation.name();
        }
    }

    private final Accounts accounts;
    private final OrganisationViews organisations;

    People(Accounts accounts, OrganisationViews organisations) {
        this.accounts = accounts;
        this.organisations = organisations;
    }

    public Names names(Collection<String> memberIds, Collection<String> organisationIds) {
        Set<String> organisationsNeeded = new HashSet<>(organisationIds);
        return new Names(accounts.byMemberId(Set.copyOf(memberIds)), organisations.byId(organisationsNeeded));
    }
}
