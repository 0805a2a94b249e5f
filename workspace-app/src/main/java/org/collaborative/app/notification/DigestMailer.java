package org.collaborative.app.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.collaborative.app.member.Accounts;
import org.collaborative.views.digest.Digest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Emails the digests the projections have made READY, one at a time, from whichever web instance claims each first
 * ({@link Digests#claimNext}). The address is looked up here, in PostgreSQL: it never leaves the workspace app. Each
 * email has an HTML and a plain-text part, a subject that says what is inside, a manage-preferences link and
 * one-click unsubscribe ({@code List-Unsubscribe} and {@code List-Unsubscribe-Post}, RFC 8058).
 *
 * <p>Exactly once as far as SMTP allows: the claim means two instances never send the same digest, and SENT is
 * recorded as soon as the server has accepted it. An instance that dies between the two leaves the digest SENDING;
 * it is sent again after {@code stale-after}, so a crash at that exact moment can send it twice, never lose it.
 */
@Component
public class DigestMailer {

    private static final Logger log = LoggerFactory.getLogger(DigestMailer.class);

    private final Digests digests;
    private final Accounts accounts;
    private final DigestEmail email;
    private final ObjectProvider<JavaMailSender> sender;
    private final Clock clock;
    private final String host;
    private final String from;
    private final Duration staleAfter;
    private final boolean enabled;
    private final String instance = "web-" + UUID.randomUUID();
    private volatile boolean warned;

    DigestMailer(
            Digests digests,
            Accounts accounts,
            DigestEmail email,
            ObjectProvider<JavaMailSender> sender,
            Clock clock,
            @Value("${spring.mail.host:}") String host,
            @Value("${collaborative.digest.mail.from}") String from,
            @Value("${collaborative.digest.mail.stale-after:10m}") Duration staleAfter,
            @Value("${collaborative.digest.mail.enabled:true}") boolean enabled) {
        this.digests = digests;
        this.accounts = accounts;
        this.email = email;
        this.sender = sender;
        this.clock = clock;
        this.host = host;
        this.from = from;
        this.staleAfter = staleAfter;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelayString = "${collaborative.digest.mail.tick:5s}", initialDelayString = "5s")
    void tick() {
        if (!enabled) {
            return;
        }
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null || host.isBlank()) {
            if (!warned) {
                log.warn("No SMTP server is configured (spring.mail.host): digests are kept in the app, not emailed");
                warned = true;
            }
            return;
        }
        try {
            sendAll(mail);
        } catch (RuntimeException e) {
            log.warn("Could not send digests; trying again at the next tick", e);
        }
    }

    /** Sends every digest waiting; returns how many this instance sent. */
    public int sendAll(JavaMailSender mail) {
        int sent = 0;
        Optional<Digest> next;
        while ((next = digests.claimNext(instance, clock.instant(), staleAfter)).isPresent()) {
            Digest digest = next.get();
            Optional<Accounts.Account> account = accounts.find(digest.memberId());
            if (account.isEmpty()) {
                digests.markFailed(digest, instance, "The member has no account (erased or removed)");
                continue;
            }
            try {
                mail.send(message(mail, digest, account.get()));
                digests.markSent(digest.id(), instance, clock.instant());
                sent++;
            } catch (RuntimeException | MessagingException | UnsupportedEncodingException e) {
                log.warn("Could not email the digest {}", digest.id(), e);
                digests.markFailed(digest, instance, e.getMessage());
            }
        }
        return sent;
    }

    MimeMessage message(JavaMailSender mail, Digest digest, Accounts.Account to)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper =
                new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
        helper.setFrom(new InternetAddress(from, "Collaborative"));
        helper.setTo(new InternetAddress(to.email(), to.displayName()));
        helper.setSubject(digest.subject());
        helper.setSentDate(java.util.Date.from(clock.instant()));
        helper.setText(email.text(digest, to.displayName()), email.html(digest, to.displayName()));
        message.setHeader("List-Unsubscribe", "<" + email.unsubscribeUrl(digest) + ">");
        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.setHeader("X-Collaborative-Digest", digest.id());
        return message;
    }
}
