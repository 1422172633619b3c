package io.sweep.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.sweep.crm.StoredValues;
import io.sweep.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One field a job changed (or would change) on one record: its value before and after, in the JSON a client sends. */
public record FieldChange(String field, JsonNode oldValue, JsonNode newValue) {

    /** The changes of a stored result: the before and after objects of {@code job_records}, null when nothing changed. */
    public static List<FieldChange> of(String beforeJson, String afterJson) {
        if (afterJson == null) return List.of();
        JsonNode before = beforeJson == null ? Json.object() : Json.parseBody(beforeJson);
        List<FieldChange> changes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : Json.parseBody(afterJson).properties()) {
            JsonNode old = before.get(e.getKey());
            changes.add(new FieldChange(e.getKey(), old == null ? NullNode.getInstance() : old, e.getValue()));
        }
        return changes;
    }

    /** The changes of an update not stored (a preview), from the values {@link io.sweep.massupdate.RecordOutcome} holds. */
    public static List<FieldChange> of(Map<String, Object> before, Map<String, Object> after) {
        if (after.isEmpty()) return List.of();
        return of(StoredValues.write(before), StoredValues.write(after));
    }
}
