package io.sweep.records;

import io.sweep.auth.User;
import io.sweep.auth.UserRepository;
import io.sweep.crm.DataType;
import io.sweep.crm.Field;
import io.sweep.crm.Metadata;
import io.sweep.crm.Module;
import io.sweep.crm.RecordRow;
import io.sweep.db.Database;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves what records point at (owners, users, looked-up records) to names, a page at a
 * time, so rendering {@code {"name","id"}} costs one query per referenced table, not per row.
 */
public final class References {
    private final Database db;
    private final Metadata metadata;
    private final UserRepository users;

    public References(Database db, Metadata metadata, UserRepository users) {
        this.db = db;
        this.metadata = metadata;
        this.users = users;
    }

    public record Resolved(Map<Long, User> users, Map<Long, String> recordNames) {}

    public Resolved resolve(Module module, Collection<RecordRow> rows) {
        Set<Long> userIds = new HashSet<>();
        Map<Module, Set<Long>> lookups = new HashMap<>();
        for (Field f : module.fields()) {
            for (RecordRow row : rows) {
                Object v = row.value(f.apiName());
                if (v == null) continue;
                if (f.dataType() == DataType.OWNERLOOKUP) userIds.add((Long) v);
                if (f.dataType() == DataType.LOOKUP && f.lookupModuleId() != null) {
                    metadata.moduleById(f.lookupModuleId()).ifPresent(m -> lookups.computeIfAbsent(m, k -> new HashSet<>()).add((Long) v));
                }
            }
        }
        Map<Long, String> names = new HashMap<>();
        lookups.forEach((target, ids) -> nameField(target).ifPresent(nameField -> db.read(h -> h.createQuery(
                        "SELECT id, " + nameField.column() + " AS name FROM " + target.table() + " WHERE id IN (<ids>)")
                .bindList("ids", List.copyOf(ids))
                .map((rs, ctx) -> names.put(rs.getLong("id"), rs.getString("name")))
                .list())));
        return new Resolved(users.byIds(userIds), names);
    }

    /** The field that names a record: the module's first mandatory text field (Account_Name, Deal_Name, Last_Name …). */
    public static Optional<Field> nameField(Module module) {
        return module.fields().stream()
                .filter(f -> f.dataType() == DataType.TEXT && f.systemMandatory())
                .findFirst();
    }
}
