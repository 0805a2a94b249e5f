package org.collaborative.app.onboarding;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Emails the onboarding links (invitations, password resets) through the same SMTP set-up as the digests
 * ({@code spring.mail.*}; GreenMail inside the app on the embedded default). Each email has a plain-text and an HTML
 * part and says when its link stops working. Sent after the command that made the link, outside its transaction.
 */
@Component
public class OnboardingMailer {

    private static final Logger log = LoggerFactory.getLogger(OnboardingMailer.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("h:mma 'on' d MMMM yyyy", Locale.UK)
            .withZone(org.collaborative.app.kernel.London.ZONE);

    /** One email: who to, its subject, paragraphs before the link, the link's words and address, paragraphs after. */
    record Email(String to, String name, String subject, String before, String linkText, String url, String after) {}

    private final ObjectProvider<JavaMailSender> sender;
    private final Clock clock;
    private final String host;
    private final String from;
    private final String publicUrl;

    OnboardingMailer(
            ObjectProvider<JavaMailSender> sender,
            Clock clock,
            @Value("${spring.mail.host:}") String host,
            @Value("${collaborative.digest.mail.from}") String from,
            @Value("${collaborative.public-url}") String publicUrl) {
        this.sender = sender;
        this.clock = clock;
        this.host = host;
        this.from = from;
        // As the other mailers do: a configured trailing slash must not make links with a double slash.
        this.publicUrl = publicUrl.replaceAll("/$", "");
    }

    /** The address of a page of the workspace, as an email links to it. */
    String url(String path) {
        return publicUrl + path;
    }

    static String expiry(Instant at) {
        return WHEN.format(at).replace("AM", "am").replace("PM", "pm");
    }

    /** Sends it; says whether an SMTP server took it (false when none is configured or it refused). */
    boolean send(Email email) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null || host.isBlank()) {
            log.warn("No SMTP server is configured (spring.mail.host): the email \"{}\" was not sent", email.subject());
            return false;
        }
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(new InternetAddress(from, "Collaborative"));
            helper.setTo(new InternetAddress(email.to(), email.name()));
            helper.setSubject(email.subject());
            helper.setSentDate(java.util.Date.from(clock.instant()));
            helper.setText(text(email), html(email));
            mail.send(message);
            return true;
        } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
            log.warn("Could not send the email \"{}\"", email.subject(), e);
            return false;
        }
    }

    static String text(Email email) {
        return "Dear " + email.name() + ",\n\n" + email.before() + "\n\n" + email.linkText() + ":\n" + email.url()
                + "\n\n" + email.after() + "\n\nCollaborative\n";
    }

    static String html(Email email) {
        String style = "font-family: Arial, sans-serif; font-size: 19px; line-height: 1.4";
        return "<!DOCTYPE html><html lang=\"en\"><body style=\"" + style + "\"><p>Dear "
                + HtmlUtils.htmlEscape(email.name()) + ",</p><p>" + HtmlUtils.htmlEscape(email.before())
                + "</p><p><a href=\"" + HtmlUtils.htmlEscape(email.url()) + "\">"
                + HtmlUtils.htmlEscape(email.linkText()) + "</a></p><p>" + HtmlUtils.htmlEscape(email.after())
                + "</p><p>Collaborative</p></body></html>";
    }
}
