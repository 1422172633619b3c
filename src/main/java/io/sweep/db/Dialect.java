package io.sweep.db;

/**
 * The few places where H2 and PostgreSQL need different SQL. Everything else is written once,
 * in the subset both understand.
 */
public enum Dialect {
    H2("SELECT NEXT VALUE FOR sweep_ids", "SET LAZY_QUERY_EXECUTION TRUE", "SET LAZY_QUERY_EXECUTION FALSE"),
    POSTGRES("SELECT nextval('sweep_ids')", null, null);

    private final String nextIdSql;
    private final String lazyResultsOn;
    private final String lazyResultsOff;

    Dialect(String nextIdSql, String lazyResultsOn, String lazyResultsOff) {
        this.nextIdSql = nextIdSql;
        this.lazyResultsOn = lazyResultsOn;
        this.lazyResultsOff = lazyResultsOff;
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

    /**
     * H2 builds a query's whole result before handing out the first row unless the session asks
     * for lazy execution (and the order is one an index gives); null where nothing is needed.
     */
    public String lazyResultsOn() {
        return lazyResultsOn;
    }

    public String lazyResultsOff() {
        return lazyResultsOff;
    }
}
