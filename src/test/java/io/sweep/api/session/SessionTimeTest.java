package io.sweep.api.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweep.App;
import io.sweep.auth.Passwords;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.Browser;
import io.sweep.testsupport.SettableClock;
import io.sweep.testsupport.TestServer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What depends on time passing: the idle timeout and the end of a throttle. A server of its own
 * on a clock the test moves, without demo data, so its failed logins throttle nobody else.
 */
class SessionTimeTest {
    private static final String PASSWORD = "time-test-password";
    private static final SettableClock CLOCK = new SettableClock(Instant.parse("2026-11-29T10:00:00Z"));
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Backend.H2.newDatabaseUrl(), c -> c.withDemo(false), CLOCK);
        var admin = server.app().users().byEmail(App.ADMIN_EMAIL).orElseThrow();
        server.app().users().setPasswordHash(admin.id(), Passwords.hash(PASSWORD));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void a_session_lives_while_used_and_ends_after_30_idle_minutes() {
        Browser browser = Browser.signIn(server.http(), App.ADMIN_EMAIL, PASSWORD);

        CLOCK.advance(Duration.ofMinutes(29));
        assertThat(browser.cookieOnly().get("/api/session").status()).isEqualTo(200);
        CLOCK.advance(Duration.ofMinutes(29));
        assertThat(browser.cookieOnly().get("/crm/v2/settings/modules").status()).as("used 29 minutes ago").isEqualTo(200);
        CLOCK.advance(Duration.ofMinutes(30));

        var expired = browser.cookieOnly().get("/api/session");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().get("code").asText()).isEqualTo("AUTHENTICATION_FAILURE");
        assertThat(browser.cookieOnly().get("/crm/v2/settings/modules").json().get("code").asText()).isEqualTo("INVALID_TOKEN");
    }

    @Test
    void twenty_failures_from_one_address_throttle_it_for_every_email_until_the_window_has_passed() {
        for (int i = 0; i < 20; i++) {
            assertThat(Browser.login(server.http(), "guess-" + i + "@example.com", "guess").status()).isEqualTo(401);
        }

        var throttled = Browser.login(server.http(), App.ADMIN_EMAIL, PASSWORD);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.json().get("code").asText()).isEqualTo("TOO_MANY_ATTEMPTS");
        int seconds = Integer.parseInt(throttled.raw().headers().firstValue("Retry-After").orElseThrow());
        assertThat(seconds).isEqualTo(15 * 60);

        CLOCK.advance(Duration.ofSeconds(seconds));
        assertThat(Browser.login(server.http(), App.ADMIN_EMAIL, PASSWORD).status()).isEqualTo(200);
    }
}
