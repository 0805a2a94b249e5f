package org.collaborative.app.web.spread;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Words and money for the spread views: a setback's reason, an outcome's kind, pence as pounds. */
@Component("spreadLabels")
public class SpreadLabels {

    private static final Map<String, String> SETBACKS = Map.of(
            "COST", "cost",
            "CAPACITY", "capacity",
            "DATA_SHARING", "data sharing",
            "POLITICAL_PRIORITY", "political priority",
            "POOR_FIT", "poor fit",
            "OTHER", "other");

    private static final Map<String, String> KINDS = Map.of(
            "CASHABLE_SAVING", "Cashable saving",
            "NON_CASHABLE_SAVING", "Non-cashable saving",
            "QUALITY_MEASURE", "Quality measure");

    public String setback(String setback) {
        return setback == null ? "" : SETBACKS.getOrDefault(setback, setback);
    }

    public String kind(String kind) {
        return kind == null ? "" : KINDS.getOrDefault(kind, kind);
    }

    /** "£400,000" from 40,000,000 pence (pence shown only when there are some). */
    public static String pounds(long pence) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.UK);
        format.setMaximumFractionDigits(pence % 100 == 0 ? 0 : 2);
        format.setMinimumFractionDigits(pence % 100 == 0 ? 0 : 2);
        return format.format(pence / 100.0);
    }

    public String money(long pence) {
        return pounds(pence);
    }
}
