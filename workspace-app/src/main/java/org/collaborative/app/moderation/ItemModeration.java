package org.collaborative.app.moderation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.collaborative.app.group.GroupDirectory;
import org.collaborative.app.group.GroupRules;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.DomainRules;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.events.group.GroupVisibility;
import org.collaborative.events.member.MemberRole;
import org.collaborative.events.moderation.AnswerHidden;
import org.collaborative.events.moderation.AnswerReported;
import org.collaborative.events.moderation.AnswerReportsDismissed;
import org.collaborative.events.moderation.AnswerRestored;
import org.collaborative.events.moderation.ItemHidden;
import org.collaborative.events.moderation.ItemReported;
import org.collaborative.events.moderation.ItemRestored;
import org.collaborative.events.moderation.ReportsDismissed;

/**
 * The moderation of one item or comment, held by its aggregate as an {@code @AggregateMember}: anyone who can see the
 * item may report it; only a facilitator of its group or an administrator may hide or restore it, and always with a
 * reason; while it is hidden the aggregate refuses what it guards with {@link #requireShown}. The aggregate hands it
 * the {@link ModerationCommand}s from its one moderation command handler; Axon hands it the moderation events.
 *
 * <p>An answer is moderated the same way, by the same rules, but it is part of its question: the {@code Question}
 * aggregate holds one (not an aggregate member) per answer, made with {@link #ofAnswer}, hands it the
 * {@link AnswerModeration}s, and replays the answer events ({@code AnswerReported}, {@code AnswerHidden}, …) to it
 * through {@link #reported}, {@link #hid}, {@link #restored} and {@link #dismissed}. It applies those events instead of
 * the item ones, so that the item events keep meaning "the aggregate's own item".
 */
public final class ItemModeration {

    public static final int MAX_REASON = 2_000;

    private final ModeratedKind kind;
    /** For an answer, who wrote it (its events name them, so that they can be told); otherwise null. */
    private final String authorId;

    private boolean hidden;
    private final Set<String> reports = new HashSet<>();
    /** Reports not yet closed by hiding the item or dismissing them. */
    private final Set<String> openReports = new HashSet<>();

    public ItemModeration(ModeratedKind kind) {
        this(kind, null);
    }

    private ItemModeration(ModeratedKind kind, String authorId) {
        this.kind = kind;
        this.authorId = authorId;
    }

    /** For reading a snapshot of the aggregate that holds it (ADR 31), which sets every field. */
    @SuppressWarnings("unused")
    private ItemModeration() {
        this(null, null);
    }

    /** The moderation of one answer, which {@code answeredBy} wrote. */
    public static ItemModeration ofAnswer(String answeredBy) {
        return new ItemModeration(ModeratedKind.ANSWER, answeredBy);
    }

    /** Equal when in the same state: a question compares the moderation of its answers so (Axon's test fixture does). */
    @Override
    public boolean equals(Object other) {
        return other instanceof ItemModeration that
                && kind == that.kind
                && hidden == that.hidden
                && java.util.Objects.equals(authorId, that.authorId)
                && reports.equals(that.reports)
                && openReports.equals(that.openReports);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(kind, authorId, hidden, reports, openReports);
    }

    /** Where the item is: what every moderation event says besides the decision. */
    private record Place(String itemId, String parentItemId, String groupId) {}

    /**
     * Decides a moderation command and applies its event, if any. The same report (same id) twice records one.
     *
     * @param parentItemId for a comment, the item it is on; for an answer, its question; otherwise null
     */
    public void handle(
            ModerationCommand command, String itemId, String parentItemId, String groupId, GroupDirectory groups) {
        if (command instanceof ModerationCommand.Report report && reports.contains(report.reportId())) {
            return;
        }
        DomainRules.requireText("reason", command.reason(), MAX_REASON);
        Place place = new Place(itemId, parentItemId, groupId);
        if (command instanceof ModerationCommand.Report report) {
            report(report, place, groups);
        } else if (command instanceof ModerationCommand.Hide hide) {
            hideOrRestore(hide, place, groups, true);
        } else if (command instanceof ModerationCommand.Restore restore) {
            hideOrRestore(restore, place, groups, false);
        } else if (command instanceof ModerationCommand.Dismiss dismiss) {
            dismiss(dismiss, place, groups);
        }
    }

    /** Refuses, while the item is hidden, what it must not take ({@link HiddenItemException}). */
    public void requireShown(String consequence) {
        if (hidden) {
            throw new HiddenItemException(kind, consequence);
        }
    }

    private void report(ModerationCommand.Report command, Place place, GroupDirectory groups) {
        requireCanSee(groups, place.groupId(), command.actor());
        if (hidden) {
            throw new RuleBrokenException("A facilitator has already hidden this " + kind.key());
        }
        if (kind == ModeratedKind.ANSWER) {
            apply(new AnswerReported(
                    place.parentItemId(),
                    place.itemId(),
                    place.groupId(),
                    command.reportId(),
                    command.reason().strip(),
                    command.actor().memberId(),
                    command.actor().organisationId(),
                    command.at()));
            return;
        }
        apply(new ItemReported(
                place.itemId(),
                kind.key(),
                place.parentItemId(),
                place.groupId(),
                command.reportId(),
                command.reason().strip(),
                command.actor().memberId(),
                command.actor().organisationId(),
                command.at()));
    }

    /** Hides the item ({@code hide}) or restores it: the same rules and event shape, one the undoing of the other. */
    private void hideOrRestore(ModerationCommand command, Place place, GroupDirectory groups, boolean hide) {
        requireModerator(groups, place.groupId(), command.actor(), hide ? "hide" : "restore");
        if (hidden == hide) {
            throw new RuleBrokenException(
                    hide
                            ? "This " + kind.key() + " is already hidden"
                            : "This " + kind.key() + " is not hidden, so there is nothing to restore");
        }
        ItemDecision itemEvent = hide ? ItemHidden::new : ItemRestored::new;
        AnswerByAuthorDecision answerEvent = hide ? AnswerHidden::new : AnswerRestored::new;
        decide(
                command,
                place,
                itemEvent,
                (question, answer, group, reason, by, at) ->
                        answerEvent.event(question, answer, group, authorId, reason, by, at));
    }

    private void dismiss(ModerationCommand.Dismiss command, Place place, GroupDirectory groups) {
        requireModerator(groups, place.groupId(), command.actor(), "dismiss the reports of");
        if (openReports.isEmpty()) {
            throw new RuleBrokenException("This " + kind.key() + " has no open reports to dismiss");
        }
        decide(command, place, ReportsDismissed::new, AnswerReportsDismissed::new);
    }

    /** A moderator's decision on an item or a comment: its event, from where it is. */
    @FunctionalInterface
    private interface ItemDecision {
        Object event(
                String itemId,
                String itemType,
                String parentItemId,
                String groupId,
                String reason,
                String by,
                Instant at);
    }

    /** A moderator's decision on an answer that names who wrote it (hiding and restoring tell them). */
    @FunctionalInterface
    private interface AnswerByAuthorDecision {
        Object event(
                String questionId,
                String answerId,
                String groupId,
                String answeredBy,
                String reason,
                String by,
                Instant at);
    }

    /** A moderator's decision on an answer: its event, naming the question it is part of. */
    @FunctionalInterface
    private interface AnswerDecision {
        Object event(String questionId, String answerId, String groupId, String reason, String by, Instant at);
    }

    /**
     * Applies a moderator's decision (hide, restore, dismiss), the reason stripped: the answer event for an answer,
     * the item event for anything else.
     */
    private void decide(ModerationCommand command, Place place, ItemDecision item, AnswerDecision answer) {
        String reason = command.reason().strip();
        apply(
                kind == ModeratedKind.ANSWER
                        ? answer.event(
                                place.parentItemId(),
                                place.itemId(),
                                place.groupId(),
                                reason,
                                command.actor().memberId(),
                                command.at())
                        : item.event(
                                place.itemId(),
                                kind.key(),
                                place.parentItemId(),
                                place.groupId(),
                                reason,
                                command.actor().memberId(),
                                command.at()));
    }

    @EventSourcingHandler
    void on(ItemReported event) {
        reported(event.reportId());
    }

    @EventSourcingHandler
    void on(ItemHidden event) {
        hid();
    }

    @EventSourcingHandler
    void on(ReportsDismissed event) {
        dismissed();
    }

    @EventSourcingHandler
    void on(ItemRestored event) {
        restored();
    }

    // What each moderation event changes. The item handlers above call them; a question calls them for the moderation
    // of its answers (AnswerReported, AnswerHidden, AnswerReportsDismissed, AnswerRestored). They only assign.

    public void reported(String reportId) {
        reports.add(reportId);
        openReports.add(reportId);
    }

    public void hid() {
        hidden = true;
        openReports.clear();
    }

    public void dismissed() {
        openReports.clear();
    }

    public void restored() {
        hidden = false;
    }

    /**
     * The group's visibility rules, as the pages apply them: its members, and everyone for an open group, everyone but
     * partners for a council-only one. Anyone else is told the item does not exist, as the pages say.
     */
    private void requireCanSee(GroupDirectory groups, String groupId, Actor actor) {
        GroupDirectory.Entry group = GroupRules.requireGroup(groups, groupId);
        boolean canSee = groups.isMember(groupId, actor.memberId())
                || group.visibility() == GroupVisibility.OPEN
                || (group.visibility() == GroupVisibility.COUNCIL_ONLY && actor.role() != MemberRole.PARTNER);
        if (!canSee) {
            throw new RuleBrokenException("There is no such " + kind.key() + " to report");
        }
    }

    private void requireModerator(GroupDirectory groups, String groupId, Actor actor, String doing) {
        if (!GroupRules.facilitates(groups, groupId, actor)) {
            throw new RuleBrokenException(
                    "Only a facilitator of this group or an administrator can " + doing + " this " + kind.key());
        }
    }
}
