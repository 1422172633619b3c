package io.sweep.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.Config;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.Http;
import io.sweep.testsupport.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Cancelling a rule job whose script is deciding about a chunk stops that script at once, not when
 * its budget runs out: the budgets here are ten minutes a record, longer than the test waits.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("slow")
class CancelRunningScriptTest {
    private TestServer server;
    private Http admin;

    @BeforeAll
    void start() throws Exception {
        Path rules = Files.createTempDirectory("sweep-cancel");
        Files.writeString(rules.resolve("endless.js"), """
                export const rule = {
                  module: "Leads",
                  select: { criteria: "(Company:equals:Endless Co)" },
                  runAs: "admin@sweep.local",
                };
                export function update(record, ctx) {
                  if (record.Last_Name === "Quick") return { Rating: "Active" };
                  for (;;) { }
                }
                """);
        Files.writeString(rules.resolve("quick.js"), """
                export const rule = {
                  module: "Leads",
                  select: { criteria: "(Company:equals:Quick Co)" },
                  runAs: "admin@sweep.local",
                };
                export function update(record, ctx) { return { Rating: "Active" }; }
                """);
        var budgets = Config.fromEnvironment(Map.of("SWEEP_RULE_RECORD_MILLIS", "600000", "SWEEP_RULE_JOB_SECONDS", "1200"))
                .ruleLimits().withStatementsPerRecord(Long.MAX_VALUE / 2);
        server = TestServer.start(Backend.H2.newDatabaseUrl(), config -> config.withRulesDir(rules).withRuleLimits(budgets));
        admin = server.admin();
        assertThat(admin.post("/crm/v2/Leads", "{\"data\":[{\"Last_Name\":\"Quick\",\"Company\":\"Endless Co\"},"
                + "{\"Last_Name\":\"Endless\",\"Company\":\"Endless Co\"},{\"Last_Name\":\"Q\",\"Company\":\"Quick Co\"}]}").status()).isEqualTo(201);
    }

    @AfterAll
    void stop() {
        server.stop();
    }

    @Test
    void cancelling_stops_the_running_script_and_the_job_ends_cancelled_with_nothing_applied() throws Exception {
        var run = admin.post("/api/rules/endless/run", "");
        assertThat(run.status()).as(run.body()).isEqualTo(202);
        String id = run.json().get("id").asText();
        waitUntilRunning(id);

        var cancel = admin.post("/api/jobs/" + id + "/cancel", "");
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);

        JsonNode job = admin.waitForJobEnd(id);
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("CANCELLED");
        assertThat(job.get("chunks").get("done").asInt()).isEqualTo(job.get("chunks").get("total").asInt());
        // the chunk's plans were never applied: not even the record the script had answered about
        assertThat(job.get("Updated_Count").asInt()).isZero();
        assertThat(job.get("Failed_Count").asInt()).isZero();
        long rated = server.app().database().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM rec_leads WHERE company = 'Endless Co' AND rating IS NOT NULL").mapTo(Long.class).one());
        assertThat(rated).isZero();
        // the job thread is free again: another job runs to its end
        var next = admin.post("/api/rules/quick/run", "");
        JsonNode quick = admin.waitForJobEnd(next.json().get("id").asText());
        assertThat(quick.get("status").asText()).as(quick.toString()).isEqualTo("COMPLETED");
        assertThat(quick.get("Updated_Count").asInt()).isEqualTo(1);
    }

    private void waitUntilRunning(String id) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            if (admin.get("/api/jobs/" + id).json().path("status").asText().equals("RUNNING")) return;
            Thread.sleep(50);
        }
        throw new AssertionError("job " + id + " did not start");
    }
}
