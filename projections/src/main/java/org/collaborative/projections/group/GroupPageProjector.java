package org.collaborative.projections.group;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.collaborative.events.group.MemberJoinedGroup;
import org.collaborative.events.group.MemberLeftGroup;
import org.collaborative.events.group.WorkingGroupFormed;
import org.collaborative.events.question.QuestionPosted;
import org.collaborative.projections.group.GroupPage.Membership;
import org.collaborative.projections.group.GroupPage.QuestionSummary;
import org.collaborative.projections.infrastructure.EventEnvelope;
import org.collaborative.projections.infrastructure.Projector;
import org.springframework.stereotype.Component;

/** Each working group's page: its members and its questions. */
@Component
public class GroupPageProjector implements Projector<GroupPage> {

    public static final String NAME = "group-page";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<GroupPage> viewType() {
        return GroupPage.class;
    }

    @Override
    public Optional<String> viewId(Object event) {
        if (event instanceof WorkingGroupFormed formed) {
            return Optional.of(formed.groupId());
        }
        if (event instanceof MemberJoinedGroup joined) {
            return Optional.of(joined.groupId());
        }
        if (event instanceof QuestionPosted posted) {
            return Optional.of(posted.groupId());
        }
        if (event instanceof MemberLeftGroup left) {
            return Optional.of(left.groupId());
        }
        return Optional.empty();
    }

    @Override
    public GroupPage empty(String id) {
        return new GroupPage(id, null, null, null, null, null, List.of(), List.of(), List.of(), Map.of(), null);
    }

    @Override
    public GroupPage apply(GroupPage page, EventEnvelope event) {
        Object payload = event.payload();
        if (payload instanceof WorkingGroupFormed formed) {
            return new GroupPage(page.id(), formed.themeId(), formed.name(), formed.purpose(),
                    formed.visibility().name(), formed.formedAt(), List.of(formed.facilitatorId()),
                    withMember(page.members(), new Membership(
                            formed.facilitatorId(), formed.facilitatorOrganisationId(), formed.formedAt())),
                    page.questions(), page.applied(), page.version());
        }
        if (payload instanceof MemberJoinedGroup joined) {
            return new GroupPage(page.id(), page.themeId(), page.name(), page.purpose(), page.visibility(),
                    page.formedAt(), page.facilitatorIds(),
                    withMember(page.members(), new Membership(
                            joined.memberId(), joined.organisationId(), joined.joinedAt())),
                    page.questions(), page.applied(), page.version());
        }
        if (payload instanceof MemberLeftGroup left) {
            return new GroupPage(page.id(), page.themeId(), page.name(), page.purpose(), page.visibility(),
                    page.formedAt(), page.facilitatorIds(),
                    page.members().stream().filter(m -> !m.memberId().equals(left.memberId())).toList(),
                    page.questions(), page.applied(), page.version());
        }
        if (payload instanceof QuestionPosted posted) {
            return new GroupPage(page.id(), page.themeId(), page.name(), page.purpose(), page.visibility(),
                    page.formedAt(), page.facilitatorIds(), page.members(),
                    withQuestion(page.questions(), new QuestionSummary(posted.questionId(), posted.title(),
                            posted.body(), posted.askedBy(), posted.askedByOrganisationId(), posted.postedAt())),
                    page.applied(), page.version());
        }
        return page;
    }

    private static List<Membership> withMember(List<Membership> members, Membership member) {
        if (members.stream().anyMatch(m -> m.memberId().equals(member.memberId()))) {
            return members;
        }
        List<Membership> next = new ArrayList<>(members);
        next.add(member);
        // Events of different aggregates arrive in any order across partitions: sort fully, so that any delivery
        // order (and a rebuild) gives the same document.
        next.sort(Comparator.comparing(Membership::joinedAt).thenComparing(Membership::memberId));
        return next;
    }

    private static List<QuestionSummary> withQuestion(List<QuestionSummary> questions, QuestionSummary question) {
        if (questions.stream().anyMatch(q -> q.questionId().equals(question.questionId()))) {
            return questions;
        }
        List<QuestionSummary> next = new ArrayList<>(questions);
        next.add(question);
        next.sort(Comparator.comparing(QuestionSummary::postedAt)
                .reversed()
                .thenComparing(QuestionSummary::questionId));
        return next;
    }
}
