package io.sweep.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.Config;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.Http;
import io.sweep.testsupport.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * DESIGN §3.14: a rule script never runs while a database transaction or lock is held. Its
 * chunk's records are decided before the chunk's transaction, and applied in it only to the
 * version the script saw; a record changed in between is decided again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RuleChunkTransactionContract {
    private static final int LEADS = 8;
    private TestServer server;
    private Http admin;

    abstract Backend backend();

    @BeforeAll
    void start() throws Exception {
        Path rulesDir = Files.createTempDirectory("sweep-rules");
        // each record costs the script a few hundred milliseconds: the job runs for seconds
        Files.writeString(rulesDir.resolve("slow-suffix.js"), """
                export const rule = {
                  module: "Leads",
                  select: { criteria: "(Company:equals:Slow Co)" },
                  runAs: "admin@sweep.local",
                };
                export function update(record, ctx) {
                  let n = 0;
                  for (let i = 0; i < 2000000; i++) n += i;
                  return { Twitter: record.Twitter + "+rule" };
                }
                """);
        // a generous per-record budget: this test is about where the script runs, not how fast
        var budgets = Config.fromEnvironment(Map.of("SWEEP_RULE_RECORD_MILLIS", "20000")).ruleLimits();
        server = TestServer.start(backend().newDatabaseUrl(), c -> c.withDemo(false).withRulesDir(rulesDir).withRuleLimits(budgets));
        admin = server.admin();
    }

    @AfterAll
    void stop() {
        server.stop();
    }

    private List<String> leads(String company, int n) {
        var data = new StringBuilder();
        for (int i = 0; i < n; i++) {
            data.append(i == 0 ? "" : ",").append("{\"Last_Name\":\"L").append(i).append("\",\"Company\":\"").append(company)
                    .append("\",\"Twitter\":\"@t").append(i).append("\"}");
        }
        var response = admin.post("/crm/v2/Leads", "{\"data\":[" + data + "]}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        List<String> ids = new ArrayList<>();
        for (JsonNode e : response.json().get("data")) ids.add(e.get("details").get("id").asText());
        return ids;
    }

    private String status(String jobId) {
        return admin.get("/api/jobs/" + jobId).json().get("status").asText();
    }

    @Test
    void a_record_written_while_the_rule_decides_about_its_chunk_is_written_at_once_and_decided_again_from_its_new_value() {
        List<String> slow = leads("Slow Co", LEADS);
        var run = admin.post("/api/rules/slow-suffix/run", "");
        assertThat(run.status()).as(run.body()).isEqualTo(202);
        String job = run.json().get("id").asText();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (!status(job).equals("RUNNING") && Instant.now().isBefore(deadline)) SweepProcess.sleep(10);

        // the last record of the chunk, written by someone else while the script works on the chunk
        String changed = slow.get(LEADS - 1);
        var write = admin.post("/crm/v2/Leads/actions/mass_update", "{\"data\":[{\"Twitter\":\"@changed\"}],\"ids\":[\"" + changed + "\"]}");
        assertThat(write.status()).as(write.body()).isEqualTo(200);
        // no chunk transaction held the database (H2's one writer) or the row (PostgreSQL's lock) while the script ran
        assertThat(status(job)).as("the rule job is still deciding when the other write has been answered").isEqualTo("RUNNING");

        JsonNode done = admin.waitForJobEnd(job);
        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.get("Updated_Count").asInt()).isEqualTo(LEADS);
        for (int i = 0; i < LEADS; i++) {
            String twitter = admin.get("/crm/v2/Leads/" + slow.get(i)).json().get("data").get(0).get("Twitter").asText();
            // the other write is not lost: the script was asked again about the record's new value
            assertThat(twitter).isEqualTo(i == LEADS - 1 ? "@changed+rule" : "@t" + i + "+rule");
        }
    }
}
