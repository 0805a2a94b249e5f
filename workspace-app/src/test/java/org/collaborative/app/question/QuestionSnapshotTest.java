package org.collaborative.app.question;

import static org.assertj.core.api.Assertions.assertThat;
import static org.collaborative.app.moderation.ModeratedKind.ANSWER;
import static org.collaborative.app.support.Directories.AMARA;
import static org.collaborative.app.support.Directories.PRIYA;
import static org.collaborative.app.support.Directories.TOM;

import java.time.Instant;
import org.axonframework.commandhandling.CommandMessage;
import org.collaborative.app.moderation.AnswerModeration;
import org.collaborative.app.moderation.ModerationCommand;
import org.collaborative.app.support.Directories;
import org.collaborative.app.support.Snapshotting;
import org.collaborative.events.moderation.AnswerHidden;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A question with many answers, snapshotted many times over (ADR 31), answers every command as the same question
 * rebuilt from all its events: which answers exist, who wrote each, which are hidden or reported, which is accepted and
 * whether it is closed all come through its snapshots.
 */
class QuestionSnapshotTest {

    private static final Instant AT = Instant.parse("2026-11-26T09:00:00Z");

    private final Snapshotting<Question> question = new Snapshotting<>(Question.class, new Directories());

    @AfterEach
    void close() {
        question.close();
    }

    private static CommandMessage<AnswerModeration> on(String answerId, ModerationCommand command) {
        return new AnswerModeration("q1", command).message();
    }

    @Test
    void everyRuleThatRestsOnEarlierEventsHoldsAfterLoadingFromASnapshot() {
        question.send(new PostQuestion("q1", "g1", "Who ran an e-auction?", "", "tom", "E09000007", AT));
        for (int i = 0; i < 25; i++) {
            question.send(new AnswerQuestion("q1", "a" + i, "Answer " + i, i % 2 == 0 ? TOM : PRIYA, AT));
        }
        question.send(on("a2", new ModerationCommand.Hide(ANSWER, "a2", "Names a resident", AMARA, AT)));
        question.send(on("a5", new ModerationCommand.Report(ANSWER, "a5", "r1", "Off topic", TOM, AT)));
        question.send(new AcceptAnswer("q1", "a3", TOM, AT));
        for (int i = 25; i < 35; i++) {
            question.send(new AnswerQuestion("q1", "a" + i, "Answer " + i, TOM, AT));
        }
        assertThat(question.snapshotsStored()).isGreaterThanOrEqualTo(3);
        assertThat(question.snapshotJson("q1")).contains("\"a24\"", "priya", "r1");

        // Each of these depends on an event from before the last snapshot.
        assertThat(question.send(new AcceptAnswer("q1", "a2", TOM, AT)).refusal())
                .as("a hidden answer cannot be accepted")
                .contains("hidden");
        assertThat(question.send(new AnswerQuestion("q1", "a4", "Again", TOM, AT))
                        .events())
                .as("the same answer id twice records it once")
                .isEmpty();
        assertThat(question.send(on("a7", new ModerationCommand.Hide(ANSWER, "a7", "Names a resident", AMARA, AT)))
                        .events())
                .as("hiding an answer names the member who wrote it")
                .containsExactly(new AnswerHidden("q1", "a7", "g1", "priya", "Names a resident", "amara", AT));
        assertThat(question.send(on("a5", new ModerationCommand.Report(ANSWER, "a5", "r1", "Off topic", TOM, AT)))
                        .events())
                .as("the same report twice records one")
                .isEmpty();
        assertThat(question.send(on("a5", new ModerationCommand.Dismiss(ANSWER, "a5", "It is on topic", AMARA, AT)))
                        .events())
                .as("the open report from before the snapshot can be dismissed")
                .hasSize(1);
        assertThat(question.send(new AcceptAnswer("q1", "a3", TOM, AT)).events())
                .as("accepting the accepted answer again records nothing")
                .isEmpty();
        question.send(new CloseQuestion("q1", TOM, AT));
        assertThat(question.send(new AnswerQuestion("q1", "late", "Too late", PRIYA, AT))
                        .refusal())
                .contains("closed");

        assertThat(question.snapshotsRead()).isPositive();
        assertThat(question.loadedFromSnapshot("q1"))
                .usingRecursiveComparison()
                .isEqualTo(question.rebuiltFromEvents("q1"));
    }
}
