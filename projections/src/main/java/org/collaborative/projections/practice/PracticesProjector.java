package org.collaborative.projections.practice;

import java.util.ArrayList;
import java.util.List;
import org.collaborative.events.practice.EvidenceLinkedToPractice;
import org.collaborative.events.practice.HelpKind;
import org.collaborative.events.practice.HelpOffered;
import org.collaborative.events.practice.HelpWithdrawn;
import org.collaborative.events.practice.PracticeRecorded;
import org.collaborative.events.practice.PracticeRevised;
import org.collaborative.projections.infrastructure.DeclaredProjector;
import org.collaborative.projections.infrastructure.EventHandlers;
import org.collaborative.views.practice.PracticeView;
import org.collaborative.views.practice.PracticeView.HelpOffer;
import org.springframework.stereotype.Component;

/** Every practice: what it is, where it came from, its evidence and who offers help with it. */
@Component
public class PracticesProjector extends DeclaredProjector<PracticeView> {

    public static final String NAME = PracticeView.COLLECTION;

    public PracticesProjector() {
        super(NAME, PracticeView.class, HANDLERS);
    }

    private static final EventHandlers<PracticeView> HANDLERS = new EventHandlers<PracticeView>()
            .onAggregate(
                    PracticeRecorded.class,
                    (v, e, envelope) -> v.recorded(
                            e.name(),
                            e.summary(),
                            e.themeId(),
                            e.originatingOrganisationId(),
                            e.fromProposalId(),
                            e.recordedBy(),
                            e.recordedAt(),
                            e.firstTriedOn()))
            .onAggregate(PracticeRevised.class, (v, e, envelope) -> v.revised(e.name(), e.summary(), e.revisedAt()))
            .onAggregate(
                    EvidenceLinkedToPractice.class,
                    (v, e, envelope) -> v.evidenceIds().contains(e.evidenceId())
                            ? v
                            : v.withEvidenceIds(append(v.evidenceIds(), e.evidenceId())))
            .onAggregate(HelpOffered.class, (v, e, envelope) -> {
                List<HelpOffer> offers = new ArrayList<>(v.helpOffers());
                HelpOffer offer = new HelpOffer(
                        e.memberId(),
                        e.organisationId(),
                        e.kinds().stream().sorted().map(HelpKind::name).toList(),
                        e.offeredAt());
                int at = indexOf(offers, e.memberId());
                if (at < 0) {
                    offers.add(offer);
                } else {
                    offers.set(at, offer);
                }
                return v.withHelpOffers(offers);
            })
            .onAggregate(
                    HelpWithdrawn.class,
                    (v, e, envelope) -> v.withHelpOffers(v.helpOffers().stream()
                            .filter(offer -> !offer.memberId().equals(e.memberId()))
                            .toList()));

    @Override
    public PracticeView empty(String id) {
        return PracticeView.empty(id);
    }

    private static int indexOf(List<HelpOffer> offers, String memberId) {
        for (int i = 0; i < offers.size(); i++) {
            if (offers.get(i).memberId().equals(memberId)) {
                return i;
            }
        }
        return -1;
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> next = new ArrayList<>(list);
        next.add(item);
        return next;
    }
}
