package org.collaborative.app.notification;

import java.util.Locale;
import org.collaborative.app.infrastructure.web.Dates;
import org.collaborative.views.digest.Digest;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** A digest as an email: the HTML part from a template, the plain-text part with the same content and links. */
@Component
public class DigestEmail {

    private final ITemplateEngine templates;
    private final UnsubscribeLinks links;
    private final Dates dates = new Dates();

    DigestEmail(ITemplateEngine templates, UnsubscribeLinks links) {
        this.templates = templates;
        this.links = links;
    }

    public String unsubscribeUrl(Digest digest) {
        return links.urlFor(digest.memberId());
    }

    public String settingsUrl() {
        return links.publicUrl() + "/notifications/settings";
    }

    public String html(Digest digest, String name) {
        Context context = new Context(Locale.UK);
        context.setVariable("digest", digest);
        context.setVariable("name", name);
        context.setVariable("base", links.publicUrl());
        context.setVariable("week", week(digest));
        context.setVariable("intro", intro(digest));
        context.setVariable("settingsUrl", settingsUrl());
        context.setVariable("unsubscribeUrl", unsubscribeUrl(digest));
        context.setVariable("dates", dates);
        return templates.process("notification/email/digest", context);
    }

    public String text(Digest digest, String name) {
        StringBuilder text = new StringBuilder();
        text.append("Dear ").append(name).append(",\n\n");
        text.append(intro(digest)).append(' ').append(week(digest)).append(".\n");
        for (Digest.Section section : digest.sections()) {
            text.append("\n").append(section.heading().toUpperCase(Locale.UK)).append("\n\n");
            for (Digest.Entry entry : section.entries()) {
                text.append("* ").append(entry.title()).append("\n");
                text.append("  ").append(entry.why()).append("\n");
                text.append("  ")
                        .append(dates.dateTime(entry.at()))
                        .append(" - ")
                        .append(links.publicUrl())
                        .append(entry.link())
                        .append("\n\n");
            }
        }
        if (digest.more() > 0) {
            text.append(digest.more())
                    .append(digest.more() == 1 ? " more thing" : " more things")
                    .append(" happened that you can see in the app: ")
                    .append(links.publicUrl())
                    .append("/digests/")
                    .append(digest.id())
                    .append("#less-pressing\n\n");
        }
        text.append("Choose when this digest comes, or what you hear about: ")
                .append(settingsUrl())
                .append("\n");
        text.append("Stop these emails: ").append(unsubscribeUrl(digest)).append("\n");
        return text.toString();
    }

    public static String intro(Digest digest) {
        return digest.isChiefExecutives()
                ? "What needs you, and what moved among neighbouring boroughs and in " + digest.organisationName()
                        + "'s themes,"
                : "What changed in your groups and the things you follow";
    }

    /** "in the week to 30 March 2026 at 8:00am". */
    public String week(Digest digest) {
        return "in the week to " + dates.dateTime(digest.due());
    }
}
