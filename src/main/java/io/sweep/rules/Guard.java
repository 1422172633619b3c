package io.sweep.rules;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;

/**
 * One rule context as the {@link Watchdog} sees it: a deadline while a call runs, how much the
 * script allocated, and the reason it was stopped, if it was. Stopping closes the context with
 * cancellation, which ends whatever the script is doing (loop, regex, builtin) at its next
 * safepoint.
 */
final class Guard {
    /** Made ahead of time: when the heap ran out, there may be no room to make it. */
    static final ScriptDecision.Fatal OUT_OF_MEMORY = new ScriptDecision.Fatal(ScriptFailure.SCRIPT_MEMORY,
            "the server's heap ran out while the script allocated; the script was stopped to protect the server");
    private final Watchdog watchdog;
    private final AtomicReference<ScriptDecision.Fatal> stopped = new AtomicReference<>();
    /** When the stop reason was set ({@link System#nanoTime()}); meaningful once {@link #stopped} is set. */
    private volatile long stoppedAt;
    /** Cancelling may block for good on a script that does not let go: it is tried once, never again. */
    private final AtomicBoolean cancelling = new AtomicBoolean();
    private volatile Context context;
    private volatile long deadline;
    private volatile String timeoutMessage;
    private volatile boolean statementLimitHit;
    /** Bytes the script allocated in finished calls; the running call's thread and its count at the start. */
    private volatile long allocatedBefore;
    private volatile long callThread = -1;
    private volatile long callStartBytes;
    /** Calls started in this context. */
    private volatile long calls;
    /** Two checkpoints of {@link #allocated} and of {@link #calls}, taken about every {@link Watchdog#CHECKPOINT_NANOS}. */
    private long olderCheckpoint;
    private long newerCheckpoint;
    private long olderCalls;
    private long newerCalls;
    private long newerCheckpointAt;

    Guard(Watchdog watchdog) {
        this.watchdog = watchdog;
        watchdog.track(this);
    }

    void attach(Context c) {
        this.context = c;
    }

    void arm(long deadlineNanos, String message, long threadId, long threadBytes) {
        this.timeoutMessage = message;
        this.deadline = deadlineNanos;
        this.callStartBytes = threadBytes;
        this.callThread = threadId;
        calls++;
    }

    void disarm(long threadBytes) {
        if (callThread >= 0 && threadBytes >= callStartBytes) allocatedBefore += threadBytes - callStartBytes;
        callThread = -1;
    }

    long callThread() {
        return callThread;
    }

    /** Heap bytes the script allocated in this context so far, given the running thread's count now. */
    long allocated(long threadBytesNow) {
        long running = callThread >= 0 && threadBytesNow >= callStartBytes ? threadBytesNow - callStartBytes : 0;
        return allocatedBefore + running;
    }

    /** Rolls the checkpoints (watchdog only): a checkpoint older than two periods means the script sat idle. */
    synchronized void checkpoint(long allocatedNow, long nowNanos) {
        if (nowNanos - newerCheckpointAt > 2 * Watchdog.CHECKPOINT_NANOS) {
            olderCheckpoint = allocatedNow;
            olderCalls = calls;
        } else {
            olderCheckpoint = newerCheckpoint;
            olderCalls = newerCalls;
        }
        newerCheckpoint = allocatedNow;
        newerCalls = calls;
        newerCheckpointAt = nowNanos;
    }

    /** A call starts: after an idle spell, recent allocation starts from here rather than from stale checkpoints. */
    synchronized void resume(long allocatedNow, long nowNanos) {
        if (nowNanos - newerCheckpointAt > 2 * Watchdog.CHECKPOINT_NANOS) checkpoint(allocatedNow, nowNanos);
    }

    /** Bytes allocated over roughly the last one to two checkpoint periods. */
    synchronized long recentlyAllocated(long allocatedNow, long nowNanos) {
        if (nowNanos - newerCheckpointAt > 2 * Watchdog.CHECKPOINT_NANOS) return 0;
        return Math.max(0, allocatedNow - olderCheckpoint);
    }

    /**
     * Calls made over the same span as {@link #recentlyAllocated}, at least one: a call still
     * running since before it counts, so one long call that allocates without end is one call.
     */
    synchronized long recentCalls() {
        return Math.max(1, calls - olderCalls);
    }

    boolean overdue(long nowNanos) {
        return nowNanos - deadline >= 0;
    }

    String timeoutMessage() {
        return timeoutMessage;
    }

    /** Called by GraalJS on the script's thread when the statement limit is reached. */
    void statementLimitReached() {
        statementLimitHit = true;
    }

    boolean statementLimitHit() {
        return statementLimitHit;
    }

    /** The first reason wins; returns whether this call set it. */
    boolean stop(ScriptFailure failure, String message) {
        return stop(new ScriptDecision.Fatal(failure, message));
    }

    private boolean stop(ScriptDecision.Fatal reason) {
        if (!stopped.compareAndSet(null, reason)) return false;
        stoppedAt = System.nanoTime();
        return true;
    }

    /** The heap ran out while the script ran: the reason it stops, unless it was stopped already. Allocates nothing. */
    ScriptDecision.Fatal outOfMemory() {
        stop(OUT_OF_MEMORY);
        return stopped.get();
    }

    /** The {@link System#nanoTime()} after which a caller stops waiting for the running call: the stop plus a grace, or never. */
    long giveUpAfterStop(long graceNanos) {
        return stopped.get() == null ? Long.MAX_VALUE : stoppedAt + graceNanos;
    }

    /** Whether a cancel was already started (on any thread). */
    boolean cancelStarted() {
        return cancelling.get();
    }

    ScriptDecision.Fatal stopped() {
        return stopped.get();
    }

    /** Ends the context even while a script runs in it; safe from any thread, any number of times. */
    void cancel() {
        watchdog.untrack(this);
        Context c = context;
        if (c == null || !cancelling.compareAndSet(false, true)) return;
        for (int attempt = 1; ; attempt++) {
            try {
                c.close(true);
                break;
            } catch (PolyglotException | IllegalStateException e) {
                // closing a cancelled context reports the cancellation again: it is closed all the same
                break;
            } catch (OutOfMemoryError e) {
                // the heap is full of the script's objects and closing needs a little of it: once more now, later by the next cancel or close
                if (attempt == 2) {
                    cancelling.set(false);
                    return;
                }
            }
        }
        context = null;
    }

    /** Closes an idle context; a context that cannot close normally is cancelled. */
    void close() {
        watchdog.untrack(this);
        Context c = context;
        if (c == null) return;
        try {
            c.close();
            context = null;
        } catch (PolyglotException | IllegalStateException e) {
            cancel();
        }
    }
}
