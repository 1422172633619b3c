package io.sweep.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs rule scripts in GraalJS, locked down: one shared {@link Engine} (a new context on it
 * costs milliseconds, a new engine ten times more), cached {@link Source}s, and a fresh
 * {@link Context} per job under {@link SandboxPolicy#CONSTRAINED} with no host access, no I/O,
 * no threads, no processes, no environment, no polyglot access and its output captured.
 * A {@link Watchdog} enforces the time and heap budgets of {@link SandboxLimits}.
 *
 * <p>Each context runs on a {@link ScriptThread} of its own. A script the watchdog cannot stop
 * (GraalJS waits for a cancelled script to leave its context, and a script that keeps catching
 * what is thrown at it may never leave) is abandoned {@link #STOP_GRACE} after its deadline: its
 * caller gets the timeout as usual, its context is never used again and its thread is left behind.
 * Such a thread may keep a CPU busy until the JVM exits; {@link #abandoned()} counts them.
 *
 * <p>Thread-safe; one instance serves the whole server. Close it on shutdown.
 */
public final class RuleSandbox implements AutoCloseable {
    /**
     * Lets the script reach no Java member at all. It has to be one instance: every context of a
     * shared engine must use the same host access (and CONSTRAINED refuses HostAccess.NONE,
     * which still allows mutable target mappings).
     */
    private static final HostAccess NO_HOST_ACCESS = HostAccess.newBuilder().allowMutableTargetMappings().build();
    private static final String MODULE_MIME_TYPE = "application/javascript+module";
    /** Loading a module may be the first use of some built-ins in this JVM, which is slow; top-level code itself is small. */
    private static final Duration MIN_LOAD_TIME = Duration.ofSeconds(3);
    /** How long after its deadline (or being stopped) a script that does not stop is waited for before it is abandoned. */
    static final Duration STOP_GRACE = Duration.ofSeconds(1);
    /** Closing the engine cancels every context still open; one that never lets go is not waited for longer than this. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(RuleSandbox.class);

    private final SandboxLimits limits;
    private final Clock clock;
    private final Engine engine;
    private final Source prelude;
    private final Watchdog watchdog;
    /** The latest source of each rule file; an edited rule replaces its old entry. */
    private final Map<String, CachedSource> sources = new ConcurrentHashMap<>();
    private final AtomicInteger abandoned = new AtomicInteger();

    private record CachedSource(String version, Source source) {}

    public RuleSandbox() {
        this(SandboxLimits.defaults(), Clock.systemUTC());
    }

    /** @param clock gives {@code ctx.now}: the time a run was opened, the same for all its records */
    public RuleSandbox(SandboxLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        this.engine = Engine.newBuilder("js")
                .sandbox(SandboxPolicy.CONSTRAINED)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                // on a stock JDK GraalJS runs interpreted, which is fast enough for rules (see STACK.md)
                .option("engine.WarnInterpreterOnly", "false")
                .build();
        this.prelude = Source.newBuilder("js", Prelude.source(), Prelude.NAME).cached(true).buildLiteral();
        this.watchdog = new Watchdog(limits.heapThreshold());
        warmUp();
    }

    /**
     * The first context of a JVM takes over a second (class loading, GraalJS initialisation);
     * paying that here keeps it out of the first rule's time budget.
     */
    private void warmUp() {
        var guard = new Guard(watchdog);
        Context context = newContext(OutputStream.nullOutputStream(), guard, new LibraryFileSystem(RuleLibraries.NONE));
        try {
            Value helpers = install(context, "warm-up.js", 0L, 0);
            Value exports = context.eval(Source.newBuilder("js", "export function update(r, c) { return { a: r.a }; }", "warm-up.js")
                    .mimeType(MODULE_MIME_TYPE).buildLiteral());
            helpers.getMember("invoke").execute(exports.getMember("update"), "{\"a\":\"x\"}", "{}", 0L, "manual", 0);
        } finally {
            guard.close();
        }
    }

    /** The time budget of loading a module: its top-level code and the sandbox's own set-up. */
    Duration loadTime() {
        return limits.recordTime().compareTo(MIN_LOAD_TIME) > 0 ? limits.recordTime() : MIN_LOAD_TIME;
    }

    public SandboxLimits limits() {
        return limits;
    }

    /**
     * Starts a run of a rule: a fresh context with the rule's module loaded. Never throws for
     * what the script does; a module that fails to load makes every {@link RuleRun#update}
     * answer {@link ScriptDecision.Fatal}. The caller must {@link RuleRun#close()} the run.
     *
     * @param params  this run's parameters; they override the rule's defaults key by key (null: none)
     * @param trigger what started the run, seen by the script as {@code ctx.trigger}
     */
    public RuleRun open(Rule rule, Map<String, JsonNode> params, RuleTrigger trigger) {
        return open(rule, params, trigger, clock.millis(), Duration.ZERO);
    }

    /**
     * Continues a job that runs in several parts (chunks, maybe on several nodes): {@code ctx.now}
     * is the job's own time for every part, and the per-job time budget starts from what the
     * earlier parts used.
     *
     * @param nowMillis      {@code ctx.now}, epoch milliseconds
     * @param scriptTimeUsed script time the job's earlier parts spent
     */
    public RuleRun open(Rule rule, Map<String, JsonNode> params, RuleTrigger trigger, long nowMillis, Duration scriptTimeUsed) {
        return open(rule, params, trigger, nowMillis, scriptTimeUsed, 0L);
    }

    /**
     * As {@link #open(Rule, Map, RuleTrigger, long, Duration)}, with {@code Math.random()} seeded by
     * {@code seed} (a job's id): every run of the job draws the same numbers for the same record.
     */
    public RuleRun open(Rule rule, Map<String, JsonNode> params, RuleTrigger trigger, long nowMillis, Duration scriptTimeUsed, long seed) {
        ObjectNode merged = JsonText.MAPPER.createObjectNode();
        rule.params().forEach(merged::set);
        if (params != null) params.forEach((k, v) -> merged.set(k, v == null ? merged.nullNode() : v.deepCopy()));
        return new RuleRun(this, rule, merged.toString(), nowMillis, trigger, scriptTimeUsed.toNanos(), seed);
    }

    /**
     * A new, locked-down context writing its output to {@code log}, watched through {@code guard}.
     * Its only files are the libraries {@code libraries} serves, read only and from memory.
     */
    Context newContext(OutputStream log, Guard guard, LibraryFileSystem libraries) {
        Context context = Context.newBuilder("js")
                .engine(engine)
                .sandbox(SandboxPolicy.CONSTRAINED)
                .out(log)
                .err(log)
                .in(InputStream.nullInputStream())
                .allowHostAccess(NO_HOST_ACCESS)
                .allowIO(IOAccess.newBuilder().fileSystem(libraries).build())
                .allowCreateThread(false)
                .allowCreateProcess(false)
                .allowNativeAccess(false)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowInnerContextOptions(false)
                .allowValueSharing(false)
                // dates in scripts read the same on every server
                .timeZone(ZoneOffset.UTC)
                .option("js.esm-eval-returns-exports", "true")
                .option("js.load", "false")
                .option("js.print", "false")
                .option("js.graal-builtin", "false")
                // counted since the last resetLimits(): RuleRun resets before every record
                .resourceLimits(ResourceLimits.newBuilder()
                        .statementLimit(limits.statementsPerRecord(), null)
                        .onLimit(event -> guard.statementLimitReached())
                        .build())
                .build();
        guard.attach(context);
        return context;
    }

    /**
     * Evaluates the prelude and returns the helpers bound to this file name; until the first call,
     * the module's code sees {@code nowMillis} as the current time and draws random numbers seeded by {@code seed}.
     */
    Value install(Context context, String fileName, long nowMillis, int seed) {
        return context.eval(prelude).execute(fileName, nowMillis, seed);
    }

    Source source(String fileName, String version, String text) {
        CachedSource cached = sources.get(fileName);
        if (cached != null && cached.version().equals(version)) return cached.source();
        Source source = Source.newBuilder("js", text, fileName).mimeType(MODULE_MIME_TYPE).cached(true).buildLiteral();
        sources.put(fileName, new CachedSource(version, source));
        return source;
    }

    Watchdog watchdog() {
        return watchdog;
    }

    /**
     * Evaluates a module to read its exports, under the same sandbox and budgets as a run, its
     * imports served by {@code libraries} (which records the ones read). Used by
     * {@link RuleValidator}; the context is thrown away.
     */
    Inspection inspect(String fileName, String version, String text, LibraryFileSystem libraries) {
        var log = new BoundedLog(0);
        var guard = new Guard(watchdog);
        var thread = new ScriptThread();
        long deadline = System.nanoTime() + loadTime().toNanos();
        String timeout = "the module's top-level code ran longer than " + human(loadTime());
        try {
            return thread.call(() -> {
                Context context = newContext(log, guard, libraries);
                watchdog.begin(guard, deadline, timeout);
                try {
                    Value helpers = install(context, fileName, clock.millis(), 0);
                    Value exports = context.eval(source(fileName, version, text));
                    String json = helpers.getMember("inspect").execute(exports).asString();
                    return Inspection.exports(JsonText.parse(json));
                } catch (PolyglotException e) {
                    ScriptDecision.Fatal stopped = stopReason(e, guard, "the module's top-level code");
                    if (stopped != null) return new Inspection.Failed(0, 0, stopped.message());
                    return ModuleErrors.locate(e, fileName, text, libraries.libraries());
                } finally {
                    watchdog.end(guard);
                    guard.close();
                }
            }, () -> giveUpAt(guard, deadline));
        } catch (ScriptThread.OutOfMemory e) {
            // the call has returned, the script's thread is idle: cancel from here
            guard.cancel();
            return new Inspection.Failed(0, 0, guard.outOfMemory().message());
        } catch (ScriptThread.Unresponsive e) {
            abandon(guard, fileName + " (module code)");
            ScriptDecision.Fatal stopped = guard.stopped();
            return new Inspection.Failed(0, 0, stopped != null ? stopped.message() : timeout);
        } finally {
            thread.close();
        }
    }

    /** When a caller stops waiting for a call due by {@code deadline}: a grace after the deadline, or after the script was stopped. */
    long giveUpAt(Guard guard, long deadline) {
        long grace = STOP_GRACE.toNanos();
        long afterStop = guard.giveUpAfterStop(grace);
        long afterDeadline = deadline + grace;
        return afterStop - afterDeadline < 0 ? afterStop : afterDeadline;
    }

    /**
     * A script did not stop: its context is given up. Its cancellation is tried once more on a
     * thread of its own (which may wait for good), and it is counted and reported.
     */
    void abandon(Guard guard, String what) {
        int n = abandoned.incrementAndGet();
        guard.stop(ScriptFailure.SCRIPT_TIMEOUT, what + " did not stop");
        LOG.warn("rules: the script of {} did not stop when cancelled; its context is abandoned and its thread left behind ({} so far);"
                + " that thread may keep a processor busy until the server restarts", what, n);
        if (!guard.cancelStarted()) {
            Thread canceller = new Thread(guard::cancel, "sweep-rules-abandoned-" + n);
            canceller.setDaemon(true);
            canceller.start();
        }
    }

    /** How many script contexts did not stop when cancelled and were left behind since the server started. */
    public int abandoned() {
        return abandoned.get();
    }

    /** Why a script was stopped, or null when the exception is the script's own error. */
    ScriptDecision.Fatal stopReason(PolyglotException e, Guard guard, String what) {
        ScriptDecision.Fatal stopped = guard.stopped();
        if (stopped != null) return stopped;
        if (guard.statementLimitHit()) {
            return new ScriptDecision.Fatal(ScriptFailure.SCRIPT_TIMEOUT,
                    what + " ran more than " + limits.statementsPerRecord() + " statements (the per-record statement budget); the script was stopped");
        }
        if (e.isResourceExhausted()) {
            return new ScriptDecision.Fatal(ScriptFailure.SCRIPT_MEMORY,
                    "the script ran out of memory (" + e.getMessage() + "); the script was stopped to protect the server");
        }
        if (e.isCancelled() || e.isInterrupted()) {
            return new ScriptDecision.Fatal(ScriptFailure.SCRIPT_TIMEOUT, what + " was stopped");
        }
        if (e.isInternalError()) {
            return new ScriptDecision.Fatal(ScriptFailure.SCRIPT_ERROR, "the script engine failed: " + e.getMessage());
        }
        return null;
    }

    static String human(Duration d) {
        if (d.toMillis() < 1000) return d.toMillis() + " ms";
        if (d.toSeconds() < 120) return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
        return d.toMinutes() + " min";
    }

    @Override
    public void close() {
        watchdog.close();
        // an abandoned context may never let go: closing the engine waits for it on a thread of its own
        Thread closer = new Thread(() -> {
            try {
                engine.close(true);
            } catch (PolyglotException | IllegalStateException e) {
                // contexts still open are cancelled with the engine
            }
        }, "sweep-rules-engine-close");
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(CLOSE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
