package org.collaborative.app.web.notification;

import java.util.List;
import org.collaborative.app.notification.Digests;
import org.collaborative.app.notification.EmbeddedMailServer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The administrators' outbox: every digest email waiting, being sent, sent or failed (from the {@code digests}
 * collection), and, on the embedded default, what the in-process SMTP server has received.
 */
@Controller
class OutboxController {

    private final Digests digests;
    private final ObjectProvider<EmbeddedMailServer> embedded;

    OutboxController(Digests digests, ObjectProvider<EmbeddedMailServer> embedded) {
        this.digests = digests;
        this.embedded = embedded;
    }

    @GetMapping("/admin/outbox")
    String outbox(Model model) {
        EmbeddedMailServer server = embedded.getIfAvailable();
        model.addAttribute("sends", digests.outbox(300));
        model.addAttribute("embedded", server != null);
        model.addAttribute(
                "received",
                server == null
                        ? List.of()
                        : server.received().stream().limit(100).toList());
        return "notification/outbox";
    }
}
