package org.collaborative.app.infrastructure.web;

import java.util.List;
import java.util.stream.Collectors;

/**
 * RFC 4180 CSV, safe to open in a spreadsheet: every field quoted, quotes doubled, and a field that a spreadsheet
 * would run as a formula (starting =, +, -, @, tab or carriage return) prefixed with an apostrophe.
 */
public final class Csv {

    private Csv() {}

    public static String row(List<?> fields) {
        return fields.stream().map(Csv::field).collect(Collectors.joining(",")) + "\r\n";
    }

    public static String field(Object value) {
        String text = value == null ? "" : value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
