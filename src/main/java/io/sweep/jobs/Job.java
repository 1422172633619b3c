package io.sweep.jobs;

import java.time.OffsetDateTime;

/**
 * A mass-update job as stored. {@code notUpdatedCount} is derived — total minus updated minus
 * failed — so Zoho's invariant holds at every read, whatever state the job is in.
 * {@code scriptMillis} is the time a rule job's script has spent so far, over all its chunks.
 * {@code userId} is whose rights the job runs with; {@code startedBy} who started it (null when a
 * webhook or a schedule did). {@code skippedCount} counts records a committed chunk reached and left
 * alone; they are part of {@code notUpdatedCount}, the rest of which the job has not reached.
 * A {@code dryRun} job wrote no record: its counts and results are what a run would have done.
 * {@code resultsPurgedAt} is when the retention purge removed its per-record results (null while
 * they are kept); from then on the job cannot be undone.
 */
public record Job(
        long id, long moduleId, long userId, Trigger trigger, JobStatus status, String request,
        Long cvid, String ruleId, String ruleVersion, String parameters, Long undoOf,
        int totalCount, int updatedCount, int failedCount, int chunkCount, int chunksDone, String message,
        OffsetDateTime createdTime, OffsetDateTime startTime, OffsetDateTime endTime, long scriptMillis, Long startedBy, int skippedCount,
        boolean dryRun, OffsetDateTime resultsPurgedAt) {

    /** Whether {@code userId} started the job or it runs with their rights. */
    public boolean concerns(long userId) {
        return this.userId == userId || (startedBy != null && startedBy == userId);
    }

    public int notUpdatedCount() {
        return totalCount - updatedCount - failedCount;
    }

    /** Records a committed chunk updated, failed or skipped: how far the job got. */
    public int processedCount() {
        return updatedCount + failedCount + skippedCount;
    }

    /** Records no committed chunk has reached yet (all of them stay so in a cancelled or failed job). */
    public int notReachedCount() {
        return totalCount - processedCount();
    }
}
