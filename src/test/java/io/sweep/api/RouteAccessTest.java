package io.sweep.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.Http;
import io.sweep.testsupport.TestServer;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Every route the running server answers, read from Javalin's router (not from a list kept by
 * hand), with the access it declares. Printed, so the table can be read in the build log.
 */
class RouteAccessTest {
    private final TestServer server = TestServer.shared(Backend.H2);

    @Test
    void every_registered_route_declares_its_access() {
        List<io.sweep.api.HttpServer.Route> routes = server.app().routes();
        StringBuilder table = new StringBuilder("route access table:\n");
        routes.forEach(r -> table.append(String.format("  %-7s %-45s %s%n", r.method(), r.path(),
                r.access() == null ? "NONE" : r.access().describe())));
        System.out.println(table);

        assertThat(routes).hasSizeGreaterThan(40);
        assertThat(routes).filteredOn(r -> r.access() == null).as("routes without a declared access").isEmpty();
    }

    @Test
    void every_api_and_crm_route_but_the_session_ones_needs_a_named_scope() {
        assertThat(server.app().routes())
                .filteredOn(r -> r.path().startsWith("/api/") || r.path().startsWith("/crm/"))
                .filteredOn(r -> !r.path().equals("/api/session") && !r.path().equals("/api/openapi.json") && !r.path().equals("/api/cli"))
                .allSatisfy(r -> {
                    assertThat(r.access().signedIn()).as(r.method() + " " + r.path()).isTrue();
                    assertThat(r.access().scopes()).as(r.method() + " " + r.path()).isNotEmpty();
                });
    }

    @Test
    void only_the_command_line_route_answers_the_local_command_line_and_nobody_signed_in() {
        assertThat(server.app().routes()).filteredOn(r -> r.access().who() == Access.Who.LOCAL_COMMAND_LINE)
                .extracting(r -> r.method() + " " + r.path())
                .containsExactly("POST /api/cli");
        // a server on an in-memory database publishes no key: even the administrator's token is refused
        assertThat(server.admin().post("/api/cli", "{\"command\":\"token revoke\",\"args\":{\"token\":\"x\"}}").status()).isEqualTo(403);
    }

    @Test
    void only_the_health_check_the_login_the_api_description_and_webhooks_are_open() {
        assertThat(server.app().routes()).filteredOn(r -> r.access().who() == Access.Who.PUBLIC)
                .extracting(r -> r.method() + " " + r.path())
                .containsExactlyInAnyOrder("GET /health", "GET /health/ready", "POST /api/session", "GET /api/openapi.json",
                        "POST /hooks/{rule}");
    }

    @Test
    void a_records_history_needs_the_read_scope_of_the_module_of_its_path_as_the_records_read_does() {
        assertThat(server.app().routes()).filteredOn(r -> r.path().equals("/api/records/{module}/{id}/history"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.method()).isEqualTo("GET");
                    assertThat(r.access().who()).isEqualTo(Access.Who.SIGNED_IN);
                    assertThat(r.access().scopes()).containsExactly("ZohoCRM.modules.{module}.READ");
                    assertThat(r.access().module()).as("the module named by the path").isNotNull();
                });
    }

    @Test
    void the_metrics_need_the_metrics_scope_and_the_administrator_profile() {
        assertThat(server.app().routes()).filteredOn(r -> r.path().equals("/metrics"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.method()).isEqualTo("GET");
                    assertThat(r.access().who()).isEqualTo(Access.Who.ADMINISTRATOR);
                    assertThat(r.access().scopes()).containsExactly("Sweep.metrics.READ");
                });
    }

    @Test
    void notification_endpoints_are_for_administrators_reading_with_the_read_scope_and_changing_with_the_full_one() {
        assertThat(server.app().routes()).filteredOn(r -> r.path().startsWith("/api/notifications"))
                .extracting(r -> r.method() + " " + r.path() + " " + r.access().describe())
                .containsExactlyInAnyOrder(
                        "GET /api/notifications Sweep.notifications.READ, Administrator profile",
                        "POST /api/notifications Sweep.notifications.ALL, Administrator profile",
                        "DELETE /api/notifications/{id} Sweep.notifications.ALL, Administrator profile",
                        "GET /api/notifications/{id}/deliveries Sweep.notifications.READ, Administrator profile");
    }

    @Test
    void a_route_registered_without_an_access_is_refused_before_its_handler_runs() {
        AtomicBoolean ran = new AtomicBoolean();
        // the gate refuses before it would authenticate, so it needs neither tokens nor metadata here
        AccessGate gate = new AccessGate(null, null, TokenRateLimits.off(), AccessGate.CommandLineKey.NONE);
        Javalin bare = Javalin.create(cfg -> {
            cfg.jetty.port = 0;
            cfg.startup.showJavalinBanner = false;
            cfg.routes.beforeMatched(gate::check);
            cfg.routes.get("/forgotten", ctx -> {
                ran.set(true);
                ctx.result("ran");
            });
            cfg.routes.get("/declared", ctx -> ctx.result("ran"), Access.open());
            cfg.routes.exception(IllegalStateException.class, (e, ctx) -> ctx.status(500).result("refused"));
        }).start();
        try {
            Http http = new Http("http://localhost:" + bare.port());
            var forgotten = http.get("/forgotten");
            assertThat(forgotten.status()).isEqualTo(500);
            assertThat(forgotten.body()).isEqualTo("refused");
            assertThat(ran).isFalse();
            assertThat(http.get("/declared").body()).isEqualTo("ran");
        } finally {
            bare.stop();
        }
    }
}
