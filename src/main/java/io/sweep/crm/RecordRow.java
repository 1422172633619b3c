package io.sweep.crm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One record as stored: system columns, and field values keyed by field api name
 * (Java types as in {@link FieldValues}; null values are present as keys with null).
 */
public record RecordRow(long id, int version, Long territoryId, Long blueprintId, List<String> tags, Map<String, Object> values) {
    public RecordRow {
        tags = List.copyOf(tags);
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Object value(String apiName) {
        return values.get(apiName);
    }

    public Long ownerId() {
        return (Long) values.get("Owner");
    }
}
