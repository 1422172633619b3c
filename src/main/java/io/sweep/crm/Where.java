package io.sweep.crm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A boolean SQL condition over one module's columns with its named parameters ({@code :c0}) and
 * their values, for Jdbi's {@code bindMap}. Compiled criteria, record access and request filters
 * are all one; conditions combine with AND.
 */
public record Where(String sql, Map<String, Object> params) {
    public static final Where ALL = new Where("1 = 1", Map.of());

    public Where {
        Objects.requireNonNull(sql, "sql");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    public static Where and(List<Where> parts) {
        if (parts.isEmpty()) return ALL;
        var sql = new StringBuilder();
        Map<String, Object> params = new LinkedHashMap<>();
        for (Where w : parts) {
            if (!sql.isEmpty()) sql.append(" AND ");
            sql.append('(').append(w.sql).append(')');
            params.putAll(w.params);
        }
        return new Where(sql.toString(), params);
    }
}
