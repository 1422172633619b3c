package io.sweep.massupdate;

import io.sweep.api.ErrorCode;
import io.sweep.crm.RecordRow;
import java.util.Map;

/**
 * What a mass update did to one record. For an update: the row as it was, and the before and
 * after value of each field it set (what undo and the results need). For a failure: why.
 */
public record RecordOutcome(long id, ErrorCode error, RecordRow before, Map<String, Object> changedBefore, Map<String, Object> changedAfter) {
    public static RecordOutcome failed(long id, ErrorCode error) {
        return new RecordOutcome(id, error, null, Map.of(), Map.of());
    }

    public boolean updated() {
        return error == null;
    }
}
