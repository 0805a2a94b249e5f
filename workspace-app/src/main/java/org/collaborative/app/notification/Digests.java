package org.collaborative.app.notification;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.collaborative.views.digest.Digest;
import org.collaborative.views.digest.DigestWeek;
import org.collaborative.views.digest.NotificationSettings;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The digests the projections make, as members read them (archive, feed, preview) and as the web instances send them:
 * a digest READY to email is claimed by one instance at a time (SENDING, with who and when), then SENT; a failure puts
 * it back with the error, and after {@link #MAX_ATTEMPTS} it is FAILED. A claim whose instance died is taken again
 * after {@code staleAfter}.
 */
@Component
public class Digests {

    public static final int MAX_ATTEMPTS = 5;
    static final List<String> ARCHIVED = List.of("READY", "SENDING", "SENT", "KEPT", "FAILED");

    private final MongoTemplate mongo;

    Digests(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A member's past digests, newest first (never the empty weeks, never previews). */
    public List<Digest> archive(String memberId, int limit) {
        return mongo.find(
                query(where("memberId").is(memberId).and("state").in(ARCHIVED))
                        .with(Sort.by(Sort.Direction.DESC, "due"))
                        .limit(limit),
                Digest.class,
                Digest.COLLECTION);
    }

    /**
     * The member's next weekly digest as the projections' scheduler will make it (the same rule, {@link DigestWeek#next}
     * and {@link DigestWeek#continuing}): when it is due, and from when it covers. Its due time may have passed by a
     * minute or two while it is being made.
     */
    public DigestWeek next(NotificationSettings settings, Instant now) {
        // Previews (and preview requests) are never a week's digest.
        List<Digest> recent = mongo
                .find(
                        query(where("memberId")
                                .is(settings.id())
                                .and("due")
                                .gte(now.minus(DigestWeek.CONTINUES_WITHIN).minus(Duration.ofDays(7)))),
                        Digest.class,
                        Digest.COLLECTION)
                .stream()
                .filter(d -> !d.isPreview())
                .toList();
        DigestWeek next = DigestWeek.next(
                now,
                settings.digestDay(),
                settings.digestTime(),
                recent.stream().map(Digest::week).toList());
        Instant previous = recent.stream()
                .map(Digest::due)
                .filter(due -> due.isBefore(next.due()))
                .max(Instant::compareTo)
                .orElse(null);
        return next.continuing(previous);
    }

    /** A digest of this member's (a preview too), or empty if there is none or it is someone else's. */
    public Optional<Digest> find(String memberId, String id) {
        return Optional.ofNullable(mongo.findById(id, Digest.class, Digest.COLLECTION))
                .filter(d -> d.memberId().equals(memberId));
    }

    /** The member's latest preview, if they asked for one. */
    public Optional<Digest> latestPreview(String memberId) {
        return Optional.ofNullable(mongo.findOne(
                query(where("memberId").is(memberId).and("week").is("preview"))
                        .with(Sort.by(Sort.Direction.DESC, "claimedAt")),
                Digest.class,
                Digest.COLLECTION));
    }

    /** Asks the projections to make a preview of the member's digest now; returns its id. */
    public String requestPreview(String memberId, Instant now) {
        String id = memberId + ":preview-" + now.toEpochMilli();
        org.bson.Document request = new org.bson.Document("_id", id)
                .append("memberId", memberId)
                .append("week", "preview")
                .append("state", "REQUESTED")
                .append("claimedAt", java.util.Date.from(now))
                .append("sections", List.of())
                .append("total", 0)
                .append("attempts", 0);
        mongo.insert(request, Digest.COLLECTION);
        return id;
    }

    /** Takes the next digest to email, for this instance only; empty when there is none. */
    public Optional<Digest> claimNext(String instance, Instant now, Duration staleAfter) {
        Criteria ready = where("state").is("READY");
        Criteria abandoned = where("state").is("SENDING").and("sendingAt").lt(now.minus(staleAfter));
        return Optional.ofNullable(mongo.findAndModify(
                query(new Criteria().orOperator(ready, abandoned)),
                new Update().set("state", "SENDING").set("sendingBy", instance).set("sendingAt", now),
                FindAndModifyOptions.options().returnNew(true),
                Digest.class,
                Digest.COLLECTION));
    }

    /** Records the send, if this instance still holds the digest. */
    public boolean markSent(String id, String instance, Instant at) {
        return mongo.updateFirst(
                                mine(id, instance),
                                new Update().set("state", "SENT").set("sentAt", at),
                                Digest.COLLECTION)
                        .getModifiedCount()
                == 1;
    }

    /** Puts the digest back to be tried again, or gives up after {@link #MAX_ATTEMPTS}. */
    public void markFailed(Digest digest, String instance, String error) {
        int attempts = digest.attempts() + 1;
        mongo.updateFirst(
                mine(digest.id(), instance),
                new Update()
                        .set("state", attempts >= MAX_ATTEMPTS ? "FAILED" : "READY")
                        .set("attempts", attempts)
                        .set("lastError", error),
                Digest.COLLECTION);
    }

    /** What has been and is being sent, newest first, for the administrators' outbox. */
    public List<Digest> outbox(int limit) {
        return mongo.find(
                new Query(where("state").in("READY", "SENDING", "SENT", "FAILED"))
                        .with(Sort.by(Sort.Direction.DESC, "composedAt"))
                        .limit(limit),
                Digest.class,
                Digest.COLLECTION);
    }

    private static Query mine(String id, String instance) {
        return query(
                where("_id").is(id).and("state").is("SENDING").and("sendingBy").is(instance));
    }
}
