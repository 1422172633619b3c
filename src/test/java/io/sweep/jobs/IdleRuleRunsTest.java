package io.sweep.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sweep.rules.ScriptDecision;
import io.sweep.rules.Rule;
import io.sweep.rules.RuleCheck;
import io.sweep.rules.RuleRun;
import io.sweep.rules.RuleSandbox;
import io.sweep.rules.RuleTrigger;
import io.sweep.rules.RuleValidator;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The loaded runs a node keeps between the chunks of its rule jobs, on the real sandbox. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdleRuleRunsTest {
    private RuleSandbox sandbox;
    private Rule counting;

    @BeforeAll
    void loadRules() {
        sandbox = new RuleSandbox();
        var validator = new RuleValidator(RuleCheck.standardMetadata(), sandbox);
        counting = validator.validate("count", """
                export const rule = { module: "Leads", select: { criteria: "(Company:equals:X)" }, runAs: "admin@sweep.local" };
                let seen = 0;
                export function update(record, ctx) { return { Description: String(++seen) }; }
                """, "count.js").rule();
    }

    @AfterAll
    void close() {
        sandbox.close();
    }

    private RuleRun open() {
        return sandbox.open(counting, Map.of(), RuleTrigger.MANUAL);
    }

    private static String description(RuleRun run) {
        var outcome = (ScriptDecision.Updated) run.update(Map.of("id", "1"));
        return outcome.values().get("Description").asText();
    }

    private static boolean closed(RuleRun run) {
        try {
            run.update(Map.of("id", "1"));
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    @Test
    void a_run_given_back_is_taken_again_by_its_job_only_with_its_module_state() {
        try (var idle = new IdleRuleRuns(4, Duration.ofMinutes(5))) {
            RuleRun run = open();
            assertThat(description(run)).isEqualTo("1");
            assertThat(idle.take(7)).isNull();
            idle.give(7, run);
            assertThat(idle.take(8)).isNull();
            RuleRun again = idle.take(7);
            assertThat(again).isSameAs(run);
            assertThat(description(again)).isEqualTo("2");
            assertThat(idle.take(7)).as("a run is handed to one chunk at a time").isNull();
            again.close();
        }
    }

    @Test
    void runs_beyond_the_capacity_idle_too_long_or_of_an_ended_job_are_closed() {
        try (var idle = new IdleRuleRuns(2, Duration.ofMinutes(5))) {
            RuleRun oldest = open(), middle = open(), newest = open();
            idle.give(1, oldest);
            idle.give(2, middle);
            idle.give(3, newest);
            assertThat(closed(oldest)).as("beyond the capacity, the longest idle goes").isTrue();
            assertThat(idle.size()).isEqualTo(2);

            idle.closeJob(2);
            assertThat(closed(middle)).isTrue();
            assertThat(idle.take(2)).isNull();

            idle.closeIdleSince(System.nanoTime());
            assertThat(closed(newest)).isTrue();
            assertThat(idle.size()).isZero();
        }
    }

    @Test
    void a_run_that_cannot_go_on_is_closed_instead_of_kept() {
        try (var idle = new IdleRuleRuns(4, Duration.ofMinutes(5))) {
            RuleRun run = sandbox.open(counting, Map.of(), RuleTrigger.MANUAL, 0L, Duration.ofHours(1));
            assertThat(run.update(Map.of("id", "1"))).as("the job's script time is used up").isInstanceOf(ScriptDecision.Fatal.class);
            idle.give(5, run);
            assertThat(idle.take(5)).isNull();
            assertThat(closed(run)).isTrue();
        }
    }

    @Test
    void closing_closes_the_idle_runs_and_every_run_given_back_later() {
        var idle = new IdleRuleRuns(4, Duration.ofMinutes(5));
        RuleRun kept = open(), late = open();
        idle.give(1, kept);
        idle.close();
        assertThat(closed(kept)).isTrue();
        idle.give(1, late);
        assertThat(closed(late)).isTrue();
        assertThatThrownBy(() -> late.update(Map.of())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_kept_run_continues_the_job_budget_and_logs_per_part() {
        try (var idle = new IdleRuleRuns(4, Duration.ofMinutes(5))) {
            RuleRun run = open();
            description(run);
            idle.give(9, run);
            RuleRun again = idle.take(9);
            again.continueJob(Duration.ofMinutes(20));
            assertThat(again.update(Map.of("id", "1"))).as("the job's 10 minutes are used up on other parts").isInstanceOf(ScriptDecision.Fatal.class);
            again.close();
        }
    }
}
