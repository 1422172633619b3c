package io.sweep.jobs;

import io.sweep.rules.RuleRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The loaded rule runs of the jobs this node works on, kept between a job's chunks. Opening a run
 * (a fresh sandboxed context, its built-ins frozen, the rule's module evaluated) costs 15–70 ms,
 * and a fresh context runs its first records at half the speed of a warm one: opening one for
 * every chunk of 500 records was two thirds of a rule job's script time.
 *
 * <p>A chunk {@link #take}s an idle run of its job (or the caller opens one) and {@link #give}s
 * it back when done; two chunks of one job running at once use two runs, never one together.
 * Runs idle longer than the timeout, beyond the capacity, or of a job that ended are closed.
 * Thread-safe.
 */
final class IdleRuleRuns implements AutoCloseable {
    /** Idle runs kept at most; each holds a context and the rule's module state. */
    static final int CAPACITY = 8;
    /** A job whose chunks went elsewhere, or that ended on another node, frees its runs after this. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private record Idle(long jobId, RuleRun run, long sinceNanos) {}

    /** Most recently given back first. */
    private final LinkedList<Idle> idle = new LinkedList<>();
    private final int capacity;
    private final long timeoutNanos;
    private final ScheduledExecutorService janitor;
    private boolean closed;

    IdleRuleRuns() {
        this(CAPACITY, TIMEOUT);
    }

    IdleRuleRuns(int capacity, Duration timeout) {
        this.capacity = capacity;
        this.timeoutNanos = timeout.toNanos();
        this.janitor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "idle-rule-runs");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(1, timeout.toMillis() / 2);
        janitor.scheduleWithFixedDelay(() -> closeIdleSince(System.nanoTime() - timeoutNanos), period, period, TimeUnit.MILLISECONDS);
    }

    /** An idle run of the job, now the caller's alone; null when there is none. */
    RuleRun take(long jobId) {
        synchronized (this) {
            for (Iterator<Idle> it = idle.iterator(); it.hasNext(); ) {
                Idle i = it.next();
                if (i.jobId() == jobId) {
                    it.remove();
                    return i.run();
                }
            }
        }
        return null;
    }

    /** Keeps the run for the job's next chunk; a run that cannot go on is closed instead. */
    void give(long jobId, RuleRun run) {
        if (run.fatal() != null) {
            run.close();
            return;
        }
        List<RuleRun> toClose = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                toClose.add(run);
            } else {
                idle.addFirst(new Idle(jobId, run, System.nanoTime()));
                while (idle.size() > capacity) toClose.add(idle.removeLast().run());
            }
        }
        toClose.forEach(RuleRun::close);
    }

    /** Closes the idle runs of a job that ended or failed. */
    void closeJob(long jobId) {
        List<RuleRun> toClose = new ArrayList<>();
        synchronized (this) {
            idle.removeIf(i -> {
                if (i.jobId() != jobId) return false;
                toClose.add(i.run());
                return true;
            });
        }
        toClose.forEach(RuleRun::close);
    }

    /** Closes the runs given back before {@code nanos} (a {@link System#nanoTime()}). */
    void closeIdleSince(long nanos) {
        List<RuleRun> toClose = new ArrayList<>();
        synchronized (this) {
            idle.removeIf(i -> {
                if (i.sinceNanos() - nanos >= 0) return false;
                toClose.add(i.run());
                return true;
            });
        }
        toClose.forEach(RuleRun::close);
    }

    synchronized int size() {
        return idle.size();
    }

    @Override
    public void close() {
        janitor.shutdownNow();
        List<RuleRun> toClose;
        synchronized (this) {
            closed = true;
            toClose = idle.stream().map(Idle::run).toList();
            idle.clear();
        }
        toClose.forEach(RuleRun::close);
    }
}
