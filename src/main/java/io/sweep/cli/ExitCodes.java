package io.sweep.cli;

/**
 * The exit codes of every {@code sweep} command, one meaning each, so a script can tell a refusal
 * from a typo from a server that is down. The README's command line section has the same table.
 */
public final class ExitCodes {
    private ExitCodes() {}

    /** The command did what it was asked. */
    public static final int OK = 0;
    /** Refused or failed: the server's error code, a job that FAILED or was CANCELLED, problems found by check or test. */
    public static final int FAILED = 1;
    /** A usage mistake: an unknown option, a missing or malformed argument, no token, bad input. */
    public static final int USAGE = 2;
    /** A job COMPLETED, yet more of its records failed than {@code --max-failures} allows (default none). */
    public static final int RECORDS_FAILED = 3;
    /** What the command needs is not there: the server cannot be reached, or the database is held by a running server. */
    public static final int UNAVAILABLE = 4;
    /** Interrupted (Ctrl-C) while waiting. */
    public static final int INTERRUPTED = 130;
}
