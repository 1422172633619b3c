package io.sweep.api.notify;

import io.sweep.Config;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.SettableClock;
import io.sweep.testsupport.TestServer;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Tag;

/** Two nodes on one PostgreSQL, both running due executions: each event still arrives once. */
@Tag("postgres")
class NotificationsPostgresTest extends NotificationsContract {
    @Override
    List<TestServer> startNodes(UnaryOperator<Config> customize, SettableClock clock) {
        String url = Backend.POSTGRES.newDatabaseUrl();
        return List.of(TestServer.start(url, config -> node(customize.apply(config), "notify-pg-a"), clock),
                TestServer.start(url, config -> node(customize.apply(config), "notify-pg-b"), clock));
    }

    private static Config node(Config config, String name) {
        var jobs = config.jobs();
        return config.withJobs(new Config.JobSettings(jobs.heartbeat(), jobs.polling(), jobs.threads(), name));
    }
}
