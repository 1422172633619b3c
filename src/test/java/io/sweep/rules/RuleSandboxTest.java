package io.sweep.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a rule run does with ordinary scripts: values in, values out, context, log, failures. */
class RuleSandboxTest {
    private final RuleSandbox sandbox = TestRules.sandbox();

    private static ScriptDecision.Updated updated(ScriptDecision o) {
        assertThat(o).isInstanceOf(ScriptDecision.Updated.class);
        return (ScriptDecision.Updated) o;
    }

    @Test
    void update_returns_the_fields_to_set_as_json_in_the_order_given() {
        Rule rule = TestRules.rule("fields", """
                export function update(record) {
                  return { Lead_Status: "Cold", Lead_Score: 7, Annual_Revenue: 1.5, Email_Opt_Out: true,
                           Languages_Known: ["English", "German"], Description: null };
                }
                """);
        var values = updated(TestRules.once(sandbox, rule, TestRules.lead("1"))).values();
        assertThat(values.keySet()).containsExactly("Lead_Status", "Lead_Score", "Annual_Revenue", "Email_Opt_Out", "Languages_Known", "Description");
        assertThat(values.get("Lead_Status")).isEqualTo(TextNode.valueOf("Cold"));
        assertThat(values.get("Lead_Score").isIntegralNumber()).isTrue();
        assertThat(values.get("Lead_Score").asInt()).isEqualTo(7);
        assertThat(values.get("Annual_Revenue").asDouble()).isEqualTo(1.5);
        assertThat(values.get("Email_Opt_Out").booleanValue()).isTrue();
        assertThat(values.get("Languages_Known").toString()).isEqualTo("[\"English\",\"German\"]");
        assertThat(values.get("Description").isNull()).isTrue();
    }

    @Test
    void null_undefined_and_an_empty_object_skip_the_record() {
        Rule rule = TestRules.rule("skips", """
                export function update(record) {
                  if (record.id === "1") return null;
                  if (record.id === "2") return undefined;
                  if (record.id === "3") return {};
                }
                """);
        RuleRun run = sandbox.open(rule, Map.of(), RuleTrigger.MANUAL);
        try {
            for (String id : List.of("1", "2", "3", "4")) assertThat(run.update(TestRules.lead(id))).isInstanceOf(ScriptDecision.Skipped.class);
        } finally {
            run.close();
        }
    }

    @Test
    void the_record_arrives_as_plain_json_values() {
        Rule rule = TestRules.rule("shapes", """
                export function update(r) {
                  const shape = Object.entries(r).map(([k, v]) => k + ":" + (Array.isArray(v) ? "array" : v === null ? "null" : typeof v)).join(",");
                  return { Description: shape + "|" + r.Modified_Time + "|" + r.Follow_Up_Date + "|" + r.Big + "|" + r.Languages_Known.join("+")
                      + "|" + (Object.getPrototypeOf(r) === Object.prototype) };
                }
                """);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", "5725767000000123456");
        record.put("Lead_Score", 42);
        record.put("Annual_Revenue", new BigDecimal("1250000.50"));
        record.put("Email_Opt_Out", false);
        record.put("Languages_Known", List.of("English", "French"));
        record.put("Modified_Time", OffsetDateTime.of(2026, 1, 2, 5, 4, 0, 0, ZoneOffset.ofHours(2)));
        record.put("Follow_Up_Date", LocalDate.of(2026, 5, 6));
        record.put("Big", 5725767000000123456L);
        record.put("Owner", Map.of("id", "1", "name", "Admin"));
        record.put("Rating", null);
        var out = updated(TestRules.once(sandbox, rule, record)).values().get("Description").asText();
        assertThat(out).isEqualTo("id:string,Lead_Score:number,Annual_Revenue:number,Email_Opt_Out:boolean,Languages_Known:array,"
                + "Modified_Time:string,Follow_Up_Date:string,Big:string,Owner:object,Rating:null"
                + "|2026-01-02T03:04:00+00:00|2026-05-06|5725767000000123456|English+French|true");
    }

    @Test
    void the_script_changes_only_its_copy_of_the_record() {
        Rule rule = TestRules.rule("mutates", """
                export function update(r) {
                  r.Lead_Status = "Changed";
                  r.Languages_Known.push("German");
                  delete r.id;
                  return null;
                }
                """);
        Map<String, Object> record = new LinkedHashMap<>(TestRules.lead("1"));
        record.put("Languages_Known", new ArrayList<>(List.of("English")));
        Map<String, Object> before = new LinkedHashMap<>(record);
        TestRules.once(sandbox, rule, record);
        assertThat(record).isEqualTo(before);
        assertThat(record.get("Languages_Known")).isEqualTo(List.of("English"));
    }

    @Test
    void a_record_holding_a_host_object_is_refused_before_the_script_runs() {
        Rule rule = TestRules.rule("host", "export function update() { return null; }\n");
        RuleRun run = sandbox.open(rule, Map.of(), RuleTrigger.MANUAL);
        try {
            assertThatThrownBy(() -> run.update(Map.of("Thread", Thread.currentThread())))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Thread");
        } finally {
            run.close();
        }
    }

    @Test
    void ctx_gives_now_the_merged_params_and_the_trigger() {
        Rule rule = TestRules.rule("ctx", """
                export function update(r, ctx) {
                  return { Description: [ctx.now, JSON.stringify(ctx.params), ctx.trigger, typeof ctx.log].join("|") };
                }
                """);
        Map<String, JsonNode> params = Map.of("extra", TextNode.valueOf("x"));
        RuleRun run = sandbox.open(rule, params, RuleTrigger.WEBHOOK);
        try {
            String out = updated(run.update(TestRules.lead("1"))).values().get("Description").asText();
            assertThat(out).isEqualTo(TestRules.NOW.toEpochMilli() + "|{\"days\":30,\"extra\":\"x\"}|webhook|function");
            assertThat(run.now()).isEqualTo(TestRules.NOW.toEpochMilli());
        } finally {
            run.close();
        }
        RuleRun overridden = sandbox.open(rule, Map.of("days", IntNode.valueOf(7)), RuleTrigger.SCHEDULE);
        try {
            assertThat(updated(overridden.update(TestRules.lead("1"))).values().get("Description").asText()).contains("{\"days\":7}|schedule");
        } finally {
            overridden.close();
        }
    }

    @Test
    void the_spec_example_rule_sets_stale_contacted_leads_cold() {
        Rule rule = TestRules.rule("spec", """
                export function update(record, ctx) {
                  return Date.parse(record.Modified_Time) < ctx.now - ctx.params.days * 864e5 ? { Lead_Status: "Cold" } : null;
                }
                """);
        RuleRun run = sandbox.open(rule, Map.of(), RuleTrigger.MANUAL);
        try {
            assertThat(run.update(Map.of("id", "1", "Modified_Time", "2026-01-01T00:00:00+00:00"))).isInstanceOf(ScriptDecision.Updated.class);
            assertThat(run.update(Map.of("id", "2", "Modified_Time", "2026-02-20T00:00:00+00:00"))).isInstanceOf(ScriptDecision.Skipped.class);
        } finally {
            run.close();
        }
    }

    @Test
    void log_output_from_ctx_log_and_console_is_kept_with_the_run() {
        Rule rule = TestRules.rule("logs", """
                export function update(r, ctx) {
                  ctx.log("record", r.id, { status: r.Lead_Status }, [1, 2], null);
                  console.log("via console");
                  console.error("via console.error");
                  return null;
                }
                """);
        RuleRun run = sandbox.open(rule, Map.of(), RuleTrigger.MANUAL);
        run.update(TestRules.lead("7"));
        assertThat(run.close()).isEqualTo("record 7 {\"status\":\"Contacted\"} [1,2] null\nvia console\nvia console.error\n");
    }

    @Test
    void a_throwing_update_fails_that_record_with_the_line_and_the_next_record_runs() {
        Rule rule = TestRules.rule("throws", """
                function check(r) {
                  if (r.id === "bad") throw new RangeError("no good: " + r.id);
                }
                export function update(r) {
                  check(r);
                  return { Lead_Status: "Cold" };
                }
                """);
        RuleRun run = sandbox.open(rule, Map.of(), RuleTrigger.MANUAL);
        try {
            ScriptDecision failed = run.update(TestRules.lead("bad"));
            assertThat(failed).isEqualTo(new ScriptDecision.Failed(ScriptFailure.SCRIPT_ERROR, "throws.js:8:29: RangeError: no good: bad"));
            assertThat(run.update(TestRules.lead("good"))).isInstanceOf(ScriptDecision.Updated.class);
        } finally {
            run.close();
        }
    }

    @Test
    void a_non_object_return_is_an_invalid_return_of_that_record() {
        Rule rule = TestRules.rule("string", "export function update() { return \"Cold\"; }\n");
        assertThat(TestRules.once(sandbox, rule, TestRules.lead("1"))).isEqualTo(new ScriptDecision.Failed(ScriptFailure.INVALID_RETURN,
                "update must return a plain object of field values, or null; it returned a string"));
    }

    @Test
    void module_state_lives_for_one_run_only() {
        Rule rule = TestRules.rule("counter", "let n = 0;\nexport function update() { n++; return { Lead_Score: n }; }\n");
        for (int round = 0; round < 2; round++) {
            RuleRun run = sandbox.open(rule, Map.of(), RuleTrigger.MANUAL);
            try {
                assertThat(updated(run.update(TestRules.lead("1"))).values().get("Lead_Score").asInt()).isEqualTo(1);
                assertThat(updated(run.update(TestRules.lead("2"))).values().get("Lead_Score").asInt()).isEqualTo(2);
            } finally {
                run.close();
            }
        }
    }

    @Test
    void a_rule_whose_module_fails_at_run_time_makes_every_update_fatal() {
        Rule valid = TestRules.rule("loads", "export function update() { return null; }\n");
        Rule broken = new Rule(valid.id(), valid.file(), "other-version", valid.module(), "", valid.select(), valid.triggers(),
                valid.runAs(), Map.of(), "export const rule = {};\nthrow new Error(\"not today\");\nexport function update() {}\n");
        RuleRun run = sandbox.open(broken, Map.of(), RuleTrigger.MANUAL);
        ScriptDecision first = run.update(TestRules.lead("1"));
        assertThat(first).isEqualTo(new ScriptDecision.Fatal(ScriptFailure.SCRIPT_ERROR, "the rule failed to load: loads.js:2:7: Error: not today"));
        assertThat(run.update(TestRules.lead("2"))).isEqualTo(first);
        assertThat(run.fatal()).isEqualTo(first);
        run.close();
    }

    @Test
    void a_timeout_names_the_record() {
        try (var tight = new RuleSandbox(SandboxLimits.defaults().withRecordTime(Duration.ofMillis(200)), TestRules.CLOCK)) {
            Rule rule = TestRules.rule("spin", """
                    export function update(r) {
                      if (r.id !== "7") return null;
                      for (;;) {
                        r.Description = "x";
                      }
                    }
                    """);
            RuleRun run = tight.open(rule, Map.of(), RuleTrigger.MANUAL);
            try {
                assertThat(run.update(TestRules.lead("6"))).isInstanceOf(ScriptDecision.Skipped.class);
                var stopped = (ScriptDecision.Fatal) run.update(TestRules.lead("7"));
                assertThat(stopped.failure()).isEqualTo(ScriptFailure.SCRIPT_TIMEOUT);
                assertThat(stopped.message()).isEqualTo("update ran longer than 200 ms on record 7 (the per-record time budget); the script was stopped");
            } finally {
                run.close();
            }
        }
    }

    @Test
    void the_job_time_budget_counts_script_time_across_records() {
        try (var tight = new RuleSandbox(SandboxLimits.defaults().withJobTime(Duration.ofMillis(300)), TestRules.CLOCK)) {
            Rule rule = TestRules.rule("slow", """
                    export function update() {
                      // Date.now() is ctx.now in a script: the time is spent counting
                      let n = 0;
                      for (let i = 0; i < 200000; i++) n += i;
                      return null;
                    }
                    """);
            RuleRun run = tight.open(rule, Map.of(), RuleTrigger.MANUAL);
            try {
                ScriptDecision last = null;
                int records = 0;
                while (!(last instanceof ScriptDecision.Fatal) && records < 100) {
                    last = run.update(TestRules.lead(String.valueOf(records++)));
                }
                assertThat(last).isEqualTo(new ScriptDecision.Fatal(ScriptFailure.SCRIPT_TIMEOUT,
                        "the rule used up the job's script time budget of 300 ms; the script was stopped"));
                assertThat(records).isGreaterThan(1);
            } finally {
                run.close();
            }
        }
    }

    @Test
    void a_run_that_continues_a_job_starts_from_the_script_time_its_earlier_parts_used() {
        try (var tight = new RuleSandbox(SandboxLimits.defaults().withJobTime(Duration.ofMillis(300)), TestRules.CLOCK)) {
            Rule rule = TestRules.rule("quick", "export function update() { return null; }");
            RuleRun fresh = tight.open(rule, Map.of(), RuleTrigger.MANUAL, 0, Duration.ZERO);
            RuleRun spent = tight.open(rule, Map.of(), RuleTrigger.MANUAL, 0, Duration.ofMillis(300));
            try {
                assertThat(fresh.update(TestRules.lead("1"))).isInstanceOf(ScriptDecision.Skipped.class);
                assertThat(fresh.scriptTime()).isPositive();
                assertThat(spent.update(TestRules.lead("1"))).isEqualTo(new ScriptDecision.Fatal(ScriptFailure.SCRIPT_TIMEOUT,
                        "the rule used up the job's script time budget of 300 ms; the script was stopped"));
            } finally {
                fresh.close();
                spent.close();
            }
        }
    }

    @Test
    void ctx_now_of_a_run_that_continues_a_job_is_the_time_it_was_given() {
        Rule rule = TestRules.rule("now", "export function update(r, ctx) { return { Description: String(ctx.now) }; }");
        RuleRun run = sandbox.open(rule, Map.of(), RuleTrigger.MANUAL, 1_234_567_000L, Duration.ZERO);
        try {
            assertThat(run.update(TestRules.lead("1"))).isEqualTo(new ScriptDecision.Updated(Map.of("Description", TextNode.valueOf("1234567000"))));
        } finally {
            run.close();
        }
    }

    @Test
    void a_closed_run_refuses_more_records() {
        Rule rule = TestRules.rule("closed", "export function update() { return null; }\n");
        RuleRun run = sandbox.open(rule, Map.of(), RuleTrigger.MANUAL);
        assertThat(run.close()).isEmpty();
        assertThat(run.close()).isEmpty();
        assertThatThrownBy(() -> run.update(TestRules.lead("1"))).isInstanceOf(IllegalStateException.class);
    }
}
