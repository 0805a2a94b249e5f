package org.collaborative.app.practice;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.collaborative.events.practice.AdoptionSetback;
import org.collaborative.events.practice.AdoptionStage;
import org.collaborative.events.practice.HelpKind;
import org.collaborative.events.practice.OutcomeKind;
import org.springframework.stereotype.Component;

/** How pages name stages, reasons, outcomes and amounts: "Piloting", "Political priority", "£400,000". */
@Component("practiceLabels")
public class PracticeLabels {

    /** The stages in the order a form offers them. */
    public List<AdoptionStage> stages() {
        return List.of(AdoptionStage.values());
    }

    public List<AdoptionSetback> setbacks() {
        return List.of(AdoptionSetback.values());
    }

    public List<HelpKind> helpKinds() {
        return List.of(HelpKind.values());
    }

    public List<OutcomeKind> outcomeKinds() {
        return List.of(OutcomeKind.values());
    }

    public String stage(String stage) {
        return stage == null ? "" : words(stage);
    }

    /** A GOV.UK tag colour for each stage; the tag always carries the stage's name too (never colour alone). */
    public String tag(String stage) {
        if (stage == null) {
            return "govuk-tag--grey";
        }
        return switch (AdoptionStage.valueOf(stage)) {
            case AWARE -> "govuk-tag--grey";
            case EXPLORING -> "govuk-tag--light-blue";
            case PILOTING -> "govuk-tag--blue";
            case ADOPTED -> "govuk-tag--green";
            case EMBEDDED -> "govuk-tag--turquoise";
            case ADAPTED -> "govuk-tag--purple";
            case DECLINED -> "govuk-tag--orange";
            case ABANDONED -> "govuk-tag--red";
        };
    }

    public String setback(String setback) {
        if (setback == null) {
            return "";
        }
        return AdoptionSetback.valueOf(setback) == AdoptionSetback.DATA_SHARING ? "Data sharing" : words(setback);
    }

    public String kind(String kind) {
        return switch (OutcomeKind.valueOf(kind)) {
            case CASHABLE_SAVING -> "Cashable saving";
            case NON_CASHABLE_SAVING -> "Non-cashable (notional) saving";
            case QUALITY_MEASURE -> "Quality measure";
        };
    }

    public String help(Collection<String> kinds) {
        return kinds.stream()
                .map(kind -> switch (HelpKind.valueOf(kind)) {
                    case ADVICE -> "advice";
                    case VISIT -> "a visit";
                    case SECONDMENT -> "a secondment";
                })
                .collect(Collectors.joining(", "));
    }

    /** Pence as pounds: "£400,000", or "£1,234.50" when there are pence. */
    public String money(Long pence) {
        if (pence == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.UK);
        if (pence % 100 == 0) {
            format.setMaximumFractionDigits(0);
        }
        return format.format(BigDecimal.valueOf(pence, 2));
    }

    private static final java.time.format.DateTimeFormatter DATE =
            java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    private static String words(String name) {
        String words = name.replace('_', ' ').toLowerCase(Locale.UK);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
