package org.collaborative.app.notification;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.collaborative.views.digest.Digest;

/**
 * A member's digests as an Atom feed (RFC 4287): one entry per digest, newest first, its content the digest in HTML.
 * Ids are stable URNs, so a feed reader shows each digest once.
 */
public final class DigestFeed {

    static final String ATOM = "http://www.w3.org/2005/Atom";

    private DigestFeed() {}

    public static String write(String memberId, String selfUrl, String base, List<Digest> digests, Instant now) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            element(xml, "id", "urn:collaborative:digests:" + memberId);
            element(xml, "title", "Your Collaborative digests");
            element(xml, "updated", (digests.isEmpty() ? now : digests.get(0).composedAt()).toString());
            link(xml, "self", selfUrl, "application/atom+xml");
            link(xml, "alternate", base + "/digests", "text/html");
            xml.writeStartElement("author");
            element(xml, "name", "Collaborative");
            xml.writeEndElement();
            for (Digest digest : digests) {
                xml.writeStartElement("entry");
                element(xml, "id", "urn:collaborative:digest:" + digest.id());
                element(xml, "title", digest.subject());
                element(xml, "updated", digest.composedAt().toString());
                element(xml, "published", digest.composedAt().toString());
                link(xml, "alternate", base + "/digests/" + digest.id(), "text/html");
                element(xml, "summary", DigestEmail.intro(digest) + ": " + digest.shown() + " things.");
                xml.writeStartElement("content");
                xml.writeAttribute("type", "html");
                xml.writeCharacters(html(digest, base));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write the feed", e);
        }
    }

    private static String html(Digest digest, String base) {
        StringBuilder html = new StringBuilder();
        for (Digest.Section section : digest.sections()) {
            html.append("<h2>").append(escape(section.heading())).append("</h2><ul>");
            for (Digest.Entry entry : section.entries()) {
                html.append("<li><a href=\"")
                        .append(escape(base + entry.link()))
                        .append("\">")
                        .append(escape(entry.title()))
                        .append("</a> ")
                        .append(escape(entry.why()))
                        .append("</li>");
            }
            html.append("</ul>");
        }
        return html.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
        xml.writeAttribute("type", type);
    }
}
