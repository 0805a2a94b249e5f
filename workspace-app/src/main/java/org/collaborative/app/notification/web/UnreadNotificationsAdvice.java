package org.collaborative.app.notification.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.collaborative.app.infrastructure.security.WorkspaceUser;
import org.collaborative.app.notification.NotificationViews;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The unread count beside "Notifications" in the header of every full page (not on htmx fragments). */
@ControllerAdvice
class UnreadNotificationsAdvice {

    private static final Logger log = LoggerFactory.getLogger(UnreadNotificationsAdvice.class);

    private final NotificationViews notifications;
    private final Clock clock;

    UnreadNotificationsAdvice(NotificationViews notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    @ModelAttribute("unreadNotifications")
    Long unreadNotifications(@AuthenticationPrincipal WorkspaceUser user, HttpServletRequest request) {
        if (user == null || request.getHeader("HX-Request") != null || request.getRequestURI().startsWith("/api/")) {
            return null;
        }
        try {
            return notifications.unread(user, clock.instant());
        } catch (RuntimeException e) {
            log.debug("Could not count unread notifications", e);
            return null;
        }
    }
}
