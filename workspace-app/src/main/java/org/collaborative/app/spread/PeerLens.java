package org.collaborative.app.spread;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a council's neighbours (touching tiles) and statistical peers (same inner/outer London grouping) stood with
 * a practice on a day: "3 of your 5 neighbouring boroughs are piloting this or further".
 *
 * @param council the reader's organisation
 * @param ownStage the reader's council's own stage, or null
 */
public record PeerLens(String council, Group neighbours, Group peers, String ownStage) {

    /** A set of boroughs and each one's stage (null: no record). */
    public record Group(Map<String, String> stageOf) {

        public int size() {
            return stageOf.size();
        }

        /** Those that are adopters now (piloting, adopted, embedded or adapted). */
        public List<String> adopting() {
            return stageOf.entrySet().stream()
                    .filter(e -> Stages.adopting(e.getValue()))
                    .map(Map.Entry::getKey)
                    .toList();
        }

        /** How many are at each stage, in the stages' order, then NONE for those with no record. */
        public Map<String, Integer> byStage() {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (String stage : Stages.ORDER) {
                long n = stageOf.values().stream().filter(stage::equals).count();
                if (n > 0) {
                    counts.put(stage, (int) n);
                }
            }
            long none =
                    stageOf.values().stream().filter(java.util.Objects::isNull).count();
            if (none > 0) {
                counts.put("NONE", (int) none);
            }
            return counts;
        }
    }

    /** "3 of your 5 neighbouring boroughs are piloting, adopted, embedded or adapted." */
    public String neighboursSentence() {
        return sentence(neighbours, "neighbouring boroughs", "neighbouring borough");
    }

    public String peersSentence() {
        return sentence(peers, "statistical peers", "statistical peer");
    }

    private static String sentence(Group group, String plural, String singular) {
        if (group.size() == 0) {
            return "Your organisation is not a London borough on the tile map, so it has no " + plural + ".";
        }
        int adopting = group.adopting().size();
        return adopting + " of your " + group.size() + " " + (group.size() == 1 ? singular : plural)
                + (adopting == 1 ? " has" : " have")
                + " put this practice to work (piloting, adopted, embedded or adapted).";
    }
}
