package io.sweep.jobs;

import com.github.kagkarlsson.scheduler.task.schedule.CronSchedule;
import io.sweep.errors.ApiException;
import io.sweep.rules.Rule;
import io.sweep.rules.RuleEntry;
import io.sweep.rules.RuleRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires rules on their cron schedule ({@code triggers.schedule}). Each fire is claimed by a row
 * in {@code rule_fires} (primary key: rule and fire time), so with several nodes a fire runs
 * once. After downtime, the missed fires of a rule run once, as the latest of them.
 */
public final class ScheduleTrigger implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleTrigger.class);
    /** A rule seen for the first time fires from now on, not for its whole past. */
    private static final Duration FIRST_LOOK_BACK = Duration.ofMinutes(1);
    private static final int MAX_STEPS = 100_000;

    private final RuleRegistry rules;
    private final RuleFireRepository fires;
    private final JobService jobs;
    private final Clock clock;

    public ScheduleTrigger(RuleRegistry rules, RuleFireRepository fires, JobService jobs, Clock clock) {
        this.rules = rules;
        this.fires = fires;
        this.jobs = jobs;
        this.clock = clock;
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
        Instant last = fires.lastFire(rule.id()).orElse(now.minus(FIRST_LOOK_BACK));
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
