package io.sweep.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweep.App;
import io.sweep.Config;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.Http;
import io.sweep.testsupport.SettableClock;
import io.sweep.testsupport.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Cron schedules across downtime and across nodes, with the schedule's clock in the test's hand:
 * each node is a whole Sweep (its own scheduler, pool and rule registry) on one shared database.
 */
abstract class ScheduleTriggerContract {
    private static final String RULE = """
            export const rule = {
              module: "Leads",
              select: { criteria: "(Company:equals:%s)" },
              triggers: { schedule: "0 3 * * *" },
              runAs: "admin@sweep.local",
            };
            export function update(record, ctx) { return { Designation: "fired " + new Date(ctx.now).toISOString() }; }
            """;

    abstract Backend backend();

    private record Node(App app, Http admin) implements AutoCloseable {
        @Override
        public void close() {
            app.close();
        }
    }

    private static Node node(String dbUrl, Path rules, SettableClock clock) {
        Config config = Config.fromEnvironment(Map.of()).withPort(0).withDb(dbUrl, null, null)
                .withBootstrapToken(TestServer.ADMIN_TOKEN).withRulesDir(rules);
        App app = App.create(config, clock);
        int port = app.start();
        return new Node(app, new Http("http://localhost:" + port).withToken(TestServer.ADMIN_TOKEN));
    }

    private static Path rules(String ruleId, String company) throws Exception {
        Path dir = Files.createTempDirectory("sweep-schedule");
        Files.writeString(dir.resolve(ruleId + ".js"), RULE.formatted(company));
        return dir;
    }

    private static List<Instant> fires(App app, String ruleId) {
        return app.database().withHandle(h -> h.createQuery("SELECT fire_time FROM rule_fires WHERE rule_id = :rule ORDER BY fire_time")
                .bind("rule", ruleId).mapTo(OffsetDateTime.class).list()).stream().map(OffsetDateTime::toInstant).toList();
    }

    private static List<String> fireMessages(App app, String ruleId) {
        return app.database().withHandle(h -> h.createQuery("SELECT COALESCE(message, '-') FROM rule_fires WHERE rule_id = :rule ORDER BY fire_time")
                .bind("rule", ruleId).mapTo(String.class).list());
    }

    private static long scheduleJobs(App app, String ruleId) {
        return app.database().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM jobs WHERE rule_id = :rule AND trigger_type = 'schedule'")
                .bind("rule", ruleId).mapTo(Long.class).one());
    }

    private static void waitForJobsToEnd(App app) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (Instant.now().isBefore(deadline)) {
            long active = app.database().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM jobs WHERE status IN ('SCHEDULED', 'RUNNING')")
                    .mapTo(Long.class).one());
            if (active == 0) return;
            Thread.sleep(100);
        }
        throw new AssertionError("jobs did not end");
    }

    private static void addLead(Http admin, String company) {
        assertThat(admin.post("/crm/v2/Leads", "{\"data\":[{\"Last_Name\":\"Scheduled\",\"Company\":\"" + company + "\"}]}").status())
                .isEqualTo(201);
    }

    @Test
    void after_downtime_the_missed_fires_of_a_schedule_run_once_as_the_latest() throws Exception {
        String dbUrl = backend().newDatabaseUrl();
        Path rules = rules("nightly", "Downtime Co");
        // the lead exists before the first fire is due: the scheduler's own tick may come any moment
        var clock = new SettableClock(Instant.parse("2026-01-01T02:59:00Z"));
        try (Node first = node(dbUrl, rules, clock)) {
            addLead(first.admin(), "Downtime Co");
            clock.set(Instant.parse("2026-01-01T03:00:30Z"));
            first.app().scheduleTrigger().run();
            assertThat(fires(first.app(), "nightly")).containsExactly(Instant.parse("2026-01-01T03:00:00Z"));
            waitForJobsToEnd(first.app());
        }
        // three nights pass with Sweep down: the fires of Jan 2, 3 and 4 at 03:00 are missed
        clock.set(Instant.parse("2026-01-04T10:00:00Z"));
        try (Node again = node(dbUrl, rules, clock)) {
            again.app().scheduleTrigger().run();
            again.app().scheduleTrigger().run();
            assertThat(fires(again.app(), "nightly"))
                    .containsExactly(Instant.parse("2026-01-01T03:00:00Z"), Instant.parse("2026-01-04T03:00:00Z"));
            assertThat(scheduleJobs(again.app(), "nightly")).as(fireMessages(again.app(), "nightly").toString()).isEqualTo(2);
            waitForJobsToEnd(again.app());
            // the next night fires as usual
            clock.set(Instant.parse("2026-01-05T03:00:01Z"));
            again.app().scheduleTrigger().run();
            assertThat(fires(again.app(), "nightly")).hasSize(3).last().isEqualTo(Instant.parse("2026-01-05T03:00:00Z"));
        }
    }

    @Test
    void a_rule_saved_mid_minute_fires_from_the_next_minute_and_its_page_shows_the_next_fire_and_why_a_fire_started_nothing() throws Exception {
        String dbUrl = backend().newDatabaseUrl();
        Path rules = Files.createTempDirectory("sweep-schedule");
        var clock = new SettableClock(Instant.parse("2026-03-01T10:00:00Z"));
        try (Node node = node(dbUrl, rules, clock)) {
            clock.set(Instant.parse("2026-03-01T10:00:30Z"));
            String source = RULE.formatted("Nobody Co").replace("0 3 * * *", "* * * * *");
            assertThat(node.admin().put("/api/rules/every-minute", source).status()).isEqualTo(200);
            clock.set(Instant.parse("2026-03-01T10:00:40Z"));
            node.app().scheduleTrigger().run();
            assertThat(fires(node.app(), "every-minute")).as("not for the minute it was saved in").isEmpty();
            var page = node.admin().get("/api/rules/every-minute").json();
            assertThat(page.get("triggers").get("next_fire_time").asText()).isEqualTo("2026-03-01T10:01:00+00:00");
            assertThat(page.get("recent_fires")).isEmpty();

            clock.set(Instant.parse("2026-03-01T10:01:05Z"));
            node.app().scheduleTrigger().run();
            assertThat(fires(node.app(), "every-minute")).containsExactly(Instant.parse("2026-03-01T10:01:00Z"));
            page = node.admin().get("/api/rules/every-minute").json();
            assertThat(page.get("triggers").get("next_fire_time").asText()).isEqualTo("2026-03-01T10:02:00+00:00");
            var fire = page.get("recent_fires").get(0);
            assertThat(fire.get("fire_time").asText()).isEqualTo("2026-03-01T10:01:00+00:00");
            assertThat(fire.get("job_id").isNull()).isTrue();
            assertThat(fire.get("skipped_because").asText()).startsWith("NO_RECORDS_FOUND");
        }
    }

    @Test
    void two_nodes_on_one_database_fire_a_schedule_once() throws Exception {
        String dbUrl = backend().newDatabaseUrl();
        Path rules = rules("nightly-two", "Two Nodes Co");
        var clock = new SettableClock(Instant.parse("2026-02-01T02:59:00Z"));
        try (Node a = node(dbUrl, rules, clock); Node b = node(dbUrl, rules, clock)) {
            addLead(a.admin(), "Two Nodes Co");
            a.app().scheduleTrigger().run();
            b.app().scheduleTrigger().run();
            assertThat(fires(a.app(), "nightly-two")).isEmpty();

            clock.set(Instant.parse("2026-02-01T03:00:02Z"));
            var pool = Executors.newFixedThreadPool(8);
            try {
                var start = new CountDownLatch(1);
                List<Future<?>> ticks = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    Node node = i % 2 == 0 ? a : b;
                    ticks.add(pool.submit(() -> {
                        start.await();
                        node.app().scheduleTrigger().run();
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> tick : ticks) tick.get();
            } finally {
                pool.shutdown();
            }
            assertThat(fires(a.app(), "nightly-two")).containsExactly(Instant.parse("2026-02-01T03:00:00Z"));
            assertThat(scheduleJobs(a.app(), "nightly-two")).isEqualTo(1);
            waitForJobsToEnd(a.app());
            assertThat(a.admin().get("/crm/v2/Leads/search?criteria=(Company:equals:Two%20Nodes%20Co)").json()
                    .get("data").get(0).get("Designation").asText()).isEqualTo("fired 2026-02-01T03:00:02.000Z");
        }
    }
}
