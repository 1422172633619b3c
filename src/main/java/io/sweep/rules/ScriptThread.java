package io.sweep.rules;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The one thread a rule context runs on. Every call into the context happens here, while the caller
 * waits for the answer until a deadline. GraalJS cannot always stop a script: cancelling a context
 * waits for its thread to leave, and a script that catches what cancellation throws at it (a stack
 * overflow caught inside deep recursion, say) may never leave. Then the caller gives up
 * ({@link Unresponsive}): it is free again, its connection and job thread with it, and this thread
 * is left behind, never used again.
 */
final class ScriptThread {
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** How often a waiting caller looks again whether it should give up earlier (the script was stopped). */
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sweep-rule-script-" + THREADS.incrementAndGet());
        // a thread left running a script that cannot be stopped must not keep the JVM from exiting
        t.setDaemon(true);
        return t;
    });
    private volatile boolean abandoned;

    /**
     * The heap ran out on the context's thread. That thread only runs the script and the calls
     * around it, so the script filled the heap (or was allocating when something else did): the
     * caller stops it with {@code SCRIPT_MEMORY}. Thrown without a stack trace: the heap may
     * still be short.
     */
    static final class OutOfMemory extends RuntimeException {
        OutOfMemory() {
            super("the script's thread ran out of memory", null, false, false);
        }
    }

    /** The context's thread did not answer in time; the caller has given up on it. */
    static final class Unresponsive extends RuntimeException {
        Unresponsive() {
            super("the script's thread did not answer in time", null, false, false);
        }
    }

    /**
     * Runs {@code work} on this thread and waits for its result until {@link System#nanoTime()}
     * passes {@code giveUpAt}, asked again while waiting (a script stopped meanwhile is given up on
     * sooner). The work's own exceptions come back as they were thrown.
     *
     * @throws Unresponsive when the time passed first; this thread is then abandoned
     * @throws OutOfMemory   when the work ran out of memory
     */
    <T> T call(Callable<T> work, LongSupplier giveUpAt) {
        if (abandoned) throw new Unresponsive();
        Future<T> answer = executor.submit(work);
        while (true) {
            long wait = Math.min(giveUpAt.getAsLong() - System.nanoTime(), RECHECK_NANOS);
            try {
                if (wait <= 0 && !answer.isDone()) {
                    abandon();
                    throw new Unresponsive();
                }
                return answer.get(Math.max(0, wait), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // look at the deadline again
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof OutOfMemoryError) throw new OutOfMemory();
                if (cause instanceof RuntimeException r) throw r;
                if (cause instanceof Error err) throw err;
                throw new IllegalStateException(cause);
            } catch (OutOfMemoryError e) {
                // waiting for the answer needs a little heap too
                throw new OutOfMemory();
            } catch (CancellationException e) {
                throw new Unresponsive();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                abandon();
                throw new Unresponsive();
            }
        }
    }

    boolean abandoned() {
        return abandoned;
    }

    /** No more calls; the thread ends once its current work, if any, does. */
    void abandon() {
        abandoned = true;
        executor.shutdown();
    }

    /** Ends the thread after its last call. */
    void close() {
        executor.shutdown();
    }
}
