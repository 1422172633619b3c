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
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A rule chunk counts its starts: one started twice without finishing (its nodes died while its
 * script ran) ends its job FAILED with the reason instead of being run again by every node; a
 * chunk that finished is never started again. One job thread, so that a chunk can be made to wait
 * behind a running one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ChunkAttemptsContract {
    private TestServer server;
    private Http admin;

    abstract Backend backend();

    @BeforeAll
    void start() throws Exception {
        Path rules = Files.createTempDirectory("sweep-attempts");
        Files.writeString(rules.resolve("hold.js"), """
                export const rule = {
                  module: "Leads",
                  select: { criteria: "(Company:equals:Hold Co)" },
                  runAs: "admin@sweep.local",
                };
                export function update(record, ctx) { for (;;) { } }
                """);
        for (String name : new String[] {"poisoned", "healthy"}) {
            Files.writeString(rules.resolve(name + ".js"), """
                    export const rule = {
                      module: "Leads",
                      select: { criteria: "(Company:equals:%s Co)" },
                      runAs: "admin@sweep.local",
                    };
                    export function update(record, ctx) { return { Rating: "Active" }; }
                    """.formatted(name));
        }
        var budgets = Config.fromEnvironment(Map.of("SWEEP_RULE_RECORD_MILLIS", "600000", "SWEEP_RULE_JOB_SECONDS", "1200"))
                .ruleLimits().withStatementsPerRecord(Long.MAX_VALUE / 2);
        server = TestServer.start(backend().newDatabaseUrl(), c -> c.withDemo(false).withRulesDir(rules).withRuleLimits(budgets)
                .withJobs(new Config.JobSettings(Duration.ofSeconds(1), Duration.ofMillis(200), 1, "attempts-node")));
        admin = server.admin();
        for (String company : new String[] {"Hold Co", "poisoned Co", "healthy Co"}) {
            var created = admin.post("/crm/v2/Leads", "{\"data\":[{\"Last_Name\":\"A\",\"Company\":\"" + company + "\"}]}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
    }

    @AfterAll
    void stop() {
        server.stop();
    }

    private String run(String rule) {
        var run = admin.post("/api/rules/" + rule + "/run", "");
        assertThat(run.status()).as(run.body()).isEqualTo(202);
        return run.json().get("id").asText();
    }

    private Map<String, Object> chunk(String jobId) {
        return server.app().database().withHandle(h -> h.createQuery("SELECT attempts, last_error FROM job_chunks WHERE job_id = :job AND chunk_no = 0")
                .bind("job", Long.parseLong(jobId)).mapToMap().one());
    }

    @Test
    void a_chunk_started_twice_without_finishing_fails_its_job_with_the_reason() throws Exception {
        String hold = run("hold");
        for (int i = 0; i < 1200 && !admin.get("/api/jobs/" + hold).json().path("status").asText().equals("RUNNING"); i++) Thread.sleep(50);
        // the one job thread is busy: this job's chunk waits, and two nodes start it and die meanwhile
        String poisoned = run("poisoned");
        JobRepository jobs = server.app().jobRepository();
        for (String node : new String[] {"node-a", "node-b"}) {
            assertThat(jobs.startChunk(Long.parseLong(poisoned), 0, ChunkRunner.MAX_STARTS, "started on " + node + " and never finished"))
                    .isInstanceOf(JobRepository.ChunkStart.Started.class);
        }
        assertThat(admin.post("/api/jobs/" + hold + "/cancel", "").status()).isEqualTo(200);

        JsonNode job = admin.waitForJobEnd(poisoned);
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("FAILED");
        assertThat(job.get("message").asText()).contains("chunk 0 was started 2 times").contains("started on node-b and never finished");
        assertThat(job.get("Updated_Count").asInt()).isZero();
        long rated = server.app().database().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM rec_leads WHERE company = 'poisoned Co' AND rating IS NOT NULL").mapTo(Long.class).one());
        assertThat(rated).isZero();
    }

    @Test
    void a_finished_chunk_counts_its_one_start_and_is_never_started_again() {
        String healthy = run("healthy");
        JsonNode job = admin.waitForJobEnd(healthy);
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("COMPLETED");
        assertThat(((Number) chunk(healthy).get("attempts")).intValue()).isEqualTo(1);

        var again = server.app().jobRepository().startChunk(Long.parseLong(healthy), 0, ChunkRunner.MAX_STARTS, "a late start");
        assertThat(again).isInstanceOf(JobRepository.ChunkStart.NotPending.class);
        assertThat(((Number) chunk(healthy).get("attempts")).intValue()).isEqualTo(1);
        assertThat(admin.get("/api/jobs/" + healthy).json().get("Updated_Count").asInt()).isEqualTo(1);
    }
}
