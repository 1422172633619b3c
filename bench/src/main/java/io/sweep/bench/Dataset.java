package io.sweep.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's data, prepared with plain JDBC while no Sweep process runs: the Leads table
 * grown to the wanted size by copying the demo leads, a selection of exactly {@code n} leads
 * marked in an indexed column (Lead_Score, which the demo fills with 0–100), a smaller warm-up
 * selection, and custom views selecting each marker. Every job of the benchmark sets Twitter,
 * an unindexed text field no blueprint drives, so every selected record is updated.
 */
final class Dataset {
    /** Lead_Score of the measured selection; the demo's scores are 0–100, so nothing else has it. */
    static final int MARK = 777777;
    /** Lead_Score of the warm-up selection (run once after each Sweep start, not measured). */
    static final int WARM_MARK = 777778;
    static final String VIEW = "Bench selection";
    static final String WARM_VIEW = "Bench warm-up";

    /** Column names of the Leads fields the benchmark touches (from Sweep's field metadata). */
    record Columns(String table, long moduleId, long adminId, String score, String twitter, String modifiedBy, String modifiedTime) {}

    /** The prepared selection: the marked ids in id order, and the custom views' ids. */
    record Selection(List<Long> ids, List<Long> warmIds, long viewId, long warmViewId, long tableRows) {}

    private Dataset() {}

    static Columns columns(Connection c) throws SQLException {
        String table;
        long moduleId;
        try (var s = c.createStatement(); var rs = s.executeQuery("SELECT id, table_name FROM modules WHERE api_name = 'Leads'")) {
            rs.next();
            moduleId = rs.getLong(1);
            table = rs.getString(2);
        }
        long adminId = single(c, "SELECT id FROM users WHERE email = 'admin@sweep.local'");
        return new Columns(table, moduleId, adminId, column(c, moduleId, "Lead_Score"), column(c, moduleId, "Twitter"),
                column(c, moduleId, "Modified_By"), column(c, moduleId, "Modified_Time"));
    }

    private static String column(Connection c, long moduleId, String apiName) throws SQLException {
        try (var ps = c.prepareStatement("SELECT column_name FROM fields WHERE module_id = ? AND api_name = ?")) {
            ps.setLong(1, moduleId);
            ps.setString(2, apiName);
            try (var rs = ps.executeQuery()) {
                if (!rs.next()) throw new IllegalStateException("Leads has no field " + apiName);
                return rs.getString(1);
            }
        }
    }

    static long rows(Connection c, Columns cols) throws SQLException {
        return single(c, "SELECT COUNT(*) FROM " + cols.table());
    }

    /**
     * Grows the Leads table to {@code target} rows by copying the first {@code sourceRows} leads
     * (the demo's) with new ids from Sweep's id sequence, a pass of at most {@code sourceRows} rows
     * per transaction. Copies never carry a benchmark marker. Then refreshes the planner's statistics,
     * as autovacuum (PostgreSQL) or a later ANALYZE (H2) would.
     */
    static void grow(Database db, long target, int sourceRows) throws SQLException {
        try (Connection c = db.connect()) {
            Columns cols = columns(c);
            long rows = rows(c, cols);
            if (rows < target) {
                sourceRows = (int) Math.min(sourceRows, rows);
                long lastSource = single(c, "SELECT id FROM " + cols.table() + " ORDER BY id LIMIT 1 OFFSET " + (sourceRows - 1));
                List<String> columns = columnNames(c, cols.table());
                var select = new ArrayList<String>();
                for (String col : columns) {
                    if (col.equalsIgnoreCase("id")) select.add(db.nextIdSql());
                    else if (col.equalsIgnoreCase(cols.score())) {
                        select.add("CASE WHEN " + col + " >= " + MARK + " THEN NULL ELSE " + col + " END");
                    } else select.add(col);
                }
                c.setAutoCommit(false);
                while (rows < target) {
                    long pass = Math.min(sourceRows, target - rows);
                    try (Statement s = c.createStatement()) {
                        s.executeUpdate("INSERT INTO " + cols.table() + " (" + String.join(", ", columns) + ") SELECT "
                                + String.join(", ", select) + " FROM " + cols.table() + " WHERE id <= " + lastSource
                                + " ORDER BY id LIMIT " + pass);
                    }
                    c.commit();
                    rows += pass;
                }
                c.setAutoCommit(true);
            }
            analyze(db, c, cols);
        }
    }

    /**
     * The quick run's stand-in for the demo data (whose seeding takes half a minute): {@code n}
     * plain leads with the system fields, a name, a company and a status, in batches of 1,000.
     */
    static void insertPlainLeads(Database db, int n) throws SQLException {
        try (Connection c = db.connect()) {
            Columns cols = columns(c);
            c.setAutoCommit(false);
            String sql = "INSERT INTO " + cols.table() + " (id, version, owner_id, created_by_id, " + cols.modifiedBy()
                    + ", created_time, " + cols.modifiedTime() + ", last_name, company, lead_status) VALUES ("
                    + db.nextIdSql() + ", 1, ?, ?, ?, ?, ?, ?, ?, ?)";
            var now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            String[] statuses = {"Not Contacted", "Attempted to Contact", "Contacted", "Cold"};
            try (var ps = c.prepareStatement(sql)) {
                for (int i = 0; i < n; i++) {
                    ps.setLong(1, cols.adminId());
                    ps.setLong(2, cols.adminId());
                    ps.setLong(3, cols.adminId());
                    ps.setObject(4, now.minusDays(i % 400));
                    ps.setObject(5, now.minusDays(i % 30));
                    ps.setString(6, "Lead" + i);
                    ps.setString(7, "Company " + (i % 997));
                    ps.setString(8, statuses[i % statuses.length]);
                    ps.addBatch();
                    if ((i + 1) % 1000 == 0 || i == n - 1) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
            }
            c.setAutoCommit(true);
        }
    }

    /**
     * Marks the lowest {@code n} ids with {@link #MARK} and the next {@code warm} ids with
     * {@link #WARM_MARK} (any older marks are cleared), and creates the two custom views once.
     */
    static Selection mark(Database db, int n, int warm) throws SQLException {
        try (Connection c = db.connect()) {
            Columns cols = columns(c);
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE " + cols.table() + " SET " + cols.score() + " = NULL WHERE " + cols.score() + " >= " + MARK);
            }
            List<Long> first = new ArrayList<>(n + warm);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM " + cols.table() + " ORDER BY id LIMIT " + (n + warm))) {
                while (rs.next()) first.add(rs.getLong(1));
            }
            if (first.size() < n + warm) throw new IllegalStateException("the Leads table has fewer than " + (n + warm) + " rows");
            List<Long> ids = List.copyOf(first.subList(0, n));
            List<Long> warmIds = List.copyOf(first.subList(n, n + warm));
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE " + cols.table() + " SET " + cols.score() + " = " + MARK + " WHERE id <= " + ids.get(n - 1));
                s.executeUpdate("UPDATE " + cols.table() + " SET " + cols.score() + " = " + WARM_MARK
                        + " WHERE id > " + ids.get(n - 1) + " AND id <= " + warmIds.get(warm - 1));
            }
            long viewId = view(db, c, cols, VIEW, MARK);
            long warmViewId = view(db, c, cols, WARM_VIEW, WARM_MARK);
            c.commit();
            c.setAutoCommit(true);
            analyze(db, c, cols);
            long marked = single(c, "SELECT COUNT(*) FROM " + cols.table() + " WHERE " + cols.score() + " = " + MARK);
            if (marked != n) throw new IllegalStateException("marked " + marked + " leads, wanted " + n);
            return new Selection(ids, warmIds, viewId, warmViewId, rows(c, cols));
        }
    }

    /** Checks that the selection still holds exactly the marked leads (after growing the table). */
    static long countMarked(Database db) throws SQLException {
        try (Connection c = db.connect()) {
            Columns cols = columns(c);
            return single(c, "SELECT COUNT(*) FROM " + cols.table() + " WHERE " + cols.score() + " = " + MARK);
        }
    }

    /**
     * The database's plan for the selection, as Sweep words it for the custom view (criteria
     * {@code Lead_Score = 777777}, the user's visibility and the territory filter being {@code 1 = 1}
     * for an administrator): the evidence that scenario 5 selects through the index.
     */
    static String selectionPlan(Database db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            Columns cols = columns(c);
            var plan = new StringBuilder();
            try (ResultSet rs = s.executeQuery("EXPLAIN SELECT id FROM " + cols.table() + " WHERE (1 = 1) AND (" + cols.score() + " = "
                    + MARK + ") AND (1 = 1)")) {
                while (rs.next()) plan.append(rs.getString(1)).append('\n');
            }
            return plan.toString().trim();
        }
    }

    static long rows(Database db) throws SQLException {
        try (Connection c = db.connect()) {
            return rows(c, columns(c));
        }
    }

    private static long view(Database db, Connection c, Columns cols, String name, int mark) throws SQLException {
        try (var ps = c.prepareStatement("SELECT id FROM custom_views WHERE module_id = ? AND name = ?")) {
            ps.setLong(1, cols.moduleId());
            ps.setString(2, name);
            try (var rs = ps.executeQuery()) {
                if (rs.next()) return rs.getLong(1);
            }
        }
        long id = single(c, "SELECT " + db.nextIdSql());
        try (var ps = c.prepareStatement("""
                INSERT INTO custom_views (id, module_id, name, criteria, owner_id, shared_with_all, created_time)
                VALUES (?, ?, ?, ?, ?, TRUE, CURRENT_TIMESTAMP)""")) {
            ps.setLong(1, id);
            ps.setLong(2, cols.moduleId());
            ps.setString(3, name);
            ps.setString(4, "{\"comparator\":\"equal\",\"field\":{\"api_name\":\"Lead_Score\"},\"value\":" + mark + "}");
            ps.setLong(5, cols.adminId());
            ps.executeUpdate();
        }
        return id;
    }

    private static void analyze(Database db, Connection c, Columns cols) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(db.kind() == Database.Kind.H2 ? "ANALYZE TABLE " + cols.table() : "ANALYZE " + cols.table());
        }
    }

    private static List<String> columnNames(Connection c, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            var md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) names.add(md.getColumnName(i).toLowerCase(Locale.ROOT));
        }
        return names;
    }

    static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) throw new IllegalStateException("no row: " + sql);
            return rs.getLong(1);
        }
    }
}
