package org.collaborative.app.notification;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.commitment.CommitmentViews;
import org.collaborative.app.follow.FollowViews;
import org.collaborative.app.group.GroupPages;
import org.collaborative.app.infrastructure.web.ReadYourWrite;
import org.collaborative.app.kernel.London;
import org.collaborative.app.retreat.RetreatNotices;
import org.collaborative.app.retreat.RetreatViews;
import org.collaborative.events.notification.NotificationFrequency;
import org.collaborative.views.commitment.CommitmentView;
import org.collaborative.views.digest.ActivityView;
import org.collaborative.views.digest.ActivityView.Happening;
import org.collaborative.views.digest.ActivityView.Kind;
import org.collaborative.views.digest.NotificationSettings;
import org.collaborative.views.follow.Follows;
import org.collaborative.views.group.GroupPage;
import org.collaborative.views.retreat.RetreatView;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reads members' notification settings ({@code notification-settings}) and builds their notification centre from the
 * {@code digest-activity} view: what happened in the groups and items they follow, as it happens for "immediately",
 * up to the last daily cut-off (their digest time each day) for "daily"; "weekly" things wait for the digest and
 * "off" ones are never shown. Both views are built by the projections from the event stream.
 */
@Component
public class NotificationViews {

    static final String SETTINGS = NotificationSettings.COLLECTION;
    static final String ACTIVITY = ActivityView.COLLECTION;
    /** How far back the notification centre looks. */
    public static final Duration CENTRE_REACH = Duration.ofDays(30);

    public static final int CENTRE_LIMIT = 50;

    /** Items read from {@code digest-activity} at a time, newest first. */
    static final int ACTIVITY_PAGE = 100;

    /** One line in the notification centre. */
    public record Notification(Instant at, String title, String text, String link, boolean unread) {}

    private final MongoTemplate mongo;
    private final FollowViews follows;
    private final GroupPages groups;
    private final CommitmentViews commitments;
    private final RetreatViews retreats;

    NotificationViews(
            MongoTemplate mongo,
            FollowViews follows,
            GroupPages groups,
            CommitmentViews commitments,
            RetreatViews retreats) {
        this.mongo = mongo;
        this.follows = follows;
        this.groups = groups;
        this.commitments = commitments;
        this.retreats = retreats;
    }

    public NotificationSettings settings(String memberId) {
        return Optional.ofNullable(mongo.findById(memberId, NotificationSettings.class, SETTINGS))
                .orElse(new NotificationSettings(
                        memberId, null, null, null, null, true, List.of(), null, Map.of(), null));
    }

    /** The member's choice for a followed group or item; immediately when they have not chosen. */
    public static NotificationFrequency frequency(NotificationSettings settings, String target, String targetId) {
        return NotificationFrequency.valueOf(settings.frequency(target, targetId));
    }

    /** Waits briefly until the settings show a change, for the page the member returns to. */
    public void awaitSettings(
            String memberId, java.util.function.Predicate<NotificationSettings> changed, Duration atMost) {
        ReadYourWrite.awaitUntil(() -> Optional.of(settings(memberId)), changed, atMost);
    }

    /**
     * The member's notification centre, newest first: what happened in the groups and items they follow, and to what
     * they posted themselves (answers, endorsements, challenges, comments, decisions, and a facilitator hiding or
     * restoring it, with the reason) unless they turned that item off; a facilitator hiding or restoring an answer they
     * wrote, with the reason, unless they turned its question off; check-ins of their actions and pledges; and
     * changes, postponements and cancellations of the retreats they have a place at, wait for or are invited to
     * (except those they made themselves).
     */
    public List<Notification> centre(WorkspaceUser user, Instant now) {
        Follows mine = follows.of(user.memberId());
        NotificationSettings settings = settings(user.memberId());
        Instant dailyCutOff = dailyCutOff(now, settings.digestTime());
        // The groups the member follows, read by id; the groups of other items that concern them are read as the items
        // come (never every group, whose documents hold every question: that read grew with the whole workspace).
        Map<String, GroupPage> visible = new java.util.HashMap<>(groups.visibleAmong(mine.groupIds(), user));
        Set<String> groupsRead = new java.util.HashSet<>(mine.groupIds());
        Set<String> groupIds = mine.groupIds().stream()
                .filter(visible::containsKey)
                .filter(g -> shown(frequency(settings, "GROUP", g)))
                .collect(Collectors.toSet());
        Set<String> itemIds = mine.itemIds().stream()
                .filter(i -> shown(frequency(settings, "ITEM", i)))
                .collect(Collectors.toSet());
        Instant since = now.minus(CENTRE_REACH);
        List<Criteria> concerning = new ArrayList<>();
        concerning.add(where("authorId").is(user.memberId()));
        concerning.add(where("happenings.subjectMemberId").is(user.memberId()));
        if (!groupIds.isEmpty()) {
            concerning.add(where("groupId").in(groupIds));
        }
        if (!itemIds.isEmpty()) {
            concerning.add(where("_id").in(itemIds));
        }
        // Only items where someone else did something in the window can say anything to this member: their own
        // posts that nobody has answered are left in MongoDB (for a prolific poster, most of what they follow).
        Query activity = query(new Criteria()
                        .andOperator(
                                where("lastAt").gte(since),
                                new Criteria().orOperator(concerning),
                                where("happenings")
                                        .elemMatch(where("actorId")
                                                .ne(user.memberId())
                                                .and("at")
                                                .gte(since))))
                .with(Sort.by(Sort.Order.desc("lastAt"), Sort.Order.asc("_id")));
        activity.fields().exclude("applied");
        List<Notification> result = new ArrayList<>();
        // Newest first, a page at a time, until the list is full: an item's notifications are never newer than its
        // lastAt, so once CENTRE_LIMIT of them are at least as new as the last item read, no later item can enter.
        // The cost of a page (and of the unread count in every page's header) stays the same as history grows.
        for (int skip = 0; ; skip += ACTIVITY_PAGE) {
            List<ActivityView> page =
                    mongo.find(activity.skip(skip).limit(ACTIVITY_PAGE), ActivityView.class, ACTIVITY);
            Set<String> newGroups = new java.util.HashSet<>();
            for (ActivityView item : page) {
                if (item.groupId() != null && groupsRead.add(item.groupId())) {
                    newGroups.add(item.groupId());
                }
            }
            visible.putAll(groups.visibleAmong(newGroups, user));
            for (ActivityView item : page) {
                describe(item, user, settings, visible, groupIds, itemIds, since, dailyCutOff, result);
            }
            if (page.size() < ACTIVITY_PAGE) {
                break;
            }
            Instant reached = page.get(page.size() - 1).lastAt();
            if (result.stream().filter(n -> !n.at().isBefore(reached)).count() >= CENTRE_LIMIT) {
                break;
            }
        }
        for (CommitmentView owned : commitments.ofOwner(user.memberId())) {
            owned.waitingCheckIn()
                    .filter(checkIn -> !checkIn.dueAt().isBefore(since))
                    .ifPresent(checkIn -> result.add(new Notification(
                            checkIn.dueAt(),
                            owned.title(),
                            "Check-in " + checkIn.days() + " days after the retreat: record how your "
                                    + (owned.isAction() ? "action" : "pledge") + " is going",
                            "/commitments/" + owned.id() + "/progress",
                            settings.readUpTo() == null || checkIn.dueAt().isAfter(settings.readUpTo()))));
        }
        for (RetreatView retreat : retreats.withNoticesFor(user.memberId(), since)) {
            for (RetreatView.Notice notice : retreat.notices()) {
                if (!notice.at().isBefore(since) && RetreatNotices.tells(retreat, notice, user.memberId())) {
                    result.add(new Notification(
                            notice.at(),
                            notice.title(),
                            RetreatNotices.summary(notice),
                            RetreatNotices.link(retreat.id()),
                            settings.readUpTo() == null || notice.at().isAfter(settings.readUpTo())));
                }
            }
        }
        result.sort(Comparator.comparing(Notification::at).reversed());
        return result.size() > CENTRE_LIMIT ? result.subList(0, CENTRE_LIMIT) : result;
    }

    /** Adds what one item's happenings in the window say to this member. */
    private static void describe(
            ActivityView item,
            WorkspaceUser user,
            NotificationSettings settings,
            Map<String, GroupPage> visible,
            Set<String> groupIds,
            Set<String> itemIds,
            Instant since,
            Instant dailyCutOff,
            List<Notification> result) {
        if (item.groupId() == null || !visible.containsKey(item.groupId())) {
            return;
        }
        boolean authored = user.memberId().equals(item.authorId());
        boolean toAuthor = authored && shown(frequency(settings, "ITEM", item.id()));
        boolean followed = itemIds.contains(item.id()) || groupIds.contains(item.groupId());
        boolean toAnswerer = shown(frequency(settings, "ITEM", item.id()))
                && item.happenings().stream()
                        .anyMatch(h -> ANSWER_MODERATION.contains(h.kind())
                                && user.memberId().equals(h.subjectMemberId()));
        if (!followed && !toAuthor && !toAnswerer || item.hidden() && !toAuthor) {
            return;
        }
        NotificationFrequency frequency = itemIds.contains(item.id()) || toAuthor
                ? frequency(settings, "ITEM", item.id())
                : frequency(settings, "GROUP", item.groupId());
        String groupName = visible.get(item.groupId()).name();
        for (Happening h : item.happenings()) {
            if (ANSWER_MODERATION.contains(h.kind())) {
                // Told to the answer's author alone, whatever they follow.
                if (toAnswerer
                        && user.memberId().equals(h.subjectMemberId())
                        && !h.at().isBefore(since)
                        && !(frequency(settings, "ITEM", item.id()) == NotificationFrequency.DAILY
                                && !h.at().isBefore(dailyCutOff))
                        && !user.memberId().equals(h.actorId())) {
                    result.add(new Notification(
                            h.at(),
                            item.title() == null ? groupName : item.title(),
                            moderatedAnswer(h, groupName),
                            item.link(),
                            settings.readUpTo() == null || h.at().isAfter(settings.readUpTo())));
                }
                continue;
            }
            boolean moderation = MODERATION.contains(h.kind());
            if (h.at().isBefore(since)
                    || user.memberId().equals(h.actorId())
                    || (frequency == NotificationFrequency.DAILY && !h.at().isBefore(dailyCutOff))
                    || (moderation && !toAuthor)
                    || (item.hidden() && !moderation)) {
                continue;
            }
            Optional<String> text = moderation
                    ? Optional.of(moderated(h, item, groupName))
                    : phrase(h, toAuthor).map(phrase -> phrase + " in ‘" + groupName + "’");
            text.ifPresent(line -> result.add(new Notification(
                    h.at(),
                    item.title() == null ? groupName : item.title(),
                    line,
                    item.link(),
                    settings.readUpTo() == null || h.at().isAfter(settings.readUpTo()))));
        }
    }

    private static final java.util.Set<Kind> MODERATION = java.util.EnumSet.of(Kind.ITEM_HIDDEN, Kind.ITEM_RESTORED);

    private static final java.util.Set<Kind> ANSWER_MODERATION =
            java.util.EnumSet.of(Kind.ANSWER_HIDDEN, Kind.ANSWER_RESTORED);

    /** What the author of an answer is told when a facilitator hides or restores it, with the reason given. */
    static String moderatedAnswer(Happening h, String groupName) {
        String done = h.kind() == Kind.ANSWER_HIDDEN ? "hid" : "restored";
        return "A facilitator of ‘" + groupName + "’ " + done + " your answer to this question"
                + (h.outcome() == null || h.outcome().isBlank() ? "" : ": " + h.outcome());
    }

    /** What the author is told when a facilitator hides or restores what they posted, with the reason given. */
    private static String moderated(Happening h, ActivityView item, String groupName) {
        String what = item.itemType() == null ? "item" : item.itemType();
        String done = h.kind() == Kind.ITEM_HIDDEN ? "hid" : "restored";
        return "A facilitator of ‘" + groupName + "’ " + done + " your " + what
                + (h.outcome() == null || h.outcome().isBlank() ? "" : ": " + h.outcome());
    }

    public long unread(WorkspaceUser user, Instant now) {
        return centre(user, now).stream().filter(Notification::unread).count();
    }

    private static boolean shown(NotificationFrequency frequency) {
        return frequency == NotificationFrequency.IMMEDIATELY || frequency == NotificationFrequency.DAILY;
    }

    /** "Daily" things appear once a day, at the member's digest time: the latest such moment up to now. */
    static Instant dailyCutOff(Instant now, LocalTime time) {
        LocalDate today = now.atZone(London.ZONE).toLocalDate();
        Instant cutOff = ZonedDateTime.of(today, time, London.ZONE).toInstant();
        return cutOff.isAfter(now)
                ? ZonedDateTime.of(today.minusDays(1), time, London.ZONE).toInstant()
                : cutOff;
    }

    private static Optional<String> phrase(Happening h, boolean toAuthor) {
        return Optional.ofNullable(
                switch (h.kind()) {
                    case QUESTION_POSTED -> "New question";
                    case QUESTION_ANSWERED -> "New answer";
                    case ANSWER_ACCEPTED -> "Answer accepted";
                    case QUESTION_CLOSED -> "Question closed";
                    case EVIDENCE_SUBMITTED -> "New evidence (level " + h.level() + ")";
                    case EVIDENCE_REVISED -> "Evidence revised (now level " + h.level() + ")";
                    case EVIDENCE_ENDORSED, PROPOSAL_ENDORSED -> "Endorsed";
                    case EVIDENCE_CHALLENGED, PROPOSAL_CHALLENGED -> "Challenged";
                    case PROPOSAL_DRAFTED -> "New proposal";
                    case PROPOSAL_OPENED -> "Opened for challenge";
                    case EVIDENCE_LINKED -> "Evidence linked";
                    case PROPOSAL_ENDORSED_BY_GROUP -> "Endorsed by the group";
                    case PROPOSAL_DECIDED ->
                        "TAKEN_FORWARD".equals(h.outcome()) ? "Taken forward" : "Not taken forward";
                    case PROPOSAL_WITHDRAWN -> "Withdrawn";
                    case COMMENT_POSTED -> toAuthor ? "New comment on what you posted" : "New comment";
                    case JOIN_REQUESTED -> "Request to join";
                    case MEMBER_INVITED -> "Invitation";
                    default -> null;
                });
    }
}
