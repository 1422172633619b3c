package io.sweep.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/**
 * One job's use of a rule: its own context, the rule module loaded once, then {@link #update}
 * per selected record, and {@link #close()} at the end, which returns what the script logged.
 *
 * <pre>{@code
 * RuleRun run = sandbox.open(rule, params, RuleTrigger.MANUAL);
 * try {
 *     for (Map<String, Object> record : records) {
 *         switch (run.update(record)) {
 *             case ScriptDecision.Updated u -> ...;   // values still to check with FieldValues.parse
 *             case ScriptDecision.Skipped s -> ...;
 *             case ScriptDecision.Failed f -> ...;    // this record fails, go on
 *             case ScriptDecision.Fatal f -> ...;     // the job fails
 *         }
 *     }
 * } finally {
 *     String log = run.close();
 * }
 * }</pre>
 *
 * <p>Module-level variables of the rule live as long as the run: a rule may count or cache
 * across the records the run sees, never across jobs. A job's node keeps its run for the job's
 * next chunk ({@link #continueJob}, {@link #takeLog}). Calls must not overlap; they may come
 * from different threads one after another.
 */
public final class RuleRun {
    private final RuleSandbox sandbox;
    private final Rule rule;
    private final String paramsJson;
    private final long now;
    private final RuleTrigger trigger;
    private final BoundedLog log;
    private final Guard guard;
    /** Where every call into the context runs; given up on when a script does not stop. */
    private final ScriptThread thread = new ScriptThread();
    private final long recordNanos;
    private final long jobNanos;
    /** Seeds the script's Math.random(): with the record's id for each record, so a record draws the same numbers on every run. */
    private final long seed;
    private Context context;
    private Value invoke;
    private Value update;
    private long usedNanos;
    private volatile ScriptDecision.Fatal fatal;
    private boolean closed;

    RuleRun(RuleSandbox sandbox, Rule rule, String paramsJson, long now, RuleTrigger trigger, long usedBeforeNanos, long seed) {
        this.sandbox = sandbox;
        this.seed = seed;
        this.guard = new Guard(sandbox.watchdog());
        this.rule = rule;
        this.paramsJson = paramsJson;
        this.now = now;
        this.trigger = trigger;
        this.log = new BoundedLog(sandbox.limits().logBytes());
        this.recordNanos = sandbox.limits().recordTime().toNanos();
        this.jobNanos = sandbox.limits().jobTime().toNanos();
        this.usedNanos = Math.max(0, usedBeforeNanos);
        load();
    }

    public Rule rule() {
        return rule;
    }

    /** {@code ctx.now}: when the run was opened, in epoch milliseconds. */
    public long now() {
        return now;
    }

    /** Script time spent so far, including what earlier parts of the job spent. */
    public Duration scriptTime() {
        return Duration.ofNanos(usedNanos);
    }

    /**
     * Goes on with the next part of a job: the job's script time so far (all its parts, on every
     * node) replaces this run's own count, so the per-job budget holds across runs.
     */
    public synchronized void continueJob(Duration usedByJob) {
        usedNanos = Math.max(0, usedByJob.toNanos());
    }

    /** What the script logged since the last call (bounded, with a note when cut); the log starts empty again. */
    public synchronized String takeLog() {
        return log.take();
    }

    /** The reason the run cannot go on, once there is one. */
    public ScriptDecision.Fatal fatal() {
        return fatal;
    }

    private void load() {
        long start = System.nanoTime();
        Watchdog watchdog = sandbox.watchdog();
        Duration budget = sandbox.loadTime();
        long deadline = start + Math.min(budget.toNanos(), jobNanos);
        String timeout = "loading the rule took longer than " + RuleSandbox.human(budget);
        try {
            ScriptDecision.Fatal failed = thread.call(() -> {
                try {
                    context = sandbox.newContext(log, guard, new LibraryFileSystem(rule.libraries()));
                    watchdog.begin(guard, deadline, timeout);
                    Value helpers = sandbox.install(context, rule.file(), now, seedFor(""));
                    invoke = helpers.getMember("invoke");
                    Value exports = context.eval(sandbox.source(rule.file(), rule.version(), rule.source()));
                    update = exports.getMember("update");
                    if (update == null || !update.canExecute()) {
                        return new ScriptDecision.Fatal(ScriptFailure.SCRIPT_ERROR, rule.file() + ": the rule exports no update function");
                    }
                    return null;
                } catch (PolyglotException e) {
                    ScriptDecision.Fatal reason = sandbox.stopReason(e, guard, "loading the rule");
                    if (reason != null) return reason;
                    var at = ModuleErrors.locate(e, rule.file(), rule.source(), rule.libraries());
                    String where = at.library() == null ? where(at.line(), at.column())
                            : RuleLibraries.FOLDER + "/" + at.library() + ":" + at.line() + ":" + at.column() + ": ";
                    return new ScriptDecision.Fatal(ScriptFailure.SCRIPT_ERROR, "the rule failed to load: " + where + at.message());
                } catch (IllegalStateException e) {
                    return stoppedOr("the rule failed to load: " + e.getMessage());
                } finally {
                    watchdog.end(guard);
                }
            }, () -> sandbox.giveUpAt(guard, deadline));
            if (failed != null) stop(failed);
        } catch (ScriptThread.Unresponsive e) {
            abandon(timeout + "; the script was stopped");
        } catch (ScriptThread.OutOfMemory e) {
            stop(guard.outOfMemory());
        } finally {
            usedNanos += System.nanoTime() - start;
        }
    }

    /**
     * Calls {@code update(record, ctx)} on a fresh copy of the record.
     *
     * @param record field api name → value: strings, numbers, booleans, nulls, lists (multi-select),
     *               maps (lookups), dates/times (passed as ISO-8601 strings); ids should be strings
     * @throws IllegalArgumentException when the record holds a value that is not JSON-like
     * @throws IllegalStateException    after {@link #close()}
     */
    public ScriptDecision update(Map<String, ?> record) {
        return updateAll(List.of(record)).get(0);
    }

    /**
     * Calls {@code update(record, ctx)} on each record in turn, as {@link #update} does, in one
     * hand-off to the context's thread: a chunk's records cost one wake-up of that thread, not one
     * each. Every record keeps its own time budget and its own failure; once the run cannot go on,
     * the records not yet asked about answer the same {@link ScriptDecision.Fatal}.
     *
     * @return one outcome per record, in order
     */
    public synchronized List<ScriptDecision> updateAll(List<? extends Map<String, ?>> records) {
        if (closed) throw new IllegalStateException("the run is closed");
        int count = records.size();
        String[] recordsJson = new String[count];
        String[] ids = new String[count];
        int[] seeds = new int[count];
        for (int i = 0; i < count; i++) {
            recordsJson[i] = JsonText.of(records.get(i));
            ids[i] = String.valueOf(records.get(i).get("id"));
            seeds[i] = seedFor(ids[i]);
        }
        List<ScriptDecision> outcomes = new ArrayList<>(count);
        ScriptDecision.Fatal stopped = fatal;
        if (stopped == null) {
            // the record being decided now: how long the caller waits for it, and what a timeout says
            var current = new AtomicReference<>(new Deadline(System.nanoTime() + recordNanos, recordTimeout(false, count > 0 ? ids[0] : "")));
            try {
                Decided decided = thread.call(() -> decideAll(recordsJson, ids, seeds, current),
                        () -> sandbox.giveUpAt(guard, current.get().nanos()));
                outcomes.addAll(decided.outcomes());
                if (decided.stop() != null) stopped = stop(decided.stop());
            } catch (ScriptThread.Unresponsive e) {
                outcomes.clear();
                stopped = abandon(current.get().timeout());
            } catch (ScriptThread.OutOfMemory e) {
                outcomes.clear();
                stopped = stop(guard.outOfMemory());
            }
        }
        while (outcomes.size() < count) outcomes.add(stopped);
        return outcomes;
    }

    /** When the record being decided must be done, and what its timeout says. */
    private record Deadline(long nanos, String timeout) {}

    /** What the context's thread made of a list of records: an outcome for each it asked about, and why it stopped early, if it did. */
    private record Decided(List<ScriptDecision> outcomes, ScriptDecision.Fatal stop) {}

    /** On the context's thread: asks {@code update} about each record, publishing each record's deadline to the waiting caller. */
    private Decided decideAll(String[] recordsJson, String[] ids, int[] seeds, AtomicReference<Deadline> current) {
        List<ScriptDecision> decided = new ArrayList<>(recordsJson.length);
        Watchdog watchdog = sandbox.watchdog();
        for (int i = 0; i < recordsJson.length; i++) {
            if (guard.stopped() != null) return new Decided(decided, guard.stopped());
            long left = jobNanos - usedNanos;
            if (left <= 0) return new Decided(decided, jobTimeUsedUp());
            String timeout = recordTimeout(left < recordNanos, ids[i]);
            long start = System.nanoTime();
            long deadline = start + Math.min(left, recordNanos);
            current.set(new Deadline(deadline, timeout));
            String answer;
            try {
                context.resetLimits();
                watchdog.begin(guard, deadline, timeout);
                try {
                    answer = invoke.execute(update, recordsJson[i], paramsJson, now, trigger.jsName(), seeds[i]).asString();
                } catch (OutOfMemoryError e) {
                    // GraalJS hands most out-of-memory errors back as a resource-exhausted PolyglotException, not all
                    return new Decided(decided, guard.outOfMemory());
                } finally {
                    watchdog.end(guard);
                }
            } catch (PolyglotException e) {
                ScriptDecision.Fatal reason = sandbox.stopReason(e, guard, "update on record " + ids[i]);
                if (reason != null) return new Decided(decided, reason);
                // the helper catches what update throws, so this is a failure around it (a stack overflow, say)
                decided.add(new ScriptDecision.Failed(ScriptFailure.SCRIPT_ERROR, rule.file() + ": " + e.getMessage()));
                continue;
            } catch (IllegalStateException e) {
                // the watchdog closed the context between two checks
                return new Decided(decided, stoppedOr("the script context was closed: " + e.getMessage()));
            } finally {
                usedNanos += System.nanoTime() - start;
            }
            decided.add(decode(answer));
        }
        return new Decided(decided, null);
    }

    private String recordTimeout(boolean jobBound, String recordId) {
        return jobBound ? jobTimeUsedUp().message()
                : "update ran longer than " + RuleSandbox.human(sandbox.limits().recordTime())
                        + " on record " + recordId + " (the per-record time budget); the script was stopped";
    }

    /** The job's seed mixed with a record id (SplitMix64's finaliser), folded to the 32 bits the script's generator keeps. */
    private int seedFor(String recordId) {
        long z = seed * 0x9E3779B97F4A7C15L + recordId.hashCode();
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (int) (z ^ (z >>> 32));
    }

    private ScriptDecision decode(String answer) {
        char kind = answer.isEmpty() ? '?' : answer.charAt(0);
        String rest = answer.isEmpty() ? "" : answer.substring(1);
        return switch (kind) {
            case 'S' -> new ScriptDecision.Skipped();
            case 'U' -> {
                Map<String, JsonNode> values = new LinkedHashMap<>();
                JsonText.parse(rest).properties().forEach(e -> values.put(e.getKey(), e.getValue()));
                yield new ScriptDecision.Updated(values);
            }
            case 'I' -> new ScriptDecision.Failed(ScriptFailure.INVALID_RETURN, rest);
            case 'E' -> {
                String[] parts = rest.split("\t", 3);
                int line = Integer.parseInt(parts[0]);
                int column = Integer.parseInt(parts[1]);
                yield new ScriptDecision.Failed(ScriptFailure.SCRIPT_ERROR, where(line, column) + parts[2]);
            }
            default -> throw new IllegalStateException("unexpected answer from the rule helper: " + answer);
        };
    }

    private String where(int line, int column) {
        return line > 0 ? rule.file() + ":" + line + ":" + column + ": " : rule.file() + ": ";
    }

    private ScriptDecision.Fatal jobTimeUsedUp() {
        return new ScriptDecision.Fatal(ScriptFailure.SCRIPT_TIMEOUT,
                "the rule used up the job's script time budget of " + RuleSandbox.human(sandbox.limits().jobTime()) + "; the script was stopped");
    }

    private ScriptDecision.Fatal stoppedOr(String message) {
        ScriptDecision.Fatal stopped = guard.stopped();
        return stopped != null ? stopped : new ScriptDecision.Fatal(ScriptFailure.SCRIPT_ERROR, message);
    }

    /**
     * Stops the script from another thread, whatever it is doing (its job was cancelled, say): the
     * running or next call answers {@code reason}. Does not wait.
     */
    public void cancel(String reason) {
        sandbox.watchdog().stop(guard, ScriptFailure.SCRIPT_TIMEOUT, reason);
    }

    /** Records the first fatal reason and frees the context's memory at once. */
    private ScriptDecision.Fatal stop(ScriptDecision.Fatal reason) {
        if (fatal == null) fatal = reason;
        if (!thread.abandoned()) {
            long giveUpAt = System.nanoTime() + RuleSandbox.STOP_GRACE.toNanos();
            try {
                // between two calls the context is idle: cancelling it returns at once
                thread.call(() -> {
                    guard.cancel();
                    return null;
                }, () -> giveUpAt);
            } catch (ScriptThread.Unresponsive e) {
                sandbox.abandon(guard, rule.file());
            } catch (ScriptThread.OutOfMemory e) {
                // the call has returned, the script's thread is idle: cancel from here
                guard.cancel();
            }
        }
        release();
        if (fatal.failure() == ScriptFailure.SCRIPT_MEMORY) sandbox.watchdog().collectSoon();
        return fatal;
    }

    /** The script did not stop in time: the run fails for good, and its context and thread are given up. */
    private ScriptDecision.Fatal abandon(String timeout) {
        ScriptDecision.Fatal stopped = guard.stopped();
        if (fatal == null) fatal = stopped != null ? stopped : new ScriptDecision.Fatal(ScriptFailure.SCRIPT_TIMEOUT, timeout);
        sandbox.abandon(guard, rule.file());
        release();
        return fatal;
    }

    /** Values keep the script's objects reachable (its module state among them) until dropped. */
    private void release() {
        invoke = null;
        update = null;
        context = null;
    }

    /** Ends the run, closing its context; returns the script's log (bounded, with a note when cut). */
    public synchronized String close() {
        if (!closed) {
            closed = true;
            if (!thread.abandoned()) {
                long giveUpAt = System.nanoTime() + RuleSandbox.STOP_GRACE.toNanos();
                try {
                    thread.call(() -> {
                        guard.close();
                        return null;
                    }, () -> giveUpAt);
                } catch (ScriptThread.Unresponsive e) {
                    sandbox.abandon(guard, rule.file());
                } catch (ScriptThread.OutOfMemory e) {
                    // the call has returned, the script's thread is idle: cancel from here
                    guard.cancel();
                }
            }
            thread.close();
            release();
        }
        return log.text();
    }
}
