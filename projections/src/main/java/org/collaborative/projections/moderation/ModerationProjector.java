package org.collaborative.projections.moderation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.collaborative.events.moderation.AnswerHidden;
import org.collaborative.events.moderation.AnswerReported;
import org.collaborative.events.moderation.AnswerReportsDismissed;
import org.collaborative.events.moderation.AnswerRestored;
import org.collaborative.events.moderation.ItemHidden;
import org.collaborative.events.moderation.ItemReported;
import org.collaborative.events.moderation.ItemRestored;
import org.collaborative.events.moderation.ReportsDismissed;
import org.collaborative.projections.infrastructure.DeclaredProjector;
import org.collaborative.projections.infrastructure.EventEnvelope;
import org.collaborative.projections.infrastructure.EventHandlers;
import org.collaborative.views.moderation.ModerationView;
import org.collaborative.views.moderation.ModerationView.Entry;
import org.collaborative.views.moderation.ModerationView.Hidden;
import org.collaborative.views.moderation.ModerationView.Report;
import org.springframework.stereotype.Component;

/**
 * The moderation view: one document per reported or hidden item, comment or answer, with its open reports, whether it
 * is hidden and its moderation log. All of an item's moderation events come from its own aggregate, and an answer's
 * from its question's, so they arrive in order. An answer's document says {@code itemType} {@code answer} and names its
 * question as {@code parentItemId}, as a comment's names its item.
 */
@Component
public class ModerationProjector extends DeclaredProjector<ModerationView> {

    public static final String NAME = ModerationView.COLLECTION;

    public ModerationProjector() {
        super(NAME, ModerationView.class, HANDLERS);
    }

    private static final String ANSWER = "answer";

    // An answer's moderation event is kept as the item event it stands for: its document follows the same rules, with
    // the answer as the item and its question as the parent.
    private static final EventHandlers<ModerationView> HANDLERS = new EventHandlers<ModerationView>()
            .on(ItemReported.class, ItemReported::itemId, ModerationProjector::reported)
            .on(ItemHidden.class, ItemHidden::itemId, ModerationProjector::hidden)
            .on(ItemRestored.class, ItemRestored::itemId, ModerationProjector::restored)
            .on(ReportsDismissed.class, ReportsDismissed::itemId, ModerationProjector::dismissed)
            .on(
                    AnswerReported.class,
                    AnswerReported::answerId,
                    (view, e, envelope) -> reported(
                            view,
                            new ItemReported(
                                    e.answerId(),
                                    ANSWER,
                                    e.questionId(),
                                    e.groupId(),
                                    e.reportId(),
                                    e.reason(),
                                    e.reportedBy(),
                                    e.reportedByOrganisationId(),
                                    e.reportedAt()),
                            envelope))
            .on(
                    AnswerHidden.class,
                    AnswerHidden::answerId,
                    (view, e, envelope) -> hidden(
                            view,
                            new ItemHidden(
                                    e.answerId(),
                                    ANSWER,
                                    e.questionId(),
                                    e.groupId(),
                                    e.reason(),
                                    e.hiddenBy(),
                                    e.hiddenAt()),
                            envelope))
            .on(
                    AnswerRestored.class,
                    AnswerRestored::answerId,
                    (view, e, envelope) -> restored(
                            view,
                            new ItemRestored(
                                    e.answerId(),
                                    ANSWER,
                                    e.questionId(),
                                    e.groupId(),
                                    e.reason(),
                                    e.restoredBy(),
                                    e.restoredAt()),
                            envelope))
            .on(
                    AnswerReportsDismissed.class,
                    AnswerReportsDismissed::answerId,
                    (view, e, envelope) -> dismissed(
                            view,
                            new ReportsDismissed(
                                    e.answerId(),
                                    ANSWER,
                                    e.questionId(),
                                    e.groupId(),
                                    e.reason(),
                                    e.dismissedBy(),
                                    e.dismissedAt()),
                            envelope));

    @Override
    public ModerationView empty(String id) {
        return new ModerationView(id, null, null, null, null, List.of(), List.of(), null, Map.of(), null);
    }

    private static ModerationView reported(ModerationView view, ItemReported e, EventEnvelope envelope) {
        List<Report> reports = new ArrayList<>(view.openReports());
        if (reports.stream().noneMatch(r -> r.reportId().equals(e.reportId()))) {
            reports.add(
                    new Report(e.reportId(), e.reason(), e.reportedBy(), e.reportedByOrganisationId(), e.reportedAt()));
        }
        return next(
                view,
                e.itemType(),
                e.parentItemId(),
                e.groupId(),
                view.hidden(),
                reports,
                new Entry(
                        "reported",
                        e.reportedBy(),
                        e.reportedByOrganisationId(),
                        e.reason(),
                        e.reportedAt(),
                        envelope.eventId()));
    }

    private static ModerationView hidden(ModerationView view, ItemHidden e, EventEnvelope envelope) {
        return next(
                view,
                e.itemType(),
                e.parentItemId(),
                e.groupId(),
                new Hidden(e.hiddenBy(), e.reason(), e.hiddenAt()),
                List.of(),
                new Entry("hid", e.hiddenBy(), null, e.reason(), e.hiddenAt(), envelope.eventId()));
    }

    private static ModerationView restored(ModerationView view, ItemRestored e, EventEnvelope envelope) {
        return next(
                view,
                e.itemType(),
                e.parentItemId(),
                e.groupId(),
                null,
                view.openReports(),
                new Entry("restored", e.restoredBy(), null, e.reason(), e.restoredAt(), envelope.eventId()));
    }

    private static ModerationView dismissed(ModerationView view, ReportsDismissed e, EventEnvelope envelope) {
        return next(
                view,
                e.itemType(),
                e.parentItemId(),
                e.groupId(),
                view.hidden(),
                List.of(),
                new Entry("dismissed", e.dismissedBy(), null, e.reason(), e.dismissedAt(), envelope.eventId()));
    }

    private static ModerationView next(
            ModerationView view,
            String itemType,
            String parentItemId,
            String groupId,
            Hidden hidden,
            List<Report> openReports,
            Entry entry) {
        List<Entry> log = new ArrayList<>(view.log());
        if (log.stream().noneMatch(existing -> existing.event().equals(entry.event()))) {
            log.add(entry);
            log.sort(Comparator.comparing(Entry::at).thenComparing(Entry::event));
        }
        Instant last = log.get(log.size() - 1).at();
        return new ModerationView(
                view.id(),
                itemType,
                parentItemId,
                groupId,
                hidden,
                List.copyOf(openReports),
                List.copyOf(log),
                last,
                view.applied(),
                view.version());
    }
}
