package io.sweep.notify;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One job's event on its way to one endpoint: PENDING until the receiver answers 2xx (DELIVERED)
 * or the last attempt fails (FAILED). {@code nextAttemptTime} is when a PENDING one is tried again.
 */
public record Delivery(long id, long endpointId, long jobId, Status status, String payload, int attemptCount,
                       OffsetDateTime createdTime, OffsetDateTime nextAttemptTime, OffsetDateTime deliveredTime, List<Attempt> attempts) {

    public enum Status { PENDING, DELIVERED, FAILED }

    /** One POST: the receiver's status (null when it did not answer) and the start of its answer, or why there was none. */
    public record Attempt(int number, OffsetDateTime time, Integer httpStatus, String response, String node) {}

    public Delivery {
        attempts = List.copyOf(attempts);
    }
}
