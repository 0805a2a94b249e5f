package org.collaborative.app.question;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * The "ask the group a question" form. Its id is made when the form is shown, so posting the same form twice (a double
 * click, a resubmission) asks the question once.
 */
public record QuestionForm(
        @NotBlank @Pattern(regexp = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}") String questionId,
        @NotBlank(message = "Enter your question")
                @Size(max = Question.MAX_TITLE, message = "Your question must be 150 characters or fewer")
                String title,
        @Size(max = Question.MAX_BODY, message = "The details must be 10,000 characters or fewer") String body) {

    public static QuestionForm blank() {
        return new QuestionForm(UUID.randomUUID().toString(), "", "");
    }
}
