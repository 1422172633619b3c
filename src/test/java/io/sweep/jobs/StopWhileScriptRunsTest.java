package io.sweep.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweep.Config;
import io.sweep.db.Database;
import io.sweep.testsupport.Http;
import io.sweep.testsupport.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping a server (what its SIGTERM hook does) while a rule script runs far longer than the stop
 * may take: the stop returns after its bounded wait, and the job is left as it was, RUNNING with its
 * chunk PENDING, for the next start to run it again; the shutdown does not fail it.
 */
@Tag("slow")
class StopWhileScriptRunsTest {
    @TempDir
    Path dir;

    @Test
    void the_server_stops_in_bounded_time_and_leaves_the_job_to_the_next_start() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("endless.js"), """
                export const rule = {
                  module: "Leads",
                  select: { criteria: "(Company:equals:Endless Co)" },
                  runAs: "admin@sweep.local",
                };
                export function update(record, ctx) { for (;;) { } }
                """);
        var budgets = Config.fromEnvironment(Map.of("SWEEP_RULE_RECORD_MILLIS", "600000", "SWEEP_RULE_JOB_SECONDS", "1200"))
                .ruleLimits().withStatementsPerRecord(Long.MAX_VALUE / 2);
        String url = "jdbc:h2:file:" + dir.resolve("sweep").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        TestServer server = TestServer.start(url, c -> c.withDemo(false).withRulesDir(rules).withRuleLimits(budgets));
        Http admin = server.admin();
        assertThat(admin.post("/crm/v2/Leads", "{\"data\":[{\"Last_Name\":\"E\",\"Company\":\"Endless Co\"}]}").status()).isEqualTo(201);
        String id = admin.post("/api/rules/endless/run", "").json().get("id").asText();
        for (int i = 0; i < 1200 && !admin.get("/api/jobs/" + id).json().path("status").asText().equals("RUNNING"); i++) Thread.sleep(50);

        Thread stop = new Thread(server::stop, "stop");
        stop.start();
        // the script's own budget is ten minutes: only a bounded stop returns within this wait
        stop.join(120_000);
        assertThat(stop.isAlive()).as("the stop returned").isFalse();

        try (Database db = Database.open(url, null, null, 2)) {
            String status = db.withHandle(h -> h.createQuery("SELECT status FROM jobs WHERE id = :id").bind("id", Long.parseLong(id)).mapTo(String.class).one());
            String chunk = db.withHandle(h -> h.createQuery("SELECT status FROM job_chunks WHERE job_id = :id").bind("id", Long.parseLong(id)).mapTo(String.class).one());
            assertThat(status).isEqualTo("RUNNING");
            assertThat(chunk).isEqualTo("PENDING");
        }
    }
}
