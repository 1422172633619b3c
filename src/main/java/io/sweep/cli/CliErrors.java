package io.sweep.cli;

import java.sql.SQLException;

/** What a command's exception becomes: one line for stderr and an exit code of {@link ExitCodes}. */
public final class CliErrors {
    /** H2's error code for a database file another process holds (org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1). */
    static final int H2_DATABASE_IN_USE = 90020;
    static final String IN_USE = "the database is in use by another process, most likely a running `sweep serve` "
            + "(an H2 file opens in one process at a time): stop the server first, or do this through it: "
            + "the admin UI, or its API with an administrator's token (POST /api/users, /api/tokens, /api/rules/RULE/webhook_secret)";

    private CliErrors() {}

    public static int exitCode(Exception e) {
        if (e instanceof CliFailure failure) return failure.exitCode();
        if (e instanceof IllegalArgumentException) return ExitCodes.USAGE;
        return connectionFailure(sqlCause(e)) ? ExitCodes.UNAVAILABLE : ExitCodes.FAILED;
    }

    /** The line after {@code sweep: }, never more than one. */
    public static String message(Exception e) {
        if (e instanceof CliFailure || e instanceof IllegalArgumentException) return firstLine(e.getMessage());
        SQLException sql = sqlCause(e);
        if (sql != null && sql.getErrorCode() == H2_DATABASE_IN_USE) return IN_USE;
        if (connectionFailure(sql)) return "cannot open the database: " + firstLine(sql.getMessage());
        if (sql != null) return "the database refused: " + firstLine(sql.getMessage());
        return "unexpected error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage()))
                + " (SWEEP_DEBUG=1 prints its stack trace)";
    }

    /** Whether this is not an outcome the command foresaw (a bug, or something broken around it). */
    public static boolean unexpected(Exception e) {
        return !(e instanceof CliFailure || e instanceof IllegalArgumentException) && sqlCause(e) == null;
    }

    /** A database the command could not reach or open, as opposed to one that refused a statement. */
    private static boolean connectionFailure(SQLException sql) {
        if (sql == null) return false;
        return sql.getErrorCode() == H2_DATABASE_IN_USE || sql instanceof java.sql.SQLNonTransientConnectionException
                || sql instanceof java.sql.SQLTransientConnectionException || (sql.getSQLState() != null && sql.getSQLState().startsWith("08"));
    }

    /** The deepest SQLException among the causes: the database's own reason, under the pool's and Flyway's wrappers. */
    private static SQLException sqlCause(Throwable e) {
        SQLException found = null;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql) found = sql;
        }
        return found;
    }

    private static String firstLine(String text) {
        if (text == null) return "";
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }
}
