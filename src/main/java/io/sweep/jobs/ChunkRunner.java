package io.sweep.jobs;

import io.micrometer.core.instrument.MeterRegistry;
import io.sweep.crm.RecordTime;
import io.sweep.auth.Principal;
import io.sweep.auth.Scopes;
import io.sweep.auth.UserRepository;
import io.sweep.crm.Metadata;
import io.sweep.crm.Module;
import io.sweep.crm.RecordHistoryRepository;
import io.sweep.crm.RecordRepository;
import io.sweep.crm.RecordRow;
import io.sweep.db.Database;
import io.sweep.errors.ApiException;
import io.sweep.json.Json;
import io.sweep.massupdate.MassUpdateParser;
import io.sweep.massupdate.MassUpdateValidator;
import io.sweep.massupdate.RecordOutcome;
import io.sweep.massupdate.RecordUpdater;
import io.sweep.massupdate.WriteCause;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Map;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one chunk of a job in one transaction: lock the chunk (a DONE chunk never runs again),
 * apply the updates, write every record's result with its before and after values, add the
 * counts to the job and mark the chunk DONE. A crash anywhere before the commit leaves the
 * chunk PENDING with nothing applied, and it simply runs again. A rule job's script decides about
 * the chunk's records before that transaction, never inside it ({@link ScriptPlans}).
 */
public final class ChunkRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ChunkRunner.class);
    /** How often a rule chunk's records changed under its script are asked about again before they fail with CONFLICT. */
    static final int PLAN_ATTEMPTS = 3;
    /**
     * How often a rule chunk may be started without finishing (its node died while the script ran,
     * or it threw) before its job ends FAILED instead of bringing down every node that picks it up.
     */
    static final int MAX_STARTS = 2;

    private final Database db;
    private final JobRepository jobs;
    private final Metadata metadata;
    private final UserRepository users;
    private final MassUpdateValidator validator;
    private final RecordUpdater updater;
    /** Where an undo finds the later change that made it leave a record alone. */
    private final RecordHistoryRepository history;
    private final Clock clock;
    private final String node;
    private final RulePlanners rulePlanners;
    private final RecordRepository records;
    private final ChunkMeters meters;
    /** The node is shutting down: a script stopped by the shutdown does not fail its job. */
    private volatile boolean stopping;

    public ChunkRunner(Database db, JobRepository jobs, Metadata metadata, UserRepository users, RecordRepository records,
                       MassUpdateValidator validator, RecordUpdater updater, RecordHistoryRepository history, RulePlanners rulePlanners,
                       Clock clock, String node, MeterRegistry meterRegistry) {
        this.history = history;
        this.db = db;
        this.jobs = jobs;
        this.metadata = metadata;
        this.users = users;
        this.validator = validator;
        this.updater = updater;
        this.clock = clock;
        this.node = node;
        this.rulePlanners = rulePlanners;
        this.records = records;
        this.meters = new ChunkMeters(meterRegistry);
    }

    /** The node is shutting down: from now on a chunk that cannot go on is left PENDING rather than failing its job. */
    void stopping() {
        stopping = true;
    }

    public void run(long jobId, int chunk) {
        ChunkLogContext.run(jobId, chunk, node, () -> meters.timeRun(() -> runTimed(jobId, chunk)));
    }

    private void runTimed(long jobId, int chunk) {
        try {
            Job job = jobs.find(jobId).orElseThrow(() -> new IllegalStateException("chunk of unknown job " + jobId));
            if (JobKind.of(job).scripted() && job.status().active()) {
                // a script decides: outside the transaction that applies its plans
                runScripted(job, chunk);
            } else {
                db.inTransaction(h -> applyInTransaction(h, jobId, chunk, null));
            }
            LOG.debug("chunk {} of job {} ran on {}", chunk, jobId, node);
        } catch (JobCannotRun e) {
            if (stopping) {
                // stopped by the shutdown, not by the job: nothing was committed, the chunk runs again after the restart
                LOG.info("chunk {} of job {} was stopped by the shutdown; it runs again later", chunk, jobId);
                return;
            }
            if (jobs.end(jobId, JobStatus.FAILED, e.getMessage(), now())) {
                LOG.warn("job {} failed: {}", jobId, e.getMessage());
            } else {
                // it had ended already (cancelled while its script ran): the chunk is closed with nothing applied
                db.inTransaction(h -> applyInTransaction(h, jobId, chunk, null));
            }
            rulePlanners.jobEnded(jobId);
        }
    }

    /**
     * A rule chunk: the script decides about the rows as they are read, with no transaction open,
     * then the plans are applied in one short transaction to the records still at the version the
     * script saw. Records changed in between are read and asked about again, a few times at most.
     */
    private void runScripted(Job job, int chunk) {
        switch (jobs.startChunk(job.id(), chunk, MAX_STARTS, "started on node " + node + " at " + now() + " and never finished (the node stopped?)")) {
            case JobRepository.ChunkStart.NotPending n -> {
                return;
            }
            case JobRepository.ChunkStart.Poisoned p -> throw new JobCannotRun(
                    "chunk " + chunk + " was started " + p.attempts() + " times and never finished; the last time: " + p.lastError());
            case JobRepository.ChunkStart.Started s -> { }
        }
        try {
            planAndApply(job, chunk);
        } catch (JobCannotRun e) {
            throw e;
        } catch (RuntimeException e) {
            jobs.chunkFailed(job.id(), chunk, "failed on node " + node + ": " + e);
            throw e;
        }
    }

    private void planAndApply(Job job, int chunk) {
        // RUNNING from the moment its script starts deciding, not from its first commit
        if (job.status() == JobStatus.SCHEDULED) db.useHandle(h -> jobs.markRunning(h, job.id(), now()));
        Module module = moduleOf(job);
        Principal principal = principal(job);
        List<Long> ids = db.withHandle(h -> jobs.chunkRecordIds(h, job.id(), chunk));
        try (ScriptedPlanner scripted = rulePlanners.open(job, principal, module)) {
            // cancelled before its run could be stopped: the chunk is closed without asking the script
            if (!jobs.find(job.id()).map(j -> j.status().active()).orElse(false)) {
                db.inTransaction(h -> applyInTransaction(h, job.id(), chunk, null));
                return;
            }
            ScriptPlans plans = new ScriptPlans(scripted, principal, module);
            List<RecordRow> toPlan = db.withHandle(h -> records.findByIds(h, module, ids, false));
            for (int attempt = 1; ; attempt++) {
                plans.planAll(toPlan);
                boolean last = attempt >= PLAN_ATTEMPTS;
                try {
                    db.inTransaction(h -> applyInTransaction(h, job.id(), chunk, new Scripted(scripted, plans, last)));
                    return;
                } catch (StaleRows stale) {
                    toPlan = stale.rows;
                }
            }
        }
    }

    /** What a rule chunk brings to its transaction: the planner (for its log and time), the plans, and whether this is the last try. */
    private record Scripted(ScriptedPlanner planner, ScriptPlans plans, boolean lastAttempt) {}

    private Void applyInTransaction(Handle h, long jobId, int chunk, Scripted scripted) {
        if (!jobs.lockPendingChunk(h, jobId, chunk)) return null;
        Job job = jobs.find(h, jobId).orElseThrow(() -> new IllegalStateException("chunk of unknown job " + jobId));
        OffsetDateTime now = now();
        if (!job.status().active()) {
            // cancelled or failed: the chunk is closed without touching its records
            jobs.closeUnrunChunk(h, jobId, chunk, node, now);
            rulePlanners.jobEnded(jobId);
            return null;
        }
        // the job row is read after the chunk is locked: only a job's first chunks see it SCHEDULED
        if (job.status() == JobStatus.SCHEDULED) jobs.markRunning(h, jobId, now);
        Module module = moduleOf(job);
        Principal principal = principal(job);
        JobKind kind = JobKind.of(job);
        List<Long> ids = jobs.chunkRecordIds(h, jobId, chunk);
        List<RecordOutcome> outcomes;
        Map<Long, String> undoConflicts = Map.of();
        if (scripted != null) {
            List<RecordRow> stale = new ArrayList<>();
            outcomes = outcomes(h, kind, principal, module, ids, scripted.plans().applying(scripted.lastAttempt(), stale), now, jobId);
            if (!stale.isEmpty()) throw new StaleRows(stale);
            jobs.appendLog(h, jobId, scripted.planner().takeLog());
            java.time.Duration scriptTime = scripted.planner().scriptTimeHere();
            jobs.addScriptTime(h, jobId, scriptTime.toMillis());
            h.afterCommit(() -> meters.scriptTime(job.ruleId(), scriptTime));
        } else {
            RecordUpdater.Planner planner = planner(h, kind, job, principal, module, ids);
            outcomes = outcomes(h, kind, principal, module, ids, planner, now, jobId);
            undoConflicts = planner instanceof UndoPlanner undo ? undo.conflicts() : Map.of();
        }
        jobs.saveOutcomes(h, jobId, chunk, outcomes);
        jobs.saveConflicts(h, jobId, undoConflicts);
        // a dry run's outcomes are not updates: the records-updated meters leave them out
        if (kind.writesRecords()) h.afterCommit(() -> meters.committed(outcomes));
        int updated = (int) outcomes.stream().filter(RecordOutcome::updated).count();
        int failed = (int) outcomes.stream().filter(o -> o.status() == RecordOutcome.Status.FAILED).count();
        int skipped = (int) outcomes.stream().filter(o -> o.status() == RecordOutcome.Status.SKIPPED).count();
        jobs.finishChunk(h, jobId, chunk, updated, failed, skipped, node, now);
        // the last chunk as far as this node can tell (another may be finishing elsewhere: its idle run times out)
        if (scripted != null && job.chunksDone() + 1 >= job.chunkCount()) rulePlanners.jobEnded(jobId);
        return null;
    }

    /**
     * The one place a chunk meets its records, chosen by the job's kind alone: every kind but a dry
     * run has them written with its results; a dry run's chunk only reads them (no lock, no write,
     * no history), so its results are what a run would do and no setting or state can send it down
     * the write path.
     */
    private List<RecordOutcome> outcomes(Handle h, JobKind kind, Principal principal, Module module, List<Long> ids,
                                         RecordUpdater.Planner planner, OffsetDateTime now, long jobId) {
        return switch (kind) {
            case JobKind.RuleDryRun dry -> updater.dryRun(h, principal, module, ids, planner);
            case JobKind.RuleRun run -> updater.apply(h, principal, module, ids, planner, now, new WriteCause.JobChunk(jobId));
            case JobKind.ViewUpdate view -> updater.apply(h, principal, module, ids, planner, now, new WriteCause.JobChunk(jobId));
            case JobKind.Undo undo -> updater.apply(h, principal, module, ids, planner, now, new WriteCause.JobChunk(jobId));
        };
    }

    /** Records of a rule chunk changed between the script's read and the transaction: it is rolled back, they are planned again. */
    private static final class StaleRows extends RuntimeException {
        private final transient List<RecordRow> rows;

        StaleRows(List<RecordRow> rows) {
            super(null, null, false, false);
            this.rows = rows;
        }
    }

    private Module moduleOf(Job job) {
        return metadata.moduleById(job.moduleId()).orElseThrow(() -> new JobCannotRun("its module no longer exists"));
    }

    private Principal principal(Job job) {
        var user = users.byId(job.userId()).filter(u -> u.active())
                .orElseThrow(() -> new JobCannotRun("its user no longer exists or is inactive"));
        return users.principal(user, Scopes.of(Set.of()));
    }

    /**
     * How a chunk that no script decides about plans its records. A mass update of a view re-checks
     * its request against today's permissions. An undo puts back the values the job replaced as a
     * mass update of the user who undoes it would: the same field, value and permission checks, per
     * record (a record whose fields changed since is left alone as a conflict; see {@link UndoPlanner}).
     */
    private RecordUpdater.Planner planner(Handle h, JobKind kind, Job job, Principal principal, Module module, List<Long> ids) {
        return switch (kind) {
            case JobKind.Undo undo -> new UndoPlanner(h, jobs, job, module, principal, validator, history, users, ids);
            case JobKind.ViewUpdate view -> {
                try {
                    var request = MassUpdateParser.parse(Json.parseBody(job.request()));
                    yield RecordUpdater.sameValues(validator.validate(principal, module, request.values(), request.overWrite()));
                } catch (ApiException e) {
                    throw new JobCannotRun(e.error().code() + ": " + e.zohoMessage() + " " + e.details());
                }
            }
            // an ended rule job's chunk is closed before anything is planned
            case JobKind.RuleRun rule -> throw new IllegalStateException("a rule job's chunk is planned by its script");
            case JobKind.RuleDryRun rule -> throw new IllegalStateException("a rule job's chunk is planned by its script");
        };
    }

    private OffsetDateTime now() {
        return RecordTime.now(clock);
    }

    /** The job as a whole cannot go on (its request is no longer valid); it ends FAILED. */
    static final class JobCannotRun extends RuntimeException {
        JobCannotRun(String message) {
            super(message);
        }
    }
}
