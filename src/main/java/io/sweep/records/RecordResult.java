package io.sweep.records;

import io.sweep.errors.ErrorCode;
import java.util.Map;

/** The outcome of writing one record of a records-API call: the id written, or an error with its details. */
public record RecordResult(Long id, ErrorCode error, Map<String, Object> details) {
    public static RecordResult ok(long id) {
        return new RecordResult(id, null, Map.of());
    }

    public static RecordResult failed(ErrorCode error, Map<String, Object> details) {
        return new RecordResult(null, error, details);
    }

    public boolean succeeded() {
        return error == null;
    }
}
