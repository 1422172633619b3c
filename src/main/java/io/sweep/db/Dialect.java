package io.sweep.db;

/**
 * The few places where H2 and PostgreSQL need different SQL. Everything else is written once,
 * in the subset both understand.
 */
public enum Dialect {
    H2("SELECT NEXT VALUE FOR sweep_ids"),
    POSTGRES("SELECT nextval('sweep_ids')");

    private final String nextIdSql;

    Dialect(String nextIdSql) {
        this.nextIdSql = nextIdSql;
    }

    public static Dialect forUrl(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:postgresql:")) return POSTGRES;
        if (jdbcUrl.startsWith("jdbc:h2:")) return H2;
        throw new IllegalArgumentException("unsupported database URL (use jdbc:h2:… or jdbc:postgresql:…): " + jdbcUrl);
    }

    /** Draws one id from the shared id sequence. */
    public String nextIdSql() {
        return nextIdSql;
    }
}
