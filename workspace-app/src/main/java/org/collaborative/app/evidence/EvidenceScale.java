package org.collaborative.app.evidence;

import java.util.List;
import org.collaborative.events.evidence.EvidenceKind;
import org.springframework.stereotype.Component;

/** Nesta's Standards of Evidence and the kinds of evidence, in the words the forms and pages use. */
@Component("evidenceScale")
public class EvidenceScale {

    /** One level of the scale. */
    public record Level(int value, String meaning) {

        public String label() {
            return "Level " + value;
        }
    }

    public static final List<Level> LEVELS = List.of(
            new Level(1, "You can describe what you do and why it matters"),
            new Level(2, "You capture data showing positive change, but cannot confirm you caused it"),
            new Level(3, "You can show causality with a control or comparison group"),
            new Level(4, "One or more independent replications confirm it"),
            new Level(5, "There are manuals and systems so it can be replicated with consistent impact"));

    public List<Level> levels() {
        return LEVELS;
    }

    public Level level(Integer value) {
        return value == null || value < 1 || value > 5 ? null : LEVELS.get(value - 1);
    }

    public List<EvidenceKind> kinds() {
        return List.of(EvidenceKind.values());
    }

    public String kind(String kind) {
        if (kind == null) {
            return "";
        }
        return switch (EvidenceKind.valueOf(kind)) {
            case DATA -> "Data";
            case EVALUATION -> "Evaluation";
            case CASE_STUDY -> "Case study";
            case EXPERT_VIEW -> "Expert view";
        };
    }
}
