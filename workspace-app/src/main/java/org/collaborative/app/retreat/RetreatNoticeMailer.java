package org.collaborative.app.retreat;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.collaborative.app.member.Accounts;
import org.collaborative.events.retreat.RetreatCancelled;
import org.collaborative.events.retreat.RetreatChanged;
import org.collaborative.events.retreat.RetreatPostponed;
import org.collaborative.views.retreat.RetreatView;
import org.collaborative.views.retreat.RetreatView.Notice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Emails the people concerned by a change, postponement or cancellation of a retreat ({@link RetreatNotices}): one
 * email per person per event. A tracking processor of its own ({@value #PROCESSING_GROUP}, token in PostgreSQL): one
 * instance holds its segment at a time, so two instances never handle the same event; a failure is retried (the
 * propagating error handler).
 *
 * <p>What to say and to whom comes from the event's notice in the {@code retreats} view, written by the projections
 * from the same stream: the handler waits briefly for the view to have applied the event and fails (to be retried)
 * if it has not. An event that made no notice (a change of capacity or themes alone) emails nobody.
 *
 * <p>Each email sent is recorded at once in {@code retreat_notice_mail}, in a transaction of its own (not the
 * processor's, which a later failure rolls back), and a recipient already recorded is skipped: a retry after one
 * recipient's address was refused, or a replay after a processor reset, tells nobody twice. Only an instance dying
 * between the SMTP server's acceptance and that record can send one email twice; none is lost (an address the server
 * refuses is logged and skipped: it would be refused again). An event older than
 * {@link #TOO_LATE} when read (a reset, a long outage) is not emailed: the notification centre still shows it for
 * 30 days. Erased members (no account) get nothing.
 */
@Component
@ProcessingGroup(RetreatNoticeMailer.PROCESSING_GROUP)
class RetreatNoticeMailer {

    static final String PROCESSING_GROUP = "retreat-notice-mail";
    static final Duration TOO_LATE = Duration.ofDays(7);

    private static final Logger log = LoggerFactory.getLogger(RetreatNoticeMailer.class);

    private final RetreatViews views;
    private final Accounts accounts;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final ObjectProvider<JavaMailSender> sender;
    private final Clock clock;
    private final String host;
    private final String from;
    private final String publicUrl;
    private final Duration viewWait;

    RetreatNoticeMailer(
            RetreatViews views,
            Accounts accounts,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            ObjectProvider<JavaMailSender> sender,
            Clock clock,
            @Value("${spring.mail.host:}") String host,
            @Value("${collaborative.digest.mail.from}") String from,
            @Value("${collaborative.public-url}") String publicUrl,
            @Value("${collaborative.retreats.notice-mail.view-wait:10s}") Duration viewWait) {
        this.views = views;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.sender = sender;
        this.clock = clock;
        this.host = host;
        this.from = from;
        this.publicUrl = publicUrl.replaceAll("/$", "");
        this.viewWait = viewWait;
    }

    @EventHandler
    void on(RetreatChanged event, @SequenceNumber long sequence) throws MessagingException {
        tell(event.retreatId(), sequence, event.at());
    }

    @EventHandler
    void on(RetreatPostponed event, @SequenceNumber long sequence) throws MessagingException {
        tell(event.retreatId(), sequence, event.at());
    }

    @EventHandler
    void on(RetreatCancelled event, @SequenceNumber long sequence) throws MessagingException {
        tell(event.retreatId(), sequence, event.at());
    }

    private void tell(String retreatId, long sequence, Instant at) throws MessagingException {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null || host.isBlank() || at.plus(TOO_LATE).isBefore(clock.instant())) {
            return;
        }
        RetreatView retreat = views.awaitUntil(retreatId, view -> hasApplied(view, sequence), viewWait)
                .filter(view -> hasApplied(view, sequence))
                .orElseThrow(() -> new IllegalStateException(
                        "The retreats view has not yet applied event " + sequence + " of " + retreatId));
        Optional<Notice> notice =
                retreat.notices().stream().filter(n -> n.sequence() == sequence).findFirst();
        if (notice.isEmpty()) {
            return;
        }
        for (String memberId : RetreatNotices.recipients(retreat, notice.get())) {
            if (alreadySent(retreatId, sequence, memberId)) {
                continue;
            }
            Optional<Accounts.Account> account = accounts.find(memberId);
            if (account.isEmpty()) {
                log.info("Member {} has no account (erased): no email about retreat {}", memberId, retreatId);
                continue;
            }
            RetreatNotices.Concern concern =
                    RetreatNotices.concern(retreat, memberId).orElseThrow();
            try {
                mail.send(message(mail, retreatId, notice.get(), account.get(), concern));
            } catch (MailSendException e) {
                if (!refusedAddress(e)) {
                    throw e;
                }
                log.warn("The SMTP server refused {}'s address: no email about retreat {}", memberId, retreatId, e);
                continue;
            }
            ownTransaction.executeWithoutResult(
                    status -> jdbc.update("""
                    insert into retreat_notice_mail (retreat_id, sequence, member_id, sent_at) values (?, ?, ?, ?)
                    on conflict do nothing
                    """, retreatId, sequence, memberId, Timestamp.from(clock.instant())));
        }
    }

    /**
     * Whether the server refused the recipient's address (it will refuse it again: that person is skipped, so one bad
     * address does not hold up everyone's notices), as opposed to a failure worth retrying (no connection, a timeout).
     */
    static boolean refusedAddress(MailSendException e) {
        return !e.getFailedMessages().isEmpty()
                && e.getFailedMessages().values().stream().allMatch(SendFailedException.class::isInstance);
    }

    private static boolean hasApplied(RetreatView view, long sequence) {
        Long applied = view.applied() == null ? null : view.applied().get(view.id());
        return applied != null && applied >= sequence;
    }

    private boolean alreadySent(String retreatId, long sequence, String memberId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists(select 1 from retreat_notice_mail where retreat_id = ? and sequence = ? and member_id = ?)",
                Boolean.class,
                retreatId,
                sequence,
                memberId));
    }

    MimeMessage message(
            JavaMailSender mail, String retreatId, Notice notice, Accounts.Account to, RetreatNotices.Concern concern)
            throws MessagingException {
        String url = publicUrl + RetreatNotices.link(retreatId);
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        try {
            helper.setFrom(new InternetAddress(from, "Collaborative"));
            helper.setTo(new InternetAddress(to.email(), to.displayName()));
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("Cannot encode an address", e);
        }
        helper.setSubject(RetreatNotices.subject(notice));
        helper.setSentDate(java.util.Date.from(clock.instant()));
        helper.setText(
                RetreatNotices.text(notice, to.displayName(), concern, url),
                RetreatNotices.html(notice, to.displayName(), concern, url));
        message.setHeader("X-Collaborative-Retreat-Notice", retreatId + ":" + notice.sequence());
        return message;
    }
}
