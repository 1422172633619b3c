package io.sweep.crm;

import io.sweep.db.Database;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Where a record's history is read from, and where the writes no job keeps are written. A job's
 * writes are its {@code job_records} (before and after values, committed with each chunk), read
 * by record through their index; every other write of Sweep is a {@code record_history} row,
 * inserted in the transaction of the write itself.
 */
public final class RecordHistoryRepository {
    private final Database db;

    public RecordHistoryRepository(Database db) {
        this.db = db;
    }

    /** A write no job keeps, as stored: {@code before} is null for a record just created. */
    public record DirectWrite(long moduleId, long recordId, OffsetDateTime time, String action, long userId,
                              String before, String after, int versionAfter) {}

    /**
     * One write of a record, from either source. {@code jobId} and the job's columns are null for a
     * direct write; {@code startedBy} is null for a job a webhook or a schedule started.
     */
    public record Stored(OffsetDateTime time, int versionAfter, String before, String after, Long jobId, String trigger,
                         String action, String ruleId, String ruleVersion, long runAs, Long startedBy, Long undoOf, Long cvid) {}

    /** Writes these rows as one JDBC batch, in the caller's transaction. */
    public void insert(Handle h, List<DirectWrite> writes) {
        if (writes.isEmpty()) return;
        var batch = h.prepareBatch("""
                INSERT INTO record_history (module_id, record_id, change_time, action, user_id, before_values, after_values, version_after)
                VALUES (:module, :record, :time, :action, :user, :before, :after, :version)""");
        for (DirectWrite w : writes) {
            batch.bind("module", w.moduleId()).bind("record", w.recordId()).bind("time", w.time()).bind("action", w.action())
                    .bind("user", w.userId()).bind("before", w.before()).bind("after", w.after()).bind("version", w.versionAfter())
                    .add();
        }
        batch.execute();
    }

    /**
     * Every write of one record of {@code moduleId}, both sources, in no particular order. A job's
     * write is timed when its chunk committed. Only writes whose values mention {@code field}
     * when it is given (a prefilter: the caller checks the field exactly).
     */
    public List<Stored> writesOf(long moduleId, long recordId, String field) {
        return db.read(h -> writesOf(h, moduleId, recordId, field));
    }

    /** As {@link #writesOf(long, long, String)}, on the caller's handle (inside a chunk's transaction). */
    public List<Stored> writesOf(Handle h, long moduleId, long recordId, String field) {
        String mentions = field == null ? "" : " AND after_values LIKE :mention";
        // '_' in a field's name matches any character here, which only widens the prefilter
        String pattern = field == null ? null : "%\"" + field + "\":%";
        List<Stored> all = new ArrayList<>();
        var jobs = h.createQuery("""
                SELECT c.done_time, r.version_after, r.before_values, r.after_values, j.id AS job_id, j.trigger_type,
                       j.rule_id, j.rule_version, j.user_id, j.started_by, j.undo_of, j.cvid
                FROM job_records r
                JOIN jobs j ON j.id = r.job_id
                LEFT JOIN job_chunks c ON c.job_id = r.job_id AND c.chunk_no = r.chunk_no
                WHERE r.record_id = :record AND r.status = 'UPDATED' AND j.module_id = :module AND j.dry_run = FALSE"""
                + mentions.replace("after_values", "r.after_values"))
                .bind("record", recordId).bind("module", moduleId);
        if (pattern != null) jobs.bind("mention", pattern);
        all.addAll(jobs.map((rs, ctx) -> {
            String ruleId = rs.getString("rule_id");
            String action = rs.getObject("undo_of") != null ? "undo" : ruleId != null ? "rule" : "mass_update";
            return new Stored(rs.getObject("done_time", OffsetDateTime.class), rs.getInt("version_after"),
                    rs.getString("before_values"), rs.getString("after_values"), rs.getLong("job_id"), rs.getString("trigger_type"),
                    action, ruleId, rs.getString("rule_version"), rs.getLong("user_id"), nullableLong(rs.getObject("started_by")),
                    nullableLong(rs.getObject("undo_of")), nullableLong(rs.getObject("cvid")));
        }).list());
        var direct = h.createQuery("""
                SELECT change_time, version_after, before_values, after_values, action, user_id
                FROM record_history WHERE record_id = :record AND module_id = :module""" + mentions)
                .bind("record", recordId).bind("module", moduleId);
        if (pattern != null) direct.bind("mention", pattern);
        all.addAll(direct.map((rs, ctx) -> {
            long user = rs.getLong("user_id");
            return new Stored(rs.getObject("change_time", OffsetDateTime.class), rs.getInt("version_after"), rs.getString("before_values"),
                    rs.getString("after_values"), null, "api", rs.getString("action"), null, null, user, user, null, null);
        }).list());
        return all;
    }

    private static Long nullableLong(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    /**
     * Removes up to {@code limit} rows written before {@code cutoff}, oldest first, in a short
     * transaction of their own; returns how many (fewer than {@code limit}: none are left).
     */
    public int deleteOlderThan(OffsetDateTime cutoff, int limit) {
        return db.inTransaction(h -> h.createUpdate("""
                        DELETE FROM record_history WHERE (record_id, version_after) IN
                            (SELECT record_id, version_after FROM record_history WHERE change_time < :cutoff
                             ORDER BY change_time LIMIT :limit)""")
                .bind("cutoff", cutoff).bind("limit", limit).execute());
    }
}
