package io.sweep.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sweep.auth.Principal;
import io.sweep.crm.Field;
import io.sweep.crm.Module;
import io.sweep.db.Database;
import io.sweep.errors.ApiException;
import io.sweep.json.Json;
import io.sweep.records.RecordService;
import io.sweep.crm.Where;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a job's results show to a viewer who is neither an administrator nor the user the job ran
 * as (someone who started a rule job that runs as another user): the job went through records
 * and fields that viewer may not see. Every row stays (so counts and pages add up), but a record
 * the viewer may not see now keeps only its id, status and code, and the values of fields hidden
 * from the viewer are left out of the others.
 */
final class ResultsMask {
    private final Database db;
    private final RecordService records;
    private final Principal viewer;
    private final Module module;

    private ResultsMask(Database db, RecordService records, Principal viewer, Module module) {
        this.db = db;
        this.records = records;
        this.viewer = viewer;
        this.module = module;
    }

    /** The mask for this viewer of this job, or null when the viewer may see all of it. */
    static ResultsMask of(Database db, RecordService records, Principal viewer, Job job, Module module) {
        if (viewer.profile().administrator() || job.userId() == viewer.user().id()) return null;
        return new ResultsMask(db, records, viewer, module);
    }

    List<JobResult> apply(List<JobResult> page) {
        if (page.isEmpty()) return page;
        Set<Long> visible = visible(page.stream().map(JobResult::recordId).toList());
        List<JobResult> shown = new ArrayList<>(page.size());
        for (JobResult r : page) {
            shown.add(visible.contains(r.recordId())
                    ? new JobResult(r.recordId(), r.status(), r.code(), r.message(), seen(r.beforeValues()), seen(r.afterValues()),
                            seenConflict(r.conflict()))
                    // a message may quote the record's values (a script's error, a failed check); a conflict names who changed it
                    : new JobResult(r.recordId(), r.status(), r.code(), null, null, null, null));
        }
        return shown;
    }

    /** Which of these records the viewer may see now (none when they may not see the module at all). */
    private Set<Long> visible(List<Long> ids) {
        Where where;
        try {
            where = records.visibleTo(viewer, module);
        } catch (ApiException e) {
            return Set.of();
        }
        return new HashSet<>(db.withHandle(h -> h.createQuery("SELECT id FROM " + module.table()
                        + " WHERE id IN (<ids>) AND (" + where.sql() + ")")
                .bindList("ids", ids).bindMap(where.params()).mapTo(Long.class).list()));
    }

    /** An undo's conflict, unless it is about a field hidden from the viewer (then none: its values are left out too). */
    private String seenConflict(String json) {
        if (json == null) return null;
        for (JsonNode name : Json.parseBody(json).path("fields")) {
            if (hidden(name.asText())) return null;
        }
        return json;
    }

    private boolean hidden(String name) {
        return module.field(name).map(Field::id).map(id -> !viewer.profile().maySeeField(id)).orElse(false);
    }

    /** Stored values without the fields hidden from the viewer. */
    private String seen(String json) {
        if (json == null) return null;
        JsonNode node = Json.parseBody(json);
        if (!(node instanceof ObjectNode values)) return json;
        List<String> hiddenNames = new ArrayList<>();
        values.fieldNames().forEachRemaining(name -> {
            if (hidden(name)) hiddenNames.add(name);
        });
        if (hiddenNames.isEmpty()) return json;
        values.remove(hiddenNames);
        return values.toString();
    }
}
