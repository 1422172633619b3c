package io.sweep.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.auth.Principal;
import io.sweep.auth.UserRepository;
import io.sweep.crm.Metadata;
import io.sweep.crm.Module;
import io.sweep.crm.RecordRepository;
import io.sweep.json.Json;
import io.sweep.massupdate.MassUpdateValidator;
import io.sweep.rules.Rule;
import io.sweep.rules.RuleLibraries;
import io.sweep.rules.RuleRun;
import io.sweep.rules.RuleSandbox;
import io.sweep.rules.RuleTrigger;
import io.sweep.rules.RuleValidator;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens the script of a rule job for one chunk. The job carries the rule's source as it was when
 * the job was scheduled, so an edit of the file during a long run changes nothing mid-way, and a
 * resumed job runs the version it recorded. A job's loaded run is kept between the chunks this
 * node runs ({@link IdleRuleRuns}). Close it on shutdown.
 */
public final class RulePlanners implements AutoCloseable {
    private final RuleSandbox sandbox;
    private final RuleValidator rules;
    private final MassUpdateValidator validator;
    private final RelatedRecords related;
    private final IdleRuleRuns idle = new IdleRuleRuns();
    /** The runs chunks of each job are using on this node right now, so that cancelling the job can stop their scripts. */
    private final Map<Long, Set<RuleRun>> inUse = new ConcurrentHashMap<>();
    /** Validated rules by version: validating loads the script, which a job's chunks need not repeat. */
    private final Map<String, Rule> byVersion = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Rule> eldest) {
            return size() > 32;
        }
    });

    public RulePlanners(RuleSandbox sandbox, RuleValidator rules, MassUpdateValidator validator, Metadata metadata,
                        RecordRepository records, UserRepository users) {
        this.related = new RelatedRecords(metadata, records, users);
        this.sandbox = sandbox;
        this.rules = rules;
        this.validator = validator;
    }

    ScriptedPlanner open(Job job, Principal principal, Module module) {
        JsonNode request = Json.parseBody(job.request());
        Rule rule = byVersion.computeIfAbsent(job.ruleVersion(), version -> {
            Map<String, String> libraries = new LinkedHashMap<>();
            request.path("libraries").properties().forEach(e -> libraries.put(e.getKey(), e.getValue().asText()));
            var validation = rules.validate(job.ruleId(), request.path("source").asText(), job.ruleId() + ".js", RuleLibraries.of(libraries));
            if (!validation.ok()) throw new ChunkRunner.JobCannotRun("the rule no longer validates: " + validation.problems());
            return validation.rule();
        });
        Map<String, JsonNode> params = new LinkedHashMap<>();
        request.path("params").properties().forEach(e -> params.put(e.getKey(), e.getValue()));
        // every chunk sees the job's own ctx.now and continues the job's script time budget
        Duration used = Duration.ofMillis(job.scriptMillis());
        RuleRun run = idle.take(job.id());
        if (run != null) {
            run.continueJob(used);
        } else {
            run = sandbox.open(rule, withDefaults(rule, params), trigger(job.trigger()), job.createdTime().toInstant().toEpochMilli(), used, job.id());
        }
        inUse.computeIfAbsent(job.id(), id -> ConcurrentHashMap.newKeySet()).add(run);
        return new ScriptedPlanner(run, used, principal, module, validator, related, kept -> {
            inUse.computeIfPresent(job.id(), (id, runs) -> {
                runs.remove(kept);
                return runs.isEmpty() ? null : runs;
            });
            idle.give(job.id(), kept);
        });
    }

    /**
     * The job was cancelled: the scripts its chunks are running on this node are stopped now rather
     * than when their budget runs out, and its idle runs closed. Does not wait for them.
     */
    public void cancelJob(long jobId) {
        Set<RuleRun> runs = inUse.get(jobId);
        if (runs != null) {
            for (RuleRun run : runs) run.cancel("the job was cancelled; the script was stopped");
        }
        idle.closeJob(jobId);
    }

    /** The job ended (or cannot go on): its runs kept on this node are closed. */
    void jobEnded(long jobId) {
        idle.closeJob(jobId);
    }

    @Override
    public void close() {
        idle.close();
    }

    /** A run outside a job (a preview): {@code ctx.now} is now. */
    ScriptedPlanner open(Rule rule, Map<String, JsonNode> params, RuleTrigger trigger, Principal principal, Module module) {
        return new ScriptedPlanner(sandbox.open(rule, withDefaults(rule, params), trigger), Duration.ZERO, principal, module, validator, related, RuleRun::close);
    }

    /** {@code params} are the run's own; the rule's defaults fill in the rest. */
    private static Map<String, JsonNode> withDefaults(Rule rule, Map<String, JsonNode> params) {
        Map<String, JsonNode> merged = new LinkedHashMap<>(rule.params());
        merged.putAll(params);
        return merged;
    }

    static RuleTrigger trigger(Trigger trigger) {
        return switch (trigger) {
            case WEBHOOK -> RuleTrigger.WEBHOOK;
            case SCHEDULE -> RuleTrigger.SCHEDULE;
            default -> RuleTrigger.MANUAL;
        };
    }
}
