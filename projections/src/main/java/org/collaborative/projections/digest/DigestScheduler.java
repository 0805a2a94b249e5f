package org.collaborative.projections.digest;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.collaborative.projections.digest.DigestComposer.Composition;
import org.collaborative.views.digest.Digest;
import org.collaborative.views.digest.DigestWeek;
import org.collaborative.views.digest.NotificationSettings;
import org.collaborative.views.organisation.OrganisationCard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Makes each member's weekly digest once, whichever projections instance gets there first, and previews on request.
 *
 * <p>Every minute each instance works out, for every member, the latest digest week due by now (their day and time in
 * London, {@link DigestWeek}), and skips members whose digest for that ISO week exists. For the others it claims the
 * digest by inserting its document with the deterministic id {@code <memberId>:<ISO week>} in state COMPOSING:
 * MongoDB's unique {@code _id} lets exactly one insert succeed, so two instances never both make it. The winner
 * composes and stores the result only while its claim still holds; a claim left by an instance that died while
 * composing is taken over after {@code stale-after}. After downtime, the week that fell due while nothing ran is made
 * on the first tick (only the latest: an older week is not sent late). A digest is made {@code settle} after it falls
 * due, and not in the first {@code settle} after start, so that the week's last events have reached the views. A
 * digest covers from where the member's previous one ended when that was within two weeks ({@link
 * DigestWeek#continuing}): a member who moves their day or time misses nothing and reads nothing twice. The settings
 * page tells them when the next one comes by the same rule ({@link DigestWeek#next}).
 */
@Component
public class DigestScheduler {

    private static final Logger log = LoggerFactory.getLogger(DigestScheduler.class);

    private final MongoTemplate mongo;
    private final DigestSources sources;
    private final DigestComposer composer;
    private final Clock clock;
    private final Duration settle;
    private final Duration staleAfter;
    private final boolean enabled;
    private final Instant startedAt;
    private final String instance = "projections-" + UUID.randomUUID();

    public DigestScheduler(
            MongoTemplate mongo,
            DigestSources sources,
            Clock clock,
            @Value("${collaborative.digest.cap:7}") int cap,
            @Value("${collaborative.digest.settle:2m}") Duration settle,
            @Value("${collaborative.digest.stale-after:10m}") Duration staleAfter,
            @Value("${collaborative.digest.enabled:true}") boolean enabled) {
        this.mongo = mongo;
        this.sources = sources;
        this.composer = new DigestComposer(cap);
        this.clock = clock;
        this.settle = settle;
        this.staleAfter = staleAfter;
        this.enabled = enabled;
        this.startedAt = clock.instant();
    }

    public String instance() {
        return instance;
    }

    @Scheduled(
            fixedDelayString = "${collaborative.digest.tick:60s}",
            initialDelayString = "${collaborative.digest.tick:60s}")
    void tick() {
        if (!enabled) {
            return;
        }
        try {
            runDue();
        } catch (RuntimeException e) {
            log.warn("Could not make the weekly digests; trying again at the next tick", e);
        }
    }

    @Scheduled(fixedDelayString = "${collaborative.digest.preview-tick:2s}")
    void previewTick() {
        if (!enabled) {
            return;
        }
        try {
            runPreviews();
        } catch (RuntimeException e) {
            log.warn("Could not make digest previews", e);
        }
    }

    /** Makes every digest due now that nobody has made yet; returns how many this instance made (empty ones too). */
    public int runDue() {
        Instant now = clock.instant();
        if (now.isBefore(startedAt.plus(settle))) {
            return 0;
        }
        Instant cutoff = now.minus(settle);
        Map<DigestWeek, List<NotificationSettings>> byWeek = new LinkedHashMap<>();
        for (NotificationSettings member : mongo.find(
                query(where("organisationId").ne(null)),
                NotificationSettings.class,
                NotificationSettingsProjector.NAME)) {
            byWeek.computeIfAbsent(
                            DigestWeek.latestDue(cutoff, member.digestDay(), member.digestTime()),
                            week -> new ArrayList<>())
                    .add(member);
        }
        int made = 0;
        for (Map.Entry<DigestWeek, List<NotificationSettings>> entry : byWeek.entrySet()) {
            DigestWeek week = entry.getKey();
            List<String> ids =
                    entry.getValue().stream().map(m -> week.idFor(m.id())).toList();
            Set<String> existing = new HashSet<>();
            mongo.find(query(where("_id").in(ids)), Digest.class, Digest.COLLECTION)
                    .forEach(d -> {
                        if (!"COMPOSING".equals(d.state())) {
                            existing.add(d.id());
                        }
                    });
            List<NotificationSettings> due = entry.getValue().stream()
                    .filter(m -> !existing.contains(week.idFor(m.id())))
                    .toList();
            if (due.isEmpty()) {
                continue;
            }
            // Each continues from the member's previous digest where their day or time changed since (one context per
            // distinct start: usually all of them share the week's own).
            Map<String, Instant> previous = previousDue(due, week.due());
            Map<DigestWeek, List<NotificationSettings>> byStart = new LinkedHashMap<>();
            for (NotificationSettings member : due) {
                byStart.computeIfAbsent(week.continuing(previous.get(member.id())), start -> new ArrayList<>())
                        .add(member);
            }
            for (Map.Entry<DigestWeek, List<NotificationSettings>> start : byStart.entrySet()) {
                DigestContext context = sources.load(start.getKey());
                for (NotificationSettings member : start.getValue()) {
                    if (claim(week.idFor(member.id()), member, start.getKey(), now)) {
                        finish(week.idFor(member.id()), member, context, now, false);
                        made++;
                    }
                }
            }
        }
        return made;
    }

    /**
     * When each member's latest digest before {@code due} was due, among those made within {@link
     * DigestWeek#CONTINUES_WITHIN} of it (previews, requested ones included, do not count).
     */
    Map<String, Instant> previousDue(List<NotificationSettings> members, Instant due) {
        Map<String, Instant> latest = new HashMap<>();
        mongo
                .find(
                        query(where("memberId")
                                .in(members.stream()
                                        .map(NotificationSettings::id)
                                        .toList())
                                .and("due")
                                .gte(due.minus(DigestWeek.CONTINUES_WITHIN))
                                .lt(due)),
                        Digest.class,
                        Digest.COLLECTION)
                .stream()
                .filter(d -> !d.isPreview())
                .forEach(d -> latest.merge(d.memberId(), d.due(), (a, b) -> a.isAfter(b) ? a : b));
        return latest;
    }

    /** Takes the digest for this member and week: a fresh insert, or the takeover of a claim gone stale. */
    boolean claim(String id, NotificationSettings member, DigestWeek week, Instant now) {
        try {
            mongo.insert(
                    new Digest(
                            id,
                            member.id(),
                            member.organisationId(),
                            null,
                            null,
                            week.week(),
                            week.from(),
                            week.due(),
                            "COMPOSING",
                            instance,
                            now,
                            null,
                            null,
                            List.of(),
                            List.of(),
                            0,
                            null,
                            null,
                            null,
                            0,
                            null),
                    Digest.COLLECTION);
            return true;
        } catch (DuplicateKeyException taken) {
            Digest stale = mongo.findAndModify(
                    query(where("_id")
                            .is(id)
                            .and("state")
                            .is("COMPOSING")
                            .and("claimedAt")
                            .lt(now.minus(staleAfter))),
                    new Update().set("claimedBy", instance).set("claimedAt", now),
                    FindAndModifyOptions.options().returnNew(true),
                    Digest.class,
                    Digest.COLLECTION);
            if (stale != null) {
                log.info("Took over the digest {} from an instance that stopped while making it", id);
            }
            return stale != null;
        }
    }

    /** Composes and stores the digest, if this instance's claim still holds. */
    boolean finish(String id, NotificationSettings member, DigestContext context, Instant now, boolean preview) {
        Composition composition = composer.compose(member, context);
        String state = composition.isEmpty() ? "EMPTY" : preview ? "PREVIEW" : member.emailed() ? "READY" : "KEPT";
        OrganisationCard council =
                member.organisationId() == null ? null : context.organisations().get(member.organisationId());
        Update update = new Update()
                .set("state", state)
                .set("kind", composition.kind())
                .set("organisationName", council == null ? null : council.name())
                .set("organisationId", member.organisationId())
                .set("subject", composition.subject())
                .set("sections", composition.sections())
                .set("rest", composition.rest())
                .set("total", composition.total())
                .set("composedAt", now)
                .set("from", context.week().from())
                .set("due", context.week().due());
        boolean stored = mongo.updateFirst(
                                query(where("_id")
                                        .is(id)
                                        .and("state")
                                        .is("COMPOSING")
                                        .and("claimedBy")
                                        .is(instance)),
                                update,
                                Digest.COLLECTION)
                        .getModifiedCount()
                == 1;
        if (!stored) {
            log.info("Another instance took over the digest {}; leaving it to that one", id);
        }
        return stored;
    }

    /**
     * Makes the previews members asked for ("preview my digest now"): what their next digest would hold if made now,
     * never emailed.
     */
    public int runPreviews() {
        int made = 0;
        while (true) {
            Instant now = clock.instant();
            Digest requested = mongo.findAndModify(
                    query(where("state").is("REQUESTED")),
                    new Update()
                            .set("state", "COMPOSING")
                            .set("claimedBy", instance)
                            .set("claimedAt", now),
                    FindAndModifyOptions.options().returnNew(true),
                    Digest.class,
                    Digest.COLLECTION);
            if (requested == null) {
                return made;
            }
            NotificationSettings member = mongo.findById(
                    requested.memberId(), NotificationSettings.class, NotificationSettingsProjector.NAME);
            if (member == null) {
                mongo.updateFirst(
                        query(where("_id").is(requested.id())), new Update().set("state", "EMPTY"), Digest.COLLECTION);
                continue;
            }
            // What the member's next digest would hold if it were made now: from where their previous one ended (or
            // the last seven days), to now.
            DigestWeek week = new DigestWeek("preview", now.minus(Duration.ofDays(7)), now)
                    .continuing(previousDue(List.of(member), now).get(member.id()));
            finish(requested.id(), member, sources.load(week), now, true);
            made++;
        }
    }
}
