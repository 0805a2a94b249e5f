package org.collaborative.app.privacy;

import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.personaldata.PersonalDataVault;
import org.collaborative.events.member.MemberErased;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * What erasing a member removes, in the transaction that records {@link MemberErased} (the subscribing
 * "command-directory" processor): their key, which leaves every sealed copy of their personal data unreadable, their
 * account row, the only plain copy (their access tokens go with it), and their sessions, which hold their name. The views hold ids, never names, so they need no change: pages look names
 * up by id and show "Former member".
 *
 * <p>On every start it applies the recorded erasures again, so that restoring a backup of the database taken before
 * an erasure cannot bring a key or an account back.
 */
@Component
@ProcessingGroup("command-directory")
class Erasure implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Erasure.class);

    private final PersonalDataVault vault;
    private final Accounts accounts;
    private final JdbcTemplate jdbc;
    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;

    Erasure(
            PersonalDataVault vault,
            Accounts accounts,
            JdbcTemplate jdbc,
            ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
        this.vault = vault;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.sessions = sessions;
    }

    @EventHandler
    void on(MemberErased event) {
        erase(event.memberId());
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> erased = jdbc.queryForList(
                "select aggregate_identifier from domain_event_entry where payload_type = ?",
                String.class,
                MemberErased.class.getName());
        long applied = erased.stream().filter(this::erase).count();
        if (applied > 0) {
            log.warn(
                    "Applied {} recorded erasures again: their keys or accounts were back (a restored backup?)",
                    applied);
        }
    }

    /** Says whether there was anything left to remove. */
    private boolean erase(String memberId) {
        accounts.find(memberId).ifPresent(account -> endSessions(account.email()));
        boolean key = vault.shred(memberId);
        boolean account = accounts.remove(memberId);
        return key || account;
    }

    /** Their sessions hold their name and address (and would let them carry on): end them on every instance. */
    private void endSessions(String email) {
        sessions.ifAvailable(
                repository -> repository.findByPrincipalName(email).keySet().forEach(repository::deleteById));
    }
}
