package io.sweep.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sweep.auth.User;
import io.sweep.auth.UserRepository;
import io.sweep.crm.RecordHistoryRepository;
import io.sweep.crm.RecordTime;
import io.sweep.crm.StoredValues;
import io.sweep.json.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Why an undo left a record alone: a field it was to put back holds another value than the job
 * wrote. The change named is the newest write since the job (a version after the one the job
 * left) that set one of those fields: the one whose value stands now. It comes from the record's
 * history and is kept with the undo's result, as JSON:
 * {@code {"fields":[…],"field","time","version","job_id","trigger","action","rule_id","rule_version",
 * "started_by":{id,name,email}|null,"run_as":{id,name,email}|null}}; all but the fields are null
 * when the history holds no such write (a change made before history was kept).
 */
public final class UndoConflict {
    private UndoConflict() {}

    /** What is kept with the result, and the message that says it. */
    record Found(String json, String message) {}

    static Found find(Handle h, RecordHistoryRepository history, UserRepository users, long moduleId, long recordId,
                      int versionAfterJob, List<String> fields) {
        Optional<RecordHistoryRepository.Stored> later = latestWrite(h, history, moduleId, recordId, versionAfterJob, fields);
        ObjectNode json = Json.object();
        fields.forEach(json.putArray("fields")::add);
        if (later.isEmpty()) {
            json.put("field", fields.get(0));
            for (String key : List.of("time", "version", "job_id", "trigger", "action", "rule_id", "rule_version", "started_by", "run_as")) {
                json.putNull(key);
            }
        } else {
            RecordHistoryRepository.Stored w = later.get();
            Set<String> set = StoredValues.fieldNames(w.after());
            json.put("field", fields.stream().filter(set::contains).findFirst().orElse(fields.get(0)));
            json.put("time", RecordTime.format(w.time()));
            json.put("version", w.versionAfter());
            json.put("job_id", w.jobId() == null ? null : String.valueOf(w.jobId()));
            json.put("trigger", w.trigger());
            json.put("action", w.action());
            json.put("rule_id", w.ruleId());
            json.put("rule_version", w.ruleVersion());
            Set<Long> ids = new HashSet<>();
            ids.add(w.runAs());
            if (w.startedBy() != null) ids.add(w.startedBy());
            Map<Long, User> byId = users.byIds(ids);
            putUser(json, "started_by", w.startedBy() == null ? null : byId.get(w.startedBy()), w.startedBy());
            putUser(json, "run_as", byId.get(w.runAs()), w.runAs());
        }
        String message = String.join(", ", fields) + " changed since the job updated it"
                + (later.isEmpty() ? "" : " (" + describe(json) + ")") + "; left as it is";
        return new Found(json.toString(), message);
    }

    /** The newest write after the job's that set one of {@code fields}, if the history holds one. */
    private static Optional<RecordHistoryRepository.Stored> latestWrite(Handle h, RecordHistoryRepository history, long moduleId,
                                                                         long recordId, int versionAfterJob, List<String> fields) {
        List<RecordHistoryRepository.Stored> writes = new ArrayList<>();
        // one field's prefilter at a time: the repository narrows by one field
        for (String field : fields) {
            for (var w : history.writesOf(h, moduleId, recordId, field)) {
                if (w.versionAfter() > versionAfterJob && StoredValues.fieldNames(w.after()).contains(field)) writes.add(w);
            }
        }
        return writes.stream().max(Comparator.comparingInt(RecordHistoryRepository.Stored::versionAfter));
    }

    private static void putUser(ObjectNode json, String key, User user, Long id) {
        if (id == null) {
            json.putNull(key);
            return;
        }
        ObjectNode u = json.putObject(key);
        u.put("id", String.valueOf(id));
        u.put("name", user == null ? null : user.fullName());
        u.put("email", user == null ? null : user.email());
    }

    /**
     * The later change in words, as the CSV and the message give it: {@code time · job ID ·
     * rule ID@VERSION(12) · by NAME}, leaving out what it does not have; null for no conflict.
     */
    public static String describe(String conflictJson) {
        return conflictJson == null ? null : describe(Json.parseBody(conflictJson));
    }

    static String describe(JsonNode c) {
        String field = c.path("field").asText();
        if (!c.path("time").isTextual()) return field + " changed by a write the record's history does not hold";
        List<String> parts = new ArrayList<>();
        parts.add(field + " set at " + c.get("time").asText());
        if (c.path("job_id").isTextual()) parts.add("job " + c.get("job_id").asText());
        if (c.path("rule_id").isTextual()) {
            String version = c.path("rule_version").asText("");
            parts.add("rule " + c.get("rule_id").asText() + (version.isEmpty() ? "" : "@" + version.substring(0, Math.min(12, version.length()))));
        }
        JsonNode who = c.path("started_by").isObject() ? c.get("started_by") : c.path("run_as");
        if (who.isObject()) {
            String name = who.path("name").asText("");
            parts.add("by " + (name.isBlank() ? who.path("email").asText(who.path("id").asText()) : name));
        }
        return String.join(" · ", parts);
    }
}
