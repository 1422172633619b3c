package io.sweep.jobs;

import com.github.kagkarlsson.scheduler.task.schedule.CronSchedule;
import io.sweep.errors.ApiException;
import io.sweep.rules.Rule;
import io.sweep.rules.RuleEntry;
import io.sweep.rules.RuleRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires rules on their cron schedule ({@code triggers.schedule}). Each fire is claimed by a row
 * in {@code rule_fires} (primary key: rule and fire time), so with several nodes a fire runs
 * once. After downtime, the missed fires of a rule run once, as the latest of them. A rule that
 * never fired fires from when this node started or saw it change on: not for a time already
 * past when it was saved.
 */
public final class ScheduleTrigger implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleTrigger.class);
    private static final int MAX_STEPS = 100_000;

    private final RuleRegistry rules;
    private final RuleFireRepository fires;
    private final JobService jobs;
    private final Clock clock;
    /** When this node started: rules it found then and that never fired count from here. */
    private final Instant startedAt;
    /** When this node saw each rule change (saved here, or read from the folder); a rule that never fired counts from there. */
    private final Map<String, Instant> changedAt = new ConcurrentHashMap<>();

    public ScheduleTrigger(RuleRegistry rules, RuleFireRepository fires, JobService jobs, Clock clock) {
        this.rules = rules;
        this.fires = fires;
        this.jobs = jobs;
        this.clock = clock;
        this.startedAt = clock.instant();
        rules.addListener(id -> changedAt.put(id, clock.instant()));
    }

    /** The next time the rule's schedule fires after now, if it has one. */
    public Optional<Instant> nextFire(Rule rule) {
        if (rule == null || rule.triggers().cron() == null) return Optional.empty();
        return Optional.ofNullable(new CronSchedule(rule.triggers().cron(), ZoneOffset.UTC).getInitialExecutionTime(clock.instant()));
    }

    /** The rule's latest fires, newest first: each with its job, or why it started none. */
    public List<RuleFireRepository.Fire> recentFires(String ruleId, int limit) {
        return fires.recent(ruleId, limit);
    }

    @Override
    public void run() {
        Instant now = clock.instant();
        for (RuleEntry entry : rules.entries()) {
            Rule rule = entry.active();
            if (rule == null || rule.triggers().cron() == null) continue;
            try {
                fire(rule, now);
            } catch (RuntimeException e) {
                LOG.error("schedule of rule {} failed", rule.id(), e);
            }
        }
    }

    private void fire(Rule rule, Instant now) {
        var schedule = new CronSchedule(rule.triggers().cron(), ZoneOffset.UTC);
        Instant last = fires.lastFire(rule.id()).orElseGet(() -> changedAt.getOrDefault(rule.id(), startedAt));
        Instant due = null;
        Instant next = schedule.getInitialExecutionTime(last);
        for (int i = 0; i < MAX_STEPS && next != null && !next.isAfter(now); i++) {
            due = next;
            next = schedule.getInitialExecutionTime(next);
        }
        if (due == null || !fires.claim(rule.id(), due)) return;
        try {
            long jobId = jobs.scheduleRule(rule, Map.of(), Trigger.SCHEDULE).id();
            fires.recordJob(rule.id(), due, jobId, null);
            LOG.info("rule {} fired for {} as job {}", rule.id(), due, jobId);
        } catch (ApiException e) {
            // nothing to do (NO_RECORDS_FOUND), still running (ALREADY_SCHEDULED)…: the fire is spent, its reason kept
            fires.recordJob(rule.id(), due, null, e.error().code() + ": " + e.zohoMessage());
        }
    }
}
