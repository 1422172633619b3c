package io.sweep.massupdate;

import io.sweep.auth.Principal;
import io.sweep.auth.RecordAccess;
import io.sweep.crm.Blueprints;
import io.sweep.crm.DataType;
import io.sweep.crm.Field;
import io.sweep.crm.FieldValues;
import io.sweep.crm.Module;
import io.sweep.crm.RecordHistoryRepository;
import io.sweep.crm.RecordRepository;
import io.sweep.crm.RecordRow;
import io.sweep.crm.StoredValues;
import io.sweep.errors.ErrorCode;
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
 * Applies changes to a set of records inside the caller's transaction, with the per-record
 * rules every mass change obeys: the record exists in the module, the user may edit it, and it
 * is not held by a blueprint driving one of the fields to set. Rows are locked in id order while
 * they are read, so concurrent changes of the same records serialise instead of losing updates.
 * Each write is kept in the records' history, as its {@link WriteCause} says: by the job's
 * results, or by a history row written here in the same transaction.
 */
public final class RecordUpdater {
    private final RecordRepository records;
    private final RecordHistoryRepository history;

    public RecordUpdater(RecordRepository records, RecordHistoryRepository history) {
        this.records = records;
        this.history = history;
    }

    /** Decides per record what to set, from its current row (locked, when the plan is applied). */
    @FunctionalInterface
    public interface Planner {
        Plan plan(RecordRow row);
    }

    /** The same values for every record; multi-select values are added unless over_write. */
    public static Planner sameValues(MassUpdate update) {
        return row -> new Plan.Set(newValues(row, update));
    }

    /** One outcome per distinct id, in the order given. */
    public List<RecordOutcome> apply(Handle h, MassUpdate update, List<Long> ids, OffsetDateTime now, WriteCause cause) {
        return apply(h, update.principal(), update.module(), ids, sameValues(update), now, cause);
    }

    /**
     * Applies {@code planner}'s plan for each record, in the caller's transaction: the rows are read
     * locked, each plan is checked like every other write (the record is one the user may see and
     * edit, no blueprint holds a field it sets), and what passes is written, with its history.
     */
    public List<RecordOutcome> apply(Handle h, Principal principal, Module module, List<Long> ids, Planner planner, OffsetDateTime now,
                                     WriteCause cause) {
        Map<List<Field>, List<RecordRepository.Change>> batches = new LinkedHashMap<>();
        List<RecordOutcome> outcomes = decide(h, principal, module, ids, planner, true, batches);
        for (var batch : batches.values()) {
            int[] applied = records.update(h, module, batch, principal.user().id(), now);
            for (int i = 0; i < applied.length; i++) {
                // rows are locked above, so a miss here means the database lost them under us
                if (applied[i] == 0) throw new IllegalStateException("record " + batch.get(i).id() + " changed while locked");
            }
        }
        if (cause instanceof WriteCause.Direct direct) keepHistory(h, principal, module, outcomes, direct.action(), now);
        return outcomes;
    }

    /**
     * Creates a record with {@code values} (the records API's insert), kept in its history as its
     * first write. Returns its id.
     */
    public long insert(Handle h, Principal principal, Module module, Map<Field, Object> values, OffsetDateTime now) {
        long id = records.insert(h, module, values, principal.user().id(), now);
        Map<String, Object> after = new LinkedHashMap<>();
        values.forEach((f, v) -> after.put(f.apiName(), v));
        history.insert(h, List.of(new RecordHistoryRepository.DirectWrite(module.id(), id, now, WriteCause.Action.CREATE.dbName(),
                principal.user().id(), null, StoredValues.write(after), 1)));
        return id;
    }

    /** A history row per record updated, in one batch: what a job's results hold, for a write no job keeps. */
    private void keepHistory(Handle h, Principal principal, Module module, List<RecordOutcome> outcomes, WriteCause.Action action,
                             OffsetDateTime now) {
        List<RecordHistoryRepository.DirectWrite> writes = new ArrayList<>();
        for (RecordOutcome o : outcomes) {
            if (!o.updated()) continue;
            writes.add(new RecordHistoryRepository.DirectWrite(module.id(), o.id(), now, action.dbName(), principal.user().id(),
                    StoredValues.write(o.changedBefore()), StoredValues.write(o.changedAfter()), o.versionAfter()));
        }
        history.insert(h, writes);
    }

    /**
     * What {@link #apply} would do to each record, from rows read without locks, writing nothing:
     * a dry run takes no lock and holds no transaction.
     */
    public List<RecordOutcome> dryRun(Handle h, Principal principal, Module module, List<Long> ids, Planner planner) {
        return decide(h, principal, module, ids, planner, false, new LinkedHashMap<>());
    }

    private List<RecordOutcome> decide(Handle h, Principal principal, Module module, List<Long> ids, Planner planner, boolean lock,
                                       Map<List<Field>, List<RecordRepository.Change>> batches) {
        Map<Long, RecordRow> rows = records.findByIds(h, module, ids, lock).stream()
                .collect(Collectors.toMap(RecordRow::id, Function.identity()));
        Map<Long, Long> blueprintFields = Blueprints.activeFields(h, module.id());
        List<RecordOutcome> outcomes = new ArrayList<>(ids.size());
        for (long id : ids) {
            RecordRow row = rows.get(id);
            if (row == null || !RecordAccess.mayView(principal, module, row)) {
                // a record the user may not see answers as one that does not exist: an error must not reveal it
                outcomes.add(RecordOutcome.failed(id, ErrorCode.INVALID_ID));
            } else if (!RecordAccess.mayEdit(principal, module, row)) {
                outcomes.add(RecordOutcome.failed(id, ErrorCode.PERMISSION_DENIED));
            } else {
                outcomes.add(planned(row, planner.plan(row), blueprintFields, batches));
            }
        }
        return outcomes;
    }

    private static RecordOutcome planned(RecordRow row, Plan plan, Map<Long, Long> blueprintFields,
                                         Map<List<Field>, List<RecordRepository.Change>> batches) {
        return switch (plan) {
            case Plan.Fail fail -> RecordOutcome.failed(row.id(), fail.error(), fail.message());
            case Plan.Skip skip -> RecordOutcome.skipped(row.id(), row, skip.reason());
            case Plan.Set set when heldByBlueprint(row, set.values(), blueprintFields) ->
                    RecordOutcome.failed(row.id(), ErrorCode.RECORD_IN_BLUEPRINT);
            case Plan.Set set -> {
                Map<String, Object> before = new LinkedHashMap<>();
                Map<String, Object> after = new LinkedHashMap<>();
                set.values().forEach((f, v) -> {
                    before.put(f.apiName(), row.value(f.apiName()));
                    after.put(f.apiName(), v);
                });
                // records setting the same fields go in one JDBC batch
                List<Field> fields = set.values().keySet().stream().sorted((a, b) -> Long.compare(a.id(), b.id())).toList();
                batches.computeIfAbsent(fields, k -> new ArrayList<>()).add(new RecordRepository.Change(row.id(), row.version(), set.values()));
                yield new RecordOutcome(row.id(), RecordOutcome.Status.UPDATED, null, null, row, before, after, row.version() + 1);
            }
        };
    }

    private static boolean heldByBlueprint(RecordRow row, Map<Field, Object> values, Map<Long, Long> blueprintFields) {
        if (row.blueprintId() == null) return false;
        Long drivenField = blueprintFields.get(row.blueprintId());
        return drivenField != null && values.keySet().stream().anyMatch(f -> f.id() == drivenField);
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
