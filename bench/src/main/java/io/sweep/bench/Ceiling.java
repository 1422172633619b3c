package io.sweep.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenario 1, the ceiling: plain JDBC, one batched {@code UPDATE … WHERE id = ?} per chunk of 500
 * rows, committed per chunk, over the same selection of the same table, setting the same columns
 * a Sweep job sets (the field, Modified_By, Modified_Time, version + 1). No validation, no
 * results, no bookkeeping: what the database itself can do here.
 *
 * <p>Runs in a child JVM with Sweep's heap ({@code -Xmx256m}), so H2 (which runs inside the JVM
 * that opens it and sizes its cache from the heap) works under the same conditions as inside
 * Sweep. The same update runs four times: the first pass finds the JVM, H2's page cache and
 * PostgreSQL's buffers cold; the ceiling is the median of the three warm passes after it (a
 * single pass of a second or two is at the mercy of whatever else the machine does). Prints
 * {@code CEILING <rows> <nanoseconds of the median warm pass> <nanoseconds of the cold pass>}.
 */
final class Ceiling {
    static final int CHUNK = 500;
    static final int WARM_PASSES = 3;

    private Ceiling() {}

    public static void main(String[] args) throws SQLException {
        Database db = Database.fromArgs(args, 0);
        String value = args[5];
        try (Connection c = db.connect()) {
            Dataset.Columns cols = Dataset.columns(c);
            List<Long> ids = marked(c, cols, Dataset.MARK);
            c.setAutoCommit(false);
            String sql = "UPDATE " + cols.table() + " SET " + cols.twitter() + " = ?, " + cols.modifiedBy() + " = ?, "
                    + cols.modifiedTime() + " = ?, version = version + 1 WHERE id = ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                long started = System.nanoTime();
                update(c, ps, cols, ids, value + "-cold");
                long cold = System.nanoTime() - started;
                long[] warm = new long[WARM_PASSES];
                for (int pass = 0; pass < WARM_PASSES; pass++) {
                    started = System.nanoTime();
                    update(c, ps, cols, ids, value + "-" + pass);
                    warm[pass] = System.nanoTime() - started;
                }
                java.util.Arrays.sort(warm);
                System.out.println("CEILING " + ids.size() + " " + warm[WARM_PASSES / 2] + " " + cold);
            }
        }
    }

    private static void update(Connection c, PreparedStatement ps, Dataset.Columns cols, List<Long> ids, String value) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            for (long id : ids.subList(from, Math.min(ids.size(), from + CHUNK))) {
                ps.setString(1, value);
                ps.setLong(2, cols.adminId());
                ps.setObject(3, now);
                ps.setLong(4, id);
                ps.addBatch();
            }
            for (int n : ps.executeBatch()) {
                if (n != 1 && n != Statement.SUCCESS_NO_INFO) throw new IllegalStateException("a row of the selection vanished");
            }
            c.commit();
        }
    }

    private static List<Long> marked(Connection c, Dataset.Columns cols, int mark) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM " + cols.table() + " WHERE " + cols.score() + " = " + mark + " ORDER BY id")) {
            while (rs.next()) ids.add(rs.getLong(1));
        }
        if (ids.isEmpty()) throw new IllegalStateException("nothing marked " + mark);
        return ids;
    }
}
