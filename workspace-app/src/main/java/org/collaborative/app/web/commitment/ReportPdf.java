package org.collaborative.app.web.commitment;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Renders an XHTML document as PDF with openhtmltopdf (its maintained fork, on PDFBox): the retreat report's PDF is the
 * same Thymeleaf fragment as its page, in a print stylesheet, so the two cannot drift apart.
 */
final class ReportPdf {

    private ReportPdf() {}

    static byte[] render(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
