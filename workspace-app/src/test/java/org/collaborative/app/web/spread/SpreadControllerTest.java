package org.collaborative.app.web.spread;

import static org.assertj.core.api.Assertions.assertThat;
import static org.collaborative.app.support.Slices.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.collaborative.app.account.SignedIn;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.spread.PracticeSpreads;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.events.member.MemberRole;
import org.collaborative.views.spread.PracticeSpread;
import org.collaborative.views.spread.PracticeSpread.Move;
import org.collaborative.views.spread.PracticeSpread.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@ControllerSlice({SpreadController.class, SavingsController.class, SpreadApi.class})
class SpreadControllerTest {

    private static final String CAMDEN = "E09000007";
    private static final String ISLINGTON = "E09000019";
    private static final String BRENT = "E09000005";
    private static final String BARNET = "E09000003";
    private static final WorkspaceUser CAMDEN_MEMBER = SignedIn.as("member-camden", CAMDEN, MemberRole.SERVICE_LEADER);

    @Autowired
    MockMvc mvc;

    @Autowired
    PracticeSpreads spreads;

    private static Move move(String org, String stage, String on) {
        return new Move(
                "adoption-" + org,
                org,
                stage,
                LocalDate.parse(on),
                null,
                "DECLINED".equals(stage) ? "DATA_SHARING" : null,
                null,
                "member",
                Instant.parse(on + "T12:00:00Z"));
    }

    private static Outcome saving(String id, String org, String kind, long pence, String verifiedOn) {
        return new Outcome(
                id,
                "adoption-" + org,
                org,
                kind,
                pence,
                "RECURRING",
                LocalDate.parse("2025-04-01"),
                LocalDate.parse("2026-03-31"),
                null,
                null,
                null,
                null,
                "=HYPERLINK(\"http://evil\")",
                2,
                "member",
                Instant.parse("2025-05-01T10:00:00Z"),
                verifiedOn == null ? null : "finance",
                verifiedOn == null ? null : LocalDate.parse(verifiedOn));
    }

    private final PracticeSpread auction = PracticeSpread.empty("e-auction")
            .described(
                    "IT hardware e-auction",
                    "behaviour-change",
                    CAMDEN,
                    "proposal-1",
                    Instant.parse("2025-01-01T09:00:00Z"),
                    LocalDate.parse("2025-01-01"))
            .withMoves(List.of(
                    move(CAMDEN, "PILOTING", "2025-01-10"),
                    move(ISLINGTON, "ADOPTED", "2025-03-01"),
                    move(BRENT, "EXPLORING", "2025-04-01"),
                    move(BARNET, "DECLINED", "2025-05-01"),
                    move(BRENT, "ADOPTED", "2025-09-01")))
            .withOutcomes(List.of(
                    saving("o1", CAMDEN, "CASHABLE_SAVING", 40_000_000L, "2025-06-01"),
                    saving("o2", ISLINGTON, "CASHABLE_SAVING", 38_000_000L, null),
                    saving("o3", CAMDEN, "NON_CASHABLE_SAVING", 5_000_000L, null)));

    @BeforeEach
    void aPractice() {
        when(spreads.find("e-auction")).thenReturn(Optional.of(auction));
        when(spreads.all()).thenReturn(List.of(auction));
    }

    @Test
    void showsTheCurveTheMapAndThePeerLensForTheReadersCouncil() throws Exception {
        mvc.perform(get("/practices/e-auction/spread").with(as(CAMDEN_MEMBER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<title id=\"curve-title\">")))
                .andExpect(content().string(containsString("<title id=\"map-title\">")))
                .andExpect(content()
                        .string(containsString("2 of your 8 neighbouring boroughs have put this practice to work")))
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "By 3 November 2026, 3 organisations had put this practice"
                                                        + " to work. The first was Camden on 10 January 2025; the latest Brent on 1 September 2025.")))
                .andExpect(content().string(containsString("Reason: data sharing")));
    }

    @Test
    void theTableTwinsCarryTheSameFiguresAsTheCharts() throws Exception {
        String page = mvc.perform(get("/practices/e-auction/spread").with(as(CAMDEN_MEMBER)))
                .andReturn()
                .getResponse()
                .getContentAsString();

        String curve = section(page, "id=\"spread-curve\"", "</figure>");
        String curveTable = section(page, "id=\"curve-table\"", "</table>");
        List<Map<String, String>> plotted = elements(curve, "circle");
        List<Map<String, String>> tabled = elements(curveTable, "tr").stream()
                .filter(row -> row.containsKey("data-on"))
                .toList();
        assertThat(plotted).hasSize(3);
        assertThat(pairs(plotted, "data-on", "data-adopters")).isEqualTo(pairs(tabled, "data-on", "data-adopters"));
        // The visible cells say the same: the last row's count is the last point's.
        assertThat(curveTable).contains("1 September 2025").containsPattern(">3</td>");

        String map = section(page, "id=\"spread-map\"", "</figure>");
        String mapTable = section(page, "id=\"map-table\"", "</table>");
        List<Map<String, String>> tiles = elements(map, "g").stream()
                .filter(g -> g.containsKey("data-organisation"))
                .toList();
        List<Map<String, String>> rows = elements(mapTable, "tr").stream()
                .filter(r -> r.containsKey("data-organisation"))
                .toList();
        assertThat(tiles).hasSize(33);
        assertThat(pairs(tiles, "data-organisation", "data-stage"))
                .isEqualTo(pairs(rows, "data-organisation", "data-stage"));
        assertThat(pairs(tiles, "data-organisation", "data-stage"))
                .contains(CAMDEN + "=PILOTING", BRENT + "=ADOPTED", BARNET + "=DECLINED");
    }

    @Test
    void asItStoodOnAnEarlierDayShowsOnlyWhatHadHappenedByThen() throws Exception {
        mvc.perform(get("/practices/e-auction/spread")
                        .param("asOf", "2025-03-31")
                        .with(as(CAMDEN_MEMBER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("By 31 March 2025, 2 organisations had put this practice")))
                .andExpect(content().string(not(containsString("1 September 2025"))));
    }

    @Test
    void aDayInTheFutureIsRefusedAndTodayShown() throws Exception {
        mvc.perform(get("/practices/e-auction/spread")
                        .param("asOf", "2030-01-01")
                        .with(as(CAMDEN_MEMBER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The date must be today or in the past")))
                .andExpect(content().string(containsString("By 3 November 2026")));
        mvc.perform(get("/api/practices/e-auction/spread")
                        .param("asOf", "not-a-date")
                        .with(as(CAMDEN_MEMBER)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Enter a real date, for example 2025-03-27"));
    }

    @Test
    void anUnknownPracticeIsNotFound() throws Exception {
        mvc.perform(get("/practices/nothing/spread").with(as(CAMDEN_MEMBER))).andExpect(status().isNotFound());
        mvc.perform(get("/api/practices/nothing/spread").with(as(CAMDEN_MEMBER)))
                .andExpect(status().isNotFound());
    }

    @Test
    void theLedgerKeepsCashableAndNonCashableInColumnsOfTheirOwn() throws Exception {
        mvc.perform(get("/savings").with(as(CAMDEN_MEMBER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("£400,000")))
                .andExpect(content().string(containsString("£380,000")))
                .andExpect(content().string(containsString("£50,000")))
                .andExpect(content().string(not(containsString("£830,000"))))
                .andExpect(content().string(not(containsString("£450,000"))));
        mvc.perform(get("/api/savings").with(as(CAMDEN_MEMBER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total.cashable.recurringVerified").value(40_000_000L))
                .andExpect(jsonPath("$.total.cashable.recurringClaimed").value(38_000_000L))
                .andExpect(jsonPath("$.total.nonCashable.recurringClaimed").value(5_000_000L));
    }

    @Test
    void theLedgerCsvIsSafeToOpenInASpreadsheet() throws Exception {
        String csv = mvc.perform(get("/savings.csv").with(as(CAMDEN_MEMBER)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(csv).startsWith("\"Practice\",\"Theme\",\"Organisation\",\"Kind\",\"Amount (£)\"");
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(csv).contains("\"Cashable saving\",\"400000.00\",\"a year\"");
        assertThat(csv).contains("\"verified\"").contains("\"claimed\"");
        assertThat(csv.split("\r\n")).hasSize(4);
    }

    @Test
    void theApiGivesTheCurveCategoriesStagesAndPeerLens() throws Exception {
        mvc.perform(get("/api/practices/e-auction/spread")
                        .param("asOf", "2025-12-31")
                        .with(as(CAMDEN_MEMBER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.curve.length()").value(3))
                .andExpect(jsonPath("$.curve[2].adopters").value(3))
                .andExpect(jsonPath("$.adopters[0].organisationId").value(CAMDEN))
                .andExpect(jsonPath("$.adopters[0].category").value("INNOVATORS"))
                .andExpect(jsonPath("$.stages['" + BARNET + "']").value("DECLINED"))
                .andExpect(jsonPath("$.peerLens.neighboursAdopting.length()").value(2))
                .andExpect(jsonPath("$.savings.cashable.recurringVerified").value(40_000_000L));
    }

    private static String section(String page, String start, String end) {
        int from = page.indexOf(start);
        assertThat(from).as(start).isNotNegative();
        return page.substring(from, page.indexOf(end, from));
    }

    private static final Pattern ATTRIBUTE = Pattern.compile("([a-z-]+)=\"([^\"]*)\"");

    private static List<Map<String, String>> elements(String html, String tag) {
        List<Map<String, String>> found = new ArrayList<>();
        Matcher element = Pattern.compile("<" + tag + "\\b([^>]*)>").matcher(html);
        while (element.find()) {
            Map<String, String> attributes = new LinkedHashMap<>();
            Matcher attribute = ATTRIBUTE.matcher(element.group(1));
            while (attribute.find()) {
                attributes.put(attribute.group(1), attribute.group(2));
            }
            found.add(attributes);
        }
        return found;
    }

    private static List<String> pairs(List<Map<String, String>> elements, String key, String value) {
        return elements.stream()
                .map(e -> e.get(key) + "=" + e.getOrDefault(value, ""))
                .toList();
    }
}
