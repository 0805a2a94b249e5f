package org.collaborative.app.moderation;

import java.util.Locale;
import org.collaborative.app.item.ItemType;

/**
 * What can be moderated: the three kinds of item, comments on them, and answers to questions. Each kind is event-sourced
 * by its own aggregate type (an answer by its question's), and Axon routes a command name to one aggregate type only,
 * so each kind has its own name for the moderation commands ({@link #commandName()}); the aggregate names it in its
 * {@code @CommandHandler}, and {@link ModerationCommand#message()} (for an answer, {@link AnswerModeration#message()})
 * sends a command under it.
 */
public enum ModeratedKind {
    QUESTION(ModeratedKind.CommandNames.QUESTION),
    EVIDENCE(ModeratedKind.CommandNames.EVIDENCE),
    PROPOSAL(ModeratedKind.CommandNames.PROPOSAL),
    COMMENT(ModeratedKind.CommandNames.COMMENT),
    ANSWER(ModeratedKind.CommandNames.ANSWER);

    private final String commandName;

    ModeratedKind(String commandName) {
        this.commandName = commandName;
    }

    /** What the moderation events carry as {@code itemType}, and the pages call it: "question", … "comment", "answer". */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The name moderation commands about this kind are sent under. */
    public String commandName() {
        return commandName;
    }

    public static ModeratedKind of(ItemType type) {
        return switch (type) {
            case QUESTION -> QUESTION;
            case EVIDENCE -> EVIDENCE;
            case PROPOSAL -> PROPOSAL;
        };
    }

    /** The command names, as constants for {@code @CommandHandler(commandName = …)}. */
    public static final class CommandNames {

        public static final String QUESTION = "org.collaborative.app.moderation.ModerateQuestion";
        public static final String EVIDENCE = "org.collaborative.app.moderation.ModerateEvidence";
        public static final String PROPOSAL = "org.collaborative.app.moderation.ModerateProposal";
        public static final String COMMENT = "org.collaborative.app.moderation.ModerateComment";
        public static final String ANSWER = "org.collaborative.app.moderation.ModerateAnswer";

        private CommandNames() {}
    }
}
