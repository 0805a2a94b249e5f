package org.collaborative.app.item;

import java.util.List;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.stereotype.Component;

/**
 * What people write is Markdown. It is rendered with raw HTML escaped, then sanitised against an allowlist: text
 * formatting, lists, quotes, code and http(s)/mailto links (which open nothing and carry no referrer). No attribute
 * that could run script or drive htmx survives; templates also wrap the result in {@code hx-disable}.
 */
@Component
public class Markdown {

    private static final Parser PARSER =
            Parser.builder().extensions(List.of(AutolinkExtension.create())).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .extensions(List.of(AutolinkExtension.create()))
            .build();
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements(
                    "p",
                    "br",
                    "em",
                    "strong",
                    "ul",
                    "ol",
                    "li",
                    "blockquote",
                    "code",
                    "pre",
                    "hr",
                    "h3",
                    "h4",
                    "h5",
                    "h6",
                    "a")
            .allowUrlProtocols("https", "http", "mailto")
            .allowAttributes("href")
            .onElements("a")
            .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
            .toFactory();

    /** Safe HTML for Thymeleaf's {@code th:utext}. */
    public String html(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        String html = RENDERER.render(PARSER.parse(markdown))
                // Headings in a post sit below the page's own: # becomes h3 at most.
                .replace("<h1>", "<h3>")
                .replace("</h1>", "</h3>")
                .replace("<h2>", "<h3>")
                .replace("</h2>", "</h3>");
        return POLICY.sanitize(html);
    }
}
