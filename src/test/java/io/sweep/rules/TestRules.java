package io.sweep.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.crm.Metadata;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * What the rules tests share: the standard metadata and sandboxes, built once per JVM because
 * the first GraalJS context of a JVM takes a second or more.
 */
final class TestRules {
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static Metadata metadata;
    private static RuleSandbox sandbox;
    private static RuleSandbox strict;
    private static RuleSandbox roomy;

    private TestRules() {}

    static synchronized Metadata metadata() {
        if (metadata == null) metadata = RuleCheck.standardMetadata();
        return metadata;
    }

    /** Default budgets, a fixed clock. */
    static synchronized RuleSandbox sandbox() {
        if (sandbox == null) sandbox = new RuleSandbox(SandboxLimits.defaults(), CLOCK);
        return sandbox;
    }

    /** Small budgets, so runaway scripts are stopped quickly: 300 ms and 2 M statements per record. */
    static synchronized RuleSandbox strict() {
        if (strict == null) {
            strict = new RuleSandbox(SandboxLimits.defaults()
                    .withRecordTime(Duration.ofMillis(300))
                    .withStatementsPerRecord(2_000_000)
                    .withLogBytes(4096), CLOCK);
        }
        return strict;
    }

    /**
     * Budgets no test reaches on a busy machine (60 s a record), for tests about what a script can
     * do rather than how long it may take: a first use of Intl, say, loads its data.
     */
    static synchronized RuleSandbox roomy() {
        if (roomy == null) roomy = new RuleSandbox(SandboxLimits.defaults().withRecordTime(Duration.ofSeconds(60)), CLOCK);
        return roomy;
    }

    static RuleValidator validator() {
        return new RuleValidator(metadata(), sandbox());
    }

    /** A rule with valid metadata around the given {@code update} body (and other module code). */
    static Rule rule(String id, String moduleCode) {
        String source = """
                export const rule = {
                  module: "Leads",
                  select: { criteria: "(Lead_Status:equals:Contacted)" },
                  runAs: "admin@sweep.local",
                  params: { days: 30 },
                };
                """ + moduleCode;
        var validation = validator().validate(id, source, id + ".js");
        if (!validation.ok()) throw new AssertionError(validation.problems());
        return validation.rule();
    }

    /** One record through a fresh run of the rule; the run is closed. */
    static ScriptDecision once(RuleSandbox sandbox, Rule rule, Map<String, ?> record) {
        RuleRun run = sandbox.open(rule, Map.<String, JsonNode>of(), RuleTrigger.MANUAL);
        try {
            return run.update(record);
        } finally {
            run.close();
        }
    }

    static Map<String, Object> lead(String id) {
        return Map.of("id", id, "Lead_Status", "Contacted", "Modified_Time", "2026-01-01T00:00:00+00:00");
    }
}
