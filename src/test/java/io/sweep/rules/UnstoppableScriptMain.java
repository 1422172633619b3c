package io.sweep.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.Config;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.Http;
import io.sweep.testsupport.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs scripts that GraalJS cannot cancel (they catch what cancelling throws at them) in a JVM of
 * its own, started by {@link UnstoppableScriptTest}: the threads such scripts are left on keep a
 * processor busy until the JVM exits, which would slow every other test of a shared JVM. Prints
 * one line per case; exits 0 when it got through all of them.
 */
public final class UnstoppableScriptMain {
    /** Update bodies (with their module code) that keep running when their context is cancelled. */
    static final Map<String, String> CASES = new LinkedHashMap<>();

    static {
        CASES.put("recursion", """
                function f(n) { try { return f(n + 1) + 1; } catch (e) { return f(n + 1); } }
                export function update(record, ctx) { return { Description: String(f(0)) }; }
                """);
        CASES.put("loop", """
                function f(n) { try { return f(n + 1) + 1; } catch (e) { return f(n + 1); } }
                export function update(record, ctx) { for (;;) { try { f(0); } catch (e) { } } }
                """);
        CASES.put("getter", """
                const o = { get v() { try { return this.v + 1; } catch (e) { return this.v; } } };
                export function update(record, ctx) { return { Description: String(o.v) }; }
                """);
        CASES.put("log", """
                export function update(record, ctx) {
                  function f(n) { try { ctx.log("down " + n); return f(n + 1) + 1; } catch (e) { try { ctx.log("caught"); } catch (e2) { } return f(n + 1); } }
                  return { Description: String(f(0)) };
                }
                """);
    }

    /** Module code that keeps running when its context is cancelled. */
    static final String MODULE = """
            export const rule = {
              module: "Leads",
              select: { criteria: "(Company:equals:Never Co)" },
              runAs: "admin@sweep.local",
            };
            function f(n) { try { return f(n + 1) + 1; } catch (e) { return f(n + 1); } }
            f(0);
            export function update(record, ctx) { return null; }
            """;

    private UnstoppableScriptMain() {}

    public static void main(String[] args) throws Exception {
        var sandbox = new RuleSandbox(SandboxLimits.defaults().withRecordTime(Duration.ofMillis(300)), TestRules.CLOCK);
        Rule benign = TestRules.rule("benign", "export function update(r) { return { Lead_Status: \"Cold\" }; }\n");
        for (var c : CASES.entrySet()) {
            Rule rule = TestRules.rule(c.getKey(), c.getValue());
            long start = System.nanoTime();
            ScriptDecision o = TestRules.once(sandbox, rule, TestRules.lead("1"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("case " + c.getKey() + " -> " + describe(o) + " in " + millis + " ms; next -> " + describe(TestRules.once(sandbox, benign, TestRules.lead("2"))));
        }
        var validation = new RuleValidator(TestRules.metadata(), sandbox).validate("module-code", MODULE, "module-code.js");
        System.out.println("case module -> " + (validation.ok() ? "valid" : "problems " + validation.problems()));
        System.out.println("sandbox abandoned " + sandbox.abandoned());
        server();
        System.exit(0);
    }

    private static String describe(ScriptDecision o) {
        return switch (o) {
            case ScriptDecision.Fatal f -> f.failure().code() + " " + f.message();
            case ScriptDecision.Failed f -> "FAILED " + f.failure().code() + " " + f.message();
            case ScriptDecision.Updated u -> "UPDATED";
            case ScriptDecision.Skipped s -> "SKIPPED";
        };
    }

    /** The same through a server: a rule folder holding module code that never ends, a preview, a job, the API afterwards. */
    private static void server() throws Exception {
        Path rules = Files.createTempDirectory("sweep-unstoppable");
        Files.writeString(rules.resolve("never-loads.js"), MODULE);
        Files.writeString(rules.resolve("recursion.js"), """
                export const rule = {
                  module: "Leads",
                  select: { criteria: "(Company:equals:Unstoppable Co)" },
                  runAs: "admin@sweep.local",
                };
                """ + CASES.get("recursion"));
        Files.writeString(rules.resolve("fine.js"), """
                export const rule = {
                  module: "Leads",
                  select: { criteria: "(Company:equals:Unstoppable Co)" },
                  runAs: "admin@sweep.local",
                };
                export function update(record, ctx) { return { Rating: "Active" }; }
                """);
        var budgets = Config.fromEnvironment(Map.of("SWEEP_RULE_RECORD_MILLIS", "300")).ruleLimits();
        TestServer server = TestServer.start(Backend.H2.newDatabaseUrl(), config -> config.withRulesDir(rules).withRuleLimits(budgets));
        System.out.println("server ready");
        Http admin = server.admin();
        admin.post("/crm/v2/Leads", "{\"data\":[{\"Last_Name\":\"U1\",\"Company\":\"Unstoppable Co\"},{\"Last_Name\":\"U2\",\"Company\":\"Unstoppable Co\"}]}");
        System.out.println("server module-code rule -> " + admin.get("/api/rules/never-loads").json().path("status").asText());
        var put = admin.put("/api/rules/module-code", MODULE);
        System.out.println("server put module-code -> " + put.status() + " " + put.body());

        var preview = admin.post("/api/rules/recursion/preview?limit=5", "");
        JsonNode error = preview.json().path("error");
        System.out.println("server preview -> " + preview.status() + " " + error.path("code").asText() + " " + error.path("message").asText());

        var run = admin.post("/api/rules/recursion/run", "");
        JsonNode job = admin.waitForJobEnd(run.json().path("id").asText());
        System.out.println("server job -> " + job.path("status").asText() + " " + job.path("message").asText());

        System.out.println("server read -> " + admin.get("/crm/v2/Leads?per_page=1").status());
        var fine = admin.post("/api/rules/fine/run", "");
        JsonNode fineJob = admin.waitForJobEnd(fine.json().path("id").asText());
        System.out.println("server next job -> " + fineJob.path("status").asText() + " updated " + fineJob.path("Updated_Count").asInt());
        System.out.println("server abandoned " + server.app().ruleSandbox().abandoned());
    }
}
