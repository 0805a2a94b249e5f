package org.collaborative.app.commitment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.infrastructure.web.Refusal;
import org.collaborative.app.kernel.Actor;
import org.collaborative.events.practice.AdoptionStage;
import org.collaborative.views.commitment.CommitmentView;
import org.springframework.stereotype.Component;

/**
 * A pledge fulfilled by an adoption move, as the pages and the API record it (docs/adr/0022): the open pledges a form
 * offers, the check of a chosen pledge before anything is recorded, and the command. The move is recorded first and
 * the pledge then told, because the {@link Commitment} checks that the adoption has made the move; a pledge that is
 * not one of the organisation's open pledges (as the {@code commitments} view shows them) is refused here, before the
 * move, so that the form comes back with nothing recorded. The aggregate decides again when it is told, and refuses a
 * pledge settled in between; the move then stands, recorded, and the refusal says so.
 */
@Component
public class PledgeFulfilments {

    private final CommitmentViews commitments;
    private final Commands commands;

    PledgeFulfilments(CommitmentViews commitments, Commands commands) {
        this.commitments = commitments;
        this.commands = commands;
    }

    /** The organisation's pledges that are neither done nor dropped, soonest due first. */
    public List<CommitmentView> openPledgesOf(String organisationId) {
        return commitments.pledgesOf(organisationId).stream()
                .filter(pledge -> !pledge.settled())
                .sorted(Comparator.comparing(CommitmentView::dueOn).thenComparing(CommitmentView::id))
                .toList();
    }

    /**
     * Why {@code pledgeId} cannot be fulfilled by the organisation's move to {@code stage}, if it cannot: the field is
     * {@code pledgeId}, the messages the aggregate's.
     */
    public Optional<Refusal> check(String pledgeId, String organisationId, AdoptionStage stage) {
        Optional<CommitmentView> pledge = commitments.find(pledgeId).filter(view -> !view.isAction());
        if (pledge.isEmpty()) {
            return Optional.of(Refusal.invalid("pledgeId", "Choose one of the pledges listed"));
        }
        if (!pledge.get().organisationId().equals(organisationId)) {
            return Optional.of(Refusal.invalid("pledgeId", "Choose a pledge of the organisation whose adoption moved"));
        }
        if (pledge.get().settled()) {
            return Optional.of(Refusal.invalid(
                    "pledgeId",
                    "This pledge has already been recorded as "
                            + ("DONE".equals(pledge.get().progress()) ? "done" : "dropped") + ": choose an open one"));
        }
        if (stage == AdoptionStage.DECLINED || stage == AdoptionStage.ABANDONED) {
            return Optional.of(Refusal.invalid(
                    "pledgeId", "A move to declined or abandoned does not fulfil a pledge: record it as dropped"));
        }
        return Optional.empty();
    }

    /** Tells the pledge it was fulfilled by the move: empty when it was recorded, else why not. */
    public Optional<Refusal> fulfil(
            String pledgeId,
            String practiceId,
            String organisationId,
            AdoptionStage stage,
            LocalDate happenedOn,
            Actor actor,
            Instant at) {
        return commands.attempt(
                new FulfilPledgeByAdoption(pledgeId, practiceId, organisationId, stage, happenedOn, actor, at));
    }

    /** The pledges fulfilled by moves along the adoption of this practice, for its page. */
    public List<CommitmentView> fulfilledByAdoptionOf(String practiceId) {
        return commitments.fulfilledByAdoptionOf(practiceId);
    }
}
