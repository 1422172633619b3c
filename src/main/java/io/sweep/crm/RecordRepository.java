package io.sweep.crm;

import io.sweep.db.Database;
import io.sweep.db.QueryTimeoutException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Reads and writes a module's records. Every write maintains Modified_By, Modified_Time and
 * the record's version; inserts also set Created_By, Created_Time and (by default) Owner.
 * Column names come from field metadata only; values are always bound parameters.
 */
public final class RecordRepository {
    /** How long a filtered read ({@link #select}, {@link #count}) may run by default. */
    public static final int DEFAULT_READ_TIMEOUT_SECONDS = 10;

    private final Database db;
    private final int readTimeoutSeconds;

    public RecordRepository(Database db) {
        this(db, DEFAULT_READ_TIMEOUT_SECONDS);
    }

    /**
     * @param readTimeoutSeconds a filtered read running longer is cancelled with a
     *     {@link QueryTimeoutException}: criteria come from clients, and one slow query must not
     *     hold a connection (on an H2 file, a core) for as long as it likes
     */
    public RecordRepository(Database db, int readTimeoutSeconds) {
        if (readTimeoutSeconds < 1) throw new IllegalArgumentException("read timeout below one second: " + readTimeoutSeconds);
        this.db = db;
        this.readTimeoutSeconds = readTimeoutSeconds;
    }

    /** A change to one record: new field values, applied only if the record still has {@code expectedVersion}. */
    public record Change(long id, int expectedVersion, Map<Field, Object> values) {}

    public List<RecordRow> findByIds(Handle h, Module module, Collection<Long> ids, boolean forUpdate) {
        if (ids.isEmpty()) return List.of();
        // locking in id order: two updates of overlapping records wait for each other instead of deadlocking;
        // where one transaction writes at a time (an H2 file) nothing can come between, and the version
        // check of update() would still catch it
        return h.createQuery("SELECT " + selectList(module) + " FROM " + module.table() + " WHERE id IN (<ids>)"
                        + (forUpdate ? " ORDER BY id" + (db.concurrentWriters() ? " FOR UPDATE" : "") : ""))
                .bindList("ids", List.copyOf(ids))
                .map((rs, ctx) -> read(rs, module))
                .list();
    }

    public List<RecordRow> findByIds(Module module, Collection<Long> ids) {
        return db.withHandle(h -> findByIds(h, module, ids, false));
    }

    /** The {@code nameField} values of these records of {@code module}, by id, in one query; records that do not exist are missing. */
    public Map<Long, String> names(Module module, Field nameField, Collection<Long> ids) {
        if (ids.isEmpty()) return Map.of();
        Map<Long, String> names = new java.util.HashMap<>();
        db.read(h -> h.createQuery("SELECT id, " + nameField.column() + " AS name FROM " + module.table() + " WHERE id IN (<ids>)")
                .bindList("ids", List.copyOf(ids))
                .map((rs, ctx) -> names.put(rs.getLong("id"), rs.getString("name")))
                .list());
        return names;
    }

    /** Whether the module has a record with this id, as the caller's handle sees it (a lookup value must name one). */
    public boolean exists(Handle h, Module module, long id) {
        return h.createQuery("SELECT COUNT(*) FROM " + module.table() + " WHERE id = :id").bind("id", id).mapTo(Integer.class).one() > 0;
    }

    /** Ids of the records whose {@code lookup} names one of {@code targets}, in id order (the order their rows are locked in). */
    public List<Long> idsLinkedTo(Handle h, Module module, Field lookup, Collection<Long> targets) {
        if (targets.isEmpty()) return List.of();
        if (lookup.moduleId() != module.id()) throw new IllegalArgumentException(lookup.apiName() + " is not a field of " + module.apiName());
        return h.createQuery("SELECT id FROM " + module.table() + " WHERE " + lookup.column() + " IN (<targets>) ORDER BY id")
                .bindList("targets", List.copyOf(targets))
                .mapTo(Long.class)
                .list();
    }

    /** Rows of a filtered, sorted page. {@code where} is SQL over this module's columns with named parameters. */
    public List<RecordRow> select(Module module, String where, Map<String, Object> params, String orderBy, int offset, int limit) {
        return timed(() -> db.read(h -> h.createQuery("SELECT " + selectList(module) + " FROM " + module.table()
                        + " WHERE " + where + " ORDER BY " + orderBy + " LIMIT :limit OFFSET :offset")
                .setQueryTimeout(readTimeoutSeconds)
                .bindMap(params)
                .bind("limit", limit)
                .bind("offset", offset)
                .map((rs, ctx) -> read(rs, module))
                .list()));
    }

    public long count(Module module, String where, Map<String, Object> params) {
        return timed(() -> db.read(h -> h.createQuery("SELECT COUNT(*) FROM " + module.table() + " WHERE " + where)
                .setQueryTimeout(readTimeoutSeconds)
                .bindMap(params).mapTo(Long.class).one()));
    }

    private <R> R timed(java.util.function.Supplier<R> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            if (Database.isQueryTimeout(e)) throw new QueryTimeoutException(readTimeoutSeconds, e);
            throw e;
        }
    }

    public long insert(Handle h, Module module, Map<Field, Object> values, long userId, OffsetDateTime now) {
        long id = db.nextId(h);
        Map<Field, Object> row = new LinkedHashMap<>(values);
        module.field("Owner").ifPresent(f -> row.putIfAbsent(f, userId));
        putSystem(module, row, "Created_By", userId);
        putSystem(module, row, "Created_Time", now);
        putSystem(module, row, "Modified_By", userId);
        putSystem(module, row, "Modified_Time", now);
        List<Field> fields = List.copyOf(row.keySet());
        String columns = fields.stream().map(Field::column).collect(Collectors.joining(", "));
        String params = fields.stream().map(f -> ":f" + f.id()).collect(Collectors.joining(", "));
        var insert = h.createUpdate("INSERT INTO " + module.table() + " (id, version, " + columns + ") VALUES (:id, 1, " + params + ")")
                .bind("id", id);
        for (Field f : fields) bindValue(insert, "f" + f.id(), f, row.get(f));
        insert.execute();
        return id;
    }

    /**
     * Applies changes as one JDBC batch. Returns, per change, whether it was applied (false when the
     * record changed version or vanished in between). All changes must set the same fields.
     */
    public int[] update(Handle h, Module module, List<Change> changes, long userId, OffsetDateTime now) {
        if (changes.isEmpty()) return new int[0];
        List<Field> fields = List.copyOf(changes.get(0).values().keySet());
        String sets = fields.stream().map(f -> f.column() + " = :f" + f.id()).collect(Collectors.joining(", "));
        var batch = h.prepareBatch("UPDATE " + module.table() + " SET " + (sets.isEmpty() ? "" : sets + ", ")
                + column(module, "Modified_By") + " = :modifiedBy, " + column(module, "Modified_Time") + " = :modifiedTime, "
                + "version = version + 1 WHERE id = :id AND version = :version");
        for (Change change : changes) {
            for (Field f : fields) bindValue(batch, "f" + f.id(), f, change.values().get(f));
            batch.bind("modifiedBy", userId).bind("modifiedTime", now).bind("id", change.id()).bind("version", change.expectedVersion()).add();
        }
        return batch.execute();
    }

    public int delete(Handle h, Module module, Collection<Long> ids) {
        if (ids.isEmpty()) return 0;
        return h.createUpdate("DELETE FROM " + module.table() + " WHERE id IN (<ids>)").bindList("ids", List.copyOf(ids)).execute();
    }

    private static void putSystem(Module module, Map<Field, Object> row, String apiName, Object value) {
        module.field(apiName).ifPresent(f -> row.put(f, value));
    }

    private static String column(Module module, String apiName) {
        return module.field(apiName).orElseThrow(() -> new IllegalStateException(module.apiName() + " has no " + apiName)).column();
    }

    private static String selectList(Module module) {
        var columns = new ArrayList<String>(List.of("id", "version", "territory_id", "blueprint_id", "tags"));
        module.fields().forEach(f -> columns.add(f.column()));
        return String.join(", ", columns);
    }

    private static RecordRow read(ResultSet rs, Module module) throws SQLException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field f : module.fields()) values.put(f.apiName(), readValue(rs, f));
        return new RecordRow(rs.getLong("id"), rs.getInt("version"), rs.getObject("territory_id", Long.class),
                rs.getObject("blueprint_id", Long.class), FieldValues.multiSelectFromColumn(rs.getString("tags")), values);
    }

    static Object readValue(ResultSet rs, Field f) throws SQLException {
        String c = f.column();
        return switch (f.dataType()) {
            case TEXT, TEXTAREA, EMAIL, PHONE, WEBSITE, PICKLIST, FORMULA, AUTONUMBER -> rs.getString(c);
            case MULTISELECTPICKLIST -> FieldValues.multiSelectFromColumn(rs.getString(c));
            case INTEGER -> rs.getObject(c, Integer.class);
            case BIGINT, LOOKUP, OWNERLOOKUP, LAYOUT -> rs.getObject(c, Long.class);
            case DOUBLE, PERCENT -> rs.getObject(c, Double.class);
            case DECIMAL, CURRENCY -> rs.getBigDecimal(c);
            case BOOLEAN -> rs.getObject(c, Boolean.class);
            case DATE -> rs.getObject(c, LocalDate.class);
            case DATETIME -> rs.getObject(c, OffsetDateTime.class);
        };
    }

    /**
     * Binds by the column's Java type, nulls included: a prepared batch decides how to bind a
     * parameter from its first row, so every row must bind it the same way.
     */
    @SuppressWarnings("unchecked")
    static void bindValue(SqlStatement<?> statement, String name, Field f, Object value) {
        Object bound = value != null && f.dataType() == DataType.MULTISELECTPICKLIST
                ? FieldValues.multiSelectColumn((List<String>) value) : value;
        statement.bindByType(name, bound, f.dataType().columnJavaType());
    }
}
