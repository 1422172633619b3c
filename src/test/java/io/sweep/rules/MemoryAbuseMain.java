package io.sweep.rules;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs memory-hungry rules in a JVM with a small heap (started by {@link MemoryAbuseTest}) while
 * a "server" thread keeps working. Prints one line per case and the server's counters; exits 0
 * when the process got through all of them.
 */
public final class MemoryAbuseMain {
    static final Map<String, String> CASES = new LinkedHashMap<>();

    static {
        CASES.put("strings", "const a = []; for (;;) a.push('x'.repeat(1e6));");
        CASES.put("objects", "const a = []; for (;;) a.push({ i: a.length, s: 'item ' + a.length });");
        CASES.put("huge", "const a = []; for (;;) a.push('y'.repeat(2 ** 28));");
        CASES.put("arrays", "const a = []; for (;;) a.push(new Array(100000).fill(a.length));");
    }

    private MemoryAbuseMain() {}

    public static void main(String[] args) throws Exception {
        // only the heap guard may stop these scripts: time and statement budgets out of the way
        var limits = SandboxLimits.defaults().withRecordTime(Duration.ofMinutes(2)).withJobTime(Duration.ofMinutes(5))
                .withStatementsPerRecord(Long.MAX_VALUE / 2);
        var running = new AtomicBoolean(true);
        var served = new AtomicLong();
        var serverErrors = new AtomicLong();
        Thread server = new Thread(() -> {
            while (running.get()) {
                try {
                    byte[] work = new byte[16 * 1024];
                    work[work.length - 1] = 1;
                    served.incrementAndGet();
                    Thread.sleep(1);
                } catch (OutOfMemoryError e) {
                    serverErrors.incrementAndGet();
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "server");
        // should the main thread die (an OutOfMemoryError that got out of a script), the process ends and the test sees it
        server.setDaemon(true);
        server.start();
        try (var sandbox = new RuleSandbox(limits, TestRules.CLOCK)) {
            for (var c : CASES.entrySet()) {
                ScriptDecision hog = runOnce(sandbox, "export function update() {\n" + c.getValue() + "\n}\n");
                ScriptDecision next = runOnce(sandbox, "export function update(r) { return { Lead_Status: 'Cold' }; }\n");
                System.out.println("case " + c.getKey() + " -> " + describe(hog) + " ; next -> " + describe(next));
            }
            ScriptDecision atLoad = runOnce(sandbox, "const a = []; for (;;) a.push('z'.repeat(1e6));\nexport function update() { return null; }\n");
            System.out.println("case load -> " + describe(atLoad));
            System.out.println("case leak -> " + leakAcrossRecords(sandbox));
            System.out.println("case bystander -> " + bystander(sandbox));
            System.out.println("case busy -> " + jobOnAFullHeap(sandbox));
        }
        running.set(false);
        server.join();
        System.out.println("server served " + served.get() + " errors " + serverErrors.get());
    }

    /** Each record keeps 2 MB in module state: no single call is large, the run is. */
    private static String leakAcrossRecords(RuleSandbox sandbox) {
        RuleRun run = sandbox.open(rule("const kept = [];\nexport function update() { kept.push('k'.repeat(2e6)); return null; }\n"),
                Map.of(), RuleTrigger.MANUAL);
        try {
            for (int i = 0; i < 10_000; i++) {
                ScriptDecision o = run.update(Map.of("id", String.valueOf(i)));
                if (o instanceof ScriptDecision.Fatal) return describe(o) + " after " + i + " records";
            }
            return "never stopped";
        } finally {
            run.close();
        }
    }

    /**
     * A well-behaved job on another thread while a script fills the heap: only the hog is stopped.
     * Like a real job it spends most of its time outside the script (reading and writing records,
     * here a sleep); a job allocating as fast as the hog could be taken for it.
     */
    private static String bystander(RuleSandbox sandbox) throws InterruptedException {
        var done = new AtomicBoolean();
        var outcomes = new java.util.concurrent.ConcurrentHashMap<String, AtomicLong>();
        Thread job = new Thread(() -> {
            RuleRun run = sandbox.open(rule("export function update(r) { return { Lead_Score: r.id.length }; }\n"), Map.of(), RuleTrigger.MANUAL);
            try {
                while (!done.get()) {
                    ScriptDecision o = run.update(Map.of("id", "12345"));
                    outcomes.computeIfAbsent(o.getClass().getSimpleName(), k -> new AtomicLong()).incrementAndGet();
                    if (o instanceof ScriptDecision.Fatal) break;
                    Thread.sleep(2);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                run.close();
            }
        });
        job.start();
        Thread.sleep(200);
        ScriptDecision hog = runOnce(sandbox, "export function update() {\n" + CASES.get("strings") + "\n}\n");
        done.set(true);
        job.join();
        return "hog " + describe(hog).split(" ")[0] + " ; other job " + new java.util.TreeMap<>(outcomes);
    }

    /**
     * A well-behaved job while the heap is 82 % full of the server's own data (a database cache,
     * say) and of the job's garbage: above the limit, yet no script fills it, so none is stopped.
     */
    private static String jobOnAFullHeap(RuleSandbox sandbox) {
        var heap = java.lang.management.ManagementFactory.getMemoryMXBean();
        System.gc();
        long max = heap.getHeapMemoryUsage().getMax();
        List<byte[]> serverData = new java.util.ArrayList<>();
        // a little under 256 KB each: below G1's humongous size, four to a 1 MB region with their headers
        for (long used = heap.getHeapMemoryUsage().getUsed(); used < max * 0.82; used += 256 << 10) serverData.add(new byte[(256 << 10) - 64]);
        var outcomes = new java.util.TreeMap<String, Integer>();
        RuleRun run = sandbox.open(rule("""
                export function update(r) {
                  const words = (r.Last_Name + " " + r.Company + " " + r.Description).split(" ");
                  return { Designation: words.map(w => w.toLowerCase()).join("-").slice(0, 60) };
                }
                """), Map.of(), RuleTrigger.MANUAL);
        try {
            for (int chunk = 0; chunk < 10; chunk++) {
                List<Map<String, Object>> records = new java.util.ArrayList<>();
                for (int i = 0; i < 500; i++) {
                    records.add(Map.of("id", String.valueOf(chunk * 500 + i), "Last_Name", "Lead " + i, "Company", "Company " + chunk,
                            "Description", "a lead with a description of a few words ".repeat(20)));
                }
                for (ScriptDecision o : run.updateAll(records)) outcomes.merge(o.getClass().getSimpleName(), 1, Integer::sum);
            }
        } finally {
            run.close();
        }
        String filled = Math.round(100.0 * serverData.size() * (256 << 10) / max) + "% held";
        serverData.clear();
        System.gc();
        return outcomes + " (" + filled + ")";
    }

    private static Rule rule(String code) {
        String source = "export const rule = {};\n" + code;
        return new Rule("hog", "hog.js", RuleValidator.version(source), "Leads", "", new Rule.Selection("(Lead_Status:equals:Contacted)", null, null),
                Rule.Triggers.NONE, "admin@sweep.local", Map.of(), source);
    }

    private static ScriptDecision runOnce(RuleSandbox sandbox, String code) {
        String source = "export const rule = {};\n" + code;
        var rule = new Rule("hog", "hog.js", RuleValidator.version(source), "Leads", "", new Rule.Selection("(Lead_Status:equals:Contacted)", null, null),
                Rule.Triggers.NONE, "admin@sweep.local", Map.of(), source);
        RuleRun run = sandbox.open(rule, Map.of(), RuleTrigger.MANUAL);
        try {
            return run.update(Map.of("id", "1"));
        } finally {
            run.close();
        }
    }

    private static String describe(ScriptDecision o) {
        return switch (o) {
            case ScriptDecision.Fatal f -> f.failure() + " " + f.message();
            case ScriptDecision.Failed f -> f.failure() + " " + f.message();
            case ScriptDecision.Updated u -> "UPDATED";
            case ScriptDecision.Skipped s -> "SKIPPED";
        };
    }
}
