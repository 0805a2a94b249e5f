package org.collaborative.app.infrastructure.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Which section of the service navigation a page belongs to, so the layout can mark it as the current one (GOV.UK's
 * service navigation pattern: the active item, with {@code aria-current}).
 */
@ControllerAdvice
class NavigationAdvice {

    private static final String REGISTRATIONS = "/admin/registrations";

    /** Address prefixes and the section each belongs to; the first that matches wins. */
    private static final List<Map.Entry<String, String>> SECTIONS = List.of(
            Map.entry("/themes", "themes"),
            Map.entry("/groups", "themes"),
            Map.entry("/items", "themes"),
            Map.entry("/retreats", "retreats"),
            Map.entry("/evidence", "evidence"),
            Map.entry("/proposals", "proposals"),
            Map.entry("/practices", "practices"),
            Map.entry("/members", "members"),
            Map.entry("/organisations", "members"),
            Map.entry("/search", "search"),
            Map.entry("/notifications", "notifications"),
            Map.entry("/digests", "notifications"),
            Map.entry("/following", "notifications"),
            Map.entry("/moderation", "moderation"),
            Map.entry("/admin", "admin"),
            Map.entry("/profile", "profile"));

    @ModelAttribute("section")
    String section(HttpServletRequest request) {
        String path = request.getRequestURI();
        // An organisation administrator has no Admin entry: the one admin page they have is an entry of its own.
        if (request.isUserInRole("ORGANISATION_ADMINISTRATOR")
                && path != null
                && (path.equals(REGISTRATIONS) || path.startsWith(REGISTRATIONS + "/"))) {
            return "registrations";
        }
        return sectionOf(path);
    }

    static String sectionOf(String path) {
        if (path == null || path.equals("/") || path.equals("/home")) {
            return "home";
        }
        for (Map.Entry<String, String> section : SECTIONS) {
            if (path.equals(section.getKey()) || path.startsWith(section.getKey() + "/")) {
                return section.getValue();
            }
        }
        return "";
    }
}
