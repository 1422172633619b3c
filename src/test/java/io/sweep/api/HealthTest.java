package io.sweep.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweep.testsupport.Backend;
import io.sweep.testsupport.TestServer;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code GET /health/ready}: 200 while the database answers, 503 with a Zoho-style error body when
 * it does not answer within a few seconds (here: every pooled connection is held, as a stuck
 * request would hold them), and 200 again once it does. {@code /health} answers as before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthTest {
    private TestServer server;

    @BeforeAll
    void start() {
        server = TestServer.start(Backend.H2.newDatabaseUrl(), c -> c.withDemo(false));
    }

    @AfterAll
    void stop() {
        server.stop();
    }

    @Test
    void ready_while_the_database_answers_not_ready_while_it_does_not() throws Exception {
        var ready = server.http().get("/health/ready");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("status").asText()).isEqualTo("ready");

        List<Connection> held = new ArrayList<>();
        try {
            // every connection of the pool taken: the next one waits far longer than the probe
            for (int i = 0; i < 10; i++) held.add(server.app().database().dataSource().getConnection());
            var notReady = server.http().get("/health/ready");
            assertThat(notReady.status()).as(notReady.body()).isEqualTo(503);
            assertThat(notReady.json().get("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(notReady.json().get("status").asText()).isEqualTo("error");
            assertThat(server.http().get("/health").status()).isEqualTo(200);
        } finally {
            for (Connection c : held) c.close();
        }
        assertThat(server.http().get("/health/ready").status()).isEqualTo(200);
    }
}
