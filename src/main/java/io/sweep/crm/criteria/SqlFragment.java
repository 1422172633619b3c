package io.sweep.crm.criteria;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A boolean SQL expression with named parameters ({@code :c0}) and their values, for Jdbi's {@code bindMap}. */
public record SqlFragment(String sql, Map<String, Object> params) {

    public SqlFragment {
        Objects.requireNonNull(sql, "sql");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
}
