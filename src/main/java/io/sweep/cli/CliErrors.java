package io.sweep.cli;

import io.sweep.db.DatabaseFailures;

/** What a command's exception becomes: one line for stderr and an exit code of {@link ExitCodes}. */
public final class CliErrors {
    static final String IN_USE = "the database is in use by another process, most likely a running `sweep serve` "
            + "(an H2 file opens in one process at a time) that published no way in beside it: stop the server first, or do this through it: "
            + "the admin UI, or its API with an administrator's token (POST /api/users, /api/tokens, /api/rules/RULE/webhook_secret)";

    private CliErrors() {}

    public static int exitCode(Exception e) {
        if (e instanceof CliFailure failure) return failure.exitCode();
        if (e instanceof IllegalArgumentException) return ExitCodes.USAGE;
        return DatabaseFailures.cannotOpen(e) ? ExitCodes.UNAVAILABLE : ExitCodes.FAILED;
    }

    /** The line after {@code sweep: }, never more than one. */
    public static String message(Exception e) {
        if (e instanceof CliFailure || e instanceof IllegalArgumentException) return firstLine(e.getMessage());
        if (DatabaseFailures.inUse(e)) return IN_USE;
        var reason = DatabaseFailures.reason(e);
        if (reason.isPresent()) return (DatabaseFailures.cannotOpen(e) ? "cannot open the database: " : "the database refused: ") + firstLine(reason.get());
        return "unexpected error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage()))
                + " (SWEEP_DEBUG=1 prints its stack trace)";
    }

    /** Whether this is not an outcome the command foresaw (a bug, or something broken around it). */
    public static boolean unexpected(Exception e) {
        return !(e instanceof CliFailure || e instanceof IllegalArgumentException) && DatabaseFailures.reason(e).isEmpty();
    }

    private static String firstLine(String text) {
        if (text == null) return "";
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }
}
