package org.collaborative.app.infrastructure.publication;

import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The producer's refusals that concern one record and that no retry can change: the record is larger than the producer
 * or the topic accepts, or it cannot be serialised. A time-out, a broker away, a missing topic or a denied
 * authorisation concern every record alike: they are not this event's fault, and publication must stop and retry in
 * order rather than park the events one by one.
 */
final class PermanentRefusal {

    private PermanentRefusal() {}

    static boolean is(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RecordTooLargeException
                    || cause instanceof RecordBatchTooLargeException
                    || cause instanceof SerializationException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    static Throwable root(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
