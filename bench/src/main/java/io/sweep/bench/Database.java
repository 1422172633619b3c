package io.sweep.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * One database the benchmark runs Sweep on. {@code sweepUrl} is what Sweep is given
 * ({@code SWEEP_DB_URL}); {@code jdbcUrl} is how the harness and the ceiling connect to the very
 * same database with the settings Sweep uses (on an H2 file Sweep adds {@code WRITE_DELAY=0}:
 * every commit stored by the committing thread).
 */
record Database(Kind kind, String sweepUrl, String jdbcUrl, String user, String password) {
    enum Kind {
        H2("H2 file"), POSTGRES("PostgreSQL");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    static Database h2File(java.nio.file.Path file) {
        String url = "jdbc:h2:file:" + file.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        return new Database(Kind.H2, url, url + ";WRITE_DELAY=0", null, null);
    }

    static Database postgres(String host, int port, String name, String user, String password) {
        String url = "jdbc:postgresql://" + host + ":" + port + "/" + name;
        return new Database(Kind.POSTGRES, url, url, user, password);
    }

    Connection connect() throws SQLException {
        return user == null ? DriverManager.getConnection(jdbcUrl) : DriverManager.getConnection(jdbcUrl, user, password);
    }

    String nextIdSql() {
        return kind == Kind.H2 ? "NEXT VALUE FOR sweep_ids" : "nextval('sweep_ids')";
    }

    String label() {
        return kind.label;
    }

    /** For a child JVM's command line. */
    String[] args() {
        return new String[] {kind.name(), sweepUrl, jdbcUrl, user == null ? "" : user, password == null ? "" : password};
    }

    static Database fromArgs(String[] a, int from) {
        return new Database(Kind.valueOf(a[from]), a[from + 1], a[from + 2], a[from + 3].isEmpty() ? null : a[from + 3],
                a[from + 4].isEmpty() ? null : a[from + 4]);
    }
}
