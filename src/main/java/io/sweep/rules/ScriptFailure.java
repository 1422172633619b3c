package io.sweep.rules;

/**
 * The codes a rule script's failures carry into a job's per-record results. The first two fail
 * one record and the job goes on; the last two stop the job (the script was stopped).
 */
public enum ScriptFailure {
    /** {@code update} threw; the message says what and on which line. */
    SCRIPT_ERROR(false),
    /** {@code update} returned something that is not a plain object of field values, or null. */
    INVALID_RETURN(false),
    /** A time or statement budget ran out: the script was stopped and the job fails. */
    SCRIPT_TIMEOUT(true),
    /** The server's heap ran short while the script ran: the script was stopped and the job fails. */
    SCRIPT_MEMORY(true);

    private final boolean jobFatal;

    ScriptFailure(boolean jobFatal) {
        this.jobFatal = jobFatal;
    }

    /** The code as it appears in job results. */
    public String code() {
        return name();
    }

    public boolean jobFatal() {
        return jobFatal;
    }
}
