package org.collaborative.app.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The embedded default's SMTP server: GreenMail, a real SMTP server, in this JVM on 127.0.0.1. Digest emails are
 * sent to it over SMTP exactly as they would be to a relay; it keeps them in memory (until the app stops) for the
 * administrators' outbox page. Production has no embedded server and sends through {@code spring.mail.*}.
 */
@Component
@ConditionalOnProperty(name = "collaborative.embedded.enabled", havingValue = "true")
public class EmbeddedMailServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMailServer.class);

    /** One message as it arrived. */
    public record Received(Instant at, String to, String subject, MimeMessage message) {}

    private final GreenMail greenMail;

    EmbeddedMailServer(@Value("${collaborative.embedded.smtp.port:3025}") int port) {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        log.info("Embedded SMTP server listening on 127.0.0.1:{}", port);
    }

    /** Every message received since start, newest first. */
    public List<Received> received() {
        List<Received> messages = new ArrayList<>();
        for (MimeMessage message : Arrays.asList(greenMail.getReceivedMessages())) {
            try {
                Instant at = message.getSentDate() == null
                        ? Instant.EPOCH
                        : message.getSentDate().toInstant();
                String to = String.join(
                        ", ",
                        Arrays.stream(message.getAllRecipients())
                                .map(Object::toString)
                                .toList());
                messages.add(new Received(at, to, message.getSubject(), message));
            } catch (MessagingException e) {
                log.warn("Could not read a received message", e);
            }
        }
        messages.sort(Comparator.comparing(Received::at).reversed());
        return messages;
    }

    @PreDestroy
    void stop() {
        greenMail.stop();
    }
}
