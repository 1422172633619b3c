package io.sweep.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.auth.Principal;
import io.sweep.auth.UserRepository;
import io.sweep.crm.Module;
import io.sweep.crm.RecordHistoryRepository;
import io.sweep.crm.RecordRow;
import io.sweep.crm.StoredValues;
import io.sweep.errors.ErrorCode;
import io.sweep.json.Json;
import io.sweep.massupdate.MassUpdateValidator;
import io.sweep.massupdate.Plan;
import io.sweep.massupdate.RecordUpdater;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * How an undo chunk plans its records, inside the chunk's transaction with the rows locked. For
 * each record it takes the fields the undone job set there, keeps those the undo asks for
 * ({@link UndoRequest#fields()}), and drops those an earlier undo of the same job has put back
 * already (their results say so): no field change is put back twice, however often the undo is
 * retried. What is left is put back when each of those fields still holds the value the job wrote;
 * otherwise the record is left as it is, failed with {@code CONFLICT}, and the later change is
 * named ({@link UndoConflict}, collected in {@link #conflicts()} for the chunk to keep).
 */
final class UndoPlanner implements RecordUpdater.Planner {
    private final Handle h;
    private final long undoneJobId;
    private final Module module;
    private final Principal principal;
    private final MassUpdateValidator validator;
    private final RecordHistoryRepository history;
    private final UserRepository users;
    private final Set<String> asked;
    private final Map<Long, JobRepository.UpdatedRecord> sources;
    private final Map<Long, Set<String>> putBack;
    private final Map<Long, String> conflicts = new HashMap<>();

    UndoPlanner(Handle h, JobRepository jobs, Job undo, Module module, Principal principal, MassUpdateValidator validator,
                RecordHistoryRepository history, UserRepository users, List<Long> ids) {
        this.h = h;
        this.undoneJobId = undo.undoOf();
        this.module = module;
        this.principal = principal;
        this.validator = validator;
        this.history = history;
        this.users = users;
        this.asked = UndoRequest.fieldsOf(undo);
        this.sources = jobs.updatedRecords(h, undoneJobId, ids);
        this.putBack = jobs.putBack(h, undoneJobId, ids);
    }

    @Override
    public Plan plan(RecordRow row) {
        var source = sources.get(row.id());
        if (source == null) return new Plan.Skip("not updated by the undone job");
        JsonNode after = Json.parseBody(source.afterValues());
        JsonNode before = source.beforeValues() == null ? Json.object() : Json.parseBody(source.beforeValues());
        Set<String> done = putBack.getOrDefault(row.id(), Set.of());
        List<String> fields = new ArrayList<>();
        after.fieldNames().forEachRemaining(f -> {
            if ((asked == null || asked.contains(f)) && !done.contains(f)) fields.add(f);
        });
        if (fields.isEmpty()) {
            return new Plan.Skip(done.isEmpty() ? "the job did not change these fields of this record" : "put back already by an earlier undo");
        }
        // the record is where the job left it: nothing to compare. Otherwise each field must still hold what the job wrote
        if (row.version() != source.versionAfter()) {
            List<String> changed = fields.stream().filter(f -> !StoredValues.same(StoredValues.stored(row.value(f)), after.get(f))).toList();
            if (!changed.isEmpty()) {
                var found = UndoConflict.find(h, history, users, module.id(), row.id(), source.versionAfter(), changed);
                conflicts.put(row.id(), found.json());
                return new Plan.Fail(ErrorCode.CONFLICT, found.message());
            }
        }
        Map<String, JsonNode> values = new LinkedHashMap<>();
        for (String f : fields) values.put(f, before.has(f) ? before.get(f) : com.fasterxml.jackson.databind.node.NullNode.getInstance());
        // checked as the values of a mass update by the user undoing: field rights, values that still fit; multi-select replaces
        return validator.planSetting(principal, module, values);
    }

    /** The later change named for each record left as a conflict, as JSON ({@link UndoConflict}). */
    Map<Long, String> conflicts() {
        return conflicts;
    }
}
