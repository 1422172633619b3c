package io.sweep.db;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Hands out the pool's connections one at a time; a thread that holds one may take more (its
 * own nested reads). This is how Sweep uses an H2 file database: H2 stores its maps (tables,
 * indexes, undo log) one after the other, so a store taken while another transaction writes can
 * hold part of that transaction and not the rest (H2 issue #2080). After a kill -9 such a store
 * comes back as half a transaction applied: a chunk marked DONE without its results, a count
 * without its records. With one connection at a time and {@code WRITE_DELAY=0} (the committing
 * thread stores, no background writer) every store falls between two transactions. Reads that
 * need not see an open transaction do not come here: see {@link Database#read}.
 */
final class OneWriterDataSource implements DataSource {
    /**
     * How long a caller waits for the one connection before it gets an error instead of hanging.
     * The holder keeps it from getConnection until that connection is closed (a whole handle, not
     * one transaction), and nothing here bounds how long that is.
     */
    private static final long WAIT_SECONDS = 120;

    private final DataSource pool;
    private final Semaphore permit = new Semaphore(1, true);
    private Thread owner;
    private int nested;

    OneWriterDataSource(DataSource pool) {
        this.pool = pool;
    }

    @Override
    public Connection getConnection() throws SQLException {
        boolean isNested = enter();
        try {
            return guarded(pool.getConnection(), isNested);
        } catch (SQLException | RuntimeException e) {
            leave(isNested);
            throw e;
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        boolean isNested = enter();
        try {
            return guarded(pool.getConnection(username, password), isNested);
        } catch (SQLException | RuntimeException e) {
            leave(isNested);
            throw e;
        }
    }

    /** Takes the permit, or notes a nested connection of the thread holding it. Returns whether nested. */
    private boolean enter() throws SQLException {
        synchronized (this) {
            if (owner == Thread.currentThread()) {
                nested++;
                return true;
            }
        }
        try {
            if (!permit.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new SQLTransientConnectionException("the database was busy for " + WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLTransientConnectionException("interrupted while waiting for the database", e);
        }
        synchronized (this) {
            owner = Thread.currentThread();
        }
        return false;
    }

    private void leave(boolean isNested) {
        synchronized (this) {
            if (isNested) {
                nested--;
                return;
            }
            owner = null;
        }
        permit.release();
    }

    /** The connection, whose first close also gives back the permit (from whichever thread closes it). */
    private Connection guarded(Connection connection, boolean isNested) {
        AtomicBoolean closed = new AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        if (closed.compareAndSet(false, true)) {
                            try {
                                connection.close();
                            } finally {
                                leave(isNested);
                            }
                        }
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) return type.cast(this);
        return pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }
}
