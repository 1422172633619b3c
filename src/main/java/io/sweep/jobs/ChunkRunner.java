package io.sweep.jobs;

import io.sweep.crm.RecordTime;
import io.sweep.api.ApiException;
import io.sweep.api.ErrorCode;
import io.sweep.auth.Principal;
import io.sweep.auth.Scopes;
import io.sweep.auth.UserRepository;
import io.sweep.crm.Metadata;
import io.sweep.crm.Module;
import io.sweep.crm.StoredValues;
import io.sweep.db.Database;
import io.sweep.massupdate.MassUpdateParser;
import io.sweep.massupdate.MassUpdateValidator;
import io.sweep.massupdate.Plan;
import io.sweep.massupdate.RecordOutcome;
import io.sweep.massupdate.RecordUpdater;
import io.sweep.api.Json;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one chunk of a job in one transaction: lock the chunk (a DONE chunk never runs again),
 * apply the updates, write every record's result with its before and after values, add the
 * counts to the job and mark the chunk DONE. A crash anywhere before the commit leaves the
 * chunk PENDING with nothing applied, and it simply runs again.
 */
public final class ChunkRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ChunkRunner.class);

    private final Database db;
    private final JobRepository jobs;
    private final Metadata metadata;
    private final UserRepository users;
    private final MassUpdateValidator validator;
    private final RecordUpdater updater;
    private final Clock clock;
    private final String node;
    private final RulePlanners rulePlanners;

    public ChunkRunner(Database db, JobRepository jobs, Metadata metadata, UserRepository users,
                       MassUpdateValidator validator, RecordUpdater updater, RulePlanners rulePlanners, Clock clock, String node) {
        this.db = db;
        this.jobs = jobs;
        this.metadata = metadata;
        this.users = users;
        this.validator = validator;
        this.updater = updater;
        this.clock = clock;
        this.node = node;
        this.rulePlanners = rulePlanners;
    }

    public void run(long jobId, int chunk) {
        try {
            db.inTransaction(h -> {
                runInTransaction(h, jobId, chunk);
                return null;
            });
        } catch (JobCannotRun e) {
            LOG.warn("job {} failed: {}", jobId, e.getMessage());
            jobs.end(jobId, JobStatus.FAILED, e.getMessage(), now());
            rulePlanners.jobEnded(jobId);
        }
    }

    private void runInTransaction(Handle h, long jobId, int chunk) {
        if (!jobs.lockPendingChunk(h, jobId, chunk)) return;
        Job job = jobs.find(h, jobId).orElseThrow(() -> new IllegalStateException("chunk of unknown job " + jobId));
        OffsetDateTime now = now();
        if (!job.status().active()) {
            // cancelled or failed: the chunk is closed without touching its records
            jobs.finishChunk(h, jobId, chunk, 0, 0, node, now);
            rulePlanners.jobEnded(jobId);
            return;
        }
        // the job row is read after the chunk is locked: only a job's first chunks see it SCHEDULED
        if (job.status() == JobStatus.SCHEDULED) jobs.markRunning(h, jobId, now);
        Module module = metadata.moduleById(job.moduleId()).orElseThrow(() -> new JobCannotRun("its module no longer exists"));
        Principal principal = principal(job);
        List<Long> ids = jobs.chunkRecordIds(h, jobId, chunk);
        List<RecordOutcome> outcomes;
        if (job.ruleId() != null) {
            try (ScriptedPlanner scripted = rulePlanners.open(job, principal, module)) {
                outcomes = updater.apply(h, principal, module, ids, scripted, now);
                jobs.appendLog(h, jobId, scripted.takeLog());
                jobs.addScriptTime(h, jobId, scripted.scriptTimeHere().toMillis());
            }
        } else {
            outcomes = updater.apply(h, principal, module, ids, planner(h, job, principal, module, ids), now);
        }
        jobs.saveOutcomes(h, jobId, outcomes);
        int updated = (int) outcomes.stream().filter(RecordOutcome::updated).count();
        int failed = (int) outcomes.stream().filter(o -> o.status() == RecordOutcome.Status.FAILED).count();
        jobs.finishChunk(h, jobId, chunk, updated, failed, node, now);
        // the last chunk as far as this node can tell (another may be finishing elsewhere: its idle run times out)
        if (job.ruleId() != null && job.chunksDone() + 1 >= job.chunkCount()) rulePlanners.jobEnded(jobId);
    }

    private Principal principal(Job job) {
        var user = users.byId(job.userId()).filter(u -> u.active())
                .orElseThrow(() -> new JobCannotRun("its user no longer exists or is inactive"));
        return users.principal(user, Scopes.of(Set.of()));
    }

    /** A mass update re-checks its request against today's permissions; an undo restores before-values. */
    private RecordUpdater.Planner planner(Handle h, Job job, Principal principal, Module module, List<Long> ids) {
        if (job.trigger() == Trigger.UNDO) {
            var sources = jobs.updatedRecords(h, job.undoOf(), ids);
            return row -> {
                var source = sources.get(row.id());
                if (source == null) return new Plan.Skip("not updated by the undone job");
                if (row.version() != source.versionAfter()) {
                    return new Plan.Fail(ErrorCode.CONFLICT, "changed since the job updated it; left as it is");
                }
                try {
                    return new Plan.Set(StoredValues.read(module, source.beforeValues()));
                } catch (RuntimeException e) {
                    return new Plan.Fail(ErrorCode.INVALID_DATA, "its old value no longer fits the field: " + e.getMessage());
                }
            };
        }
        try {
            var request = MassUpdateParser.parse(Json.parseBody(job.request()));
            return RecordUpdater.sameValues(validator.validate(principal, module, request.values(), request.overWrite()));
        } catch (ApiException e) {
            throw new JobCannotRun(e.error().code() + ": " + e.zohoMessage() + " " + e.details());
        }
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
