package io.sweep.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.exceptions.FailedToScheduleBatchException;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.sweep.db.Database;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs job chunks through db-scheduler, the persistent cluster-safe scheduler: each chunk is one
 * task execution in the shared {@code scheduled_tasks} table, picked by whichever node is free.
 * A node that stops heart-beating is declared dead after a few missed beats and its picked
 * chunks are run again elsewhere; {@link ChunkRunner} makes running a chunk twice harmless.
 * A recurring sweep re-creates executions for pending chunks that have none (a node that died
 * between committing a job and scheduling its chunks).
 *
 * <p>A node with no job threads runs no chunk by itself: it serves the API and schedules chunks
 * for the other nodes. Tests use one to run chunks when they choose ({@link #runDue()}), on their
 * own thread, as db-scheduler's {@code ManualScheduler} does.
 */
public final class JobScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(JobScheduler.class);
    static final String CHUNK_TASK = "mass-update-chunk";
    private static final int MAX_TRIES = 3;
    private static final Duration RETRY_DELAY = Duration.ofSeconds(2);
    public static final Duration RULE_SCHEDULE_TICK = Duration.ofSeconds(5);
    /**
     * How long stopping waits for the chunks running here. A chunk still running then is left to
     * itself: nothing of it was committed, and it runs again after the restart (or on another node).
     */
    static final Duration STOP_WAIT = Duration.ofSeconds(20);

    private final JobRepository jobs;
    private final ChunkRunner runner;
    private final OneTimeTask<Void> chunkTask;
    private final Scheduler scheduler;
    /** The same scheduler when this node runs no chunks by itself, else null. */
    private final ManualScheduler manual;
    private final Clock clock;
    /** What the recurring rule-schedule task does; set once the rule triggers exist (they need the job service, which needs this). */
    private volatile Runnable ruleScheduleTick = () -> { };
    /** Told the job of each chunk this node ran (or gave up on), after its commit: a job that ended frees its rule for the next. */
    private volatile java.util.function.LongConsumer chunkEnded = jobId -> { };

    public record Settings(Duration heartbeat, Duration polling, int threads, String nodeName) {}

    public JobScheduler(Database db, JobRepository jobs, ChunkRunner runner, Settings settings, Clock clock) {
        this(db, jobs, runner, settings, clock, List.of());
    }

    /** {@code otherTasks}: one-time work of other parts that runs beside the chunks, scheduled with {@link #scheduleTask}. */
    public JobScheduler(Database db, JobRepository jobs, ChunkRunner runner, Settings settings, Clock clock, List<OneTimeTask<?>> otherTasks) {
        this(db, jobs, runner, settings, clock, otherTasks, List.of());
    }

    /**
     * {@code otherRecurring}: recurring work of other parts (the history retention's purge), each run
     * by one node at a time as the sweep and the rule schedules are.
     */
    public JobScheduler(Database db, JobRepository jobs, ChunkRunner runner, Settings settings, Clock clock, List<OneTimeTask<?>> otherTasks,
                        List<RecurringTask<?>> otherRecurring) {
        this.jobs = jobs;
        this.runner = runner;
        this.clock = clock;
        this.chunkTask = Tasks.oneTime(CHUNK_TASK)
                // a chunk that throws is tried again (its transaction rolled back, nothing applied);
                // after the last try the job ends FAILED instead of waiting forever
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(MAX_TRIES - 1,
                        new FailureHandler.OnFailureRetryLater<>(RETRY_DELAY),
                        (complete, operations) -> {
                            operations.stop();
                            var ref = parse(complete.getExecution().taskInstance.getId());
                            String reason = complete.getCause().map(Throwable::toString).orElse("unknown error");
                            ChunkLogContext.run(ref.jobId(), ref.chunk(), settings.nodeName(), () -> {
                                LOG.error("chunk {} of job {} failed {} times; the job ends FAILED: {}", ref.chunk(), ref.jobId(), MAX_TRIES, reason);
                                jobs.end(ref.jobId(), JobStatus.FAILED, "chunk " + ref.chunk() + " failed: " + reason, now());
                                chunkEnded.accept(ref.jobId());
                            });
                        }))
                .execute((instance, ctx) -> {
                    var ref = parse(instance.getId());
                    runner.run(ref.jobId(), ref.chunk());
                    chunkEnded.accept(ref.jobId());
                });
        RecurringTask<Void> sweep = Tasks.recurring("mass-update-sweep", FixedDelay.of(Duration.ofSeconds(5)))
                .execute((instance, ctx) -> scheduleMissing());
        // one node at a time runs a recurring task: the cron triggers of rules are looked at here
        RecurringTask<Void> ruleSchedules = Tasks.recurring("rule-schedules", FixedDelay.of(RULE_SCHEDULE_TICK))
                .execute((instance, ctx) -> ruleScheduleTick.run());
        List<com.github.kagkarlsson.scheduler.task.Task<?>> tasks = new java.util.ArrayList<>(List.of(chunkTask));
        tasks.addAll(otherTasks);
        List<RecurringTask<?>> recurring = new java.util.ArrayList<>(List.of(sweep, ruleSchedules));
        recurring.addAll(otherRecurring);
        if (settings.threads() == 0) {
            this.manual = TestHelper.createManualScheduler(db.dataSource(), tasks)
                    .clock(new SettableClock())
                    .startTasks(recurring)
                    .build();
            this.scheduler = manual;
        } else {
            this.manual = null;
            this.scheduler = Scheduler.create(db.dataSource(), tasks)
                    .startTasks(recurring)
                    .schedulerName(new SchedulerName.Fixed(settings.nodeName()))
                    .heartbeatInterval(settings.heartbeat())
                    .missedHeartbeatsLimit(4)
                    .pollingInterval(settings.polling())
                    .threads(settings.threads())
                    .shutdownMaxWait(STOP_WAIT)
                    .enableImmediateExecution()
                    .build();
        }
    }

    /**
     * Runs on the calling thread every execution due by the clock: chunks (and, after a failure, their
     * retries once due), the sweep and the rule schedules. Only on a node with no job threads.
     */
    public void runDue() {
        if (manual == null) throw new IllegalStateException("this node runs its chunks on its own threads");
        manual.setTime(schedulerNow());
        manual.runAnyDueExecutions();
    }

    public void onRuleScheduleTick(Runnable tick) {
        this.ruleScheduleTick = tick;
    }

    public void onChunkEnded(java.util.function.LongConsumer listener) {
        this.chunkEnded = listener;
    }

    public void start() {
        scheduler.start();
    }

    /** Stops picking chunks and waits at most {@link #STOP_WAIT} for the running ones. */
    public void stop() {
        runner.stopping();
        scheduler.stop();
    }

    /**
     * Creates the executions of a new job's chunks, in one batch. The job is committed before this
     * runs, so the sweep that re-creates missing executions may have made some of them already; then
     * the batch fails on the duplicate and the chunks are scheduled one by one, skipping those.
     */
    public void schedule(long jobId, List<Integer> chunks) {
        List<TaskInstance<?>> instances = chunks.stream().<TaskInstance<?>>map(c -> chunkTask.instance(jobId + "-" + c)).toList();
        try {
            scheduler.scheduleBatch(instances, schedulerNow());
        } catch (FailedToScheduleBatchException e) {
            LOG.debug("chunks of job {} were partly scheduled already; scheduling the rest", jobId, e);
            for (TaskInstance<?> instance : instances) scheduler.scheduleIfNotExists(instance, schedulerNow());
        }
    }

    /** Runs an execution of one of the other tasks as soon as a node is free (once: an existing one is kept). */
    public void scheduleTask(TaskInstance<?> instance) {
        scheduler.scheduleIfNotExists(instance, schedulerNow());
    }

    private void scheduleMissing() {
        for (var ref : jobs.pendingChunksOfActiveJobs()) {
            var instance = chunkTask.instance(ref.jobId() + "-" + ref.chunk());
            if (scheduler.scheduleIfNotExists(instance, schedulerNow())) {
                // the chunk may have committed (and its own execution gone) since it was read as pending
                if (!jobs.isPendingChunk(ref.jobId(), ref.chunk())) {
                    try {
                        scheduler.cancel(instance);
                    } catch (RuntimeException pickedAlready) {
                        // already running: it finds the chunk DONE and does nothing
                    }
                    continue;
                }
                LOG.info("re-created the execution of chunk {} of job {}", ref.chunk(), ref.jobId());
            }
        }
    }

    /** The time db-scheduler judges executions by: its own (the system's), or the clock's for a node driven by hand. */
    private Instant schedulerNow() {
        return manual == null ? Instant.now() : clock.instant();
    }

    private java.time.OffsetDateTime now() {
        return io.sweep.crm.RecordTime.now(clock);
    }

    private static JobRepository.ChunkRef parse(String instanceId) {
        int dash = instanceId.lastIndexOf('-');
        return new JobRepository.ChunkRef(Long.parseLong(instanceId.substring(0, dash)), Integer.parseInt(instanceId.substring(dash + 1)));
    }
}
