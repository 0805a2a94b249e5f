package org.collaborative.app.web.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.collaborative.app.support.Slices.FACILITATOR;
import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.NOW;
import static org.collaborative.app.support.Slices.OUTSIDER;
import static org.collaborative.app.support.Slices.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.member.People;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.app.support.Slices;
import org.collaborative.views.commitment.CommitmentView;
import org.collaborative.views.retreat.RetreatView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The retreat report: the page, the same content as a PDF, and the actions as CSV, named after the retreat. */
@ControllerSlice(ReportController.class)
class ReportControllerTest {

    private static final String RETREAT = "22222222-2222-4222-8222-222222222222";
    private static final LocalDateTime STARTS = LocalDateTime.of(2026, 12, 10, 12, 0);

    @Autowired
    MockMvc mvc;

    @Autowired
    RetreatReports reports;

    @Autowired
    CommitmentAccess access;

    private static RetreatReport report() {
        return report(
                "Chief executives' retreat",
                "Cumberland Lodge",
                List.of(new RetreatReport.Organisation("Camden", List.of("Mo Member"))),
                "Housing",
                List.of("Pool temporary accommodation"));
    }

    private static RetreatReport report(
            String title,
            String place,
            List<RetreatReport.Organisation> organisations,
            String cluster,
            List<String> cards) {
        RetreatView retreat = new RetreatView(
                RETREAT,
                title,
                "CHIEF_EXECUTIVES_RETREAT",
                place,
                "",
                STARTS,
                STARTS.plusDays(1),
                20,
                List.of(),
                false,
                FACILITATOR.memberId(),
                NOW,
                "SCHEDULED",
                null,
                List.of(new RetreatView.Session(
                        "s1",
                        "Behaviour change",
                        "BREAKOUT",
                        STARTS.plusHours(2),
                        STARTS.plusHours(4),
                        "Library",
                        FACILITATOR.memberId(),
                        null,
                        null)),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                Map.of(),
                Map.of(),
                null,
                List.of(),
                Map.of(),
                null);
        CommitmentView action = new CommitmentView(
                "a1",
                CommitmentView.ACTION,
                RETREAT,
                "s1",
                null,
                null,
                "Draft the joint specification",
                MEMBER.memberId(),
                MEMBER.organisationId(),
                LocalDate.of(2027, 3, 31),
                Slices.GROUP,
                null,
                LocalDate.of(2026, 12, 11),
                FACILITATOR.memberId(),
                Instant.parse("2026-12-10T15:00:00Z"),
                null,
                null,
                null,
                null,
                List.of(),
                null,
                null,
                Map.of(),
                null);
        return new RetreatReport(
                retreat,
                organisations,
                List.of(new RetreatReport.SessionBoard(
                        "s1",
                        "Behaviour change",
                        List.of(new RetreatReport.Cluster(
                                cluster,
                                cards.stream()
                                        .map(text -> new RetreatReport.Card(text, "IDEA", 4))
                                        .toList(),
                                4)))),
                List.of(action),
                List.of(),
                new ReportNames(
                        new People.Names(Map.of(), Map.of()),
                        Map.of(Slices.GROUP, "Temporary accommodation"),
                        Map.of(),
                        Map.of("s1", "Behaviour change")),
                LocalDate.of(2026, 11, 3));
    }

    @BeforeEach
    void aReport() {
        when(reports.report(eq(RETREAT), any())).thenReturn(Optional.of(report()));
    }

    @Test
    void thePageShowsTheRetreatItsPeopleBoardsAndOutputs() throws Exception {
        mvc.perform(get("/retreats/" + RETREAT + "/report").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(view().name("commitment/report"))
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"report-body\""),
                                containsString("Chief executives&#39; retreat"),
                                containsString("Cumberland Lodge"),
                                containsString("1 people from 1 organisations"),
                                containsString("1 actions and 0 pledges"),
                                containsString("Pool temporary accommodation"),
                                containsString("Draft the joint specification"))));
    }

    @Test
    void theActionsAreACsvNamedAfterTheRetreatAndItsFirstDay() throws Exception {
        String csv = mvc.perform(get("/retreats/" + RETREAT + "/actions.csv").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(header().string(
                                "Content-Disposition",
                                containsString("chief-executives-retreat-2026-12-10-actions.csv")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv)
                .contains("Action")
                .contains("Draft the joint specification")
                .contains("Temporary accommodation");
    }

    @Test
    void theReportIsAlsoAPdf() throws Exception {
        byte[] pdf = mvc.perform(get("/retreats/" + RETREAT + "/report.pdf").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    }

    /**
     * Names and places as London's and Wales's people write them, council figures with "£", "–" and "’", and cards in
     * Bengali and Arabic: the standard PDF fonts (Windows-1252) printed each character outside it as "#".
     */
    @Test
    void thePdfKeepsEveryNameAsWrittenInFontsItEmbeds() throws Exception {
        List<String> people =
                List.of("Amara Ōkafor", "Łukasz Wójcik", "Siân Llewelyn", "Dafydd ap Gruffydd — Ŵ", "Zoë Brontë");
        String place = "Plas Glyn-y-Weddw, Llanbedrog";
        String cluster = "Savings of £1.2m – the boroughs’ estimate";
        List<String> cards = List.of("Ask Cymdeithas Tai Clwyd first", "বাংলা", "مرحبا");
        when(reports.report(eq(RETREAT), any()))
                .thenReturn(Optional.of(report(
                        "Retreat at Neuadd Pantycelyn",
                        place,
                        people.stream()
                                .map(name -> new RetreatReport.Organisation("Council of " + name, List.of(name)))
                                .toList(),
                        cluster,
                        cards)));

        byte[] pdf = mvc.perform(get("/retreats/" + RETREAT + "/report.pdf").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(people).contains(place, cluster).contains(cards);
            assertThat(text).doesNotContain("#");
            assertThat(embeddedFonts(document))
                    .extracting(PDFont::getName)
                    .anySatisfy(name -> assertThat(name).contains("LiberationSans"))
                    .anySatisfy(name -> assertThat(name).contains("NotoSansBengali"))
                    .anySatisfy(name -> assertThat(name).contains("NotoNaskhArabic"))
                    .noneSatisfy(name -> assertThat(name).containsIgnoringCase("Helvetica"));
        }
    }

    /**
     * Councils, names, a cluster and cards in Chinese (simplified and traditional), Japanese and Korean, and emoji:
     * Liberation Sans has none of them, so they come from the fallbacks, whose regular weight serves also where the
     * report sets them in bold (the organisations and the cluster).
     */
    @Test
    void thePdfKeepsChineseJapaneseKoreanAndEmojiInFontsItEmbeds() throws Exception {
        List<RetreatReport.Organisation> organisations = List.of(
                new RetreatReport.Organisation("北京市", List.of("王秀英")),
                new RetreatReport.Organisation("臺北市", List.of("陳志明")),
                new RetreatReport.Organisation("横浜市", List.of("佐藤花子")),
                new RetreatReport.Organisation("서울특별시", List.of("김민준")));
        String cluster = "주민 참여";
        List<String> cards = List.of("社区参与", "社區參與", "地域の参加", "주민 참여 🌍", "✅ 完了");
        when(reports.report(eq(RETREAT), any()))
                .thenReturn(
                        Optional.of(report("Retreat at Neuadd Pantycelyn", "Seoul", organisations, cluster, cards)));

        byte[] pdf = mvc.perform(get("/retreats/" + RETREAT + "/report.pdf").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains(organisations.stream()
                            .map(RetreatReport.Organisation::name)
                            .toList())
                    .contains(organisations.stream()
                            .flatMap(organisation -> organisation.people().stream())
                            .toList())
                    .contains(cluster)
                    .contains(cards);
            assertThat(text).doesNotContain("#");
            assertThat(embeddedFonts(document))
                    .extracting(PDFont::getName)
                    .anySatisfy(name -> assertThat(name).contains("DroidSansFallback"))
                    .anySatisfy(name -> assertThat(name).contains("NanumGothic"))
                    .anySatisfy(name -> assertThat(name).contains("NotoEmoji"));
        }
    }

    /** The page numbers in the margin are in the report's own font, not the first fallback that has the characters. */
    @Test
    void thePageNumbersAreSetInTheReportsOwnFont() throws Exception {
        byte[] pdf = mvc.perform(get("/retreats/" + RETREAT + "/report.pdf").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        List<String> pageNumberFonts = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> positions)
                        throws IOException {
                    if (text.matches("Page \\d+ of \\d+")) {
                        positions.forEach(position ->
                                pageNumberFonts.add(position.getFont().getName()));
                    }
                    super.writeString(text, positions);
                }
            }.getText(document);
        }
        assertThat(pageNumberFonts)
                .isNotEmpty()
                .allSatisfy(name -> assertThat(name).contains("LiberationSans"));
    }

    /** Every font the document's pages use, each checked to be embedded. */
    private static List<PDFont> embeddedFonts(PDDocument document) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : document.getPages()) {
            for (COSName name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
        }
        assertThat(fonts)
                .isNotEmpty()
                .allSatisfy(font -> assertThat(font.isEmbedded())
                        .as(font.getName() + " embedded")
                        .isTrue());
        return fonts;
    }

    @Test
    void aRetreatTheReaderMayNotSeeHasNoReport() throws Exception {
        doThrow(new NotFoundException("retreat")).when(access).requireVisible(eq(RETREAT), eq(OUTSIDER));
        mvc.perform(get("/retreats/" + RETREAT + "/report").with(as(OUTSIDER))).andExpect(status().isNotFound());
        mvc.perform(get("/retreats/" + RETREAT + "/actions.csv").with(as(OUTSIDER)))
                .andExpect(status().isNotFound());
    }
}
