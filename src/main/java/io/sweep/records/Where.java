package io.sweep.records;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A SQL condition over one module's columns with its named parameters; conditions combine with AND. */
public record Where(String sql, Map<String, Object> params) {
    public static final Where ALL = new Where("1 = 1", Map.of());

    public Where {
        params = java.util.Collections.unmodifiableMap(new HashMap<>(params));
    }

    public static Where and(List<Where> parts) {
        if (parts.isEmpty()) return ALL;
        var sql = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        for (Where w : parts) {
            if (!sql.isEmpty()) sql.append(" AND ");
            sql.append('(').append(w.sql).append(')');
            params.putAll(w.params);
        }
        return new Where(sql.toString(), params);
    }
}
