package io.sweep.jobs;

/**
 * The life of a job. SCHEDULED until a node starts its first chunk, RUNNING until the last chunk
 * commits (COMPLETED), or until it is cancelled through Sweep's API (CANCELLED) or stops on an
 * error that retrying cannot fix (FAILED). Zoho knows all but CANCELLED.
 */
public enum JobStatus {
    SCHEDULED, RUNNING, COMPLETED, FAILED, CANCELLED;

    public boolean active() {
        return this == SCHEDULED || this == RUNNING;
    }
}
