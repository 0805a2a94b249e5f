package org.collaborative.app.question;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.collaborative.app.infrastructure.web.Forms;

/**
 * The "ask the group a question" form. Its id is made when the form is shown, so posting the same form twice (a double
 * click, a resubmission) asks the question once.
 */
public record QuestionForm(
        String questionId,

        @NotBlank(message = "Enter your question")
        @Size(
                max = Question.MAX_TITLE,
                message = "Your question must be ${formatter.format('%,d', max)} characters or fewer")
        String title,

        @Size(
                max = Question.MAX_BODY,
                message = "The details must be ${formatter.format('%,d', max)} characters or fewer")
        String body) {

    public static QuestionForm blank() {
        return new QuestionForm(Forms.newId(), "", "");
    }
}
