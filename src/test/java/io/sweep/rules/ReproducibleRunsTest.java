package io.sweep.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Math.random() is seeded per job and record, and the current time inside a script is ctx.now. */
class ReproducibleRunsTest {
    private static final Rule RULE = TestRules.rule("reproducible", """
            const atLoad = [Math.random(), Date.now()];
            export function update(record, ctx) {
              return { Description: [atLoad[0], atLoad[1], Math.random(), Math.random(), Date.now(), new Date().getTime(),
                Date() === new Date(ctx.now).toString(), ctx.now, new Date(0).getTime(), new Date() instanceof Date,
                Date.UTC(2026, 0, 1)].join(" ") };
            }
            """);

    private static String[] values(long seed, String recordId) {
        RuleRun run = TestRules.roomy().open(RULE, Map.<String, JsonNode>of(), RuleTrigger.MANUAL, 1_700_000_000_000L, Duration.ZERO, seed);
        try {
            ScriptDecision o = run.update(TestRules.lead(recordId));
            assertThat(o).isInstanceOf(ScriptDecision.Updated.class);
            return ((ScriptDecision.Updated) o).values().get("Description").asText().split(" ");
        } finally {
            run.close();
        }
    }

    @Test
    void two_runs_of_one_job_draw_the_same_numbers_for_a_record_and_see_ctx_now_as_the_time() {
        String[] first = values(42, "7");
        String[] second = values(42, "7");
        assertThat(second).containsExactly(first);
        assertThat(Double.parseDouble(first[2])).isBetween(0.0, 1.0).isNotEqualTo(Double.parseDouble(first[3]));
        assertThat(first[1]).isEqualTo("1700000000000");
        assertThat(first[4]).isEqualTo("1700000000000");
        assertThat(first[5]).isEqualTo("1700000000000");
        assertThat(first[6]).isEqualTo("true");
        assertThat(first[7]).isEqualTo("1700000000000");
        assertThat(first[8]).isEqualTo("0");
        assertThat(first[9]).isEqualTo("true");
        assertThat(first[10]).isEqualTo("1767225600000");
    }

    @Test
    void another_record_or_another_job_draws_other_numbers() {
        String[] record7 = values(42, "7");
        assertThat(values(42, "8")[2]).isNotEqualTo(record7[2]);
        assertThat(values(43, "7")[2]).isNotEqualTo(record7[2]);
    }
}
