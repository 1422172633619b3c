package io.sweep.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** One connection at a time for H2 files, nested ones for the thread holding it. */
class OneWriterDataSourceTest {
    private static OneWriterDataSource dataSource() {
        var h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:one-writer-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        return new OneWriterDataSource(h2);
    }

    @Test
    void a_second_thread_waits_until_the_first_connection_is_closed() throws Exception {
        var ds = dataSource();
        Connection first = ds.getConnection();
        var second = CompletableFuture.supplyAsync(() -> {
            try (Connection c = ds.getConnection()) {
                return c.isValid(1);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            second.get(300, TimeUnit.MILLISECONDS);
            throw new AssertionError("the second thread got a connection while the first was open");
        } catch (TimeoutException expected) {
            // still waiting, as it should
        }
        first.close();
        assertThat(second.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void the_thread_holding_a_connection_may_open_more_and_closing_twice_gives_back_once() throws Exception {
        var ds = dataSource();
        Connection outer = ds.getConnection();
        try (Connection nested = ds.getConnection()) {
            assertThat(nested.isValid(1)).isTrue();
        }
        outer.close();
        outer.close();
        // the permit is back exactly once: another thread gets a connection, and then this one again
        try (Connection other = CompletableFuture.supplyAsync(() -> {
            try {
                return ds.getConnection();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).get(5, TimeUnit.SECONDS)) {
            assertThat(other.isValid(1)).isTrue();
        }
        try (Connection again = ds.getConnection()) {
            assertThat(again.isValid(1)).isTrue();
        }
    }

    @Test
    void a_connection_closed_by_another_thread_gives_the_permit_back() throws Exception {
        var ds = dataSource();
        Connection c = ds.getConnection();
        CompletableFuture.runAsync(() -> {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).get(5, TimeUnit.SECONDS);
        var other = CompletableFuture.supplyAsync(() -> {
            try (Connection d = ds.getConnection()) {
                return d.isValid(1);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(other.get(5, TimeUnit.SECONDS)).isTrue();
    }
}
