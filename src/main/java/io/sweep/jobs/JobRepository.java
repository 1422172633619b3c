package io.sweep.jobs;

import io.sweep.crm.Module;
import io.sweep.db.Database;
import io.sweep.massupdate.RecordOutcome;
import io.sweep.crm.Where;
import io.sweep.crm.StoredValues;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Jobs, their chunks and their per-record results. */
public final class JobRepository {
    public static final int CHUNK_SIZE = 500;

    private static final RowMapper<Job> JOB = (rs, ctx) -> new Job(
            rs.getLong("id"), rs.getLong("module_id"), rs.getLong("user_id"), Trigger.fromDb(rs.getString("trigger_type")),
            JobStatus.valueOf(rs.getString("status")), rs.getString("request"), rs.getObject("cvid", Long.class),
            rs.getString("rule_id"), rs.getString("rule_version"), rs.getString("parameters"), rs.getObject("undo_of", Long.class),
            rs.getInt("total_count"), rs.getInt("updated_count"), rs.getInt("failed_count"), rs.getInt("chunk_count"),
            rs.getInt("chunks_done"), rs.getString("message"), rs.getObject("created_time", OffsetDateTime.class),
            rs.getObject("start_time", OffsetDateTime.class), rs.getObject("end_time", OffsetDateTime.class),
            rs.getLong("script_millis"), rs.getObject("started_by", Long.class), rs.getInt("skipped_count"),
            rs.getBoolean("dry_run"), rs.getObject("results_purged_at", OffsetDateTime.class));

    private static final RowMapper<JobResult> RECORD = (rs, ctx) -> new JobResult(
            rs.getLong("record_id"), rs.getString("status"), rs.getString("code"), rs.getString("message"),
            rs.getString("before_values"), rs.getString("after_values"), rs.getString("conflict"));

    private final Database db;

    public JobRepository(Database db) {
        this.db = db;
    }

    /**
     * A job about to be created: {@code userId} is whose rights it runs with, {@code startedBy} who
     * started it (null for a trigger). A job that {@code waits} takes its kind's key later
     * ({@link #claimQueued}); any other takes it now.
     */
    public record Draft(long id, long moduleId, long userId, Trigger trigger, JobKind kind, String request, OffsetDateTime created,
                        Long startedBy, boolean waits) {}

    /** Inserts the job with no records yet; false when another active job holds its key. */
    public boolean insert(Handle h, Draft d) {
        Long cvid = null;
        String ruleId = null;
        String ruleVersion = null;
        String parameters = null;
        Long undoOf = null;
        boolean dryRun = false;
        switch (d.kind()) {
            case JobKind.ViewUpdate v -> cvid = v.cvid();
            case JobKind.RuleRun r -> {
                cvid = r.cvid();
                ruleId = r.ruleId();
                ruleVersion = r.version();
                parameters = r.parameters();
            }
            case JobKind.RuleDryRun r -> {
                ruleId = r.ruleId();
                ruleVersion = r.version();
                parameters = r.parameters();
                dryRun = true;
            }
            case JobKind.Undo u -> undoOf = u.undoneJobId();
        }
        String key = d.kind().activeKey().value();
        try {
            h.createUpdate("""
                    INSERT INTO jobs (id, module_id, user_id, trigger_type, status, request, cvid, rule_id, rule_version, parameters,
                                      undo_of, active_key, queued_key, total_count, chunk_count, created_time, started_by, dry_run)
                    VALUES (:id, :module, :user, :trigger, 'SCHEDULED', :request, :cvid, :ruleId, :ruleVersion, :parameters,
                            :undoOf, :activeKey, :queuedKey, 0, 0, :created, :startedBy, :dryRun)""")
                    .bind("id", d.id()).bind("module", d.moduleId()).bind("user", d.userId()).bind("trigger", d.trigger().dbName())
                    .bind("request", d.request()).bind("cvid", cvid).bind("ruleId", ruleId).bind("ruleVersion", ruleVersion)
                    .bind("parameters", parameters).bind("undoOf", undoOf)
                    .bind("activeKey", d.waits() ? null : key).bind("queuedKey", d.waits() ? key : null)
                    .bind("created", d.created()).bind("startedBy", d.startedBy()).bind("dryRun", dryRun)
                    .execute();
            return true;
        } catch (RuntimeException e) {
            if (Database.isUniqueViolation(e)) return false;
            throw e;
        }
    }

    /**
     * Freezes the selection: every record of the module matching {@code where}, in id order, as
     * the job's chunks of {@link #CHUNK_SIZE} ids each. Returns how many records it holds.
     */
    public int freezeSelection(Handle h, long jobId, Module module, Where where) {
        try (var ids = h.createQuery("SELECT id FROM " + module.table() + " WHERE " + where.sql() + " ORDER BY id")
                .bindMap(where.params()).setFetchSize(FREEZE_FETCH).mapTo(Long.class).stream()) {
            return insertChunks(h, jobId, ids.iterator());
        }
    }

    /**
     * Freezes these records (what an undo still has to put back), in id order, numbered into
     * chunks as {@link #freezeSelection} numbers them. Returns how many records it holds.
     */
    public int freezeRecords(Handle h, long jobId, List<Long> recordIds) {
        List<Long> sorted = new ArrayList<>(recordIds);
        Collections.sort(sorted);
        return insertChunks(h, jobId, sorted.iterator());
    }

    /** Ids read per round trip while a selection is frozen: a million-record job is never in memory at once. */
    private static final int FREEZE_FETCH = 5_000;
    /** Chunks inserted per batch while a selection is frozen. */
    private static final int CHUNKS_PER_BATCH = 20;

    /** Cuts ids given in ascending order into PENDING chunks of {@link #CHUNK_SIZE}; returns how many ids there were. */
    private static int insertChunks(Handle h, long jobId, Iterator<Long> ids) {
        int total = 0;
        int chunk = 0;
        List<Long> chunkIds = new ArrayList<>(CHUNK_SIZE);
        PreparedBatch batch = null;
        while (ids.hasNext()) {
            chunkIds.add(ids.next());
            total++;
            if (chunkIds.size() == CHUNK_SIZE || !ids.hasNext()) {
                if (batch == null) batch = h.prepareBatch("""
                        INSERT INTO job_chunks (job_id, chunk_no, status, record_ids, record_count, last_record_id)
                        VALUES (:job, :chunk, 'PENDING', :ids, :count, :last)""");
                batch.bind("job", jobId).bind("chunk", chunk++).bind("ids", ChunkIds.write(chunkIds))
                        .bind("count", chunkIds.size()).bind("last", chunkIds.get(chunkIds.size() - 1)).add();
                chunkIds.clear();
                if (batch.size() == CHUNKS_PER_BATCH || !ids.hasNext()) {
                    batch.execute();
                    batch = null;
                }
            }
        }
        return total;
    }

    /** Sets the counts of a job whose selection is frozen ({@link #freezeSelection}, {@link #freezeRecords}). */
    public void setCounts(Handle h, long jobId, int total) {
        int chunks = (total + CHUNK_SIZE - 1) / CHUNK_SIZE;
        h.createUpdate("UPDATE jobs SET total_count = :total, chunk_count = :chunks WHERE id = :id")
                .bind("total", total).bind("chunks", chunks).bind("id", jobId).execute();
    }

    public Optional<Job> find(long id) {
        return db.withHandle(h -> find(h, id));
    }

    public Optional<Job> find(Handle h, long id) {
        return h.createQuery("SELECT * FROM jobs WHERE id = :id").bind("id", id).map(JOB).findOne();
    }

    /**
     * Which jobs to list; a null part does not filter, an empty {@code moduleIds} matches nothing.
     * {@code userId}: the jobs that user started or that ran with their rights.
     */
    public record Filter(JobStatus status, Collection<Long> moduleIds, Long userId, String ruleId) {}

    public List<Job> list(Filter filter, int offset, int limit) {
        var sql = new StringBuilder("SELECT * FROM jobs WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.status() != null) {
            sql.append(" AND status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.moduleIds() != null) {
            if (filter.moduleIds().isEmpty()) return List.of();
            sql.append(" AND module_id IN (<modules>)");
        }
        if (filter.userId() != null) {
            sql.append(" AND (user_id = :user OR started_by = :user)");
            params.put("user", filter.userId());
        }
        if (filter.ruleId() != null) {
            sql.append(" AND rule_id = :rule");
            params.put("rule", filter.ruleId());
        }
        sql.append(" ORDER BY created_time DESC, id DESC LIMIT :limit OFFSET :offset");
        return db.withHandle(h -> {
            var query = h.createQuery(sql.toString()).bindMap(params).bind("limit", limit).bind("offset", offset);
            if (filter.moduleIds() != null) query.bindList("modules", List.copyOf(filter.moduleIds()));
            return query.map(JOB).list();
        });
    }

    /** Whether the chunk still has to run, read without a lock (the transaction that runs it locks and asks again). */
    public boolean isPendingChunk(long jobId, int chunk) {
        return db.withHandle(h -> h.createQuery("SELECT status FROM job_chunks WHERE job_id = :job AND chunk_no = :chunk")
                .bind("job", jobId).bind("chunk", chunk).mapTo(String.class).findOne()
                .map("PENDING"::equals).orElse(false));
    }

    /** What became of an attempt to start a chunk ({@link #startChunk}). */
    public sealed interface ChunkStart {
        /** The chunk is DONE (or gone): it does not run again. */
        record NotPending() implements ChunkStart {}

        /** Counted as started; this is its {@code attempt}-th start. */
        record Started(int attempt) implements ChunkStart {}

        /** Started {@code attempts} times already without finishing: it must not run again. */
        record Poisoned(int attempts, String lastError) implements ChunkStart {}
    }

    /**
     * Counts a start of a PENDING chunk, in a transaction of its own committed before any of its
     * work: a node that dies while running it leaves the count behind. A chunk already started
     * {@code maxStarts} times is not started again.
     *
     * @param why what {@code last_error} says until the chunk finishes or fails (who started it, when)
     */
    public ChunkStart startChunk(long jobId, int chunk, int maxStarts, String why) {
        return db.inTransaction(h -> {
            var row = h.createQuery("SELECT status, attempts, last_error FROM job_chunks WHERE job_id = :job AND chunk_no = :chunk FOR UPDATE")
                    .bind("job", jobId).bind("chunk", chunk)
                    .map((rs, ctx) -> new Object[] {rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error")})
                    .findOne();
            if (row.isEmpty() || !"PENDING".equals(row.get()[0])) return new ChunkStart.NotPending();
            int attempts = (Integer) row.get()[1];
            if (attempts >= maxStarts) return new ChunkStart.Poisoned(attempts, (String) row.get()[2]);
            h.createUpdate("UPDATE job_chunks SET attempts = attempts + 1, last_error = :why WHERE job_id = :job AND chunk_no = :chunk")
                    .bind("why", truncate(why, 4000)).bind("job", jobId).bind("chunk", chunk).execute();
            return new ChunkStart.Started(attempts + 1);
        });
    }

    /** Notes why a started chunk failed; it stays PENDING. */
    public void chunkFailed(long jobId, int chunk, String error) {
        db.useHandle(h -> h.createUpdate("UPDATE job_chunks SET last_error = :error WHERE job_id = :job AND chunk_no = :chunk AND status = 'PENDING'")
                .bind("error", truncate(error, 4000)).bind("job", jobId).bind("chunk", chunk).execute());
    }

    /** Locks the chunk; true when it still has to run (a DONE chunk never runs again). */
    public boolean lockPendingChunk(Handle h, long jobId, int chunk) {
        return h.createQuery("SELECT status FROM job_chunks WHERE job_id = :job AND chunk_no = :chunk FOR UPDATE")
                .bind("job", jobId).bind("chunk", chunk).mapTo(String.class).findOne()
                .map("PENDING"::equals).orElse(false);
    }

    /** The chunk's records that have no result yet, in id order: all of them until the chunk commits, then none. */
    public List<Long> chunkRecordIds(Handle h, long jobId, int chunk) {
        return ChunkIds.read(h.createQuery("SELECT record_ids FROM job_chunks WHERE job_id = :job AND chunk_no = :chunk")
                .bind("job", jobId).bind("chunk", chunk).mapTo(String.class).findOne().orElse(null));
    }

    public void markRunning(Handle h, long jobId, OffsetDateTime now) {
        h.createUpdate("UPDATE jobs SET status = 'RUNNING', start_time = :now WHERE id = :id AND status = 'SCHEDULED'")
                .bind("now", now).bind("id", jobId).execute();
    }

    /** Writes each record's result, in the chunk's transaction (which then {@link #finishChunk finishes} it). */
    public void saveOutcomes(Handle h, long jobId, int chunk, List<RecordOutcome> outcomes) {
        var batch = h.prepareBatch("""
                INSERT INTO job_records (job_id, record_id, chunk_no, status, code, message, before_values, after_values, version_after)
                VALUES (:job, :record, :chunk, :status, :code, :message, :before, :after, :version)""");
        for (RecordOutcome o : outcomes) {
            boolean updated = o.updated();
            batch.bind("status", o.status().name())
                    .bind("code", o.error() == null ? null : o.error().code())
                    .bind("message", truncate(o.message(), 1000))
                    .bind("before", updated ? StoredValues.write(o.changedBefore()) : null)
                    .bind("after", updated ? StoredValues.write(o.changedAfter()) : null)
                    .bind("version", updated ? (Integer) o.versionAfter() : null)
                    .bind("job", jobId).bind("record", o.id()).bind("chunk", chunk)
                    .add();
        }
        if (!outcomes.isEmpty()) batch.execute();
    }

    /**
     * Marks the chunk done, its records' results written ({@link #saveOutcomes}), and adds its
     * counts to the job; the last chunk completes the job (unless it was cancelled or failed
     * meanwhile) and frees its active key.
     */
    public void finishChunk(Handle h, long jobId, int chunk, int updated, int failed, int skipped, String node, OffsetDateTime now) {
        endChunk(h, jobId, chunk, updated, failed, skipped, true, node, now);
    }

    /** Marks the chunk of an ended job done without running it: its records keep no result, and stay listed as PENDING. */
    public void closeUnrunChunk(Handle h, long jobId, int chunk, String node, OffsetDateTime now) {
        endChunk(h, jobId, chunk, 0, 0, 0, false, node, now);
    }

    private void endChunk(Handle h, long jobId, int chunk, int updated, int failed, int skipped, boolean ran, String node,
                          OffsetDateTime now) {
        h.createUpdate("""
                UPDATE jobs SET updated_count = updated_count + :updated, failed_count = failed_count + :failed,
                       skipped_count = skipped_count + :skipped,
                       chunks_done = chunks_done + 1,
                       status = CASE WHEN status = 'RUNNING' AND chunks_done + 1 >= chunk_count THEN 'COMPLETED' ELSE status END,
                       end_time = CASE WHEN status = 'RUNNING' AND chunks_done + 1 >= chunk_count THEN :now ELSE end_time END,
                       active_key = CASE WHEN chunks_done + 1 >= chunk_count THEN NULL ELSE active_key END
                WHERE id = :id""")
                .bind("updated", updated).bind("failed", failed).bind("skipped", skipped).bind("now", now).bind("id", jobId).execute();
        h.createUpdate("UPDATE job_chunks SET status = 'DONE', done_time = :now, done_by = :node"
                        + (ran ? ", record_ids = NULL" : "") + " WHERE job_id = :job AND chunk_no = :chunk")
                .bind("now", now).bind("node", node).bind("job", jobId).bind("chunk", chunk).execute();
    }

    /** Keeps, with each record's result, the later write an undo found on it (JSON, see {@link UndoConflict}). */
    public void saveConflicts(Handle h, long jobId, Map<Long, String> conflicts) {
        if (conflicts.isEmpty()) return;
        var batch = h.prepareBatch("UPDATE job_records SET conflict = :conflict WHERE job_id = :job AND record_id = :record");
        conflicts.forEach((record, conflict) -> batch.bind("conflict", truncate(conflict, 4000)).bind("job", jobId).bind("record", record).add());
        batch.execute();
    }

    /** The job's script log as its chunks appended it (see {@link #appendLog}); empty when there is none or no such job. */
    public String log(long jobId) {
        return db.withHandle(h -> h.createQuery("SELECT log FROM jobs WHERE id = :id").bind("id", jobId)
                .mapTo(String.class).findOne().orElse(""));
    }

    /** Adds one chunk's script time to the job's total, in the chunk's transaction. */
    public void addScriptTime(Handle h, long jobId, long millis) {
        h.createUpdate("UPDATE jobs SET script_millis = script_millis + :millis WHERE id = :id")
                .bind("millis", millis).bind("id", jobId).execute();
    }

    public void appendLog(Handle h, long jobId, String text) {
        if (text == null || text.isEmpty()) return;
        h.createUpdate("UPDATE jobs SET log = SUBSTRING(COALESCE(log, '') || :text, 1, 65536) WHERE id = :id")
                .bind("text", text.length() > 65536 ? text.substring(0, 65536) : text).bind("id", jobId).execute();
    }

    /** Ends an active job (CANCELLED or FAILED); false when it was not active. */
    public boolean end(long jobId, JobStatus status, String message, OffsetDateTime now) {
        return db.withHandle(h -> h.createUpdate("""
                        UPDATE jobs SET status = :status, message = :message, end_time = :now, active_key = NULL
                        WHERE id = :id AND status IN ('SCHEDULED', 'RUNNING')""")
                .bind("status", status.name()).bind("message", truncate(message, 4000)).bind("now", now).bind("id", jobId)
                .execute() > 0);
    }

    public record ChunkRef(long jobId, int chunk) {}

    /** Chunks still to run of jobs still active: what the scheduler must hold an execution for. */
    public List<ChunkRef> pendingChunksOfActiveJobs() {
        return db.withHandle(h -> h.createQuery("""
                        SELECT c.job_id, c.chunk_no FROM job_chunks c JOIN jobs j ON j.id = c.job_id
                        WHERE c.status = 'PENDING' AND j.status IN ('SCHEDULED', 'RUNNING') ORDER BY c.job_id, c.chunk_no""")
                .map((rs, ctx) -> new ChunkRef(rs.getLong("job_id"), rs.getInt("chunk_no"))).list());
    }

    public List<Integer> pendingChunks(long jobId) {
        return db.withHandle(h -> h.createQuery("SELECT chunk_no FROM job_chunks WHERE job_id = :job AND status = 'PENDING' ORDER BY chunk_no")
                .bind("job", jobId).mapTo(Integer.class).list());
    }

    /** The undo source of each record: its values before and after the job, and the version the job left it at. */
    public record UpdatedRecord(String beforeValues, String afterValues, int versionAfter) {}

    /**
     * Reads the key range the records span ({@code job_id, record_id} is the primary key) and keeps
     * those asked for. An undo chunk is a run of consecutive records of the job it undoes, so the
     * range holds little else; an {@code IN} list of 500 ids made H2 scan every result of the job
     * and test each against the list, which made an undo several times slower than its job. The
     * {@code ORDER BY} keeps PostgreSQL on the primary key: without it, when its statistics do not
     * know the job (they seldom do), it took the (job_id, chunk_no) index and filtered every result
     * of the job, 10–25 ms a chunk instead of 0.3.
     */
    public Map<Long, UpdatedRecord> updatedRecords(Handle h, long jobId, List<Long> recordIds) {
        Map<Long, UpdatedRecord> result = new HashMap<>();
        if (recordIds.isEmpty()) return result;
        Set<Long> wanted = new HashSet<>(recordIds);
        h.createQuery("""
                        SELECT record_id, before_values, after_values, version_after FROM job_records
                        WHERE job_id = :job AND record_id BETWEEN :first AND :last AND status = 'UPDATED'
                        ORDER BY record_id""")
                .bind("job", jobId).bind("first", Collections.min(recordIds)).bind("last", Collections.max(recordIds))
                .map((rs, ctx) -> {
                    long id = rs.getLong("record_id");
                    if (wanted.contains(id)) result.put(id, new UpdatedRecord(rs.getString("before_values"), rs.getString("after_values"), rs.getInt("version_after")));
                    return id;
                })
                .list();
        return result;
    }

    /**
     * The fields the undos of {@code jobId} have put back on each of these records (any undo, also
     * one cancelled or failed after some chunks committed): what their own results say they wrote.
     * Read as {@link #updatedRecords} reads, by key range.
     */
    public Map<Long, Set<String>> putBack(Handle h, long jobId, List<Long> recordIds) {
        Map<Long, Set<String>> result = new HashMap<>();
        if (recordIds.isEmpty()) return result;
        Set<Long> wanted = new HashSet<>(recordIds);
        h.createQuery("""
                        SELECT r.record_id, r.after_values FROM jobs u JOIN job_records r ON r.job_id = u.id
                        WHERE u.undo_of = :job AND r.record_id BETWEEN :first AND :last AND r.status = 'UPDATED'
                        ORDER BY r.job_id, r.record_id""")
                .bind("job", jobId).bind("first", Collections.min(recordIds)).bind("last", Collections.max(recordIds))
                .map((rs, ctx) -> {
                    long id = rs.getLong("record_id");
                    if (wanted.contains(id)) result.computeIfAbsent(id, k -> new HashSet<>()).addAll(StoredValues.fieldNames(rs.getString("after_values")));
                    return id;
                })
                .list();
        return result;
    }

    /** The fields the undos of {@code jobId} have put back, by record, over all its records. */
    public Map<Long, Set<String>> putBack(long jobId) {
        Map<Long, Set<String>> result = new HashMap<>();
        db.read(h -> h.createQuery("""
                        SELECT r.record_id, r.after_values FROM jobs u JOIN job_records r ON r.job_id = u.id
                        WHERE u.undo_of = :job AND r.status = 'UPDATED'""")
                .bind("job", jobId)
                .map((rs, ctx) -> result.computeIfAbsent(rs.getLong("record_id"), k -> new HashSet<>())
                        .addAll(StoredValues.fieldNames(rs.getString("after_values"))))
                .list());
        return result;
    }

    /** The fields {@code jobId} set on each record it updated, handed over a page at a time (no 50,000 rows in memory as text). */
    public void changedFields(long jobId, java.util.function.BiConsumer<Long, Set<String>> consumer) {
        long after = Long.MIN_VALUE;
        while (true) {
            long from = after;
            List<Map.Entry<Long, Set<String>>> page = db.read(h -> h.createQuery("""
                            SELECT record_id, after_values FROM job_records
                            WHERE job_id = :job AND record_id > :after AND status = 'UPDATED'
                            ORDER BY job_id, record_id LIMIT :limit""")
                    .bind("job", jobId).bind("after", from).bind("limit", RESULTS_PAGE)
                    .map((rs, ctx) -> Map.entry(rs.getLong("record_id"), StoredValues.fieldNames(rs.getString("after_values"))))
                    .list());
            page.forEach(e -> consumer.accept(e.getKey(), e.getValue()));
            if (page.size() < RESULTS_PAGE) return;
            after = page.get(page.size() - 1).getKey();
        }
    }

    /** Rows of results read per query while streaming. */
    static final int RESULTS_PAGE = 1_000;

    /**
     * Streams a job's results in record order, a page at a time: each page is one short query
     * (ordered as the primary key is, so no database sorts) handed on once it is read. No
     * connection is held while the consumer writes to a slow client (on H2 that would hold up
     * every other use of the database), and a job of 50,000 records never has them all in memory.
     */
    public void streamResults(long jobId, String status, Consumer<JobResult> consumer) {
        streamResultPages(jobId, status, page -> page.forEach(consumer));
    }

    /**
     * As {@link #streamResults}, a page of up to {@link #RESULTS_PAGE} rows at a time. Results are
     * rows of {@code job_records}; a record with none yet (its chunk has not run, or never will: the
     * job was cancelled) is PENDING, read from its chunk's ids. While a job has such chunks, its
     * results are read chunk by chunk (chunks hold consecutive runs of its records), else page by page.
     */
    public void streamResultPages(long jobId, String status, Consumer<List<JobResult>> pages) {
        if (!"PENDING".equals(status) && (status != null || !hasPendingChunks(jobId))) {
            streamResultRows(jobId, status, pages);
            return;
        }
        int after = -1;
        while (true) {
            int from = after;
            List<ChunkRow> chunks = db.withHandle(h -> h.createQuery("SELECT chunk_no, record_count, record_ids FROM job_chunks "
                            + "WHERE job_id = :job AND chunk_no > :after" + (status == null ? "" : " AND record_ids IS NOT NULL")
                            + " ORDER BY chunk_no LIMIT :limit")
                    .bind("job", jobId).bind("after", from).bind("limit", CHUNKS_PER_READ).map(CHUNK_ROW).list());
            for (ChunkRow chunk : chunks) pages.accept(chunkResults(jobId, chunk));
            if (chunks.size() < CHUNKS_PER_READ) return;
            after = chunks.get(chunks.size() - 1).chunk();
        }
    }

    private void streamResultRows(long jobId, String status, Consumer<List<JobResult>> pages) {
        String sql = "SELECT record_id, status, code, message, before_values, after_values, conflict FROM job_records "
                + "WHERE job_id = :job AND record_id > :after" + (status == null ? "" : " AND status = :status")
                + " ORDER BY job_id, record_id LIMIT :limit";
        long after = Long.MIN_VALUE;
        while (true) {
            long from = after;
            List<JobResult> page = db.withHandle(h -> {
                var query = h.createQuery(sql).bind("job", jobId).bind("after", from).bind("limit", RESULTS_PAGE);
                if (status != null) query.bind("status", status);
                return query.map(RECORD).list();
            });
            pages.accept(page);
            if (page.size() < RESULTS_PAGE) return;
            after = page.get(page.size() - 1).recordId();
        }
    }

    /** Chunk rows read per query while results are read chunk by chunk (each may hold 500 ids as text). */
    private static final int CHUNKS_PER_READ = 20;

    /** A chunk as results see it: how many records it holds, and their ids while none has a result. */
    private record ChunkRow(int chunk, int count, String pendingIds) {
        boolean pending() {
            return pendingIds != null;
        }
    }

    private static final RowMapper<ChunkRow> CHUNK_ROW = (rs, ctx) ->
            new ChunkRow(rs.getInt("chunk_no"), rs.getInt("record_count"), rs.getString("record_ids"));

    /** The chunk's results in record order: PENDING ones for its ids while it has not run, else its rows. */
    private List<JobResult> chunkResults(long jobId, ChunkRow chunk) {
        if (chunk.pending()) return ChunkIds.read(chunk.pendingIds()).stream().map(JobResult::pending).toList();
        // sorted here rather than by the database: PostgreSQL's plan for ORDER BY walks the job's whole key (bench/README.md, fix 2)
        List<JobResult> rows = new ArrayList<>(db.withHandle(h -> h.createQuery("""
                        SELECT record_id, status, code, message, before_values, after_values, conflict FROM job_records
                        WHERE job_id = :job AND chunk_no = :chunk""")
                .bind("job", jobId).bind("chunk", chunk.chunk()).map(RECORD).list()));
        rows.sort(java.util.Comparator.comparingLong(JobResult::recordId));
        return rows;
    }

    private boolean hasChunks(long jobId) {
        return db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM job_chunks WHERE job_id = :job")
                .bind("job", jobId).mapTo(Integer.class).one() > 0);
    }

    private boolean hasPendingChunks(long jobId) {
        return db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM job_chunks WHERE job_id = :job AND record_ids IS NOT NULL")
                .bind("job", jobId).mapTo(Integer.class).one() > 0);
    }

    /**
     * One page of results in record order ({@code limit} rows from {@code offset}), for browsing
     * rather than download; PENDING ones as {@link #streamResultPages} finds them. Unless a status
     * other than PENDING is asked for, the chunk that holds {@code offset} is found by the chunks'
     * counts, so the last page of a million results is read as quickly as the first.
     */
    public List<JobResult> resultsPage(long jobId, String status, int offset, int limit) {
        if (!"PENDING".equals(status) && (status != null || !hasChunks(jobId))) {
            String sql = "SELECT record_id, status, code, message, before_values, after_values, conflict FROM job_records "
                    + "WHERE job_id = :job" + (status == null ? "" : " AND status = :status")
                    + " ORDER BY job_id, record_id LIMIT :limit OFFSET :offset";
            return db.withHandle(h -> {
                var query = h.createQuery(sql).bind("job", jobId).bind("limit", limit).bind("offset", offset);
                if (status != null) query.bind("status", status);
                return query.map(RECORD).list();
            });
        }
        List<ChunkCount> counts = db.withHandle(h -> h.createQuery("SELECT chunk_no, record_count, record_ids IS NOT NULL AS pending "
                        + "FROM job_chunks WHERE job_id = :job" + (status == null ? "" : " AND record_ids IS NOT NULL") + " ORDER BY chunk_no")
                .bind("job", jobId)
                .map((rs, ctx) -> new ChunkCount(rs.getInt("chunk_no"), rs.getInt("record_count"))).list());
        List<JobResult> page = new ArrayList<>(limit);
        int skip = offset;
        for (ChunkCount count : counts) {
            if (page.size() >= limit) break;
            if (skip >= count.records()) {
                skip -= count.records();
                continue;
            }
            List<JobResult> results = chunkResults(jobId, chunkRow(jobId, count.chunk()));
            page.addAll(results.subList(Math.min(skip, results.size()), Math.min(results.size(), skip + limit - page.size())));
            skip = 0;
        }
        return page;
    }

    private record ChunkCount(int chunk, int records) {}

    private ChunkRow chunkRow(long jobId, int chunk) {
        return db.withHandle(h -> h.createQuery("SELECT chunk_no, record_count, record_ids FROM job_chunks WHERE job_id = :job AND chunk_no = :chunk")
                .bind("job", jobId).bind("chunk", chunk).map(CHUNK_ROW).one());
    }

    /** One record's result in a job (none when the job did not select it), of {@code status} when it is given. */
    public List<JobResult> resultOf(long jobId, long recordId, String status) {
        String sql = "SELECT record_id, status, code, message, before_values, after_values, conflict FROM job_records "
                + "WHERE job_id = :job AND record_id = :record" + (status == null ? "" : " AND status = :status");
        List<JobResult> found = db.withHandle(h -> {
            var query = h.createQuery(sql).bind("job", jobId).bind("record", recordId);
            if (status != null) query.bind("status", status);
            return query.map(RECORD).list();
        });
        if (!found.isEmpty() || (status != null && !status.equals("PENDING"))) return found;
        // no result: PENDING if the first chunk without results that could hold it does
        Optional<String> ids = db.withHandle(h -> h.createQuery("""
                        SELECT record_ids FROM job_chunks WHERE job_id = :job AND record_ids IS NOT NULL AND last_record_id >= :record
                        ORDER BY chunk_no LIMIT 1""")
                .bind("job", jobId).bind("record", recordId).mapTo(String.class).findOne());
        return ids.filter(text -> ChunkIds.read(text).contains(recordId)).map(text -> List.of(JobResult.pending(recordId))).orElse(List.of());
    }

    /** Whether a SCHEDULED or RUNNING job holds this key. */
    public boolean hasActiveJob(JobKind.ActiveKey key) {
        return db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM jobs WHERE active_key = :key").bind("key", key.value())
                .mapTo(Integer.class).one() > 0);
    }

    /** Every undo of this job, whatever became of it, oldest first. */
    public List<Job> undosOf(long jobId) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM jobs WHERE undo_of = :id ORDER BY id")
                .bind("id", jobId).map(JOB).list());
    }

    /** How many jobs wait for this key. */
    public int queuedCount(JobKind.ActiveKey key) {
        return db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM jobs WHERE queued_key = :key AND status = 'SCHEDULED'")
                .bind("key", key.value()).mapTo(Integer.class).one());
    }

    /** The keys some job waits for. */
    public List<JobKind.ActiveKey> queuedKeys() {
        return db.withHandle(h -> h.createQuery("SELECT DISTINCT queued_key FROM jobs WHERE queued_key IS NOT NULL AND status = 'SCHEDULED'")
                .mapTo(String.class).map(JobKind.ActiveKey::new).list());
    }

    /** The job that has waited longest for this key (ids grow in arrival order). */
    public Optional<Long> oldestQueued(JobKind.ActiveKey key) {
        return db.withHandle(h -> h.createQuery("""
                        SELECT id FROM jobs WHERE queued_key = :key AND status = 'SCHEDULED'
                        ORDER BY id LIMIT 1""")
                .bind("key", key.value()).mapTo(Long.class).findOne());
    }

    /**
     * Gives a waiting job the key it waits for. Throws the unique violation when an active job holds
     * the key (the caller's transaction is then over); false when the job no longer waits (cancelled,
     * or claimed by another node first).
     */
    public boolean claimQueued(Handle h, long jobId) {
        return h.createUpdate("""
                        UPDATE jobs SET active_key = queued_key, queued_key = NULL
                        WHERE id = :id AND status = 'SCHEDULED' AND queued_key IS NOT NULL""")
                .bind("id", jobId).execute() > 0;
    }

    /** A claimed job's rule as it starts: its request, version and parameters. */
    public void restate(Handle h, long jobId, String request, String ruleVersion, String parameters) {
        h.createUpdate("UPDATE jobs SET request = :request, rule_version = :version, parameters = :parameters WHERE id = :id")
                .bind("request", request).bind("version", ruleVersion).bind("parameters", parameters).bind("id", jobId).execute();
    }

    /** Ends a claimed job that cannot start, in the transaction that claimed it: FAILED, nothing frozen, the key freed. */
    public void failClaimed(Handle h, long jobId, String message, OffsetDateTime now) {
        h.createUpdate("DELETE FROM job_chunks WHERE job_id = :id").bind("id", jobId).execute();
        h.createUpdate("""
                        UPDATE jobs SET status = 'FAILED', message = :message, end_time = :now, active_key = NULL,
                               total_count = 0, chunk_count = 0
                        WHERE id = :id""")
                .bind("message", truncate(message, 4000)).bind("now", now).bind("id", jobId).execute();
    }

    /** How many jobs there are of each status and trigger (absent pairs have none), in one query. */
    public Map<JobStatus, Map<Trigger, Long>> countsByStatusAndTrigger() {
        Map<JobStatus, Map<Trigger, Long>> counts = new java.util.EnumMap<>(JobStatus.class);
        db.read(h -> h.createQuery("SELECT status, trigger_type, COUNT(*) AS n FROM jobs GROUP BY status, trigger_type")
                .map((rs, ctx) -> counts.computeIfAbsent(JobStatus.valueOf(rs.getString("status")), s -> new java.util.EnumMap<>(Trigger.class))
                        .put(Trigger.fromDb(rs.getString("trigger_type")), rs.getLong("n")))
                .list());
        return counts;
    }

    /** Chunks not yet run, over every job and node. */
    public long pendingChunkCount() {
        return db.read(h -> h.createQuery("SELECT COUNT(*) FROM job_chunks WHERE status = 'PENDING'").mapTo(Long.class).one());
    }

    // --- retention: see HistoryRetention -------------------------------------------------------

    /**
     * What makes an ended job's results removable: it ended before {@code :cutoff}, they are still
     * kept, and no undo of it is active or ended since {@code :cutoff} (an undo reads the results of
     * the job it undoes while it runs; an active one has no end time).
     */
    private static final String PURGEABLE = """
            j.status IN ('COMPLETED', 'FAILED', 'CANCELLED') AND j.end_time < :cutoff AND j.results_purged_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM jobs u WHERE u.undo_of = j.id AND (u.end_time IS NULL OR u.end_time >= :cutoff))""";

    /** Up to {@code limit} jobs whose results may be removed ({@link #PURGEABLE}), those that ended first first. */
    public List<Long> purgeableJobs(OffsetDateTime cutoff, int limit) {
        return db.read(h -> h.createQuery("SELECT j.id FROM jobs j WHERE " + PURGEABLE + " ORDER BY j.end_time, j.id LIMIT :limit")
                .bind("cutoff", cutoff).bind("limit", limit).mapTo(Long.class).list());
    }

    /**
     * Marks the job's results as removed, so no undo of it starts from now on; false when it is no
     * longer {@link #PURGEABLE}. The job's row is locked first, as starting an undo locks it
     * ({@link #lockForUndo}): whichever comes second sees what the first committed, so an undo
     * never starts on results about to go, and a job whose undo started is left for later.
     */
    public boolean markResultsPurged(long jobId, OffsetDateTime cutoff, OffsetDateTime now) {
        return db.inTransaction(h -> {
            h.createQuery("SELECT id FROM jobs WHERE id = :id FOR UPDATE").bind("id", jobId).mapTo(Long.class).findOne();
            // a statement of its own after the lock: it sees an undo committed while the lock was waited for
            boolean marked = h.createUpdate("UPDATE jobs j SET results_purged_at = :now WHERE j.id = :id AND " + PURGEABLE)
                    .bind("now", now).bind("id", jobId).bind("cutoff", cutoff).execute() > 0;
            // the records a cancelled job never reached go with its results
            if (marked) h.createUpdate("UPDATE job_chunks SET record_ids = NULL WHERE job_id = :id").bind("id", jobId).execute();
            return marked;
        });
    }

    /**
     * Locks the job's row for an undo of it starting in this transaction, and says when its results
     * were removed (empty while they are kept). See {@link #markResultsPurged}.
     */
    public Optional<OffsetDateTime> lockForUndo(Handle h, long jobId) {
        return h.createQuery("SELECT results_purged_at FROM jobs WHERE id = :id FOR UPDATE").bind("id", jobId)
                .map((rs, ctx) -> Optional.ofNullable(rs.getObject("results_purged_at", OffsetDateTime.class)))
                .findOne().flatMap(t -> t);
    }

    /** Up to {@code limit} jobs marked as purged that still have results (all of them, unless a purge was stopped mid-way). */
    public List<Long> purgedJobsWithResults(int limit) {
        return db.read(h -> h.createQuery("""
                        SELECT j.id FROM jobs j WHERE j.results_purged_at IS NOT NULL
                        AND EXISTS (SELECT 1 FROM job_records r WHERE r.job_id = j.id) ORDER BY j.id LIMIT :limit""")
                .bind("limit", limit).mapTo(Long.class).list());
    }

    /** Removes up to {@code limit} of the job's results, in a short transaction of their own; returns how many. */
    public int deleteResults(long jobId, int limit) {
        return db.inTransaction(h -> h.createUpdate("""
                        DELETE FROM job_records WHERE job_id = :job AND record_id IN
                            (SELECT record_id FROM job_records WHERE job_id = :job ORDER BY record_id LIMIT :limit)""")
                .bind("job", jobId).bind("limit", limit).execute());
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
