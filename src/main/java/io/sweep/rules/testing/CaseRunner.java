package io.sweep.rules.testing;

import io.sweep.auth.Principal;
import io.sweep.crm.Field;
import io.sweep.crm.FieldValues;
import io.sweep.crm.InvalidValueException;
import io.sweep.crm.Metadata;
import io.sweep.crm.Module;
import io.sweep.massupdate.MassUpdateValidator;
import io.sweep.massupdate.Plan;
import io.sweep.rules.Rule;
import io.sweep.rules.RuleRun;
import io.sweep.rules.RuleSandbox;
import io.sweep.rules.ScriptDecision;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a case as a job would run its record: a fresh run of the rule in the real sandbox (so
 * module-level state never leaks from one case into the next), then what {@code update}
 * returned through the same {@link MassUpdateValidator#planSetting} a rule job uses.
 */
final class CaseRunner {
    private final RuleSandbox sandbox;
    private final MassUpdateValidator validator;
    private final Principal principal;
    private final long defaultNow;
    private final Metadata metadata;

    /**
     * @param defaultNow {@code ctx.now} of cases that give no {@code now}
     * @param metadata   the modules that lookups point at, for the related fields a case gives
     */
    CaseRunner(RuleSandbox sandbox, MassUpdateValidator validator, Principal principal, long defaultNow, Metadata metadata) {
        this.metadata = metadata;
        this.sandbox = sandbox;
        this.validator = validator;
        this.principal = principal;
        this.defaultNow = defaultNow;
    }

    CaseResult run(Rule rule, Module module, RuleCase c) {
        long start = System.nanoTime();
        List<String> problems = new ArrayList<>();
        Map<String, Object> record = ScriptRecord.of(module, c.record(), rule.select(), metadata, problems);
        Map<Field, Object> expectedValues = c.expect() instanceof Expectation.Set set ? expectedValues(module, set, problems) : null;
        if (!problems.isEmpty()) return new CaseResult(rule.id(), c.name(), "the case is wrong: " + String.join("; ", problems), "", elapsed(start));
        Decided decided = decide(rule, module, c, record);
        Outcome got = decided.outcome();
        String log = decided.log();
        String failure = matches(c.expect(), expectedValues, got) ? null : "expected " + describe(c.expect(), expectedValues) + ", got " + got.describe();
        return new CaseResult(rule.id(), c.name(), failure, log, elapsed(start));
    }

    /** What a job made of the case's record, and what the script logged. */
    record Decided(Outcome outcome, String log) {}

    /** The case's record through the rule and the field checks, whatever the case expects; null when the case's record is wrong. */
    Decided decide(Rule rule, Module module, RuleCase c, List<String> problems) {
        Map<String, Object> record = ScriptRecord.of(module, c.record(), rule.select(), metadata, problems);
        return problems.isEmpty() ? decide(rule, module, c, record) : null;
    }

    private Decided decide(Rule rule, Module module, RuleCase c, Map<String, Object> record) {
        long now = c.nowMillis() != null ? c.nowMillis() : defaultNow;
        RuleRun run = sandbox.open(rule, c.params(), c.trigger(), now, Duration.ZERO, 0L);
        Outcome got;
        String log;
        try {
            got = outcome(run.update(record), module);
        } finally {
            log = run.close();
        }
        return new Decided(got, log);
    }

    private Outcome outcome(ScriptDecision decision, Module module) {
        return switch (decision) {
            case ScriptDecision.Skipped skipped -> new Outcome.Skip();
            case ScriptDecision.Failed failed -> new Outcome.Fail(failed.failure().code(), failed.failure().code(), failed.message());
            case ScriptDecision.Fatal fatal -> new Outcome.Fail(fatal.failure().code(), fatal.failure().code(), fatal.message());
            case ScriptDecision.Updated updated -> switch (validator.planSetting(principal, module, updated.values())) {
                case Plan.Set set -> new Outcome.Set(set.values());
                case Plan.Fail fail -> new Outcome.Fail(fail.error().code(), fail.error().name(), fail.message());
                case Plan.Skip skip -> new Outcome.Skip();
            };
        };
    }

    /** The expected values as the field checks store them, so {@code 5} and {@code 5.00}, or two spellings of one instant, are equal. */
    private static Map<Field, Object> expectedValues(Module module, Expectation.Set set, List<String> problems) {
        Map<Field, Object> values = new HashMap<>();
        set.values().forEach((name, json) -> {
            var field = module.field(name);
            if (field.isEmpty()) {
                problems.add("expect.set." + name + ": " + module.apiName() + " has no such field");
                return;
            }
            try {
                values.put(field.get(), FieldValues.parse(field.get(), json));
            } catch (InvalidValueException e) {
                problems.add("expect.set." + name + ": " + json + " is not a value of this " + field.get().dataType().apiName() + " field (" + e.getMessage() + ")");
            }
        });
        return values;
    }

    private static boolean matches(Expectation expect, Map<Field, Object> expectedValues, Outcome got) {
        return switch (expect) {
            case Expectation.Skip skip -> got instanceof Outcome.Skip;
            case Expectation.Fail fail -> got instanceof Outcome.Fail f
                    && (fail.code().equals(f.code()) || fail.code().equals(f.reason()))
                    && (fail.message() == null || f.message().contains(fail.message()));
            case Expectation.Set set -> got instanceof Outcome.Set s && sameValues(expectedValues, s.values());
        };
    }

    private static boolean sameValues(Map<Field, Object> expected, Map<Field, Object> got) {
        if (!expected.keySet().equals(got.keySet())) return false;
        for (var e : expected.entrySet()) {
            Object a = e.getValue();
            Object b = got.get(e.getKey());
            boolean same = a instanceof BigDecimal x && b instanceof BigDecimal y ? x.compareTo(y) == 0 : Objects.equals(a, b);
            if (!same) return false;
        }
        return true;
    }

    private static String describe(Expectation expect, Map<Field, Object> expectedValues) {
        return switch (expect) {
            case Expectation.Skip skip -> "skip";
            case Expectation.Fail fail -> "fail " + fail.code() + (fail.message() == null ? "" : " with \"" + fail.message() + "\"");
            case Expectation.Set set -> "set " + Outcome.shown(expectedValues);
        };
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
