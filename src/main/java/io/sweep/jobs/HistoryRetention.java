package io.sweep.jobs;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sweep.crm.RecordHistoryRepository;
import io.sweep.crm.RecordTime;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what the history retention no longer keeps: the per-record results of jobs that ended
 * more than the retention ago, and {@code record_history} rows written before then. The jobs
 * themselves stay, marked ({@code results_purged_at}), so lists, counts and the audit log keep
 * them. Kept forever when the retention is zero.
 *
 * <p>A job is marked before any of its results go, in a transaction that locks its row as starting
 * an undo does, and only while no undo of it is active or ended within the retention: an undo
 * never runs on results being removed, and a job marked is refused an undo from then on. Rows go
 * in batches of {@link #BATCH}, each its own short transaction, so chunks writing beside the purge
 * wait for a few thousand rows at most. A purge stopped mid-way is finished by the next one.
 *
 * <p>It runs as a recurring db-scheduler task ({@link #task()}): one execution in the shared
 * table, picked by one node at a time, so nodes on one PostgreSQL do not purge side by side.
 */
public final class HistoryRetention {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryRetention.class);
    static final String TASK = "history-retention";
    /** How often the purge runs; a day's retention is judged to the hour. */
    static final Duration EVERY = Duration.ofHours(1);
    /** Rows removed per transaction. */
    static final int BATCH = 5_000;
    /** Jobs read per query while marking. */
    private static final int JOBS_PER_QUERY = 200;

    private final JobRepository jobs;
    private final RecordHistoryRepository history;
    private final Duration keep;
    private final Clock clock;
    private final Counter resultRows;
    private final Counter historyRows;

    /** {@code keep}: how long results and history are kept; zero keeps them forever. */
    public HistoryRetention(JobRepository jobs, RecordHistoryRepository history, Duration keep, Clock clock, MeterRegistry meters) {
        if (keep.isNegative()) throw new IllegalArgumentException("a retention cannot be negative");
        this.jobs = jobs;
        this.history = history;
        this.keep = keep;
        this.clock = clock;
        this.resultRows = purgedRows(meters, "job_records");
        this.historyRows = purgedRows(meters, "record_history");
    }

    private static Counter purgedRows(MeterRegistry meters, String table) {
        return Counter.builder("sweep.history.purged.rows")
                .description("Rows the history retention removed on this node, by table")
                .tag("table", table)
                .register(meters);
    }

    /** What one purge removed: jobs whose results it marked as removed, and rows of each table. */
    public record Purged(int jobs, long results, long history) {
        public static final Purged NOTHING = new Purged(0, 0, 0);
    }

    /** Whether anything is ever purged. */
    public boolean forever() {
        return keep.isZero();
    }

    /** The recurring task that purges, to be started by the scheduler. */
    public RecurringTask<Void> task() {
        return Tasks.recurring(TASK, FixedDelay.of(EVERY)).execute((instance, ctx) -> purge());
    }

    /** Removes everything older than the retention, now, on the calling thread. */
    public Purged purge() {
        if (forever()) return Purged.NOTHING;
        OffsetDateTime now = RecordTime.now(clock);
        OffsetDateTime cutoff = now.minus(keep);
        int marked = markJobs(cutoff, now);
        long results = deleteResultsOfMarkedJobs();
        long rows = deleteHistory(cutoff);
        resultRows.increment(results);
        historyRows.increment(rows);
        LOG.info("history retention ({} days): results of {} jobs that ended before {} removed, job_records -{} rows, record_history -{} rows",
                keep.toDays(), marked, RecordTime.format(cutoff), results, rows);
        return new Purged(marked, results, rows);
    }

    private int markJobs(OffsetDateTime cutoff, OffsetDateTime now) {
        int marked = 0;
        while (true) {
            List<Long> found = jobs.purgeableJobs(cutoff, JOBS_PER_QUERY);
            int before = marked;
            for (long jobId : found) if (jobs.markResultsPurged(jobId, cutoff, now)) marked++;
            // none marked: those found were taken by an undo meanwhile, and the query would find them again
            if (found.size() < JOBS_PER_QUERY || marked == before) return marked;
        }
    }

    private long deleteResultsOfMarkedJobs() {
        long deleted = 0;
        while (true) {
            List<Long> found = jobs.purgedJobsWithResults(JOBS_PER_QUERY);
            for (long jobId : found) {
                int n;
                do {
                    n = jobs.deleteResults(jobId, BATCH);
                    deleted += n;
                } while (n == BATCH);
            }
            if (found.size() < JOBS_PER_QUERY) return deleted;
        }
    }

    private long deleteHistory(OffsetDateTime cutoff) {
        long deleted = 0;
        int n;
        do {
            n = history.deleteOlderThan(cutoff, BATCH);
            deleted += n;
        } while (n == BATCH);
        return deleted;
    }
}
