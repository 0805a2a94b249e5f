package org.collaborative.app.web.notification;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.follow.FollowViews;
import org.collaborative.app.group.GroupPages;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.infrastructure.web.Forms;
import org.collaborative.app.item.ItemType;
import org.collaborative.app.item.ItemViews;
import org.collaborative.app.notification.ChooseDigestSchedule;
import org.collaborative.app.notification.ChooseNotificationFrequency;
import org.collaborative.app.notification.Digests;
import org.collaborative.app.notification.MarkNotificationsRead;
import org.collaborative.app.notification.NotificationViews;
import org.collaborative.app.notification.NotificationViews.Notification;
import org.collaborative.events.follow.FollowTarget;
import org.collaborative.events.notification.NotificationFrequency;
import org.collaborative.views.digest.DigestWeek;
import org.collaborative.views.digest.NotificationSettings;
import org.collaborative.views.follow.Follows;
import org.collaborative.views.group.GroupPage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The notification centre ({@code /notifications}: what happened in what a member follows, newest first, with what is
 * new marked) and the notification settings ({@code /notifications/settings}: how often to hear about each followed
 * group and item, and when the weekly digest comes and whether it is emailed).
 */
@Controller
class NotificationController {

    static final Duration READ_YOUR_WRITE_WAIT = Duration.ofSeconds(3);
    static final List<String> FREQUENCY_LABELS =
            List.of("As it happens", "Once a day", "In the weekly digest only", "Off");

    private final NotificationViews notifications;
    private final FollowViews follows;
    private final GroupPages groups;
    private final ItemViews items;
    private final Commands commands;
    private final Digests digests;
    private final Clock clock;

    NotificationController(
            NotificationViews notifications,
            FollowViews follows,
            GroupPages groups,
            ItemViews items,
            Commands commands,
            Digests digests,
            Clock clock) {
        this.digests = digests;
        this.notifications = notifications;
        this.follows = follows;
        this.groups = groups;
        this.items = items;
        this.commands = commands;
        this.clock = clock;
    }

    @GetMapping("/notifications")
    String centre(
            @RequestParam(name = "read", required = false) String read,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        List<Notification> centre = notifications.centre(user, clock.instant());
        model.addAttribute("notifications", centre);
        long unread = centre.stream().filter(Notification::unread).count();
        model.addAttribute("unread", unread);
        // The header's count from the list in hand, so the centre is not built a second time for the layout.
        model.addAttribute("unreadNotifications", unread);
        model.addAttribute(
                "newest", centre.isEmpty() ? null : centre.get(0).at().toString());
        model.addAttribute("read", read != null);
        return "notification/centre";
    }

    @PostMapping("/notifications/read")
    String markRead(@RequestParam(defaultValue = "") String upTo, @AuthenticationPrincipal WorkspaceUser user) {
        Instant until;
        try {
            until = upTo.isBlank() ? clock.instant() : Instant.parse(upTo);
        } catch (DateTimeParseException e) {
            until = clock.instant();
        }
        Instant marked = until.isAfter(clock.instant()) ? clock.instant() : until;
        commands.send(MarkNotificationsRead.of(user.memberId(), marked, clock.instant()));
        notifications.awaitSettings(
                user.memberId(), s -> s.readUpTo() != null && !s.readUpTo().isBefore(marked), READ_YOUR_WRITE_WAIT);
        return "redirect:/notifications?read";
    }

    /** One followed group or item on the settings page, with its field name and current choice. */
    record Followed(String field, String title, String kind, String href, String frequency) {}

    @GetMapping("/notifications/settings")
    String settings(
            @RequestParam(name = "saved", required = false) String saved,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        NotificationSettings settings = notifications.settings(user.memberId());
        Map<String, String> values = new LinkedHashMap<>();
        values.put("day", settings.digestDay().name());
        values.put("time", settings.digestTime().toString());
        values.put("emailed", Boolean.toString(settings.emailed()));
        model.addAttribute("saved", saved != null);
        return prepare(model, user, settings, values);
    }

    @PostMapping("/notifications/settings")
    String save(
            @RequestParam MultiValueMap<String, String> form,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        NotificationSettings settings = notifications.settings(user.memberId());
        List<Followed> followed = followed(user, settings);
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((name, list) ->
                values.put(name, list.isEmpty() ? "" : list.get(0).strip()));
        // One field per followed group or item, so the form is a map rather than a record; its errors are shown as
        // every form's are (Forms.showErrors: all at once, each linking to its field).
        MapBindingResult errors = new MapBindingResult(values, "settings");
        DayOfWeek day = null;
        try {
            day = DayOfWeek.valueOf(values.getOrDefault("day", "").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.rejectValue("day", "invalid", "Select the day your digest comes");
        }
        LocalTime time = null;
        String typed = values.getOrDefault("time", "");
        if (typed.isEmpty()) {
            errors.rejectValue("time", "invalid", "Enter the time your digest comes");
        } else if (!typed.matches("\\d{1,2}[:.]\\d{2}")) {
            errors.rejectValue(
                    "time", "invalid", "Enter the time as hours and minutes on the 24-hour clock, like 08:00 or 17:30");
        } else {
            String[] parts = typed.split("[:.]");
            int hours = Integer.parseInt(parts[0]);
            int minutes = Integer.parseInt(parts[1]);
            if (hours > 23 || minutes > 59) {
                errors.rejectValue("time", "invalid", "Enter a real time, like 08:00 or 17:30");
            } else {
                time = LocalTime.of(hours, minutes);
            }
        }
        String emailed = values.getOrDefault("emailed", "");
        if (!emailed.equals("true") && !emailed.equals("false")) {
            errors.rejectValue("emailed", "invalid", "Select whether to email you the digest");
        }
        Map<Followed, NotificationFrequency> chosen = new LinkedHashMap<>();
        for (Followed thing : followed) {
            try {
                chosen.put(thing, NotificationFrequency.valueOf(values.getOrDefault(thing.field(), "")));
            } catch (IllegalArgumentException e) {
                errors.rejectValue(thing.field(), "invalid", "Select how often you hear about " + thing.title());
            }
        }
        if (errors.hasErrors()) {
            Forms.showErrors(model, errors, values, "day");
            return prepare(model, user, settings, values);
        }
        Instant now = clock.instant();
        commands.send(ChooseDigestSchedule.of(user.memberId(), day, time, Boolean.parseBoolean(emailed), now));
        for (Map.Entry<Followed, NotificationFrequency> choice : chosen.entrySet()) {
            String[] target =
                    choice.getKey().field().substring("frequency-".length()).split("-", 2);
            commands.send(ChooseNotificationFrequency.of(
                    user.memberId(), FollowTarget.valueOf(target[0]), target[1], choice.getValue(), now));
        }
        DayOfWeek savedDay = day;
        LocalTime savedTime = time;
        notifications.awaitSettings(
                user.memberId(),
                s -> s.digestDay() == savedDay
                        && s.digestTime().equals(savedTime)
                        && s.emailed() == Boolean.parseBoolean(emailed)
                        && chosen.entrySet().stream().allMatch(c -> frequencyIn(s, c.getKey()) == c.getValue()),
                READ_YOUR_WRITE_WAIT);
        return "redirect:/notifications/settings?saved";
    }

    private static NotificationFrequency frequencyIn(NotificationSettings settings, Followed thing) {
        String[] target = thing.field().substring("frequency-".length()).split("-", 2);
        return NotificationViews.frequency(settings, target[0], target[1]);
    }

    private String prepare(Model model, WorkspaceUser user, NotificationSettings settings, Map<String, String> values) {
        List<Followed> followed = followed(user, settings).stream()
                .map(f -> new Followed(
                        f.field(), f.title(), f.kind(), f.href(), values.getOrDefault(f.field(), f.frequency())))
                .toList();
        model.addAttribute("values", values);
        Forms.noErrors(model);
        model.addAttribute("days", List.of(DayOfWeek.values()));
        model.addAttribute("followed", followed);
        model.addAttribute("frequencies", List.of(NotificationFrequency.values()));
        model.addAttribute("frequencyLabels", FREQUENCY_LABELS);
        Instant now = clock.instant();
        DigestWeek next = digests.next(settings, now);
        model.addAttribute("nextDigest", next);
        model.addAttribute("nextDigestBeingMade", !next.due().isAfter(now));
        return "notification/settings";
    }

    /** Everything the member follows and may still see, with their choice for each. */
    private List<Followed> followed(WorkspaceUser user, NotificationSettings settings) {
        Follows mine = follows.of(user.memberId());
        Map<String, GroupPage> visible = groups.visibleGroups(user);
        List<Followed> result = new ArrayList<>();
        for (String groupId : mine.groupIds()) {
            GroupPage group = visible.get(groupId);
            if (group != null) {
                result.add(new Followed(
                        "frequency-GROUP-" + groupId,
                        group.name(),
                        "Working group",
                        "/groups/" + groupId,
                        NotificationViews.frequency(settings, "GROUP", groupId).name()));
            }
        }
        items.findAll(mine.itemIds()).stream()
                .filter(item -> visible.containsKey(item.groupId()))
                .filter(Objects::nonNull)
                .forEach(item -> result.add(new Followed(
                        "frequency-ITEM-" + item.id(),
                        item.title(),
                        switch (ItemType.fromKey(item.type())) {
                            case QUESTION -> "Question";
                            case EVIDENCE -> "Evidence";
                            case PROPOSAL -> "Proposal";
                        },
                        "/items/" + item.id(),
                        NotificationViews.frequency(settings, "ITEM", item.id()).name())));
        return result;
    }
}
