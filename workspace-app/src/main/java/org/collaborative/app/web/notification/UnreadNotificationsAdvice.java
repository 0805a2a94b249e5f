package org.collaborative.app.web.notification;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.notification.NotificationViews;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;

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

    /**
     * Counted only if the page shows it: a lazy variable that Thymeleaf loads when the layout reads it, so a form post
     * that redirects, or a page without the header, costs no MongoDB read.
     */
    @ModelAttribute("unreadNotifications")
    LazyContextVariable<Long> unreadNotifications(
            @AuthenticationPrincipal WorkspaceUser user, HttpServletRequest request) {
        boolean shown = user != null
                && request.getHeader("HX-Request") == null
                && !request.getRequestURI().startsWith("/api/");
        return new LazyContextVariable<>() {
            @Override
            protected Long loadValue() {
                if (!shown) {
                    return null;
                }
                try {
                    return notifications.unread(user, clock.instant());
                } catch (RuntimeException e) {
                    log.debug("Could not count unread notifications", e);
                    return null;
                }
            }
        };
    }
}
