package io.sweep.db;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Reads a database's reason out of an exception, under the pool's and Flyway's wrappers: whether
 * the database could not be opened at all (an H2 file another process holds, a server that does
 * not answer) or refused a statement. For the command line, which says so in one line.
 */
public final class DatabaseFailures {
    /** H2's error code for a database file another process holds (org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1). */
    static final int H2_DATABASE_IN_USE = 90020;

    private DatabaseFailures() {}

    /** The database's own message, if a database error is among the causes. */
    public static Optional<String> reason(Throwable e) {
        return deepest(e).map(SQLException::getMessage);
    }

    /** Whether another process holds the H2 file (H2 opens a file in one process at a time). */
    public static boolean inUse(Throwable e) {
        return deepest(e).map(sql -> sql.getErrorCode() == H2_DATABASE_IN_USE).orElse(false);
    }

    /** Whether the database could not be reached or opened, as opposed to refusing a statement. */
    public static boolean cannotOpen(Throwable e) {
        return deepest(e).map(sql -> sql.getErrorCode() == H2_DATABASE_IN_USE || sql instanceof java.sql.SQLNonTransientConnectionException
                || sql instanceof java.sql.SQLTransientConnectionException || (sql.getSQLState() != null && sql.getSQLState().startsWith("08")))
                .orElse(false);
    }

    private static Optional<SQLException> deepest(Throwable e) {
        SQLException found = null;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql) found = sql;
        }
        return Optional.ofNullable(found);
    }
}
