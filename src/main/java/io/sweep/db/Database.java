package io.sweep.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/** The connection pool, the migrations and the Jdbi handle factory for one database. */
public final class Database implements AutoCloseable {
    private final HikariDataSource pool;
    private final DataSource dataSource;
    private final Dialect dialect;
    private final Jdbi jdbi;
    private final Jdbi readJdbi;
    /** The probe of {@link #reachable} still under way, if one is: probes never pile up behind a database that does not answer. */
    private final java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<Boolean>> probe =
            new java.util.concurrent.atomic.AtomicReference<>();

    private Database(HikariDataSource pool, DataSource dataSource, Dialect dialect) {
        this.pool = pool;
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.jdbi = Jdbi.create(dataSource);
        // Reads go straight to the pool, past OneWriterDataSource: a read stores nothing, so it
        // cannot take a store in the middle of a transaction (what the one-writer rule prevents),
        // and H2's MVCC gives it the last committed state while a writer works. So a long write
        // (a job's chunk) or a slow read does not make every other read wait.
        this.readJdbi = dataSource == pool ? jdbi : Jdbi.create(pool);
    }

    public static Database open(String url, String user, String password, int poolSize) {
        var config = new HikariConfig();
        boolean h2File = h2File(url);
        config.setJdbcUrl(h2File ? writeDelayZero(url) : url);
        if (user != null) config.setUsername(user);
        if (password != null) config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("sweep");
        // turns a batch of single-row INSERTs into multi-row ones: several times faster seeding and imports
        if (url.startsWith("jdbc:postgresql:")) config.addDataSourceProperty("reWriteBatchedInserts", "true");
        var pool = new HikariDataSource(config);
        // an H2 file survives kill -9 only if no transaction writes while H2 stores it: see OneWriterDataSource
        return new Database(pool, h2File ? new OneWriterDataSource(pool) : pool, Dialect.forUrl(url));
    }

    /** An H2 database kept in a file (or an H2 server's file); in-memory ones have nothing to keep across a crash. */
    static boolean h2File(String url) {
        return url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:");
    }

    /**
     * H2 by default stores committed changes from a background thread every 500 ms, while other
     * transactions go on writing; with {@code WRITE_DELAY=0} the committing thread stores them
     * itself, between two transactions. A URL that sets WRITE_DELAY keeps its own.
     */
    static String writeDelayZero(String url) {
        if (url.toUpperCase(java.util.Locale.ROOT).contains(";WRITE_DELAY=")) return url;
        return url + ";WRITE_DELAY=0";
    }

    /** Applies the SQL migrations shipped in the jar (classpath:migrations). */
    public void migrate() {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:migrations")
                .load()
                .migrate();
    }

    public Dialect dialect() {
        return dialect;
    }

    /**
     * Whether several transactions can write at the same time. Not on an H2 file: it hands out one
     * connection at a time (see {@link OneWriterDataSource}), so a row lock there protects nothing
     * and costs much (H2 writes every row a {@code SELECT … FOR UPDATE} locks into the
     * transaction's undo log, and the commit goes through them all again).
     */
    public boolean concurrentWriters() {
        return !(dataSource instanceof OneWriterDataSource);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public <R> R inTransaction(HandleCallback<R, RuntimeException> work) {
        return jdbi.inTransaction(work);
    }

    public <R> R withHandle(HandleCallback<R, RuntimeException> work) {
        return jdbi.withHandle(work);
    }

    /**
     * For a statement that only reads and need not see the calling thread's open transaction: on
     * an H2 file it runs on a connection of its own, beside the one writer (see the constructor).
     * Never write through it: that would slip past the one-writer rule.
     */
    public <R> R read(HandleCallback<R, RuntimeException> work) {
        return readJdbi.withHandle(h -> {
            try {
                return work.withHandle(h);
            } finally {
                if (dialect == Dialect.H2) clearQueryTimeout(h);
            }
        });
    }

    /**
     * H2 keeps a statement's query timeout as a setting of its connection, so a pooled connection
     * would carry a read's timeout into whatever runs on it next (a job's long write included).
     */
    private static void clearQueryTimeout(Handle h) {
        try (var statement = h.getConnection().createStatement()) {
            statement.setQueryTimeout(0);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not clear the query timeout of a connection", e);
        }
    }

    /**
     * Whether a statement was cancelled by its query timeout (SQLSTATE 57014 on H2 and
     * PostgreSQL alike).
     */
    public static boolean isQueryTimeout(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "57014".equals(sql.getSQLState())) return true;
        }
        return false;
    }

    public void useHandle(org.jdbi.v3.core.HandleConsumer<RuntimeException> work) {
        jdbi.useHandle(work);
    }

    /**
     * Runs {@code insert} in a transaction to claim a row by its unique key: what it returned, or
     * empty when the key is already taken (by another request, on any node). The database decides,
     * so two claims racing each other never both win. {@code insert} returns non-null.
     */
    public <R> Optional<R> claim(HandleCallback<R, RuntimeException> insert) {
        try {
            return Optional.of(inTransaction(insert));
        } catch (RuntimeException e) {
            if (isUniqueViolation(e)) return Optional.empty();
            throw e;
        }
    }

    /** Whether a statement failed on a unique key (SQLSTATE 23505 on H2 and PostgreSQL alike): how a claim loses to another. */
    public static boolean isUniqueViolation(RuntimeException e) {
        return e instanceof org.jdbi.v3.core.statement.UnableToExecuteStatementException
                && e.getCause() instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState());
    }

    public long nextId(Handle handle) {
        return handle.createQuery(dialect.nextIdSql()).mapTo(Long.class).one();
    }

    /** Draws {@code n} ids in one round trip: the sequence evaluated once per row of a 1..n series. */
    public List<Long> nextIds(Handle handle, int n) {
        String sql = "WITH RECURSIVE series(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM series WHERE n < :n) "
                + dialect.nextIdSql() + " FROM series";
        return handle.createQuery(sql).bind("n", n).mapTo(Long.class).list().stream().sorted().toList();
    }

    /** An H2 database kept in a file: one that a backup can copy (an in-memory one goes with the process). */
    public boolean h2InFile() {
        return dataSource instanceof OneWriterDataSource;
    }

    /**
     * A consistent copy of an H2 database while it runs, as a zip of its files ({@code BACKUP TO}):
     * unzipped into a folder, it opens as the database did at that moment. Only on H2.
     */
    public void backupTo(java.nio.file.Path zip) {
        if (dialect != Dialect.H2) throw new IllegalStateException("BACKUP TO is H2's; PostgreSQL is backed up with pg_dump");
        // the path is made by the caller (a temporary file), never a client's text; quotes are doubled all the same
        useHandle(h -> h.execute("BACKUP TO '" + zip.toAbsolutePath().toString().replace("'", "''") + "'"));
    }

    /**
     * Whether the database answers {@code SELECT 1} within {@code timeout}. The probe runs on a
     * thread and a connection of its own, straight from the pool (past the one writer of an H2
     * file): a caller is never held longer than the timeout, whatever holds the connections. While
     * an earlier probe is still waiting, the next ones wait for that one rather than start another.
     */
    public boolean reachable(java.time.Duration timeout) {
        var fresh = new java.util.concurrent.CompletableFuture<Boolean>();
        var running = probe.compareAndExchange(null, fresh);
        if (running == null) {
            running = fresh;
            Thread.ofVirtual().name("sweep-db-probe").start(() -> {
                try (var connection = pool.getConnection(); var statement = connection.createStatement()) {
                    statement.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
                    try (var rs = statement.executeQuery("SELECT 1")) {
                        fresh.complete(rs.next());
                    }
                } catch (java.sql.SQLException | RuntimeException e) {
                    fresh.complete(false);
                } finally {
                    probe.compareAndSet(fresh, null);
                }
            });
        }
        try {
            return running.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The pool's meters (connections active, idle, pending, and the time to get one) in this registry; once. */
    public void bindMetrics(io.micrometer.core.instrument.MeterRegistry registry) {
        pool.setMetricRegistry(registry);
    }

    @Override
    public void close() {
        pool.close();
    }
}
