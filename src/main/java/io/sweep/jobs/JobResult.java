package io.sweep.jobs;

/**
 * One record's result in a job: status (PENDING, UPDATED, FAILED, SKIPPED), code, message, and
 * before/after values as JSON text; for a record an undo left alone because it was changed
 * since, {@code conflict} names that later change (JSON text, see {@link UndoConflict}), else null.
 */
public record JobResult(long recordId, String status, String code, String message, String beforeValues, String afterValues,
                        String conflict) {
    /** A record the job has not reached (yet, or ever: it was cancelled). */
    static JobResult pending(long recordId) {
        return new JobResult(recordId, "PENDING", null, null, null, null, null);
    }
}
