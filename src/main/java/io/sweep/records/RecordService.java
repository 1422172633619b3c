package io.sweep.records;

import io.sweep.crm.RecordTime;
import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.auth.ModulePermission;
import io.sweep.auth.Principal;
import io.sweep.auth.RecordAccess;
import io.sweep.auth.UserRepository;
import io.sweep.crm.Activities;
import io.sweep.crm.ActivityRepository;
import io.sweep.crm.DataType;
import io.sweep.crm.Field;
import io.sweep.crm.FieldValues;
import io.sweep.crm.InvalidValueException;
import io.sweep.crm.Metadata;
import io.sweep.crm.Module;
import io.sweep.crm.RecordRepository;
import io.sweep.crm.RecordRow;
import io.sweep.crm.Where;
import io.sweep.db.Database;
import io.sweep.errors.ApiException;
import io.sweep.errors.ErrorCode;
import io.sweep.massupdate.Plan;
import io.sweep.massupdate.RecordOutcome;
import io.sweep.massupdate.RecordUpdater;
import io.sweep.massupdate.WriteCause;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The records API of Zoho (insert, update, delete, read) with its per-record rules: mandatory
 * fields, value types, field edit permission, record access, and lookups that must exist.
 * Read-only and unknown keys in a record are ignored, so a record read can be written back as is.
 */
public final class RecordService {
    public static final int MAX_RECORDS_PER_CALL = 100;

    private final Database db;
    private final Metadata metadata;
    private final RecordRepository records;
    private final UserRepository users;
    private final Clock clock;
    private final ActivityRepository activityRows;
    private final RecordUpdater updater;

    public RecordService(Database db, Metadata metadata, RecordRepository records, RecordUpdater updater, UserRepository users, Clock clock) {
        this.db = db;
        this.metadata = metadata;
        this.records = records;
        this.updater = updater;
        this.users = users;
        this.clock = clock;
        this.activityRows = new ActivityRepository(db);
    }

    public List<RecordResult> insert(Principal p, Module module, List<JsonNode> data) {
        requireEdit(p, module, "Create");
        OffsetDateTime now = now();
        return db.inTransaction(h -> {
            List<RecordResult> results = new ArrayList<>();
            for (JsonNode json : data) {
                try {
                    Map<Field, Object> values = values(h, p, module, json, true);
                    results.add(RecordResult.ok(updater.insert(h, p, module, values, now)));
                } catch (RecordRejected e) {
                    results.add(e.result);
                }
            }
            return results;
        });
    }

    /** Each entry carries its {@code id} (or gets {@code pathId} when the URL names the record). */
    public List<RecordResult> update(Principal p, Module module, List<JsonNode> data, String pathId) {
        requireEdit(p, module, "Edit");
        OffsetDateTime now = now();
        return db.inTransaction(h -> {
            List<RecordResult> results = new ArrayList<>();
            for (JsonNode json : data) {
                String idText = pathId != null ? pathId : json.path("id").asText(null);
                var id = io.sweep.crm.Ids.parse(idText);
                if (id.isEmpty()) {
                    results.add(RecordResult.failed(idText == null ? ErrorCode.MANDATORY_NOT_FOUND : ErrorCode.INVALID_ID,
                            idText == null ? Map.of("api_name", "id") : Map.of("id", idText)));
                    continue;
                }
                List<RecordRow> found = records.findByIds(h, module, List.of(id.get()), true);
                // a record the caller may not see answers as one that does not exist: no error reveals it
                if (found.isEmpty() || !RecordAccess.mayView(p, module, found.get(0))) {
                    results.add(RecordResult.failed(ErrorCode.INVALID_ID, Map.of("id", idText)));
                } else if (!RecordAccess.mayEdit(p, module, found.get(0))) {
                    results.add(RecordResult.failed(ErrorCode.PERMISSION_DENIED, Map.of("id", idText)));
                } else {
                    try {
                        Map<Field, Object> values = values(h, p, module, json, false);
                        // through the one write path: its checks (a blueprint's field too) and the record's history
                        RecordOutcome outcome = updater.apply(h, p, module, List.of(id.get()), row -> new Plan.Set(values), now,
                                WriteCause.UPDATE).get(0);
                        results.add(outcome.updated() ? RecordResult.ok(id.get()) : RecordResult.failed(outcome.error(), Map.of("id", idText)));
                    } catch (RecordRejected e) {
                        results.add(e.result);
                    }
                }
            }
            return results;
        });
    }

    public List<RecordResult> delete(Principal p, Module module, List<String> ids) {
        requireEdit(p, module, "Delete");
        return db.inTransaction(h -> {
            List<RecordResult> results = new ArrayList<>();
            for (String idText : ids) {
                var id = io.sweep.crm.Ids.parse(idText);
                List<RecordRow> found = id.map(i -> records.findByIds(h, module, List.of(i), true)).orElse(List.of());
                if (found.isEmpty() || !RecordAccess.mayView(p, module, found.get(0))) {
                    results.add(RecordResult.failed(ErrorCode.INVALID_ID, Map.of("id", idText)));
                } else if (!RecordAccess.mayEdit(p, module, found.get(0))) {
                    results.add(RecordResult.failed(ErrorCode.PERMISSION_DENIED, Map.of("id", idText)));
                } else {
                    records.delete(h, module, List.of(id.get()));
                    results.add(RecordResult.ok(id.get()));
                }
            }
            return results;
        });
    }

    public record Page(List<RecordRow> rows, boolean moreRecords) {}

    /**
     * One page of the records this user may see that match {@code filter}, sorted by {@code sortBy}
     * (then id, so pages never overlap).
     */
    public Page list(Principal p, Module module, Where filter, Field sortBy, boolean descending, int page, int perPage) {
        String order = (sortBy == null ? "id" : sortBy.column()) + (descending ? " DESC" : " ASC") + (sortBy == null ? "" : ", id");
        List<RecordRow> rows;
        if (Activities.is(module)) {
            rows = activityRows.select(module, visibleActivities(p, module), filter, order, (page - 1) * perPage, perPage + 1);
        } else {
            Where where = Where.and(List.of(visibleTo(p, module), filter));
            rows = records.select(module, where.sql(), where.params(), order, (page - 1) * perPage, perPage + 1);
        }
        boolean more = rows.size() > perPage;
        return new Page(more ? rows.subList(0, perPage) : rows, more);
    }

    /**
     * The parts of the Activities view this user may view, each with the records of it they may
     * see: an activity is seen under its own module's permission. None at all is the view's NO_PERMISSION.
     */
    private Map<Module, Where> visibleActivities(Principal p, Module activities) {
        Map<Module, Where> visible = new LinkedHashMap<>();
        for (Module part : metadata.activityParts()) {
            if (p.profile().module(part.id()).canView()) visible.put(part, visibleTo(p, part, part.scopeName() + "_visible_"));
        }
        if (visible.isEmpty()) throw ModulePermission.denied("View", activities);
        return visible;
    }

    /** The records this user may see: everything, or (for owned-only profiles) their own and their territories'. */
    public Where visibleTo(Principal p, Module module) {
        return visibleTo(p, module, "visible_");
    }

    /** As {@link #visibleTo(Principal, Module)}, its parameters named {@code prefix…}, to combine it with another user's. */
    public Where visibleTo(Principal p, Module module, String prefix) {
        ModulePermission permission = p.profile().module(module.id());
        if (!permission.canView()) throw ModulePermission.denied("View", module);
        if (permission.recordAccess() == ModulePermission.RecordAccess.ALL) return Where.ALL;
        String owner = module.field("Owner").map(Field::column).orElse("NULL");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put(prefix + "owner", p.user().id());
        var sql = new StringBuilder(owner + " = :" + prefix + "owner");
        int i = 0;
        if (!p.territoryIds().isEmpty()) {
            sql.append(" OR territory_id IN (");
            for (Long t : p.territoryIds()) {
                if (i > 0) sql.append(", ");
                sql.append(':').append(prefix).append('t').append(i);
                params.put(prefix + "t" + i++, t);
            }
            sql.append(')');
        }
        return new Where(sql.toString(), params);
    }

    /** A profile's edit permission of the module stands for Zoho's create, edit and delete permissions, which {@code action} names. */
    private static void requireEdit(Principal p, Module module, String action) {
        // an activity is written as the task, meeting or call it is, through its own module
        if (Activities.is(module)) throw new ApiException(ErrorCode.NOT_SUPPORTED, Map.of("module", module.apiName()));
        if (!p.profile().module(module.id()).canEdit()) throw ModulePermission.denied(action, module);
    }

    private Map<Field, Object> values(Handle h, Principal p, Module module, JsonNode json, boolean inserting) {
        if (!json.isObject()) throw new RecordRejected(RecordResult.failed(ErrorCode.UNABLE_TO_PARSE_DATA_TYPE, Map.of()));
        Map<Field, Object> values = new LinkedHashMap<>();
        for (Field f : module.fields()) {
            if (!json.has(f.apiName()) || !writable(f)) continue;
            if (!p.profile().mayEditField(f.id())) {
                throw new RecordRejected(RecordResult.failed(ErrorCode.FIELD_EDIT_PERMISSION, Map.of("api_name", f.apiName())));
            }
            Object value;
            try {
                value = FieldValues.parse(f, json.get(f.apiName()));
            } catch (InvalidValueException e) {
                throw invalid(f);
            }
            if (value != null && !referenceExists(h, f, (value instanceof Long l) ? l : null)) throw invalid(f);
            values.put(f, value);
        }
        for (Field f : module.fields()) {
            if (!f.systemMandatory() || !writable(f)) continue;
            boolean missing = values.containsKey(f) ? blank(values.get(f)) : inserting;
            if (missing) throw new RecordRejected(RecordResult.failed(ErrorCode.MANDATORY_NOT_FOUND, Map.of("api_name", f.apiName())));
        }
        return values;
    }

    private static boolean writable(Field f) {
        return !f.readOnly() && f.dataType() != DataType.FORMULA && f.dataType() != DataType.AUTONUMBER && f.dataType() != DataType.LAYOUT;
    }

    private static boolean blank(Object v) {
        return v == null || (v instanceof String s && s.isBlank());
    }

    private boolean referenceExists(Handle h, Field f, Long id) {
        if (id == null) return true;
        if (f.dataType() == DataType.OWNERLOOKUP) return users.byIds(Set.of(id)).values().stream().anyMatch(u -> u.active());
        if (f.dataType() == DataType.LOOKUP && f.lookupModuleId() != null) {
            return metadata.moduleById(f.lookupModuleId()).map(m -> records.exists(h, m, id)).orElse(false);
        }
        return true;
    }

    private static RecordRejected invalid(Field f) {
        return new RecordRejected(RecordResult.failed(ErrorCode.INVALID_DATA,
                Map.of("api_name", f.apiName(), "expected_data_type", f.dataType().apiName())));
    }

    private OffsetDateTime now() {
        return RecordTime.now(clock);
    }

    /** Ends the processing of one record with its error; the others of the call go on. */
    private static final class RecordRejected extends RuntimeException {
        private final transient RecordResult result;

        RecordRejected(RecordResult result) {
            super(result.error().code(), null, false, false);
            this.result = result;
        }
    }
}
