package org.collaborative.app.kernel;

import java.time.Duration;

/**
 * A rule that refuses for now and says when to try again (a limit on how much one person may do in a while). Pages
 * show the message in the form's error summary and answer 429 with {@code Retry-After}; the API a 429 problem detail.
 */
public class RetryLaterException extends RuleBrokenException {

    private final Duration retryAfter;

    public RetryLaterException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
