package io.sweep.crm;

import java.util.Collection;
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

    /** {@code column IN (:prefix0, :prefix1, …)} over {@code values}; none matches no row. */
    public static Where in(String column, String paramPrefix, Collection<?> values) {
        if (values.isEmpty()) return new Where("1 = 0", Map.of());
        var sql = new StringBuilder(column).append(" IN (");
        Map<String, Object> params = new LinkedHashMap<>();
        int i = 0;
        for (Object value : values) {
            sql.append(i == 0 ? "" : ", ").append(':').append(paramPrefix).append(i);
            params.put(paramPrefix + i++, value);
        }
        return new Where(sql.append(')').toString(), params);
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
