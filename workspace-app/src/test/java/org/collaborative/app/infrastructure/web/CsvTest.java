package org.collaborative.app.infrastructure.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void everyFieldIsQuotedWithQuotesDoubled() {
        assertThat(Csv.row(List.of("Say \"hello\"", 3, "a,b"))).isEqualTo("\"Say \"\"hello\"\"\",\"3\",\"a,b\"\r\n");
        assertThat(Csv.row(Arrays.asList("x", null))).isEqualTo("\"x\",\"\"\r\n");
    }

    @Test
    void aFieldASpreadsheetWouldRunAsAFormulaIsDefused() {
        assertThat(Csv.field("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(Csv.field("+1")).isEqualTo("\"'+1\"");
        assertThat(Csv.field("-2")).isEqualTo("\"'-2\"");
        assertThat(Csv.field("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(Csv.field("Level 3")).isEqualTo("\"Level 3\"");
    }
}
