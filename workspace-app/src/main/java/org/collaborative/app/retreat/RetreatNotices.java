package org.collaborative.app.retreat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.collaborative.views.retreat.RetreatView;
import org.collaborative.views.retreat.RetreatView.Attendee;
import org.collaborative.views.retreat.RetreatView.Notice;
import org.springframework.web.util.HtmlUtils;

/**
 * Who is told about a change, postponement or cancellation of a retreat, and in what words: the same for the line in
 * the notification centre and for the email. The people concerned are those with a place, those on the waiting list
 * and those invited who have neither registered nor declined; the facilitator who made the change is not told.
 */
public final class RetreatNotices {

    private RetreatNotices() {}

    /** Why a person is told, in the order they are checked. */
    public enum Concern {
        REGISTERED("You have a place at this retreat."),
        WAITING("You are on this retreat's waiting list."),
        INVITED("You were invited to this retreat.");

        private final String sentence;

        Concern(String sentence) {
            this.sentence = sentence;
        }

        public String sentence() {
            return sentence;
        }
    }

    /** The people told about the notice, in the order: places, waiting list, invitations; each once. */
    public static List<String> recipients(RetreatView retreat, Notice notice) {
        Set<String> people = new LinkedHashSet<>();
        retreat.registered().stream().map(Attendee::memberId).forEach(people::add);
        retreat.waiting().stream().map(Attendee::memberId).forEach(people::add);
        people.addAll(retreat.invited());
        people.remove(notice.actorId());
        return List.copyOf(people);
    }

    /** Why the member is concerned by the retreat, if they are. */
    public static Optional<Concern> concern(RetreatView retreat, String memberId) {
        if (retreat.registered().stream().anyMatch(a -> a.memberId().equals(memberId))) {
            return Optional.of(Concern.REGISTERED);
        }
        if (retreat.waiting().stream().anyMatch(a -> a.memberId().equals(memberId))) {
            return Optional.of(Concern.WAITING);
        }
        return retreat.invited().contains(memberId) ? Optional.of(Concern.INVITED) : Optional.empty();
    }

    /** Whether this member is told about this notice (they are concerned, and did not make the change). */
    public static boolean tells(RetreatView retreat, Notice notice, String memberId) {
        return !memberId.equals(notice.actorId()) && concern(retreat, memberId).isPresent();
    }

    /** The retreat's page, which every notice links to. */
    public static String link(String retreatId) {
        return "/retreats/" + retreatId;
    }

    /**
     * What happened, in one line without a full stop (the centre follows it with the date): "Postponed: now from 11
     * March 2027, 12:00 to 12 March 2027, 12:00 (reason: the lodge flooded)"; "Cancelled (reason: …)"; "Changed: now
     * from …; now at Guildhall".
     */
    public static String summary(Notice notice) {
        return switch (notice.kind()) {
            case "POSTPONED" ->
                "Postponed: now " + RetreatDates.describe(notice.startsAt(), notice.endsAt()) + reason(notice);
            case "CANCELLED" -> "Cancelled" + reason(notice);
            case "CHANGED" -> "Changed: " + String.join("; ", changes(notice));
            default -> throw new IllegalArgumentException("No wording for a " + notice.kind() + " notice");
        };
    }

    /** The email's subject: "Retreat postponed: London chief executives' retreat". */
    public static String subject(Notice notice) {
        String what = switch (notice.kind()) {
            case "POSTPONED" -> "postponed";
            case "CANCELLED" -> "cancelled";
            default -> "changed";
        };
        return "Retreat " + what + ": " + notice.title();
    }

    /** The email's plain-text part. */
    public static String text(Notice notice, String name, Concern concern, String url) {
        return "Dear " + name + ",\n\n" + notice.title() + "\n" + summary(notice) + "\n\n" + concern.sentence()
                + "\n\nSee the retreat:\n" + url + "\n\nCollaborative\n";
    }

    /** The email's HTML part: the same words, escaped. */
    public static String html(Notice notice, String name, Concern concern, String url) {
        String style = "font-family: Arial, sans-serif; font-size: 19px; line-height: 1.4";
        return "<!DOCTYPE html><html lang=\"en\"><body style=\"" + style + "\"><p>Dear "
                + HtmlUtils.htmlEscape(name) + ",</p><p><strong>" + HtmlUtils.htmlEscape(notice.title())
                + "</strong><br>" + HtmlUtils.htmlEscape(summary(notice)) + "</p><p>"
                + HtmlUtils.htmlEscape(concern.sentence()) + "</p><p><a href=\"" + HtmlUtils.htmlEscape(url)
                + "\">See the retreat</a></p><p>Collaborative</p></body></html>";
    }

    private static String reason(Notice notice) {
        return notice.reason() == null || notice.reason().isBlank()
                ? ""
                : " (reason: " + notice.reason().strip().replaceAll("\\.$", "") + ")";
    }

    private static List<String> changes(Notice notice) {
        List<String> parts = new ArrayList<>();
        for (String change : notice.changes()) {
            switch (change) {
                case "TITLE" -> parts.add("now called ‘" + notice.title() + "’");
                case "DATES" -> parts.add("now " + RetreatDates.describe(notice.startsAt(), notice.endsAt()));
                case "PLACE" ->
                    parts.add(blank(notice.place()) ? "no longer in person, online only" : "now at " + notice.place());
                case "ONLINE_LINK" ->
                    parts.add(blank(notice.onlineLink()) ? "no longer online" : "a new link to join online");
                default -> parts.add("details changed");
            }
        }
        return parts;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
