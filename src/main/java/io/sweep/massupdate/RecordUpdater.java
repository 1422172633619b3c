package io.sweep.massupdate;

import io.sweep.api.ErrorCode;
import io.sweep.auth.RecordAccess;
import io.sweep.crm.Blueprints;
import io.sweep.crm.DataType;
import io.sweep.crm.Field;
import io.sweep.crm.FieldValues;
import io.sweep.crm.RecordRepository;
import io.sweep.crm.RecordRow;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Applies a validated mass update to a set of records inside the caller's transaction, with the
 * per-record rules: the record exists in the module, the user may edit it, and it is not held by
 * a blueprint driving one of the fields. Locks the rows it reads, so concurrent updates serialise.
 */
public final class RecordUpdater {
    private final RecordRepository records;

    public RecordUpdater(RecordRepository records) {
        this.records = records;
    }

    /** One outcome per distinct id, in the order given. */
    public List<RecordOutcome> apply(Handle h, MassUpdate update, List<Long> ids, OffsetDateTime now) {
        var module = update.module();
        Map<Long, RecordRow> rows = records.findByIds(h, module, ids, true).stream()
                .collect(Collectors.toMap(RecordRow::id, Function.identity()));
        Map<Long, Long> blueprintFields = Blueprints.activeFields(h, module.id());

        List<RecordOutcome> outcomes = new ArrayList<>(ids.size());
        List<RecordRepository.Change> changes = new ArrayList<>();
        for (long id : ids) {
            RecordRow row = rows.get(id);
            if (row == null) {
                outcomes.add(RecordOutcome.failed(id, ErrorCode.INVALID_ID));
            } else if (!RecordAccess.mayEdit(update.principal(), module, row)) {
                outcomes.add(RecordOutcome.failed(id, ErrorCode.PERMISSION_DENIED));
            } else if (heldByBlueprint(row, update, blueprintFields)) {
                outcomes.add(RecordOutcome.failed(id, ErrorCode.RECORD_IN_BLUEPRINT));
            } else {
                Map<Field, Object> values = newValues(row, update);
                Map<String, Object> before = new LinkedHashMap<>();
                Map<String, Object> after = new LinkedHashMap<>();
                values.forEach((f, v) -> {
                    before.put(f.apiName(), row.value(f.apiName()));
                    after.put(f.apiName(), v);
                });
                changes.add(new RecordRepository.Change(id, row.version(), values));
                outcomes.add(new RecordOutcome(id, null, row, before, after));
            }
        }
        int[] applied = records.update(h, module, changes, update.principal().user().id(), now);
        for (int i = 0; i < applied.length; i++) {
            // rows are locked above, so a miss here means the database lost them under us
            if (applied[i] == 0) throw new IllegalStateException("record " + changes.get(i).id() + " changed while locked");
        }
        return outcomes;
    }

    private static boolean heldByBlueprint(RecordRow row, MassUpdate update, Map<Long, Long> blueprintFields) {
        if (row.blueprintId() == null) return false;
        Long drivenField = blueprintFields.get(row.blueprintId());
        return drivenField != null && update.updates().stream().anyMatch(u -> u.field().id() == drivenField);
    }

    @SuppressWarnings("unchecked")
    private static Map<Field, Object> newValues(RecordRow row, MassUpdate update) {
        Map<Field, Object> values = new HashMap<>();
        for (FieldUpdate u : update.updates()) {
            Object value = u.value();
            if (u.field().dataType() == DataType.MULTISELECTPICKLIST && !update.overWrite() && value != null) {
                value = FieldValues.union((List<String>) row.value(u.field().apiName()), (List<String>) value);
            }
            values.put(u.field(), value);
        }
        return values;
    }
}
