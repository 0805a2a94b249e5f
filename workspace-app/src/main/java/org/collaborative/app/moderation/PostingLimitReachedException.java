package org.collaborative.app.moderation;

import java.time.Duration;
import org.collaborative.app.kernel.RetryLaterException;

/**
 * Someone tried to post more than their allowance ({@link PostingLimits}). Pages show the message in the form's error
 * summary with what was typed kept, and answer 429 with {@code Retry-After}; the API answers a 429 problem detail.
 */
public class PostingLimitReachedException extends RetryLaterException {

    public PostingLimitReachedException(Duration retryAfter) {
        super("You have posted a lot in a short time. You can post again in " + inWords(retryAfter) + ".", retryAfter);
    }

    static String inWords(Duration wait) {
        long minutes = (wait.getSeconds() + 59) / 60;
        if (wait.getSeconds() < 60) {
            return wait.getSeconds() == 1 ? "1 second" : wait.getSeconds() + " seconds";
        }
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }
}
