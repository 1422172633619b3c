package io.sweep.rules;

import java.time.Duration;

/**
 * The budgets of rule scripts.
 *
 * @param recordTime wall-clock time one {@code update} call may take (also the budget of a
 *                   module's top-level code when it is loaded)
 * @param jobTime    total time a job's script may spend inside {@code update} calls; time spent
 *                   outside the script (reading and writing records) does not count
 * @param statementsPerRecord JavaScript statements one {@code update} call may run; unlike time,
 *                   this does not depend on how busy the machine is
 * @param logBytes   bytes of {@code ctx.log}/{@code console} output kept per job; the rest is dropped
 * @param heapThreshold fraction of the maximum heap which, still in use after a garbage collection
 *                   while scripts run, makes Sweep stop the running scripts
 */
public record SandboxLimits(Duration recordTime, Duration jobTime, long statementsPerRecord, int logBytes, double heapThreshold) {
    public SandboxLimits {
        if (recordTime.isNegative() || recordTime.isZero()) throw new IllegalArgumentException("recordTime must be positive");
        if (jobTime.isNegative() || jobTime.isZero()) throw new IllegalArgumentException("jobTime must be positive");
        if (statementsPerRecord < 1) throw new IllegalArgumentException("statementsPerRecord must be positive");
        if (logBytes < 0) throw new IllegalArgumentException("logBytes must not be negative");
        if (!(heapThreshold > 0 && heapThreshold <= 1)) throw new IllegalArgumentException("heapThreshold must be in (0, 1]");
    }

    /** 1 s and 10 M statements per record, 10 min per job, 64 KiB of log, stop scripts at 80 % heap. */
    public static SandboxLimits defaults() {
        return new SandboxLimits(Duration.ofSeconds(1), Duration.ofMinutes(10), 10_000_000, 64 * 1024, 0.8);
    }

    public SandboxLimits withRecordTime(Duration d) {
        return new SandboxLimits(d, jobTime, statementsPerRecord, logBytes, heapThreshold);
    }

    public SandboxLimits withJobTime(Duration d) {
        return new SandboxLimits(recordTime, d, statementsPerRecord, logBytes, heapThreshold);
    }

    public SandboxLimits withStatementsPerRecord(long n) {
        return new SandboxLimits(recordTime, jobTime, n, logBytes, heapThreshold);
    }

    public SandboxLimits withLogBytes(int n) {
        return new SandboxLimits(recordTime, jobTime, statementsPerRecord, n, heapThreshold);
    }

    public SandboxLimits withHeapThreshold(double f) {
        return new SandboxLimits(recordTime, jobTime, statementsPerRecord, logBytes, f);
    }
}
