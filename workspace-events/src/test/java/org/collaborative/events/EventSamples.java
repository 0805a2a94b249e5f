package org.collaborative.events;

import java.time.Instant;
import java.util.List;
import org.collaborative.events.group.GroupVisibility;
import org.collaborative.events.group.MemberJoinedGroup;
import org.collaborative.events.group.WorkingGroupFormed;
import org.collaborative.events.member.MemberRegistered;
import org.collaborative.events.member.MemberRole;
import org.collaborative.events.organisation.OrganisationKind;
import org.collaborative.events.organisation.OrganisationRegistered;
import org.collaborative.events.question.QuestionPosted;
import org.collaborative.events.theme.ThemeCreated;

/** One example of every event of the published language, for the approval tests. */
final class EventSamples {

    private static final Instant AT = Instant.parse("2026-11-26T09:30:00.123Z");

    static final List<Object> ALL = List.of(
            new OrganisationRegistered("E09000007", "Camden", OrganisationKind.LOCAL_AUTHORITY, "E09000007", "inner", 2, 5, AT),
            new MemberRegistered("5f0c1f7e-0000-4000-8000-000000000001", "E09000012", MemberRole.CHIEF_EXECUTIVE, AT),
            new ThemeCreated("behaviour-change", "Behaviour change", "Helping residents make better choices.", null, AT),
            new WorkingGroupFormed(
                    "5f0c1f7e-0000-4000-8000-000000000002",
                    "behaviour-change",
                    "Nudging recycling",
                    "What gets residents to recycle more.",
                    GroupVisibility.OPEN,
                    "5f0c1f7e-0000-4000-8000-000000000003",
                    "london-councils",
                    AT),
            new MemberJoinedGroup(
                    "5f0c1f7e-0000-4000-8000-000000000002", "5f0c1f7e-0000-4000-8000-000000000001", "E09000012", AT),
            new QuestionPosted(
                    "5f0c1f7e-0000-4000-8000-000000000004",
                    "5f0c1f7e-0000-4000-8000-000000000002",
                    "behaviour-change",
                    "Has anyone run an e-auction for IT hardware?",
                    "Ten councils saved about £400,000 each.",
                    "5f0c1f7e-0000-4000-8000-000000000001",
                    "E09000012",
                    AT));

    private EventSamples() {}
}
