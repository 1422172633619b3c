package io.sweep.crm;

import io.sweep.db.Database;
import io.sweep.db.Dialect;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Creates each module's record table from its field metadata: one typed column per field,
 * plus the system columns every record has. Idempotent (IF NOT EXISTS everywhere), so it runs
 * at every start and again when a custom field is added.
 */
public final class RecordSchema {
    /** Serialises schema changes between nodes sharing one PostgreSQL (any constant will do). */
    private static final long SCHEMA_LOCK_KEY = 0x5357454550L;

    private final Database db;

    public RecordSchema(Database db) {
        this.db = db;
    }

    public void sync(List<Module> modules) {
        createTables(modules);
        createIndexes(modules);
    }

    /** Tables and columns; indexes come separately, so a bulk load can run before them (several times faster). */
    public void createTables(List<Module> modules) {
        locked(handle -> modules.forEach(m -> createTable(handle, m)));
    }

    public void createIndexes(List<Module> modules) {
        locked(handle -> modules.forEach(m -> createIndexes(handle, m)));
    }

    private void locked(java.util.function.Consumer<Handle> work) {
        db.inTransaction(handle -> {
            if (db.dialect() == Dialect.POSTGRES) {
                handle.execute("SELECT pg_advisory_xact_lock(?)", SCHEMA_LOCK_KEY);
            }
            work.accept(handle);
            return null;
        });
    }

    private static void createTable(Handle handle, Module module) {
        String table = module.table();
        handle.execute("""
                CREATE TABLE IF NOT EXISTS %s (
                    id           BIGINT PRIMARY KEY,
                    version      INT NOT NULL DEFAULT 1,
                    territory_id BIGINT,
                    blueprint_id BIGINT,
                    tags         VARCHAR(4000)
                )""".formatted(table));
        for (Field field : module.fields()) {
            handle.execute("ALTER TABLE %s ADD COLUMN IF NOT EXISTS %s %s"
                    .formatted(table, field.column(), columnType(field)));
        }
    }

    private static void createIndexes(Handle handle, Module module) {
        String table = module.table();
        for (Field field : module.fields()) {
            if (indexed(field.dataType())) index(handle, table, field.column());
        }
        index(handle, table, "territory_id");
        index(handle, table, "blueprint_id");
    }

    private static void index(Handle handle, String table, String column) {
        handle.execute("CREATE INDEX IF NOT EXISTS %s_%s_idx ON %s (%s)".formatted(table, column, table, column));
    }

    /** Columns that selections typically filter on; free text stays unindexed to keep writes cheap. */
    private static boolean indexed(DataType type) {
        return switch (type) {
            case PICKLIST, OWNERLOOKUP, LOOKUP, DATE, DATETIME, INTEGER, BIGINT, CURRENCY, DOUBLE, DECIMAL -> true;
            default -> false;
        };
    }

    static String columnType(Field field) {
        return switch (field.dataType()) {
            case TEXT, EMAIL, PHONE, WEBSITE, PICKLIST, FORMULA, AUTONUMBER -> "VARCHAR(" + Math.max(field.length(), 1) + ")";
            case TEXTAREA -> "VARCHAR(32000)";
            case MULTISELECTPICKLIST -> "VARCHAR(4000)";
            case INTEGER -> "INTEGER";
            case BIGINT, LOOKUP, OWNERLOOKUP, LAYOUT -> "BIGINT";
            case DOUBLE, PERCENT -> "DOUBLE PRECISION";
            case DECIMAL, CURRENCY -> "NUMERIC(18,2)";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
            case DATETIME -> "TIMESTAMP WITH TIME ZONE";
        };
    }
}
