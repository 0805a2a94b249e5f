package org.collaborative.app.web.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.collaborative.views.commitment.CommitmentView;
import org.junit.jupiter.api.Test;

class CommitmentCsvTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    private static final CommitmentCsv.Names NAMES = new CommitmentCsv.Names() {
        @Override
        public String member(String memberId) {
            return Map.of("tom", "Tom Okafor", "priya", "=HYPERLINK(\"http://evil\")")
                    .get(memberId);
        }

        @Override
        public String organisation(String organisationId) {
            return "Hackney";
        }

        @Override
        public String group(String groupId) {
            return "Nudging recycling";
        }

        @Override
        public String proposal(String proposalId) {
            return "Joint e-auction";
        }

        @Override
        public String session(String sessionId) {
            return "Breakout: worklessness";
        }
    };

    private static CommitmentView commitment(String id, String kind, String title, String ownerId, LocalDate due) {
        return new CommitmentView(
                id,
                kind,
                "r1",
                "s1",
                null,
                null,
                title,
                ownerId,
                "E09000012",
                due,
                "g1",
                id.equals("a1") ? "p1" : null,
                LocalDate.of(2026, 11, 6),
                "amara",
                Instant.parse("2026-11-06T15:00:00Z"),
                null,
                null,
                null,
                null,
                List.of(),
                LocalDate.of(2026, 12, 6),
                null,
                Map.of(),
                null);
    }

    @Test
    void actionsAreRfc4180WithAHeaderAndCrlfLineEnds() throws Exception {
        String csv = CommitmentCsv.actions(
                List.of(
                        commitment(
                                "a1",
                                CommitmentView.ACTION,
                                "Draft the spec, \"jointly\"\nwith BT",
                                "tom",
                                LocalDate.of(2027, 3, 31)),
                        commitment("pl1", CommitmentView.PLEDGE, "Not an action", "priya", TODAY)),
                NAMES,
                TODAY);

        assertThat(csv)
                .startsWith("\"Action\",\"Owner\",\"Organisation\",\"Due\",")
                .contains("\r\n");
        assertThat(csv).contains("\"Draft the spec, \"\"jointly\"\"\nwith BT\"");
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv))
                .getRecords();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("Action")).isEqualTo("Draft the spec, \"jointly\"\nwith BT");
        assertThat(rows.get(0).get("Owner")).isEqualTo("Tom Okafor");
        assertThat(rows.get(0).get("Due")).isEqualTo("2027-03-31");
        assertThat(rows.get(0).get("Proposal")).isEqualTo("Joint e-auction");
        assertThat(rows.get(0).get("Progress")).isEqualTo("Not yet reported");
        assertThat(rows.get(0).get("Overdue")).isEqualTo("No");
    }

    @Test
    void aCellThatASpreadsheetWouldEvaluateIsWrittenAsText() throws Exception {
        String csv = CommitmentCsv.pledges(
                List.of(commitment("pl1", CommitmentView.PLEDGE, "-1+1 @home", "priya", TODAY.minusDays(1))),
                NAMES,
                TODAY);

        CSVRecord row = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv))
                .getRecords()
                .get(0);
        assertThat(row.get("Pledge")).isEqualTo("'-1+1 @home");
        assertThat(row.get("Made by")).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(row.get("Overdue")).isEqualTo("Yes");
    }
}
