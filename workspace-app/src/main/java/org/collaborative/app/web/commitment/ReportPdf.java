package org.collaborative.app.web.commitment;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;

/**
 * Renders an XHTML document as PDF with openhtmltopdf (its maintained fork, on PDFBox): the retreat report's PDF is the
 * same Thymeleaf fragment as its page, in a print stylesheet, so the two cannot drift apart.
 *
 * <p>The text is set in fonts shipped with the application and embedded (subset) in every PDF, never in the standard
 * PDF fonts, whose Windows-1252 encoding prints "#" for "Ō", "Ł" or "Ŵ" (docs/adr/0022): Liberation Sans for the
 * document (Latin with its extensions, Greek, Cyrillic, Hebrew, "£", "–", "’"), and Noto Sans Bengali and Noto Naskh
 * Arabic as fallbacks for the characters Liberation Sans lacks. Arabic is laid out right to left and shaped (ICU, through
 * openhtmltopdf's RTL support); Bengali's conjuncts come from the font's own substitutions, which PDFBox applies.
 */
final class ReportPdf {

    /** The report's font family, as its print stylesheet names it. */
    static final String FAMILY = "Report Sans";

    /** Liberation Sans, from the Maven artifact {@code com.mpobjects.jasperreports.font:jasperreports-fonts-liberation}. */
    private static final String SANS = "com/mpobjects/jasperreports/fonts/liberation/LiberationSans-";

    /** Scripts Liberation Sans does not cover, shipped in {@code fonts/} with their licences (OFL). */
    private static final List<String> FALLBACKS = List.of("fonts/NotoSansBengali-", "fonts/NotoNaskhArabic-");

    private ReportPdf() {}

    static byte[] render(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            useFonts(builder);
            builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
            builder.useUnicodeBidiReorderer(new ICUBidiReorderer());
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void useFonts(PdfRendererBuilder builder) {
        EnumSet<FSFontUseCase> document = EnumSet.of(FSFontUseCase.DOCUMENT);
        builder.useFont(() -> resource(SANS + "Regular.ttf"), FAMILY, 400, FontStyle.NORMAL, true, document);
        builder.useFont(() -> resource(SANS + "Bold.ttf"), FAMILY, 700, FontStyle.NORMAL, true, document);
        builder.useFont(() -> resource(SANS + "Italic.ttf"), FAMILY, 400, FontStyle.ITALIC, true, document);
        builder.useFont(() -> resource(SANS + "BoldItalic.ttf"), FAMILY, 700, FontStyle.ITALIC, true, document);
        EnumSet<FSFontUseCase> fallback = EnumSet.of(FSFontUseCase.FALLBACK_PRE);
        for (String font : FALLBACKS) {
            String family = FAMILY + " " + font;
            builder.useFont(() -> resource(font + "Regular.ttf"), family, 400, FontStyle.NORMAL, true, fallback);
            builder.useFont(() -> resource(font + "Bold.ttf"), family, 700, FontStyle.NORMAL, true, fallback);
        }
    }

    private static InputStream resource(String path) {
        InputStream font = ReportPdf.class.getClassLoader().getResourceAsStream(path);
        if (font == null) {
            throw new IllegalStateException("The report's font " + path + " is not on the classpath");
        }
        return font;
    }
}
