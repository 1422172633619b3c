package io.sweep.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweep.demo.DemoData;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.Browser;
import io.sweep.testsupport.Http;
import io.sweep.testsupport.Scrape;
import io.sweep.testsupport.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Who may read {@code GET /metrics} (an administrator whose credential holds
 * {@code Sweep.metrics.READ}: a scraper's token needs nothing else), what it shows without any job,
 * and the meters of logins and webhooks.
 */
class MetricsAccessTest {
    private final TestServer server = TestServer.shared(Backend.H2);
    private final Http http = server.http();

    @Test
    void an_administrators_token_with_only_the_metrics_scope_reads_the_prometheus_text() {
        var response = server.tokenFor(DemoData.ADMIN_EMAIL, "Sweep.metrics.READ").get("/metrics");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/plain").contains("version=0.0.4");
        Scrape scrape = new Scrape(response.body());
        assertThat(scrape.series("sweep_jobs", "status=\"FAILED\"", "trigger=\"webhook\"")).as("every status and trigger, none at 0").hasSize(1);
        assertThat(scrape.series("sweep_chunks_pending")).hasSize(1);
        assertThat(scrape.series("jvm_memory_used_bytes")).isNotEmpty();
        assertThat(scrape.series("hikaricp_connections_active", "pool=\"sweep\"")).hasSize(1);
    }

    @Test
    void a_token_without_the_metrics_scope_is_refused_with_OAUTH_SCOPE_MISMATCH() {
        var response = server.tokenFor(DemoData.ADMIN_EMAIL, "ZohoCRM.modules.ALL", "Sweep.tokens.ALL").get("/metrics");
        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.json().get("code").asText()).isEqualTo("OAUTH_SCOPE_MISMATCH");
        assertThat(response.json().get("details").get("scope").asText()).isEqualTo("Sweep.metrics.READ");
    }

    @Test
    void no_credential_is_refused() {
        assertThat(http.get("/metrics").status()).isEqualTo(401);
    }

    @Test
    void the_administrators_browser_session_reads_the_metrics() {
        var browser = Browser.signIn(http.fromAddress("127.0.0.61"), DemoData.ADMIN_EMAIL, DemoData.PASSWORD);
        assertThat(browser.cookieOnly().get("/metrics").status()).isEqualTo(200);
    }

    @Test
    void the_sales_and_rep_profiles_are_refused_with_NO_PERMISSION_even_with_the_scope() {
        for (String email : new String[] {DemoData.SALES_EMAIL, DemoData.REP_EMAIL}) {
            var session = Browser.signIn(http.fromAddress("127.0.0.62"), email, DemoData.PASSWORD).cookieOnly().get("/metrics");
            assertThat(session.status()).as(email + " " + session.body()).isEqualTo(403);
            assertThat(session.json().get("code").asText()).isEqualTo("NO_PERMISSION");
            var token = server.tokenFor(email, "Sweep.metrics.READ").get("/metrics");
            assertThat(token.status()).as(email + " " + token.body()).isEqualTo(403);
            assertThat(token.json().get("code").asText()).isEqualTo("NO_PERMISSION");
        }
    }

    @Test
    void an_administrator_can_make_a_scraper_token_and_a_sales_user_cannot() {
        String body = "{\"label\":\"prometheus\",\"scopes\":[\"Sweep.metrics.READ\"],\"expires\":null}";
        var created = server.tokenFor(DemoData.ADMIN_EMAIL, "Sweep.tokens.ALL", "Sweep.metrics.READ").post("/api/tokens", body);
        assertThat(created.status()).as(created.body()).isIn(200, 201);
        assertThat(http.withToken(created.json().get("token").asText()).get("/metrics").status()).isEqualTo(200);

        var refused = server.tokenFor(DemoData.SALES_EMAIL, "Sweep.tokens.ALL", "Sweep.metrics.READ").post("/api/tokens", body);
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.json().get("code").asText()).isEqualTo("NO_PERMISSION");
    }

    @Test
    void the_metrics_scope_is_a_known_scope() {
        assertThat(server.admin().get("/api/scopes").json().get("scopes").toString()).contains("\"Sweep.metrics.READ\"");
    }

    @Test
    void a_wrong_password_counts_as_a_login_failure() {
        Http admin = server.admin();
        String failures = "sweep_login_failures_total";
        double before = Scrape.of(admin).value(failures, "code=\"INVALID_CREDENTIALS\"");
        var login = Browser.login(http.fromAddress("127.0.0.63"), DemoData.REP_EMAIL, "not the password");
        assertThat(login.status()).isEqualTo(401);
        assertThat(Scrape.of(admin).value(failures, "code=\"INVALID_CREDENTIALS\"")).isEqualTo(before + 1);
    }

    @Test
    void a_refused_webhook_delivery_is_counted_with_its_code() {
        Http admin = server.admin();
        var refused = http.post("/hooks/no-such-rule", "{}");
        assertThat(refused.status()).isGreaterThanOrEqualTo(400);
        String code = "code=\"" + refused.json().get("code").asText() + "\"";
        double before = Scrape.of(admin).value("sweep_webhook_deliveries_total", "result=\"refused\"", code);
        http.post("/hooks/no-such-rule", "{}");
        assertThat(Scrape.of(admin).value("sweep_webhook_deliveries_total", "result=\"refused\"", code)).isEqualTo(before + 1);
    }
}
