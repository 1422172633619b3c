package io.sweep.massupdate;

import io.sweep.crm.Field;
import io.sweep.errors.ErrorCode;
import java.util.Map;

/**
 * What to do with one record, decided from its current row: set these values, fail it with a
 * code and message, or leave it alone. Mass updates, undo and rules each plan differently;
 * {@link RecordUpdater} applies every plan the same way.
 */
public sealed interface Plan {
    record Set(Map<Field, Object> values) implements Plan {}

    record Fail(ErrorCode error, String message) implements Plan {}

    record Skip(String reason) implements Plan {}
}
