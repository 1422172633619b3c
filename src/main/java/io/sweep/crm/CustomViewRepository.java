package io.sweep.crm;

import io.sweep.db.Database;
import java.time.OffsetDateTime;
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

    /** Thrown when a view cannot be deleted because a job on it is SCHEDULED or RUNNING. */
    public static final class ViewInUseException extends RuntimeException {
        public ViewInUseException(long viewId) {
            super("custom view " + viewId + " has a scheduled or running job");
        }
    }

    /** Inserts a user's view with its shares; returns it. */
    public CustomView insert(long moduleId, String name, String criteriaJson, long ownerId, boolean sharedWithAll, Set<Long> sharedWith,
                             OffsetDateTime now) {
        return db.inTransaction(h -> {
            long id = db.nextId(h);
            h.createUpdate("""
                    INSERT INTO custom_views (id, module_id, name, is_default, system_defined, criteria, owner_id, shared_with_all, created_time)
                    VALUES (:id, :module, :name, FALSE, FALSE, :criteria, :owner, :all, :now)""")
                    .bind("id", id).bind("module", moduleId).bind("name", name)
                    .bindByType("criteria", criteriaJson, String.class).bind("owner", ownerId).bind("all", sharedWithAll)
                    .bind("now", now)
                    .execute();
            share(h, id, sharedWith);
            return read(h, "WHERE id = :id", Map.of("id", id)).get(0);
        });
    }

    /** Replaces a view's name, criteria and sharing (module and owner stay); returns it. */
    public CustomView update(long id, String name, String criteriaJson, boolean sharedWithAll, Set<Long> sharedWith) {
        return db.inTransaction(h -> {
            h.createUpdate("UPDATE custom_views SET name = :name, criteria = :criteria, shared_with_all = :all WHERE id = :id")
                    .bind("name", name).bindByType("criteria", criteriaJson, String.class).bind("all", sharedWithAll).bind("id", id)
                    .execute();
            h.createUpdate("DELETE FROM custom_view_shares WHERE custom_view_id = :id").bind("id", id).execute();
            share(h, id, sharedWith);
            return read(h, "WHERE id = :id", Map.of("id", id)).get(0);
        });
    }

    /**
     * Deletes a view. Finished jobs keep their history without the link (their request still
     * names the cvid); a SCHEDULED or RUNNING job on the view refuses the delete. The view's row
     * is locked first, so a job scheduled meanwhile waits or is seen.
     */
    public void delete(long id) {
        db.useHandle(h -> h.useTransaction(tx -> {
            tx.createQuery("SELECT id FROM custom_views WHERE id = :id FOR UPDATE").bind("id", id).mapTo(Long.class).findOne();
            long active = tx.createQuery("SELECT COUNT(*) FROM jobs WHERE cvid = :id AND status IN ('SCHEDULED', 'RUNNING')")
                    .bind("id", id).mapTo(Long.class).one();
            if (active > 0) throw new ViewInUseException(id);
            tx.createUpdate("UPDATE jobs SET cvid = NULL WHERE cvid = :id").bind("id", id).execute();
            tx.createUpdate("DELETE FROM custom_view_shares WHERE custom_view_id = :id").bind("id", id).execute();
            tx.createUpdate("DELETE FROM custom_views WHERE id = :id").bind("id", id).execute();
        }));
    }

    private static void share(Handle h, long viewId, Set<Long> users) {
        if (users.isEmpty()) return;
        var batch = h.prepareBatch("INSERT INTO custom_view_shares (custom_view_id, user_id) VALUES (:view, :user)");
        for (long user : users) batch.bind("view", viewId).bind("user", user).add();
        batch.execute();
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
