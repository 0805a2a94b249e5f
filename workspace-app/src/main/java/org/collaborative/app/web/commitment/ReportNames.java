package org.collaborative.app.web.commitment;

import java.util.Map;
import org.collaborative.app.member.People;

/** The names a report needs, looked up once: people, organisations, working groups, proposals and sessions. */
record ReportNames(
        People.Names people, Map<String, String> groups, Map<String, String> proposals, Map<String, String> sessions)
        implements CommitmentCsv.Names {

    @Override
    public String member(String memberId) {
        return people.member(memberId);
    }

    @Override
    public String organisation(String organisationId) {
        return people.organisation(organisationId);
    }

    @Override
    public String group(String groupId) {
        return groups.getOrDefault(groupId, "A working group");
    }

    @Override
    public String proposal(String proposalId) {
        return proposals.getOrDefault(proposalId, "A proposal");
    }

    @Override
    public String session(String sessionId) {
        return sessions.getOrDefault(sessionId, "A session");
    }
}
