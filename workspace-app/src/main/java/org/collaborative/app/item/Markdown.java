package org.collaborative.app.item;

import java.util.List;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.stereotype.Component;

/**
 * What people write is Markdown. It is rendered with raw HTML escaped, then sanitised against an allowlist: text
 * formatting, lists, quotes, code and http(s)/mailto links (which open nothing and carry no referrer). No attribute
 * that could run script or drive htmx survives; templates also wrap the result in {@code hx-disable}. Where only a
 * line of text fits (search results), {@link #text} gives the words without the marks.
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

    /**
     * The plain text a reader sees, for places that show text rather than HTML (search snippets, the API's snippets):
     * no emphasis marks, link text without its address, code as written, raw HTML as the page shows it (as text). Each
     * block ends on a line of its own and, when another follows and the writer left it open, with a full stop (list
     * items but the last with a semicolon), so that blocks still read apart once the lines are joined.
     */
    public String text(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        PlainText text = new PlainText();
        PARSER.parse(markdown).accept(text);
        String plain = text.out.toString().stripTrailing();
        // The last block needs nothing to set it apart: take back a mark added to it.
        return (text.lastMark == plain.length() - 1 ? plain.substring(0, text.lastMark) : plain).strip();
    }

    private static final class PlainText extends AbstractVisitor {

        private final StringBuilder out = new StringBuilder();
        private int lastMark = -1;

        @Override
        public void visit(Text text) {
            out.append(text.getLiteral());
        }

        @Override
        public void visit(Code code) {
            out.append(code.getLiteral());
        }

        @Override
        public void visit(HtmlInline html) {
            out.append(html.getLiteral());
        }

        @Override
        public void visit(SoftLineBreak lineBreak) {
            out.append(' ');
        }

        @Override
        public void visit(HardLineBreak lineBreak) {
            out.append(' ');
        }

        @Override
        public void visit(Paragraph paragraph) {
            visitChildren(paragraph);
            close(paragraph);
        }

        @Override
        public void visit(Heading heading) {
            visitChildren(heading);
            close(heading);
        }

        @Override
        public void visit(FencedCodeBlock code) {
            out.append(code.getLiteral().strip()).append('\n');
        }

        @Override
        public void visit(IndentedCodeBlock code) {
            out.append(code.getLiteral().strip()).append('\n');
        }

        @Override
        public void visit(HtmlBlock html) {
            out.append(html.getLiteral().strip()).append('\n');
        }

        private void close(Node block) {
            int end = out.length();
            while (end > 0 && Character.isWhitespace(out.charAt(end - 1))) {
                end--;
            }
            out.setLength(end);
            if (end == 0) {
                return;
            }
            if (".!?:;,…".indexOf(out.charAt(end - 1)) < 0) {
                boolean itemBeforeAnother =
                        block.getParent() instanceof ListItem item && item.getNext() != null && block.getNext() == null;
                lastMark = out.length();
                out.append(itemBeforeAnother ? ';' : '.');
            }
            out.append('\n');
        }
    }
}
