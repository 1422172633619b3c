package io.sweep.db;

/** A read cancelled because it ran longer than the time a read of records may take. */
public final class QueryTimeoutException extends RuntimeException {
    private final int seconds;

    public QueryTimeoutException(int seconds, Throwable cause) {
        super("the query ran longer than " + seconds + " s", cause);
        this.seconds = seconds;
    }

    public int seconds() {
        return seconds;
    }
}
