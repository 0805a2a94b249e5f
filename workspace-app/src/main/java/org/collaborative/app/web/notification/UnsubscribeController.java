package org.collaborative.app.web.notification;

import java.time.Clock;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.notification.UnsubscribeFromDigest;
import org.collaborative.app.notification.UnsubscribeLinks;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * One-click unsubscribe from the digest email (RFC 8058). A mail client posts {@code List-Unsubscribe=One-Click} to
 * the signed link without a session or CSRF token; a person who opens the link sees a page with one button, because a
 * {@code GET} must never change anything (mail scanners fetch links). A wrong signature is 404.
 */
@Controller
class UnsubscribeController {

    private final UnsubscribeLinks links;
    private final Commands commands;
    private final Clock clock;

    UnsubscribeController(UnsubscribeLinks links, Commands commands, Clock clock) {
        this.links = links;
        this.commands = commands;
        this.clock = clock;
    }

    @GetMapping("/unsubscribe/{memberId}/{signature}")
    String confirm(@PathVariable String memberId, @PathVariable String signature, Model model) {
        verify(memberId, signature);
        model.addAttribute("action", "/unsubscribe/" + memberId + "/" + signature);
        model.addAttribute("done", false);
        return "notification/unsubscribe";
    }

    @PostMapping("/unsubscribe/{memberId}/{signature}")
    String unsubscribe(@PathVariable String memberId, @PathVariable String signature, Model model) {
        verify(memberId, signature);
        commands.send(UnsubscribeFromDigest.of(memberId, clock.instant()));
        model.addAttribute("done", true);
        return "notification/unsubscribe";
    }

    private void verify(String memberId, String signature) {
        if (!links.verify(memberId, signature)) {
            throw new NotFoundException("unsubscribe link");
        }
    }
}
