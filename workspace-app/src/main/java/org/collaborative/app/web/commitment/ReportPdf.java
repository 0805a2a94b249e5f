package org.collaborative.app.web.commitment;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.extend.FSCacheEx;
import com.openhtmltopdf.extend.FSCacheValue;
import com.openhtmltopdf.extend.impl.FSDefaultCacheStore;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.CacheStore;
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
 * document (Latin with its extensions, Greek, Cyrillic, Hebrew, "£", "–", "’"), and fallbacks for the characters it
 * lacks: Noto Sans Bengali, Noto Naskh Arabic, Droid Sans Fallback (Chinese, simplified and traditional, and Japanese),
 * Nanum Gothic (Korean) and Noto Emoji (emoji, in black and white). Arabic is laid out right to left and shaped (ICU,
 * through openhtmltopdf's RTL support); Bengali's conjuncts come from the font's own substitutions, which PDFBox
 * applies.
 */
final class ReportPdf {

    /** The report's font family, as its print stylesheet names it. */
    static final String FAMILY = "Report Sans";

    /** Liberation Sans, from the Maven artifact {@code com.mpobjects.jasperreports.font:jasperreports-fonts-liberation}. */
    private static final String SANS = "com/mpobjects/jasperreports/fonts/liberation/LiberationSans-";

    /**
     * Fonts for what Liberation Sans does not cover, shipped in {@code fonts/} with their licences (OFL; Apache 2.0 for
     * Droid Sans Fallback), in the order they are tried. Droid Sans Fallback has Han and kana but no Hangul, which Nanum
     * Gothic adds. The last three have a regular weight only: openhtmltopdf draws bold text in them by stroking it.
     */
    private static final List<Fallback> FALLBACKS = List.of(
            new Fallback("NotoSansBengali-Regular.ttf", 400),
            new Fallback("NotoSansBengali-Bold.ttf", 700),
            new Fallback("NotoNaskhArabic-Regular.ttf", 400),
            new Fallback("NotoNaskhArabic-Bold.ttf", 700),
            new Fallback("DroidSansFallbackFull.ttf", 400),
            new Fallback("NanumGothic-Regular.ttf", 400),
            new Fallback("NotoEmoji-Regular.ttf", 400));

    /**
     * The fonts' metrics, kept from one render to the next. openhtmltopdf measures every font a text may be set in, the
     * fallbacks included, to place its lines; without their metrics at hand it loads and parses every font file to read
     * them, in every render, 7 MB of them for the Chinese, Japanese, Korean and emoji fonts alone. With them, a render
     * reads only the font files of the characters it sets.
     */
    private static final FSCacheEx<String, FSCacheValue> METRICS = new FSDefaultCacheStore();

    /** A fallback font's file in {@code fonts/}, and its weight. */
    private record Fallback(String file, int weight) {}

    private ReportPdf() {}

    static byte[] render(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useCacheStore(CacheStore.PDF_FONT_METRICS, METRICS);
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
        for (Fallback font : FALLBACKS) {
            String family = FAMILY + " " + font.file();
            builder.useFont(
                    () -> resource("fonts/" + font.file()), family, font.weight(), FontStyle.NORMAL, true, fallback);
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
