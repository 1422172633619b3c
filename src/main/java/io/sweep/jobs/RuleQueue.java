package io.sweep.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sweep.crm.RecordTime;
import io.sweep.db.Database;
import io.sweep.errors.ApiException;
import io.sweep.errors.ErrorCode;
import io.sweep.json.Json;
import io.sweep.rules.Rule;
import io.sweep.rules.RuleRegistry;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs of a rule that wait their turn. A run asked for while the rule has a job is stored at once as
 * a job of its own: SCHEDULED, with its parameters, no selection yet and no active key, only the
 * key it waits for ({@code queued_key}: the rule's, or its view's for a rule that selects by view).
 * When the job holding that key ends, the oldest waiting job takes it; the unique index on {@code active_key} lets exactly one job hold it, whichever
 * node tries, so a job is started once and the rule runs one job at a time, in arrival order. The
 * job's selection is frozen only then, with the rule as it is then; a selection that is empty or
 * over the limit ends the job FAILED with Zoho's code, and the next one takes its turn.
 */
public final class RuleQueue {
    private static final Logger LOG = LoggerFactory.getLogger(RuleQueue.class);
    /** How long a refused sender is asked to wait before sending again. */
    public static final int RETRY_AFTER_SECONDS = 60;

    private final Database db;
    private final JobRepository jobs;
    private final JobService jobService;
    private final JobScheduler scheduler;
    private final RuleRegistry rules;
    private final int maxWaiting;
    private final Clock clock;

    public RuleQueue(Database db, JobRepository jobs, JobService jobService, JobScheduler scheduler, RuleRegistry rules, int maxWaiting, Clock clock) {
        this.db = db;
        this.jobs = jobs;
        this.jobService = jobService;
        this.scheduler = scheduler;
        this.rules = rules;
        this.maxWaiting = maxWaiting;
        this.clock = clock;
    }

    /**
     * Stores a run of the rule as a waiting job and starts it if the rule is free. Who runs it and on
     * which module are checked now (their errors are answered now); what it selects is not.
     * Throws {@code WEBHOOK_QUEUE_FULL} when {@code maxWaiting} jobs already wait for the rule.
     */
    public Job enqueue(Rule rule, Map<String, JsonNode> params, Trigger trigger) {
        ObjectNode runParams = JobService.runParams(rule, params);
        var selection = jobService.selectForRule(rule, runParams);
        JobKind.RuleRun kind = JobService.ruleRun(rule, runParams);
        JobKind.ActiveKey key = kind.activeKey();
        if (jobs.queuedCount(key) >= maxWaiting) {
            throw new ApiException(ErrorCode.WEBHOOK_QUEUE_FULL, Map.of("rule", rule.id(), "limit", String.valueOf(maxWaiting),
                    "retry_after_seconds", RETRY_AFTER_SECONDS));
        }
        long jobId = db.inTransaction(h -> {
            long id = db.nextId(h);
            jobs.insert(h, new JobRepository.Draft(id, selection.module().id(), selection.runAs().user().id(), trigger, kind,
                    JobService.ruleRequest(rule, trigger, runParams), RecordTime.now(clock), null, true));
            return id;
        });
        try {
            promote(key);
        } catch (RuntimeException e) {
            // the run is stored: the end of the rule's job, or the periodic pass, starts it
            LOG.warn("could not start waiting job {} of rule {} yet", jobId, rule.id(), e);
        }
        return jobs.find(jobId).orElseThrow();
    }

    /**
     * After a chunk: when its job ended, the next job waiting for the key it held starts — its
     * rule's, or its view's (a mass update of a view frees the view for a rule that selects by it).
     * Never throws (the chunk is done).
     */
    public void chunkEnded(long jobId) {
        try {
            jobs.find(jobId).filter(j -> !j.status().active()).map(JobKind::of)
                    .filter(kind -> !(kind instanceof JobKind.Undo))
                    .ifPresent(kind -> promote(kind.activeKey()));
        } catch (RuntimeException e) {
            LOG.warn("could not start the next waiting job after job {}; the periodic pass will", jobId, e);
        }
    }

    /** Starts the next waiting job of every key that is free: a pass that catches what a node died before doing. */
    public void promoteAll() {
        for (JobKind.ActiveKey key : jobs.queuedKeys()) {
            try {
                promote(key);
            } catch (RuntimeException e) {
                LOG.warn("could not start the next waiting job for {}", key, e);
            }
        }
    }

    /**
     * Starts the oldest job waiting for {@code key} (a rule's or a view's active key), if no active
     * job holds it; a job that cannot start ends FAILED and the next one is tried.
     */
    public void promote(JobKind.ActiveKey key) {
        while (!jobs.hasActiveJob(key)) {
            var next = jobs.oldestQueued(key);
            if (next.isEmpty()) return;
            String ruleId = jobs.find(next.get()).map(Job::ruleId).orElse(null);
            if (ruleId == null) return;
            Promotion outcome;
            try {
                outcome = start(next.get(), ruleId);
            } catch (RuntimeException e) {
                // another job took the key between the look and the claim: it starts the next one when it ends
                if (Database.isUniqueViolation(e)) return;
                throw e;
            }
            if (outcome == Promotion.STARTED) {
                scheduler.schedule(next.get(), jobs.pendingChunks(next.get()));
                LOG.info("waiting job {} of rule {} started", next.get(), ruleId);
                return;
            }
        }
    }

    private enum Promotion { STARTED, FAILED, GONE }

    /** A job's selection as it starts, with the rule and parameters it starts with, or why it cannot start. */
    private record Start(JobService.RuleSelection selection, Rule rule, ObjectNode params, String problem) {}

    private Promotion start(long jobId, String ruleId) {
        Job job = jobs.find(jobId).orElseThrow();
        Start start = prepare(ruleId, job);
        return db.inTransaction(h -> {
            // first statement of the transaction: a unique violation here leaves nothing half done
            if (!jobs.claimQueued(h, jobId)) return Promotion.GONE;
            var now = RecordTime.now(clock);
            if (start.problem() != null) {
                jobs.failClaimed(h, jobId, start.problem(), now);
                return Promotion.FAILED;
            }
            Rule rule = start.rule();
            jobs.restate(h, jobId, JobService.ruleRequest(rule, job.trigger(), start.params()), rule.version(), start.params().toString());
            var selection = start.selection();
            int frozen = jobs.freezeSelection(h, jobId, selection.module(), selection.where());
            String problem = countProblem(frozen);
            if (problem != null) {
                jobs.failClaimed(h, jobId, problem, now);
                return Promotion.FAILED;
            }
            jobs.setCounts(h, jobId, frozen);
            return Promotion.STARTED;
        });
    }

    /** The rule as it is now, with the parameters the run was given over its current defaults. */
    private Start prepare(String ruleId, Job job) {
        Rule rule = rules.rule(ruleId).orElse(null);
        if (rule == null) return new Start(null, null, null, "NOT_FOUND: the rule no longer exists or has problems");
        ObjectNode params = Json.object();
        rule.params().forEach(params::set);
        if (job.parameters() != null) params.setAll((ObjectNode) Json.parseBody(job.parameters()));
        try {
            var selection = jobService.selectForRule(rule, params);
            String problem = countProblem(selection.count());
            return new Start(selection, rule, params, problem);
        } catch (ApiException e) {
            return new Start(null, rule, params, problem(e));
        }
    }

    /** Zoho's code for a selection of nothing or of too many, as the message of the job that ends FAILED. */
    private String countProblem(long count) {
        try {
            jobService.requireSchedulableRuleCount(count);
            return null;
        } catch (ApiException e) {
            return problem(e);
        }
    }

    private static String problem(ApiException e) {
        return e.error().code() + ": " + e.zohoMessage() + (e.details().isEmpty() ? "" : " " + e.details());
    }
}
