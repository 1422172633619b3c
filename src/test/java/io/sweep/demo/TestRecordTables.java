package io.sweep.demo;

import io.sweep.crm.DataType;
import io.sweep.db.Database;
import java.util.List;
import java.util.Map;

/**
 * Creates every module's record table from the field metadata, the way RecordSchema does in
 * the application, so tests of the migrations and the demo data need no running app.
 */
public final class TestRecordTables {
    private TestRecordTables() {}

    public static void create(Database db) {
        db.withHandle(h -> {
            List<Map<String, Object>> modules = h.createQuery("SELECT id, table_name FROM modules ORDER BY id")
                    .mapToMap()
                    .list();
            for (var module : modules) {
                var columns = new StringBuilder(
                        "id BIGINT PRIMARY KEY, version INT NOT NULL DEFAULT 1, territory_id BIGINT, blueprint_id BIGINT, tags VARCHAR(4000)");
                var fields = h.createQuery("""
                                SELECT column_name, data_type, length FROM fields
                                WHERE module_id = :module ORDER BY sequence_number""")
                        .bind("module", ((Number) module.get("id")).longValue())
                        .mapToMap()
                        .list();
                for (var field : fields) {
                    var type = DataType.fromApiName((String) field.get("data_type"))
                            .orElseThrow(() -> new IllegalStateException("unknown data_type " + field));
                    columns.append(", ").append(field.get("column_name")).append(' ')
                            .append(sqlType(type, ((Number) field.get("length")).intValue()));
                }
                h.execute("CREATE TABLE " + module.get("table_name") + " (" + columns + ")");
            }
            return null;
        });
    }

    static String sqlType(DataType type, int length) {
        return switch (type) {
            case TEXT, EMAIL, PHONE, WEBSITE, PICKLIST, FORMULA, AUTONUMBER -> "VARCHAR(" + length + ")";
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
