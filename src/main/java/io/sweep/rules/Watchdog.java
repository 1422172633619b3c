package io.sweep.rules;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Stops scripts that run too long or while the heap runs full.
 *
 * <p>Time: a thread looks at the running calls every few milliseconds and cancels those past
 * their deadline. {@code Thread.interrupt()} would not stop a script, cancelling its context does.
 *
 * <p>Memory: GraalJS community cannot cap a context's heap, and a script can allocate gigabytes
 * in well under a second. After every garbage collection the JVM reports how much heap is still
 * in use; between collections the old generation (where large values go at once, and what
 * survives collections) is looked at every few milliseconds, since a script piling up large
 * strings can fill the heap between two collections. When either is above the threshold, the scripts that allocated a large share of the
 * memory in the last second or so (the JVM counts each thread's allocations, and we count them
 * per context), in large calls, are stopped at once, whether they are running or between two
 * records, and their memory is collected. A job's script making many small calls is stopped only
 * when the heap is fuller still ({@link #LAST_RESORT}): its values are garbage once each call returns. Which script retains the memory cannot be known; the one allocating
 * fastest is the one filling the heap in every case that matters (a loop growing an array, a
 * job keeping each record's data). Scripts that allocated little are left alone: then the heap
 * is full for another reason, or the figure still counts garbage of a script already stopped.
 * Where the JVM cannot count allocations per thread, every running script is stopped. A script
 * that allocates faster than the collector reports gets an OutOfMemoryError inside GraalJS,
 * which reaches us as a resource-exhausted error of that script.
 */
final class Watchdog implements AutoCloseable {
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    /** How often the allocation of every context is noted; "recent" allocation spans one to two of these. */
    static final long CHECKPOINT_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** See {@link #stopHeavyAllocators}: a heap this full stops the fastest allocators, large calls or not. */
    static final double LAST_RESORT = 0.92;

    private final Set<Guard> running = ConcurrentHashMap.newKeySet();
    /** Every context not yet closed, running or not. */
    private final Set<Guard> open = ConcurrentHashMap.newKeySet();
    private final Object wake = new Object();
    private final double heapThreshold;
    private final Thread thread;
    private final ExecutorService cancellers;
    private final Set<String> heapPools;
    /** The old generation: the heap pools that hold what survives collections (the JVM watches only their usage between collections). */
    private final List<MemoryPoolMXBean> tenuredPools;
    private final long maxHeap;
    /** A script that recently allocated less than this is not suspected of filling the heap. */
    private final long suspectBytes;
    /** Nor, below {@link #lastResort}, one whose calls allocated less than this each. */
    private final long suspectBytesPerCall;
    /** How full the heap may get before scripts making small calls are suspected too. */
    private final double lastResort;
    private final com.sun.management.ThreadMXBean threads;
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener gcListener = this::afterGc;
    private volatile boolean closed;

    Watchdog(double heapThreshold) {
        this.heapThreshold = heapThreshold;
        this.heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName)
                .collect(Collectors.toUnmodifiableSet());
        this.tenuredPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.isUsageThresholdSupported())
                .toList();
        long max = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
        this.maxHeap = max > 0 ? max : Runtime.getRuntime().maxMemory();
        this.suspectBytes = Math.max(16L << 20, maxHeap / 20);
        this.suspectBytesPerCall = Math.max(256L << 10, maxHeap / 512);
        this.lastResort = Math.max(heapThreshold, LAST_RESORT);
        var threadBean = ManagementFactory.getThreadMXBean();
        this.threads = threadBean instanceof com.sun.management.ThreadMXBean t && t.isThreadAllocatedMemorySupported()
                && t.isThreadAllocatedMemoryEnabled() ? t : null;
        // cancelling waits for the script's thread to leave the context: never on the watchdog thread
        this.cancellers = Executors.newCachedThreadPool(r -> daemon(r, "sweep-rules-cancel-" + THREADS.incrementAndGet()));
        this.thread = daemon(this::watch, "sweep-rules-watchdog-" + THREADS.incrementAndGet());
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(gcListener, null, null);
                emitters.add(emitter);
            }
        }
        thread.start();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    void track(Guard guard) {
        open.add(guard);
    }

    void untrack(Guard guard) {
        open.remove(guard);
        running.remove(guard);
    }

    /** A call into the script starts: it must end before {@code deadlineNanos} ({@link System#nanoTime()}). */
    void begin(Guard guard, long deadlineNanos, String timeoutMessage) {
        long bytes = allocatedByThisThread();
        guard.arm(deadlineNanos, timeoutMessage, Thread.currentThread().threadId(), bytes);
        guard.resume(guard.allocated(bytes), System.nanoTime());
        running.add(guard);
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    void end(Guard guard) {
        running.remove(guard);
        guard.disarm(allocatedByThisThread());
    }

    private long allocatedByThisThread() {
        return threads == null ? 0 : threads.getCurrentThreadAllocatedBytes();
    }

    private long allocated(Guard g) {
        long thread = g.callThread();
        return g.allocated(thread < 0 || threads == null ? 0 : threads.getThreadAllocatedBytes(thread));
    }

    private void watch() {
        long lastCheckpoint = 0;
        while (!closed) {
            if (running.isEmpty()) {
                synchronized (wake) {
                    while (running.isEmpty() && !closed) {
                        try {
                            wake.wait();
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
                continue;
            }
            long now = System.nanoTime();
            for (Guard g : running) {
                if (g.overdue(now)) stop(g, ScriptFailure.SCRIPT_TIMEOUT, g.timeoutMessage());
            }
            if (now - lastCheckpoint >= CHECKPOINT_NANOS) {
                lastCheckpoint = now;
                for (Guard g : open) g.checkpoint(allocated(g), now);
            }
            double tenured = tenuredFraction();
            if (tenured >= heapThreshold) stopHeavyAllocators(tenured, "while the script ran");
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private double tenuredFraction() {
        long used = 0;
        for (MemoryPoolMXBean pool : tenuredPools) used += pool.getUsage().getUsed();
        return (double) used / maxHeap;
    }

    private void afterGc(Notification n, Object handback) {
        if (open.isEmpty() || !GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
        var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        long used = 0;
        for (var pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) used += pool.getValue().getUsed();
        }
        double fraction = (double) used / maxHeap;
        if (fraction >= heapThreshold) stopHeavyAllocators(fraction, "after garbage collection while the script ran");
    }

    /**
     * The heap is {@code fraction} full: stops the scripts that allocated a large share of the
     * memory lately, and (below {@link #lastResort}) did so in large calls. A rule job's script
     * allocates tens of megabytes a second too, but in small calls whose values are garbage once
     * each returns; a script that fills the heap does it in one call that never ends, or by keeping
     * megabytes per call. A heap full of something else (the database's cache, garbage the
     * collector has not reached yet) must not stop a job doing its work; past the last resort,
     * the fastest allocators are stopped whatever their calls look like.
     */
    private synchronized void stopHeavyAllocators(double fraction, String when) {
        long now = System.nanoTime();
        Map<Guard, Long> recent = new HashMap<>();
        long total = 0;
        for (Guard g : open) {
            long bytes = g.recentlyAllocated(allocated(g), now);
            recent.put(g, bytes);
            total += bytes;
        }
        long share = Math.max(suspectBytes, total / 4);
        boolean lastResortReached = fraction >= lastResort;
        List<Guard> hit = new ArrayList<>();
        String message = null;
        for (var e : recent.entrySet()) {
            Guard g = e.getKey();
            boolean largeCalls = e.getValue() / g.recentCalls() >= suspectBytesPerCall;
            boolean suspect = threads == null ? running.contains(g) : e.getValue() >= share && (largeCalls || lastResortReached);
            if (!suspect || g.stopped() != null) continue;
            // made only for a script about to be stopped: a heap full of something else is read every poll
            if (message == null) {
                message = "the server's heap was %d%% full %s (the limit is %d%%); the script was stopped to protect the server"
                        .formatted(Math.round(fraction * 100), when, Math.round(heapThreshold * 100));
            }
            if (g.stop(ScriptFailure.SCRIPT_MEMORY, message)) hit.add(g);
        }
        if (hit.isEmpty()) return;
        cancellers.execute(() -> {
            // a cancel that runs short of heap leaves its context open; the script's own call or close cancels it again
            hit.forEach(Guard::cancel);
            // the stopped contexts' objects are garbage now: collect them before anything else runs short
            System.gc();
        });
    }

    /** After a script stopped for memory let go of its objects: collect them now rather than when the heap is full again. */
    void collectSoon() {
        cancellers.execute(System::gc);
    }

    /** Stops a script for good; its caller sees {@link Guard#stopped()}. */
    boolean stop(Guard g, ScriptFailure failure, String message) {
        if (!g.stop(failure, message)) return false;
        cancellers.execute(g::cancel);
        return true;
    }

    @Override
    public void close() {
        closed = true;
        synchronized (wake) {
            wake.notifyAll();
        }
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(gcListener);
            } catch (ListenerNotFoundException ignored) {
                // already gone
            }
        }
        cancellers.shutdown();
    }
}
