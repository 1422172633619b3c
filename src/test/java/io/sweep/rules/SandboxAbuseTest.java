package io.sweep.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Escape and abuse attempts by rule scripts. Each is blocked or handled: the script gets an
 * error or is stopped, the record or job fails with the right code, and afterwards the same
 * sandbox (the server) still runs the next rule normally ({@link #the_next_rule_still_runs}).
 */
class SandboxAbuseTest {
    private final RuleSandbox sandbox = TestRules.strict();

    /** The module code around an update body that gets {@code record} and {@code ctx}. */
    private static Rule rule(String moduleCode) {
        return TestRules.rule("abuse", moduleCode);
    }

    private static Rule updating(String body) {
        return rule("export function update(record, ctx) {\n" + body + "\n}\n");
    }

    private ScriptDecision once(Rule rule) {
        return TestRules.once(sandbox, rule, TestRules.lead("1"));
    }

    /** What the script reports about its world, returned as the Description field; not a test of time budgets. */
    private String report(String expression) {
        ScriptDecision o = TestRules.once(TestRules.roomy(), updating("return { Description: String(" + expression + ") };"), TestRules.lead("1"));
        assertThat(o).isInstanceOf(ScriptDecision.Updated.class);
        return ((ScriptDecision.Updated) o).values().get("Description").asText();
    }

    private static void scriptError(ScriptDecision o, String... contains) {
        assertThat(o).isInstanceOf(ScriptDecision.Failed.class);
        var f = (ScriptDecision.Failed) o;
        assertThat(f.failure()).isEqualTo(ScriptFailure.SCRIPT_ERROR);
        for (String c : contains) assertThat(f.message()).contains(c);
    }

    private static void invalidReturn(ScriptDecision o, String... contains) {
        assertThat(o).isInstanceOf(ScriptDecision.Failed.class);
        var f = (ScriptDecision.Failed) o;
        assertThat(f.failure()).isEqualTo(ScriptFailure.INVALID_RETURN);
        for (String c : contains) assertThat(f.message()).contains(c);
    }

    private static void timeout(ScriptDecision o) {
        assertThat(o).isInstanceOf(ScriptDecision.Fatal.class);
        assertThat(((ScriptDecision.Fatal) o).failure()).isEqualTo(ScriptFailure.SCRIPT_TIMEOUT);
        assertThat(((ScriptDecision.Fatal) o).message()).contains("the script was stopped");
    }

    @AfterEach
    void the_next_rule_still_runs() {
        Rule benign = TestRules.rule("benign", "export function update(r) { return { Lead_Status: r.Lead_Status === \"Contacted\" ? \"Cold\" : null }; }\n");
        assertThat(TestRules.once(sandbox, benign, TestRules.lead("9"))).isInstanceOf(ScriptDecision.Updated.class);
        assertThat(report("({}).polluted === undefined && typeof globalThis.leak === 'undefined'")).isEqualTo("true");
    }

    // --- host access -------------------------------------------------------------------

    @Test
    void java_type_is_not_there() {
        assertThat(report("typeof Java")).isEqualTo("undefined");
        scriptError(once(updating("Java.type('java.lang.System').exit(1);")), "ReferenceError: Java is not defined");
    }

    @Test
    void packages_and_java_package_globals_are_not_there() {
        assertThat(report("[typeof Packages, typeof java, typeof javax, typeof com, typeof org].join()"))
                .isEqualTo("undefined,undefined,undefined,undefined,undefined");
        scriptError(once(updating("return { Description: String(java.lang.System.getenv()) };")), "ReferenceError");
        scriptError(once(updating("return { Description: String(Packages.java.io.File) };")), "ReferenceError");
    }

    @Test
    void polyglot_eval_and_import_are_not_there() {
        scriptError(once(updating("Polyglot.eval('js', '1');")), "ReferenceError: Polyglot is not defined");
        scriptError(once(updating("Polyglot.import('anything');")), "ReferenceError");
    }

    @Test
    void load_and_its_variants_are_not_there() {
        assertThat(report("[typeof load, typeof loadWithNewGlobal, typeof print, typeof printErr, typeof quit, typeof exit, typeof Graal].join()"))
                .isEqualTo("undefined,undefined,undefined,undefined,undefined,undefined,undefined");
        scriptError(once(updating("load('/etc/passwd');")), "ReferenceError: load is not defined");
    }

    @Test
    void require_is_not_there() {
        scriptError(once(updating("require('fs').readFileSync('/etc/passwd');")), "ReferenceError: require is not defined");
    }

    @Test
    void dynamic_import_is_refused_by_the_module_loader() {
        Rule rule = rule("""
                let status = "pending";
                import("fs").then(() => status = "loaded", e => status = "refused: " + e.message);
                let file = "pending";
                import("/etc/passwd").then(() => file = "loaded", e => file = "refused");
                export function update() { return { Description: status + " / " + file }; }
                """);
        ScriptDecision o = once(rule);
        assertThat(((ScriptDecision.Updated) o).values().get("Description").asText()).isEqualTo("refused: " + LibraryFileSystem.REFUSED + "fs / refused");
    }

    @Test
    void the_record_has_no_java_methods_to_reflect_on() {
        scriptError(once(updating("return { Description: record.getClass().getName() };")), "TypeError");
        assertThat(report("record.constructor === Object && Object.getPrototypeOf(record) === Object.prototype")).isEqualTo("true");
    }

    @Test
    void the_function_constructor_reached_through_ctx_yields_only_the_frozen_js_global() {
        String found = report("""
                (() => {
                  const g = ctx.constructor.constructor("return this")();
                  const suspicious = Object.getOwnPropertyNames(g).filter(n => /java|Java|Packages|Polyglot|Graal|load|print|require|process|quit/.test(n));
                  return suspicious.join() + "|" + Object.isFrozen(g) + "|" + (g === globalThis);
                })()""");
        assertThat(found).isEqualTo("|true|true");
        assertThat(report("ctx.log.constructor('return typeof Java + typeof Polyglot')()")).isEqualTo("undefinedundefined");
    }

    // --- pollution and tampering --------------------------------------------------------

    @Test
    void polluting_object_prototype_fails_the_record_and_the_next_record_is_clean() {
        Rule rule = updating("""
                if (record.id === "1") Object.prototype.polluted = "yes";
                return { Description: String(({}).polluted) + "|" + String(record.polluted) };""");
        RuleRun run = sandbox.open(rule, Map.of(), RuleTrigger.MANUAL);
        try {
            scriptError(run.update(TestRules.lead("1")), "TypeError");
            ScriptDecision next = run.update(TestRules.lead("2"));
            assertThat(((ScriptDecision.Updated) next).values().get("Description").asText()).isEqualTo("undefined|undefined");
        } finally {
            run.close();
        }
    }

    @Test
    void polluting_through_record_proto_is_refused_and_reprototyping_touches_only_that_copy() {
        Rule rule = updating("""
                if (record.id === "1") record.__proto__.injected = "yes";
                if (record.id === "2") { Object.setPrototypeOf(record, { injected: "mine" }); return { Description: record.injected }; }
                return { Description: String(record.injected) + "|" + String(({}).injected) };""");
        RuleRun run = sandbox.open(rule, Map.of(), RuleTrigger.MANUAL);
        try {
            scriptError(run.update(TestRules.lead("1")), "TypeError");
            assertThat(((ScriptDecision.Updated) run.update(TestRules.lead("2"))).values().get("Description").asText()).isEqualTo("mine");
            assertThat(((ScriptDecision.Updated) run.update(TestRules.lead("3"))).values().get("Description").asText()).isEqualTo("undefined|undefined");
        } finally {
            run.close();
        }
    }

    @Test
    void built_in_methods_cannot_be_replaced() {
        scriptError(once(updating("Array.prototype.map = () => [];")), "TypeError");
        scriptError(once(updating("JSON.parse = () => ({});")), "TypeError");
        scriptError(once(updating("console.log = () => {};")), "TypeError");
        scriptError(once(updating("Error.prepareStackTrace = () => 'x';")), "TypeError");
        assertThat(report("Reflect.defineProperty(String.prototype, 'trim', { value: () => 'x' })")).isEqualTo("false");
    }

    @Test
    void global_tampering_does_not_persist_across_records_or_jobs() {
        Rule rule = updating("""
                if (record.id === "1") { try { globalThis.leak = 1; } catch (e) {} try { (0, eval)("var leakVar = 1"); } catch (e) {} }
                return { Description: typeof globalThis.leak + "|" + typeof globalThis.leakVar };""");
        RuleRun run = sandbox.open(rule, Map.of(), RuleTrigger.MANUAL);
        try {
            assertThat(((ScriptDecision.Updated) run.update(TestRules.lead("1"))).values().get("Description").asText()).isEqualTo("undefined|undefined");
            assertThat(((ScriptDecision.Updated) run.update(TestRules.lead("2"))).values().get("Description").asText()).isEqualTo("undefined|undefined");
        } finally {
            run.close();
        }
        // module state is per run: a second job starts from scratch
        Rule stateful = rule("let seen = 0;\nexport function update() { seen++; return { Lead_Score: seen }; }\n");
        assertThat(((ScriptDecision.Updated) once(stateful)).values().get("Lead_Score").asInt()).isEqualTo(1);
        assertThat(((ScriptDecision.Updated) once(stateful)).values().get("Lead_Score").asInt()).isEqualTo(1);
    }

    @Test
    void changes_to_ctx_params_do_not_reach_the_next_record() {
        Rule rule = updating("const before = ctx.params.days; ctx.params.days = 1; ctx.now = 0; return { Lead_Score: before };");
        RuleRun run = sandbox.open(rule, Map.of(), RuleTrigger.MANUAL);
        try {
            assertThat(((ScriptDecision.Updated) run.update(TestRules.lead("1"))).values().get("Lead_Score").asInt()).isEqualTo(30);
            assertThat(((ScriptDecision.Updated) run.update(TestRules.lead("2"))).values().get("Lead_Score").asInt()).isEqualTo(30);
        } finally {
            run.close();
        }
    }

    // --- runaway code -------------------------------------------------------------------

    @Test
    void an_infinite_loop_is_stopped_and_fails_the_job() {
        RuleRun run = sandbox.open(updating("while (true) {}"), Map.of(), RuleTrigger.MANUAL);
        ScriptDecision o = run.update(TestRules.lead("1"));
        timeout(o);
        assertThat(run.update(TestRules.lead("2"))).isEqualTo(o);
        run.close();
    }

    @Test
    void a_loop_without_statements_is_stopped_by_the_clock() {
        timeout(once(updating("for (;;) {}")));
        timeout(once(updating("let i = 0; while (i >= 0) i = (i + 1) % 10;")));
    }

    @Test
    void a_catastrophic_regex_finishes_or_is_stopped() {
        ScriptDecision o = once(updating("return { Description: String(/(a+)+$/.test('a'.repeat(40) + '!')) };"));
        assertThat(o).isInstanceOfAny(ScriptDecision.Updated.class, ScriptDecision.Fatal.class);
        if (o instanceof ScriptDecision.Fatal) timeout(o);
        // a back-reference forces the backtracking engine
        ScriptDecision backtracking = once(updating("return { Description: String(/^(a+)+\\\\1b$/.test('a'.repeat(5000))) };"));
        assertThat(backtracking).isInstanceOfAny(ScriptDecision.Updated.class, ScriptDecision.Fatal.class);
        if (backtracking instanceof ScriptDecision.Fatal) timeout(backtracking);
    }

    @Test
    void deep_recursion_fails_the_record() {
        scriptError(once(updating("const down = n => down(n + 1) + 1; return { Lead_Score: down(0) };")), "RangeError");
    }

    @Test
    void a_huge_string_fails_the_record() {
        scriptError(once(updating("return { Description: 'x'.repeat(2 ** 30) };")), "RangeError", "Invalid string length");
    }

    @Test
    void unbounded_array_growth_is_stopped() {
        timeout(once(updating("const a = []; for (;;) a.push(a.length);")));
    }

    @Test
    void endless_console_output_is_stopped_and_the_log_stays_bounded() {
        RuleRun run = sandbox.open(updating("for (;;) console.log('spam spam spam spam');"), Map.of(), RuleTrigger.MANUAL);
        timeout(run.update(TestRules.lead("1")));
        String log = run.close();
        assertThat(log).startsWith("spam spam spam spam\n").contains("… log truncated at 4096 bytes;");
        assertThat(log.length()).isLessThan(4096 + 200);
    }

    @Test
    void endless_ctx_log_output_is_stopped_and_the_log_stays_bounded() {
        RuleRun run = sandbox.open(updating("for (let i = 0; ; i++) ctx.log('line', i, { big: 'y'.repeat(1000) });"), Map.of(), RuleTrigger.MANUAL);
        timeout(run.update(TestRules.lead("1")));
        String log = run.close();
        assertThat(log).startsWith("line 0 {\"big\":\"yyy").contains("… log truncated at 4096 bytes;");
        assertThat(log.length()).isLessThan(4096 + 200);
    }

    @Test
    void a_getter_that_never_returns_is_stopped_while_the_result_is_read() {
        timeout(once(updating("return { get Lead_Status() { for (;;) {} } };")));
    }

    @Test
    void a_promise_job_that_loops_after_update_returned_is_stopped() {
        timeout(once(updating("Promise.resolve().then(() => { for (;;) {} }); return null;")));
    }

    @Test
    void eval_of_strings_is_allowed_but_under_the_same_budgets() {
        assertThat(report("eval('6 * 7') + '|' + new Function('a', 'return a + 1')(1)")).isEqualTo("42|2");
        timeout(once(updating("eval('while (true) {}');")));
    }

    // --- what the script returns --------------------------------------------------------

    @Test
    void a_cyclic_object_is_an_invalid_return() {
        invalidReturn(once(updating("const o = { Lead_Status: 'Cold' }; o.self = o; return o;")), "self", "nested objects are not field values");
        invalidReturn(once(updating("const a = ['x']; a.push(a); return { Languages_Known: a };")), "Languages_Known", "an array");
    }

    @Test
    void a_function_is_an_invalid_return() {
        invalidReturn(once(updating("return () => ({ Lead_Status: 'Cold' });")), "it returned a function");
        invalidReturn(once(updating("return { Lead_Status: () => 'Cold' };")), "Lead_Status: a function is not a field value");
    }

    @Test
    void a_symbol_is_an_invalid_return() {
        invalidReturn(once(updating("return Symbol('x');")), "a symbol");
        invalidReturn(once(updating("return { Lead_Status: Symbol('Cold') };")), "Lead_Status: a symbol");
        invalidReturn(once(updating("return { [Symbol('key')]: 'Cold' };")), "a symbol is not a field name");
    }

    @Test
    void a_bigint_is_an_invalid_return() {
        invalidReturn(once(updating("return { No_of_Employees: 10n };")), "No_of_Employees: a BigInt is not a field value");
    }

    @Test
    void a_date_is_an_invalid_return_with_a_hint() {
        invalidReturn(once(updating("return { Follow_Up_Date: new Date(ctx.now) };")), "a Date is not a field value", "toISOString()");
        // the first toISOString() of a fresh context loads time-zone data: the strict sandbox's 300 ms can be too few on a busy machine
        assertThat(((ScriptDecision.Updated) TestRules.once(TestRules.roomy(), updating("return { Follow_Up_Date: new Date(ctx.now).toISOString().slice(0, 10) };"),
                TestRules.lead("1")))
                .values().get("Follow_Up_Date").asText()).isEqualTo("2026-03-01");
    }

    @Test
    void a_proxy_with_throwing_traps_is_an_invalid_return() {
        invalidReturn(once(updating("return new Proxy({ Lead_Status: 'Cold' }, { get() { throw new Error('gotcha'); } });")), "gotcha");
        invalidReturn(once(updating("return new Proxy({}, { ownKeys() { throw new Error('no keys'); } });")), "no keys");
        invalidReturn(once(updating("return new Proxy({}, { getPrototypeOf() { throw new Error('no proto'); } });")), "no proto");
        invalidReturn(once(updating("return { get Lead_Status() { throw new TypeError('getter'); } };")), "TypeError: getter");
    }

    @Test
    void a_proxy_that_answers_is_copied_once_into_plain_values() {
        ScriptDecision o = once(updating("let reads = 0; return new Proxy({ Lead_Status: 'Cold' }, { get(t, k) { reads++; return reads === 1 ? t[k] : 'Changed'; } });"));
        assertThat(((ScriptDecision.Updated) o).values().get("Lead_Status").asText()).isEqualTo("Cold");
    }

    @Test
    void shared_memory_and_atomics_are_not_there() {
        assertThat(report("[typeof SharedArrayBuffer, typeof Atomics, typeof WeakRef, typeof FinalizationRegistry].join()"))
                .isEqualTo("undefined,undefined,undefined,undefined");
        scriptError(once(updating("Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);")), "ReferenceError");
    }

    @Test
    void timers_are_not_there_and_promise_jobs_cannot_outlive_the_call() {
        assertThat(report("[typeof setTimeout, typeof setInterval, typeof setImmediate, typeof queueMicrotask].join()"))
                .isEqualTo("undefined,undefined,undefined,undefined");
        Rule rule = rule("""
                let late = "none";
                export function update(record) {
                  if (record.id === "1") { Promise.resolve().then(() => { late = "ran before the next record"; }); return null; }
                  return { Description: late };
                }
                """);
        RuleRun run = sandbox.open(rule, Map.of(), RuleTrigger.MANUAL);
        try {
            assertThat(run.update(TestRules.lead("1"))).isInstanceOf(ScriptDecision.Skipped.class);
            assertThat(((ScriptDecision.Updated) run.update(TestRules.lead("2"))).values().get("Description").asText()).isEqualTo("ran before the next record");
        } finally {
            run.close();
        }
    }

    @Test
    void an_async_update_is_an_invalid_return() {
        invalidReturn(once(rule("export async function update() { return { Lead_Status: 'Cold' }; }\n")), "a Promise", "must not be async");
    }

    @Test
    void a_very_large_returned_object_is_an_invalid_return() {
        invalidReturn(once(updating("const o = {}; for (let i = 0; i < 600; i++) o['F' + i] = i; return o;")), "more than 500 fields");
        invalidReturn(once(updating("return { Description: 'x'.repeat(200000) };")), "longer than 100000 characters");
        invalidReturn(once(updating("const o = {}; for (let i = 0; i < 400; i++) o['F' + i] = 'y'.repeat(5000); return o;")), "more than 1000000 characters");
        invalidReturn(once(updating("return { Languages_Known: new Array(5000).fill('English') };")), "more than 1000 items");
    }

    @Test
    void keys_are_strings_only() {
        invalidReturn(once(updating("return { [Symbol.iterator]: 'x' };")), "a symbol is not a field name");
        // numeric keys are strings in JavaScript: the caller fails the unknown field "1"
        assertThat(((ScriptDecision.Updated) once(updating("return { 1: 'one' };"))).values()).containsOnlyKeys("1");
        assertThat(((ScriptDecision.Updated) once(updating("return JSON.parse('{\"__proto__\": \"x\"}');"))).values()).containsOnlyKeys("__proto__");
    }

    @Test
    void non_finite_numbers_and_undefined_values_are_invalid_returns() {
        invalidReturn(once(updating("return { Lead_Score: NaN };")), "Lead_Score: NaN");
        invalidReturn(once(updating("return { Lead_Score: 1 / 0 };")), "an infinite number");
        invalidReturn(once(updating("return { Lead_Score: undefined };")), "use null to clear a field");
        invalidReturn(once(updating("return { Languages_Known: ['English', 7] };")), "holds only strings");
    }

    @Test
    void thrown_values_are_described_without_running_their_code() {
        scriptError(once(updating("throw { toString() { for (;;) {} } };")), "threw an object");
        scriptError(once(updating("throw 'plain text';")), "threw \"plain text\"");
        scriptError(once(updating("const e = new Error('x'); Object.defineProperty(e, 'message', { get() { throw 1; } }); throw e;")),
                "threw a value that cannot be described");
        scriptError(once(updating("throw Object.assign(Object.create(null), { message: 'no prototype' });")), "threw an object");
    }

    @Test
    void common_javascript_still_works_in_the_frozen_world() {
        String out = report("""
                (() => {
                  class NotFound extends Error { constructor(m) { super(m); this.name = "NotFound"; } }
                  const e = new NotFound("x");
                  const o = { a: 1 }; o.toString = () => "custom";
                  function Legacy() {} Legacy.prototype.constructor = Legacy;
                  return [String(e), String(o), new Intl.NumberFormat("en-US").format(1234.5), [3, 1, 2].sort().join(""),
                          "a-b".split("-").length, new Map([[1, 2]]).get(1), /(\\d+)/.exec("ab12")[1], new Date(0).toISOString()].join("|");
                })()""");
        assertThat(out).isEqualTo("NotFound: x|custom|1,234.5|123|2|2|12|1970-01-01T00:00:00.000Z");
    }

    @Test
    void every_abuse_above_is_counted() {
        long cases = java.util.Arrays.stream(SandboxAbuseTest.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Test.class)).count() - 1;
        assertThat(cases).isGreaterThanOrEqualTo(25);
        assertThat(List.of(ScriptFailure.values())).hasSize(4);
    }
}
