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
import org.collaborative.app.follow.FollowViews;
import org.collaborative.app.group.GroupPages;
import org.collaborative.app.infrastructure.security.WorkspaceUser;
import org.collaborative.app.infrastructure.web.Dates;
import org.collaborative.app.infrastructure.web.ReadYourWrite;
import org.collaborative.events.notification.NotificationFrequency;
import org.collaborative.views.digest.ActivityView;
import org.collaborative.views.digest.ActivityView.Happening;
import org.collaborative.views.digest.NotificationSettings;
import org.collaborative.views.follow.Follows;
import org.collaborative.views.group.GroupPage;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
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

    /** One line in the notification centre. */
    public record Notification(Instant at, String title, String text, String link, boolean unread) {}

    private final MongoTemplate mongo;
    private final FollowViews follows;
    private final GroupPages groups;

    NotificationViews(MongoTemplate mongo, FollowViews follows, GroupPages groups) {
        this.mongo = mongo;
        this.follows = follows;
        this.groups = groups;
    }

    public NotificationSettings settings(String memberId) {
        return Optional.ofNullable(mongo.findById(memberId, NotificationSettings.class, SETTINGS))
                .orElse(new NotificationSettings(memberId, null, null, null, null, true, List.of(), null, Map.of(),
                        null));
    }

    /** The member's choice for a followed group or item; immediately when they have not chosen. */
    public static NotificationFrequency frequency(NotificationSettings settings, String target, String targetId) {
        return NotificationFrequency.valueOf(settings.frequency(target, targetId));
    }

    /** Waits briefly until the settings show a change, for the page the member returns to. */
    public void awaitSettings(String memberId, java.util.function.Predicate<NotificationSettings> changed,
            Duration atMost) {
        ReadYourWrite.awaitUntil(() -> Optional.of(settings(memberId)), changed, atMost);
    }

    /** The member's notification centre, newest first. */
    public List<Notification> centre(WorkspaceUser user, Instant now) {
        Follows mine = follows.of(user.memberId());
        if (mine.groupIds().isEmpty() && mine.itemIds().isEmpty()) {
            return List.of();
        }
        NotificationSettings settings = settings(user.memberId());
        Instant dailyCutOff = dailyCutOff(now, settings.digestTime());
        Map<String, GroupPage> visible = groups.visibleGroups(user);
        List<String> groupIds = mine.groupIds().stream().filter(visible::containsKey)
                .filter(g -> shown(frequency(settings, "GROUP", g))).toList();
        List<String> itemIds = mine.itemIds().stream().filter(i -> shown(frequency(settings, "ITEM", i))).toList();
        if (groupIds.isEmpty() && itemIds.isEmpty()) {
            return List.of();
        }
        Instant since = now.minus(CENTRE_REACH);
        List<ActivityView> activity = mongo.find(query(new Criteria().andOperator(
                        where("lastAt").gte(since),
                        new Criteria().orOperator(where("groupId").in(groupIds), where("_id").in(itemIds)))),
                ActivityView.class, ACTIVITY);
        List<Notification> result = new ArrayList<>();
        for (ActivityView item : activity) {
            if (item.hidden() || item.groupId() == null || !visible.containsKey(item.groupId())) {
                continue;
            }
            NotificationFrequency frequency = itemIds.contains(item.id())
                    ? frequency(settings, "ITEM", item.id())
                    : frequency(settings, "GROUP", item.groupId());
            if (!itemIds.contains(item.id()) && !groupIds.contains(item.groupId())) {
                continue;
            }
            String groupName = visible.get(item.groupId()).name();
            for (Happening h : item.happenings()) {
                if (h.at().isBefore(since) || user.memberId().equals(h.actorId())
                        || (frequency == NotificationFrequency.DAILY && !h.at().isBefore(dailyCutOff))) {
                    continue;
                }
                phrase(h).ifPresent(text -> result.add(new Notification(h.at(),
                        item.title() == null ? groupName : item.title(), text + " in ‘" + groupName + "’",
                        item.link(), settings.readUpTo() == null || h.at().isAfter(settings.readUpTo()))));
            }
        }
        result.sort(Comparator.comparing(Notification::at).reversed());
        return result.size() > CENTRE_LIMIT ? result.subList(0, CENTRE_LIMIT) : result;
    }

    public long unread(WorkspaceUser user, Instant now) {
        return centre(user, now).stream().filter(Notification::unread).count();
    }

    private static boolean shown(NotificationFrequency frequency) {
        return frequency == NotificationFrequency.IMMEDIATELY || frequency == NotificationFrequency.DAILY;
    }

    /** "Daily" things appear once a day, at the member's digest time: the latest such moment up to now. */
    static Instant dailyCutOff(Instant now, LocalTime time) {
        LocalDate today = now.atZone(Dates.LONDON).toLocalDate();
        Instant cutOff = ZonedDateTime.of(today, time, Dates.LONDON).toInstant();
        return cutOff.isAfter(now) ? ZonedDateTime.of(today.minusDays(1), time, Dates.LONDON).toInstant() : cutOff;
    }

    private static Optional<String> phrase(Happening h) {
        return Optional.ofNullable(switch (h.kind()) {
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
            case PROPOSAL_DECIDED -> "TAKEN_FORWARD".equals(h.outcome()) ? "Taken forward" : "Not taken forward";
            case PROPOSAL_WITHDRAWN -> "Withdrawn";
            case COMMENT_POSTED -> "New comment";
            case JOIN_REQUESTED -> "Request to join";
            case MEMBER_INVITED -> "Invitation";
            default -> null;
        });
    }
}
