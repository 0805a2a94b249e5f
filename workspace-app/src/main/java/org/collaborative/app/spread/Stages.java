package org.collaborative.app.spread;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the spread views make of an adoption stage (the names of {@code AdoptionStage}). An organisation is an
 * <em>adopter</em> from the first day it reached piloting, adopted, embedded or adapted: it has put the practice to
 * work, not only looked at it (docs/adr/0019). Every stage has a label, a short code printed on its tile and a fill
 * pattern, so that the map never speaks by colour alone.
 */
public final class Stages {

    public static final List<String> ORDER =
            List.of("AWARE", "EXPLORING", "PILOTING", "ADOPTED", "EMBEDDED", "ADAPTED", "DECLINED", "ABANDONED");

    /** The stages that make an organisation an adopter. */
    public static final Set<String> ADOPTING = Set.of("PILOTING", "ADOPTED", "EMBEDDED", "ADAPTED");

    private static final Map<String, String> LABELS = Map.of(
            "AWARE", "Aware",
            "EXPLORING", "Exploring",
            "PILOTING", "Piloting",
            "ADOPTED", "Adopted",
            "EMBEDDED", "Embedded",
            "ADAPTED", "Adapted",
            "DECLINED", "Declined",
            "ABANDONED", "Abandoned");

    private static final Map<String, String> CODES = Map.of(
            "AWARE", "AW",
            "EXPLORING", "EX",
            "PILOTING", "PI",
            "ADOPTED", "AD",
            "EMBEDDED", "EM",
            "ADAPTED", "AP",
            "DECLINED", "DE",
            "ABANDONED", "AB");

    private Stages() {}

    public static boolean adopting(String stage) {
        return stage != null && ADOPTING.contains(stage);
    }

    public static String label(String stage) {
        return stage == null ? "No record" : LABELS.getOrDefault(stage, stage);
    }

    /** Two letters printed on the tile. */
    public static String code(String stage) {
        return stage == null ? "" : CODES.getOrDefault(stage, "");
    }

    /** The CSS class and SVG pattern of a stage's tile ({@code stage-none} without a record). */
    public static String css(String stage) {
        return stage == null ? "stage-none" : "stage-" + stage.toLowerCase(java.util.Locale.ROOT);
    }
}
