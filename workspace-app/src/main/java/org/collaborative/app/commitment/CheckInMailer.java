package org.collaborative.app.commitment;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.collaborative.app.member.Accounts;
import org.collaborative.events.retreat.CheckInDue;
import org.collaborative.views.commitment.CommitmentView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Emails the owner of an action or pledge when a check-in falls due, asking them to record progress. A tracking
 * processor of its own ({@code check-in-mail}, token in PostgreSQL): one instance holds its segment at a time, it
 * resumes where it stopped after a restart, and a failure is retried (the propagating error handler), so each
 * check-in is emailed once, or, if an instance dies between the SMTP server's acceptance and the token's commit,
 * twice; never lost. The address is looked up here, in PostgreSQL. A check-in older than {@link #TOO_LATE} when it is
 * read (a processor reset, a long outage) is not emailed: the notification centre and "My commitments" still show
 * it.
 */
@Component
@ProcessingGroup(CheckInMailer.PROCESSING_GROUP)
class CheckInMailer {

    static final String PROCESSING_GROUP = "check-in-mail";
    static final Duration TOO_LATE = Duration.ofDays(7);

    private static final Logger log = LoggerFactory.getLogger(CheckInMailer.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final CommitmentViews views;
    private final Accounts accounts;
    private final ObjectProvider<JavaMailSender> sender;
    private final Clock clock;
    private final String host;
    private final String from;
    private final String publicUrl;

    CheckInMailer(
            CommitmentViews views,
            Accounts accounts,
            ObjectProvider<JavaMailSender> sender,
            Clock clock,
            @Value("${spring.mail.host:}") String host,
            @Value("${collaborative.digest.mail.from}") String from,
            @Value("${collaborative.public-url}") String publicUrl) {
        this.views = views;
        this.accounts = accounts;
        this.sender = sender;
        this.clock = clock;
        this.host = host;
        this.from = from;
        this.publicUrl = publicUrl.replaceAll("/$", "");
    }

    @EventHandler
    void on(CheckInDue due) throws MessagingException, UnsupportedEncodingException {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null || host.isBlank() || due.at().plus(TOO_LATE).isBefore(clock.instant())) {
            return;
        }
        // The view is built from the same stream; its first event came long before the check-in, so it is there.
        // If it is not (a view being rebuilt), this fails and the processor tries again.
        CommitmentView commitment = views.find(due.commitmentId())
                .orElseThrow(
                        () -> new IllegalStateException("No commitment " + due.commitmentId() + " in the view yet"));
        Optional<Accounts.Account> owner = accounts.find(commitment.ownerId());
        if (owner.isEmpty()) {
            log.info("The owner of {} has no account (erased): no check-in email", commitment.id());
            return;
        }
        mail.send(message(mail, commitment, due, owner.get()));
    }

    MimeMessage message(JavaMailSender mail, CommitmentView commitment, CheckInDue due, Accounts.Account to)
            throws MessagingException, UnsupportedEncodingException {
        String what = commitment.isAction() ? "action" : "pledge";
        String link = publicUrl + "/commitments/" + commitment.id() + "/progress";
        String text = "Dear " + to.displayName() + ",\n\n"
                + "It is " + due.daysAfterRetreat() + " days since the retreat. How is your " + what + " going?\n\n"
                + "  " + commitment.title() + "\n"
                + "  Due " + DATE.format(commitment.dueOn()) + "\n\n"
                + "Record whether it is done, on track, at risk or dropped:\n" + link + "\n\n"
                + "All your actions and pledges: " + publicUrl + "/commitments\n";
        String html = "<p>Dear " + HtmlUtils.htmlEscape(to.displayName()) + ",</p>"
                + "<p>It is " + due.daysAfterRetreat() + " days since the retreat. How is your " + what
                + " going?</p><p><strong>" + HtmlUtils.htmlEscape(commitment.title()) + "</strong><br>Due "
                + DATE.format(commitment.dueOn()) + "</p><p><a href=\"" + HtmlUtils.htmlEscape(link)
                + "\">Record whether it is done, on track, at risk or dropped</a></p><p><a href=\""
                + HtmlUtils.htmlEscape(publicUrl) + "/commitments\">All your actions and pledges</a></p>";
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(new InternetAddress(from, "Collaborative"));
        helper.setTo(new InternetAddress(to.email(), to.displayName()));
        helper.setSubject("Check-in: how is your " + what + " from the retreat going?");
        helper.setSentDate(java.util.Date.from(Instant.now(clock)));
        helper.setText(text, html);
        message.setHeader("X-Collaborative-Check-In", commitment.id() + ":" + due.daysAfterRetreat());
        return message;
    }
}
