package org.collaborative.app.web.notification;

import java.time.Clock;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.notification.DigestFeed;
import org.collaborative.app.notification.Digests;
import org.collaborative.app.notification.FeedTokens;
import org.collaborative.app.notification.UnsubscribeLinks;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A member's private Atom feed of their digests, at an address holding a secret token (feed readers cannot sign in).
 * An unknown or revoked token is 404, the same as an address that never existed.
 */
@Controller
class FeedController {

    private final FeedTokens feeds;
    private final Digests digests;
    private final UnsubscribeLinks links;
    private final Clock clock;

    FeedController(FeedTokens feeds, Digests digests, UnsubscribeLinks links, Clock clock) {
        this.feeds = feeds;
        this.digests = digests;
        this.links = links;
        this.clock = clock;
    }

    @GetMapping("/feeds/{token}")
    ResponseEntity<String> feed(@PathVariable String token) {
        String memberId = feeds.memberFor(token).orElseThrow(() -> new NotFoundException("feed"));
        String xml = DigestFeed.write(
                memberId,
                links.publicUrl() + "/feeds/" + token,
                links.publicUrl(),
                digests.archive(memberId, 20),
                clock.instant());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .header("Cache-Control", "private, no-store")
                .header("X-Robots-Tag", "noindex")
                .body(xml);
    }
}
