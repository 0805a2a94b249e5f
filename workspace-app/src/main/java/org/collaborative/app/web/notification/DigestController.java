package org.collaborative.app.web.notification;

import java.time.Clock;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.notification.DigestEmail;
import org.collaborative.app.notification.Digests;
import org.collaborative.app.notification.FeedTokens;
import org.collaborative.app.notification.UnsubscribeLinks;
import org.collaborative.views.digest.Digest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A member's digests in the app: the archive of past weeks, one digest, "preview my digest now" (the projections make
 * it within seconds; the page polls until it is there) and the private feed's address (made, shown once, revoked).
 */
@Controller
class DigestController {

    static final int ARCHIVE_SIZE = 52;

    private final Digests digests;
    private final FeedTokens feeds;
    private final UnsubscribeLinks links;
    private final Clock clock;

    DigestController(Digests digests, FeedTokens feeds, UnsubscribeLinks links, Clock clock) {
        this.digests = digests;
        this.feeds = feeds;
        this.links = links;
        this.clock = clock;
    }

    @GetMapping("/digests")
    String archive(@AuthenticationPrincipal WorkspaceUser user, Model model) {
        model.addAttribute("digests", digests.archive(user.memberId(), ARCHIVE_SIZE));
        model.addAttribute("preview", digests.latestPreview(user.memberId()).orElse(null));
        model.addAttribute("hasFeed", feeds.hasFeed(user.memberId()));
        return "notification/digests";
    }

    @GetMapping("/digests/{id}")
    String digest(@PathVariable String id, @AuthenticationPrincipal WorkspaceUser user, Model model) {
        Digest digest = digests.find(user.memberId(), id).orElseThrow(() -> new NotFoundException("digest"));
        model.addAttribute("digest", digest);
        model.addAttribute("intro", DigestEmail.intro(digest));
        return "notification/digest";
    }

    @PostMapping("/digests/preview")
    String preview(@AuthenticationPrincipal WorkspaceUser user) {
        return "redirect:/digests/" + digests.requestPreview(user.memberId(), clock.instant());
    }

    @PostMapping("/digests/feed")
    String newFeed(@AuthenticationPrincipal WorkspaceUser user, Model model) {
        String token = feeds.renew(user.memberId());
        model.addAttribute("feedUrl", links.publicUrl() + "/feeds/" + token);
        return archive(user, model);
    }

    @PostMapping("/digests/feed/revocation")
    String revokeFeed(@AuthenticationPrincipal WorkspaceUser user, Model model) {
        feeds.revoke(user.memberId());
        model.addAttribute("feedRevoked", true);
        return archive(user, model);
    }
}
