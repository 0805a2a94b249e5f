package org.collaborative.events;

import java.time.Instant;
import java.util.List;
import org.collaborative.events.member.InvitationAcceptedBySingleSignOn;
import org.collaborative.events.member.MemberRegisteredBySingleSignOn;
import org.collaborative.events.member.MemberRole;
import org.collaborative.events.member.MemberSelfRegistered;
import org.collaborative.events.member.RegistrationApproved;
import org.collaborative.events.member.RegistrationDeclined;
import org.collaborative.events.member.SingleSignOnProvider;
import org.collaborative.events.organisation.OrganisationEmailDomainsSet;
import org.collaborative.events.organisation.RegistrationApproval;

/**
 * Samples of the self-registration events, and of registration and invitations accepted by single sign-on (issue 13,
 * docs/adr/0025).
 */
final class RegistrationEventSamples {

    private static final Instant AT = Instant.parse("2026-12-07T09:30:00Z");
    private static final String M = "5f0c1f7e-0000-4000-8000-000000000021";
    private static final String A = "5f0c1f7e-0000-4000-8000-000000000022";

    static final List<Object> ALL = List.of(
            new OrganisationEmailDomainsSet(
                    "E09000007",
                    List.of("camden.gov.uk", "camden.example"),
                    RegistrationApproval.BY_ORGANISATION_ADMINISTRATOR,
                    A,
                    AT),
            new MemberSelfRegistered(
                    M, "E09000007", MemberRole.SERVICE_LEADER, RegistrationApproval.BY_ORGANISATION_ADMINISTRATOR, AT),
            new MemberRegisteredBySingleSignOn(
                    M,
                    "E09000007",
                    MemberRole.SERVICE_LEADER,
                    RegistrationApproval.BY_ORGANISATION_ADMINISTRATOR,
                    SingleSignOnProvider.ENTRA,
                    "https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0",
                    "9188040d-6c67-4c5b-b112-36a304b66dad",
                    AT),
            new InvitationAcceptedBySingleSignOn(
                    M,
                    SingleSignOnProvider.ENTRA,
                    "https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0",
                    "9188040d-6c67-4c5b-b112-36a304b66dad",
                    AT),
            new RegistrationApproved(M, "E09000007", A, AT),
            new RegistrationDeclined(M, "E09000007", A, AT));

    private RegistrationEventSamples() {}
}
