package io.sweep.api.hooks;

import io.sweep.Config;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.TestServer;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Tag;

/** Two nodes on one PostgreSQL: deliveries alternate between them, and either may start the next waiting job. */
@Tag("postgres")
class WebhookDeliveryPostgresTest extends WebhookDeliveryContract {
    @Override
    List<TestServer> startNodes(UnaryOperator<Config> customize) {
        String url = Backend.POSTGRES.newDatabaseUrl();
        var a = TestServer.start(url, config -> node(customize.apply(config), "webhook-pg-a"));
        var b = TestServer.start(url, config -> node(customize.apply(config), "webhook-pg-b"));
        return List.of(a, b);
    }

    private static Config node(Config config, String name) {
        var jobs = config.jobs();
        return config.withJobs(new Config.JobSettings(jobs.heartbeat(), jobs.polling(), jobs.threads(), name));
    }
}
