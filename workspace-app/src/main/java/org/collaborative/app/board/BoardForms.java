package org.collaborative.app.board;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.collaborative.app.infrastructure.web.Forms;
import org.collaborative.events.board.CardKind;

/** The board's forms. A form that creates something carries the id it will have, minted when it is shown. */
public final class BoardForms {

    private BoardForms() {}

    public record CardForm(
            String cardId,

            @NotNull(message = "Choose whether it is an idea or a question")
            CardKind kind,

            @NotBlank(message = "Enter your card")
            @Size(max = Board.MAX_CARD, message = "Your card must be {max} characters or fewer")
            String text) {

        public static CardForm blank() {
            return new CardForm(Forms.newId(), CardKind.IDEA, "");
        }
    }

    public record ClusterForm(
            String clusterId,

            @NotBlank(message = "Enter a name for the cluster")
            @Size(max = Board.MAX_CLUSTER_NAME, message = "The cluster's name must be {max} characters or fewer")
            String name) {

        public static ClusterForm blank() {
            return new ClusterForm(Forms.newId(), "");
        }
    }

    public record VotingForm(
            @NotNull(message = "Enter how many dots each person has")
            @Min(value = 1, message = "Give each person between 1 and " + Board.MAX_DOTS + " dots")
            @Max(value = Board.MAX_DOTS, message = "Give each person between 1 and " + Board.MAX_DOTS + " dots")
            Integer dots) {

        public static VotingForm blank() {
            return new VotingForm(3);
        }
    }
}
