package org.collaborative.projections.moderation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.collaborative.events.moderation.AnswerHidden;
import org.collaborative.events.moderation.AnswerReported;
import org.collaborative.events.moderation.AnswerReportsDismissed;
import org.collaborative.events.moderation.AnswerRestored;
import org.collaborative.events.moderation.ItemHidden;
import org.collaborative.events.moderation.ItemReported;
import org.collaborative.events.moderation.ItemRestored;
import org.collaborative.events.moderation.ReportsDismissed;
import org.collaborative.projections.infrastructure.EventEnvelope;
import org.collaborative.projections.infrastructure.Projector;
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
public class ModerationProjector implements Projector<ModerationView> {

    public static final String NAME = ModerationView.COLLECTION;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<ModerationView> viewType() {
        return ModerationView.class;
    }

    @Override
    public Optional<String> viewId(EventEnvelope event) {
        return viewId(event.payload());
    }

    /** The id of the document the payload names, or empty when the view does not follow the event. */
    public Optional<String> viewId(Object event) {
        if (event instanceof ItemReported e) {
            return Optional.of(e.itemId());
        }
        if (event instanceof ItemHidden e) {
            return Optional.of(e.itemId());
        }
        if (event instanceof ItemRestored e) {
            return Optional.of(e.itemId());
        }
        if (event instanceof ReportsDismissed e) {
            return Optional.of(e.itemId());
        }
        if (event instanceof AnswerReported e) {
            return Optional.of(e.answerId());
        }
        if (event instanceof AnswerHidden e) {
            return Optional.of(e.answerId());
        }
        if (event instanceof AnswerRestored e) {
            return Optional.of(e.answerId());
        }
        if (event instanceof AnswerReportsDismissed e) {
            return Optional.of(e.answerId());
        }
        return Optional.empty();
    }

    @Override
    public ModerationView empty(String id) {
        return new ModerationView(id, null, null, null, null, List.of(), List.of(), null, Map.of(), null);
    }

    @Override
    public ModerationView apply(ModerationView view, EventEnvelope envelope) {
        Object payload = asItemEvent(envelope.payload());
        if (payload instanceof ItemReported e) {
            List<Report> reports = new ArrayList<>(view.openReports());
            if (reports.stream().noneMatch(r -> r.reportId().equals(e.reportId()))) {
                reports.add(new Report(
                        e.reportId(), e.reason(), e.reportedBy(), e.reportedByOrganisationId(), e.reportedAt()));
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
        if (payload instanceof ItemHidden e) {
            return next(
                    view,
                    e.itemType(),
                    e.parentItemId(),
                    e.groupId(),
                    new Hidden(e.hiddenBy(), e.reason(), e.hiddenAt()),
                    List.of(),
                    new Entry("hid", e.hiddenBy(), null, e.reason(), e.hiddenAt(), envelope.eventId()));
        }
        if (payload instanceof ItemRestored e) {
            return next(
                    view,
                    e.itemType(),
                    e.parentItemId(),
                    e.groupId(),
                    null,
                    view.openReports(),
                    new Entry("restored", e.restoredBy(), null, e.reason(), e.restoredAt(), envelope.eventId()));
        }
        if (payload instanceof ReportsDismissed e) {
            return next(
                    view,
                    e.itemType(),
                    e.parentItemId(),
                    e.groupId(),
                    view.hidden(),
                    List.of(),
                    new Entry("dismissed", e.dismissedBy(), null, e.reason(), e.dismissedAt(), envelope.eventId()));
        }
        return view;
    }

    /**
     * An answer's moderation event as the item event it stands for: its document is kept by the same rules, with the
     * answer as the item and its question as the parent.
     */
    static Object asItemEvent(Object payload) {
        if (payload instanceof AnswerReported e) {
            return new ItemReported(
                    e.answerId(),
                    ANSWER,
                    e.questionId(),
                    e.groupId(),
                    e.reportId(),
                    e.reason(),
                    e.reportedBy(),
                    e.reportedByOrganisationId(),
                    e.reportedAt());
        }
        if (payload instanceof AnswerHidden e) {
            return new ItemHidden(
                    e.answerId(), ANSWER, e.questionId(), e.groupId(), e.reason(), e.hiddenBy(), e.hiddenAt());
        }
        if (payload instanceof AnswerRestored e) {
            return new ItemRestored(
                    e.answerId(), ANSWER, e.questionId(), e.groupId(), e.reason(), e.restoredBy(), e.restoredAt());
        }
        if (payload instanceof AnswerReportsDismissed e) {
            return new ReportsDismissed(
                    e.answerId(), ANSWER, e.questionId(), e.groupId(), e.reason(), e.dismissedBy(), e.dismissedAt());
        }
        return payload;
    }

    private static final String ANSWER = "answer";

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
