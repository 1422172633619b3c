package io.sweep.massupdate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /crm/v2/{module}/actions/mass_update}, checked for shape only:
 * the field values as sent, and exactly one of {@code ids} (as sent, possibly invalid) or {@code cvid}.
 * {@code criteria} (only with cvid, null when absent) narrows the view's selection; it is kept as
 * sent (a search string, a criteria object, or an array of them) and read against the module later.
 */
public record MassUpdateRequest(Map<String, JsonNode> values, List<String> ids, String cvid, Territory territory, boolean overWrite,
                                JsonNode criteria) {
    public record Territory(String id, boolean includeChild) {}

    public MassUpdateRequest(Map<String, JsonNode> values, List<String> ids, String cvid, Territory territory, boolean overWrite) {
        this(values, ids, cvid, territory, overWrite, null);
    }

    public MassUpdateRequest {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        ids = ids == null ? null : List.copyOf(ids);
    }

    public boolean byIds() {
        return ids != null;
    }
}
