package io.sweep.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.CapturedLog;
import io.sweep.testsupport.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The access log and request ids on a real server: one line per request on {@code sweep.access}
 * with the route as registered, the status, the time, the caller's user and token ids (never the
 * token) and the request id; the id is the client's when sane, else a new one, and comes back on
 * every response, errors and unknown paths included.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestLogTest {
    private TestServer server;

    @BeforeAll
    void start() {
        server = TestServer.start(Backend.H2.newDatabaseUrl(), c -> c);
    }

    @AfterAll
    void stop() {
        server.stop();
    }

    @Test
    void a_request_is_logged_once_by_its_route_template_caller_and_the_clients_request_id() throws Exception {
        long tokenId = server.app().tokens().find(TestServer.ADMIN_TOKEN).orElseThrow().id();
        long userId = server.app().users().byEmail("admin@sweep.local").orElseThrow().id();
        try (var log = new CapturedLog()) {
            var answer = server.admin().withHeader("X-Request-Id", "client-id-42.a:b_c").get("/crm/v2/Leads?per_page=1");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.raw().headers().firstValue("X-Request-Id")).hasValue("client-id-42.a:b_c");

            List<ILoggingEvent> lines = awaitAccessLines(log, "client-id-42.a:b_c", 1);
            assertThat(lines).hasSize(1);
            String line = lines.get(0).getFormattedMessage();
            assertThat(line).startsWith("GET /crm/v2/{module} 200 ").contains(" ms user=" + userId + " token=" + tokenId + " ")
                    .endsWith("request_id=client-id-42.a:b_c").doesNotContain(TestServer.ADMIN_TOKEN);
            assertThat(lines.get(0).getMDCPropertyMap()).containsEntry("request_id", "client-id-42.a:b_c")
                    .containsEntry("user_id", String.valueOf(userId)).containsEntry("token_id", String.valueOf(tokenId));
        }
    }

    @Test
    void an_unfit_client_id_is_replaced_and_every_answer_carries_an_id_errors_and_404s_included() throws Exception {
        String tooLong = "x".repeat(129);
        for (String unfit : List.of(tooLong, "has space", "quote\"d", "{json}")) {
            var answer = server.admin().withHeader("X-Request-Id", unfit).get("/crm/v2/org");
            assertThat(answer.status()).isEqualTo(200);
            String id = answer.raw().headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(id).as("replaces %s", unfit).isNotEqualTo(unfit).matches("[0-9a-f-]{36}");
        }
        try (var log = new CapturedLog()) {
            var unknown = server.http().get("/no/such/path");
            var noToken = server.http().get("/crm/v2/Leads");
            var badMethod = server.admin().send("PATCH", "/crm/v2/org", "{}");
            var page = server.http().get("/");
            assertThat(List.of(unknown.status(), noToken.status(), badMethod.status(), page.status())).containsExactly(404, 401, 405, 200);
            for (var answer : List.of(unknown, noToken, badMethod, page)) {
                String id = answer.raw().headers().firstValue("X-Request-Id").orElseThrow(() -> new AssertionError("no id: " + answer));
                var line = awaitAccessLines(log, id, 1);
                assertThat(line).hasSize(1);
                assertThat(line.get(0).getFormattedMessage()).contains(" " + answer.status() + " ");
            }
            String unknownId = unknown.raw().headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(awaitAccessLines(log, unknownId, 1).get(0).getFormattedMessage()).startsWith("GET /no/such/path 404 ").contains("user=- token=-");
            assertThat(unknown.raw().headers().firstValue("X-Request-Id")).isNotEqualTo(noToken.raw().headers().firstValue("X-Request-Id"));
        }
    }

    /** Access lines are written once the answer has gone out: wait a little for them. */
    private static List<ILoggingEvent> awaitAccessLines(CapturedLog log, String requestId, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        List<ILoggingEvent> lines;
        do {
            lines = log.accessLines().stream().filter(e -> e.getFormattedMessage().endsWith("request_id=" + requestId)).toList();
            if (lines.size() >= count) return lines;
            Thread.sleep(20);
        } while (Instant.now().isBefore(deadline));
        return lines;
    }
}
