package io.sweep.massupdate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /crm/v2/{module}/actions/mass_update}, checked for shape only:
 * the field values as sent, and exactly one of {@code ids} (as sent, possibly invalid) or {@code cvid}.
 */
public record MassUpdateRequest(Map<String, JsonNode> values, List<String> ids, String cvid, Territory territory, boolean overWrite) {
    public record Territory(String id, boolean includeChild) {}

    public MassUpdateRequest {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        ids = ids == null ? null : List.copyOf(ids);
    }

    public boolean byIds() {
        return ids != null;
    }
}
