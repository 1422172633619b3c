package io.sweep.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweep.Config;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.Http;
import io.sweep.testsupport.TestServer;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Per-token rate limits on a real server: over the calls per minute, or over the calls at once
 * (one held open by a client that has not finished sending its body), a token gets
 * {@code 429 TOO_MANY_REQUESTS} with {@code Retry-After}; other tokens and browser sessions do not.
 */
class RateLimitTest {
    @Test
    void a_token_over_its_calls_per_minute_gets_429_with_retry_after_and_other_tokens_go_on() {
        var server = TestServer.start(Backend.H2.newDatabaseUrl(), c -> c.withDemo(false).withRateLimits(new Config.RateLimits(5, 0)));
        try {
            Http limited = server.tokenFor("admin@sweep.local", "ZohoCRM.org.READ");
            for (int i = 0; i < 5; i++) assertThat(limited.get("/crm/v2/org").status()).as("call %d", i + 1).isEqualTo(200);
            var refused = limited.get("/crm/v2/org");
            assertThat(refused.status()).as(refused.body()).isEqualTo(429);
            assertThat(refused.json().get("code").asText()).isEqualTo("TOO_MANY_REQUESTS");
            assertThat(refused.json().get("status").asText()).isEqualTo("error");
            assertThat(refused.json().get("details").get("limit_name").asText()).isEqualTo("requests_per_minute");
            int retryAfter = Integer.parseInt(refused.raw().headers().firstValue("Retry-After").orElseThrow());
            assertThat(retryAfter).isBetween(1, 60);
            assertThat(refused.raw().headers().firstValue("X-Request-Id")).isPresent();

            Http other = server.tokenFor("admin@sweep.local", "ZohoCRM.org.READ");
            assertThat(other.get("/crm/v2/org").status()).as("another token has its own allowance").isEqualTo(200);
            assertThat(server.http().get("/health").status()).as("open routes are not limited").isEqualTo(200);
        } finally {
            server.stop();
        }
    }

    @Test
    void a_token_over_its_calls_at_once_gets_429_until_its_call_ends_and_answered_calls_free_their_place() throws Exception {
        var server = TestServer.start(Backend.H2.newDatabaseUrl(), c -> c.withDemo(false).withRateLimits(new Config.RateLimits(0, 1)));
        try {
            String token = server.app().tokens().create(server.app().users().byEmail("admin@sweep.local").orElseThrow().id(),
                    io.sweep.auth.Scopes.of(java.util.List.of("ZohoCRM.modules.ALL", "ZohoCRM.org.READ")), null, "limited").token();
            Http limited = server.http().withToken(token);
            // one after the other, answered well or with an error, each frees its place for the next
            for (int i = 0; i < 8; i++) assertThat(limited.get(i % 2 == 0 ? "/crm/v2/org" : "/crm/v2/NoSuchModule").status()).isIn(200, 400);

            URI base = URI.create(server.http().base());
            try (Socket slow = new Socket(base.getHost(), base.getPort())) {
                OutputStream out = slow.getOutputStream();
                out.write(("POST /crm/v2/Leads HTTP/1.1\r\nHost: localhost\r\nAuthorization: Zoho-oauthtoken " + token
                        + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"data\":").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Http.Response refused = awaitRefusal(limited);
                assertThat(refused.json().get("code").asText()).isEqualTo("TOO_MANY_REQUESTS");
                assertThat(refused.json().get("details").get("limit_name").asText()).isEqualTo("concurrent_calls");
                assertThat(refused.raw().headers().firstValue("Retry-After")).hasValue("1");
                assertThat(server.admin().get("/crm/v2/org").status()).as("another token meanwhile").isEqualTo(200);
                out.write(" ".repeat(92).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                slow.getInputStream().read();
            }
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            int status;
            do {
                status = limited.get("/crm/v2/org").status();
            } while (status == 429 && Instant.now().isBefore(deadline));
            assertThat(status).as("the place is free once the slow call is answered").isEqualTo(200);
        } finally {
            server.stop();
        }
    }

    /** The held call passes the gate a moment after its headers arrive: ask until the second is refused. */
    private static Http.Response awaitRefusal(Http limited) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            var answer = limited.get("/crm/v2/org");
            if (answer.status() == 429 || Instant.now().isAfter(deadline)) {
                assertThat(answer.status()).as(answer.body()).isEqualTo(429);
                return answer;
            }
            Thread.sleep(20);
        }
    }
}
