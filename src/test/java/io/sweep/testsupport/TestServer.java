package io.sweep.testsupport;

import io.sweep.App;
import io.sweep.Config;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/**
 * The real Sweep server on port 0 with the demo data, one per database backend per test JVM.
 * Tests share it, so they create the records they change or pick ones no other test changes.
 */
public final class TestServer {
    public static final String ADMIN_TOKEN = "test-admin-token-with-every-scope";
    private static final Map<Backend, TestServer> SHARED = new EnumMap<>(Backend.class);

    private final App app;
    private final Http http;

    private TestServer(Config config, Clock clock) {
        this.app = App.create(config, clock);
        int port = app.start();
        this.http = new Http("http://localhost:" + port);
    }

    public static synchronized TestServer shared(Backend backend) {
        return SHARED.computeIfAbsent(backend, b -> start(b.newDatabaseUrl(), config -> config));
    }

    /** A server of its own, for tests that change settings or global state. */
    public static TestServer start(String dbUrl, java.util.function.UnaryOperator<Config> customize) {
        return start(dbUrl, customize, Clock.systemUTC());
    }

    /** A server of its own on this clock (demo data included unless {@code customize} turns it off). */
    public static TestServer start(String dbUrl, java.util.function.UnaryOperator<Config> customize, Clock clock) {
        Config config = Config.fromEnvironment(Map.of())
                .withPort(0)
                .withDb(dbUrl, null, null)
                .withDemo(true)
                .withBootstrapToken(ADMIN_TOKEN)
                .withRulesDir(Path.of("rules"));
        return new TestServer(customize.apply(config), clock);
    }

    public App app() {
        return app;
    }

    public Http http() {
        return http;
    }

    /** An HTTP client that sends the admin token. */
    public Http admin() {
        return http.withToken(ADMIN_TOKEN);
    }

    /** An HTTP client with a new token for this user and these scopes. */
    public Http tokenFor(String email, String... scopes) {
        var user = app.users().byEmail(email).orElseThrow(() -> new AssertionError("no user " + email));
        var token = app.tokens().create(user.id(), io.sweep.auth.Scopes.of(java.util.List.of(scopes)), null, "test");
        return http.withToken(token.token());
    }

    public void stop() {
        app.close();
    }
}
