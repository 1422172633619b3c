package io.sweep.crm;

import io.sweep.db.Database;
import io.sweep.db.QueryTimeoutException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Reads the Activities view: one {@code UNION ALL} over the tables of its parts, each part's
 * columns named as the view's and typed NULLs where a part lacks a field, so a filter and a sort
 * over the view's columns apply to all of them at once. A row carries the values of its own
 * module's fields and {@code Activity_Type}, nothing of the other parts.
 */
public final class ActivityRepository {
    private final Database db;
    private final int readTimeoutSeconds;

    public ActivityRepository(Database db) {
        this(db, RecordRepository.DEFAULT_READ_TIMEOUT_SECONDS);
    }

    public ActivityRepository(Database db, int readTimeoutSeconds) {
        this.db = db;
        this.readTimeoutSeconds = readTimeoutSeconds;
    }

    /**
     * A filtered, sorted page of the view. {@code visible} holds, for each part to read, the
     * condition on its own table that keeps to the records the caller may see; a part left out is not read.
     */
    public List<RecordRow> select(Module activities, Map<Module, Where> visible, Where filter, String orderBy, int offset, int limit) {
        if (visible.isEmpty()) return List.of();
        Map<String, Object> params = new LinkedHashMap<>(filter.params());
        List<String> branches = new ArrayList<>();
        for (var part : visible.entrySet()) {
            branches.add(branch(activities, part.getKey(), part.getValue().sql()));
            params.putAll(part.getValue().params());
        }
        String sql = "SELECT * FROM (" + String.join(" UNION ALL ", branches) + ") activities WHERE " + filter.sql()
                + " ORDER BY " + orderBy + " LIMIT :limit OFFSET :offset";
        try {
            return db.read(h -> h.createQuery(sql)
                    .setQueryTimeout(readTimeoutSeconds)
                    .bindMap(params)
                    .bind("limit", limit)
                    .bind("offset", offset)
                    .map((rs, ctx) -> read(rs, activities, visible.keySet()))
                    .list());
        } catch (RuntimeException e) {
            if (Database.isQueryTimeout(e)) throw new QueryTimeoutException(readTimeoutSeconds, e);
            throw e;
        }
    }

    /** Which part holds each of these ids; an id of no part (a lead's, say) is absent. */
    public Map<Long, Module> partsOf(Handle h, List<Module> parts, Collection<Long> ids) {
        Map<Long, Module> found = new LinkedHashMap<>();
        if (ids.isEmpty()) return found;
        for (Module part : parts) {
            h.createQuery("SELECT id FROM " + part.table() + " WHERE id IN (<ids>)")
                    .bindList("ids", List.copyOf(ids))
                    .mapTo(Long.class)
                    .forEach(id -> found.put(id, part));
        }
        return found;
    }

    private static String branch(Module activities, Module part, String visibleSql) {
        String columns = activities.fields().stream().map(f -> column(f, part) + " AS " + f.column()).collect(Collectors.joining(", "));
        return "SELECT id, version, territory_id, blueprint_id, tags, " + columns + " FROM " + part.table() + " WHERE " + visibleSql;
    }

    private static String column(Field viewField, Module part) {
        if (viewField.apiName().equals(Activities.ACTIVITY_TYPE)) {
            // an api name from the metadata, never a client's text
            return "CAST('" + part.apiName() + "' AS VARCHAR(" + viewField.length() + "))";
        }
        return part.field(viewField.apiName())
                .map(Field::column)
                .orElse("CAST(NULL AS " + RecordSchema.columnType(viewField) + ")");
    }

    private static RecordRow read(ResultSet rs, Module activities, Collection<Module> parts) throws SQLException {
        String type = rs.getString("activity_type");
        Module part = parts.stream().filter(p -> p.apiName().equals(type)).findFirst()
                .orElseThrow(() -> new IllegalStateException("an activity of no part: " + type));
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field f : activities.fields()) {
            if (f.apiName().equals(Activities.ACTIVITY_TYPE) || part.field(f.apiName()).isPresent()) {
                values.put(f.apiName(), RecordRepository.readValue(rs, f));
            }
        }
        return new RecordRow(rs.getLong("id"), rs.getInt("version"), rs.getObject("territory_id", Long.class),
                rs.getObject("blueprint_id", Long.class), FieldValues.multiSelectFromColumn(rs.getString("tags")), values);
    }
}
