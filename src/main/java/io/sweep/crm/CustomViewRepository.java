package io.sweep.crm;

import io.sweep.db.Database;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

public final class CustomViewRepository {
    private final Database db;

    public CustomViewRepository(Database db) {
        this.db = db;
    }

    public List<CustomView> forModule(long moduleId) {
        return db.withHandle(h -> read(h, "WHERE module_id = :m ORDER BY is_default DESC, system_defined DESC, name, id", Map.of("m", moduleId)));
    }

    public Optional<CustomView> byId(long id) {
        return db.withHandle(h -> read(h, "WHERE id = :id", Map.of("id", id))).stream().findFirst();
    }

    private static List<CustomView> read(Handle h, String where, Map<String, Object> params) {
        Map<Long, Set<Long>> shares = new HashMap<>();
        h.createQuery("SELECT custom_view_id, user_id FROM custom_view_shares")
                .map((rs, ctx) -> shares.computeIfAbsent(rs.getLong("custom_view_id"), k -> new HashSet<>()).add(rs.getLong("user_id")))
                .list();
        return h.createQuery("SELECT * FROM custom_views " + where)
                .bindMap(params)
                .map((rs, ctx) -> new CustomView(
                        rs.getLong("id"), rs.getLong("module_id"), rs.getString("name"), rs.getString("system_name"),
                        rs.getBoolean("is_default"), rs.getBoolean("system_defined"), rs.getString("criteria"),
                        rs.getObject("owner_id", Long.class), rs.getBoolean("shared_with_all"),
                        shares.getOrDefault(rs.getLong("id"), Set.of())))
                .list();
    }
}
