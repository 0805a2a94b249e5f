package org.collaborative.app.infrastructure.web;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A bounded wait on a view for a reader who has just changed it and expects to see the change: the view is read
 * again every 50 ms until it satisfies the condition or the time is up. Never a read of the write model.
 */
public final class ReadYourWrite {

    private ReadYourWrite() {}

    public static <T> Optional<T> awaitUntil(Supplier<Optional<T>> read, Predicate<T> condition, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        Optional<T> view = read.get();
        while (!view.map(condition::test).orElse(false) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            view = read.get();
        }
        return view;
    }
}
