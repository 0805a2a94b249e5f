package org.collaborative.app.retreat;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

/** One refused address is skipped; a failure that may pass (no connection) makes the processor try the event again. */
class RetreatNoticeMailerTest {

    @Test
    void anAddressTheServerRefusesIsNotTriedAgain() {
        assertThat(RetreatNoticeMailer.refusedAddress(
                        new MailSendException(Map.of("message", new SendFailedException("550 No such user")))))
                .isTrue();
    }

    @Test
    void noConnectionToTheServerIsTriedAgain() {
        assertThat(RetreatNoticeMailer.refusedAddress(new MailSendException(
                        "Mail server connection failed", new MessagingException("Connection refused"))))
                .isFalse();
        assertThat(RetreatNoticeMailer.refusedAddress(
                        new MailSendException(Map.of("message", new MessagingException("421 Try again later")))))
                .isFalse();
    }
}
