package io.sweep.massupdate;

import io.sweep.crm.RecordRow;
import io.sweep.errors.ErrorCode;
import java.util.Map;

/**
 * What happened to one record. Updated: the row as it was, the before and after value of each
 * field set, and the record's version after the update (what undo and the results need).
 * Failed: the error and its message. Skipped: the reason.
 */
public record RecordOutcome(
        long id, Status status, ErrorCode error, String message, RecordRow before,
        Map<String, Object> changedBefore, Map<String, Object> changedAfter, int versionAfter) {

    public enum Status { UPDATED, FAILED, SKIPPED }

    public static RecordOutcome failed(long id, ErrorCode error) {
        return failed(id, error, error.message());
    }

    public static RecordOutcome failed(long id, ErrorCode error, String message) {
        return new RecordOutcome(id, Status.FAILED, error, message, null, Map.of(), Map.of(), 0);
    }

    public static RecordOutcome skipped(long id, RecordRow row, String reason) {
        return new RecordOutcome(id, Status.SKIPPED, null, reason, row, Map.of(), Map.of(), 0);
    }

    public boolean updated() {
        return status == Status.UPDATED;
    }
}
