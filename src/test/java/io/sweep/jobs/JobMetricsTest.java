package io.sweep.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.Http;
import io.sweep.testsupport.Scrape;
import io.sweep.testsupport.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The job meters of {@code GET /metrics} against real jobs on a server of its own (no other test's
 * jobs run beside them): each counter moves by exactly what the job says it did.
 */
class JobMetricsTest {
    private static TestServer server;
    private static Http admin;

    @BeforeAll
    static void start() throws java.io.IOException {
        Path rules = Files.createTempDirectory("sweep-metrics-rules");
        // every tenth lead (by id) is skipped by the script, the others get a value
        Files.writeString(rules.resolve("metrics-rule.js"), """
                export const rule = {
                  module: "Leads",
                  select: { criteria: "(Skype_ID:equals:metrics-rule)" },
                  runAs: "admin@sweep.local",
                };
                export function update(record, ctx) {
                  if (String(record.id).endsWith("0")) return null;
                  return { Twitter: "ruled" };
                }
                """);
        server = TestServer.start(Backend.H2.newDatabaseUrl(), config -> config.withRulesDir(rules));
        admin = server.admin();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void a_mass_update_job_and_its_undo_move_the_record_counters_by_exactly_their_counts() {
        var leads = MarkedLeads.mark(server.app().database(), "metrics-job", 1_100);
        Scrape before = Scrape.of(admin);

        String jobId = JobApi.schedule(admin, leads.viewId(), MarkedLeads.JOB_FIELD, "metrics-value");
        JsonNode job = admin.waitForJobEnd(jobId);
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("COMPLETED");
        assertThat(job.get("Updated_Count").asInt()).isEqualTo(1_100);
        Scrape afterJob = Scrape.of(admin);
        assertMovedBy(before, afterJob, job);
        assertThat(delta(before, afterJob, "sweep_chunks_run_seconds_count")).as("chunks run").isEqualTo(job.get("chunks").get("total").asInt());
        assertThat(delta(before, afterJob, "sweep_jobs", "status=\"COMPLETED\"", "trigger=\"api\"")).isEqualTo(1);

        // two leads changed since the job: the undo leaves them as they are (CONFLICT), a failure each
        List<Long> changed = server.app().database().withHandle(h -> h.createQuery(
                        "SELECT record_id FROM job_records WHERE job_id = :job ORDER BY record_id FETCH FIRST 2 ROWS ONLY")
                .bind("job", Long.parseLong(jobId)).mapTo(Long.class).list());
        for (long id : changed) {
            var put = admin.put("/crm/v2/Leads/" + id, "{\"data\":[{\"" + MarkedLeads.JOB_FIELD + "\":\"changed since\"}]}");
            assertThat(put.status()).as(put.body()).isEqualTo(200);
        }
        var undoResponse = admin.post("/api/jobs/" + jobId + "/undo", "");
        assertThat(undoResponse.status()).as(undoResponse.body()).isEqualTo(202);
        JsonNode undo = admin.waitForJobEnd(undoResponse.json().get("id").asText());
        assertThat(undo.get("Updated_Count").asInt()).isEqualTo(1_098);
        assertThat(undo.get("Failed_Count").asInt()).isEqualTo(2);
        Scrape afterUndo = Scrape.of(admin);
        assertMovedBy(afterJob, afterUndo, undo);
        assertThat(delta(afterJob, afterUndo, "sweep_jobs", "status=\"COMPLETED\"", "trigger=\"undo\"")).isEqualTo(1);
        assertThat(afterUndo.value("sweep_chunks_pending")).as("no chunk left to run").isZero();
    }

    @Test
    void a_rule_job_counts_its_skipped_records_and_its_script_time_under_the_rule() {
        MarkedLeads.mark(server.app().database(), "metrics-rule", 120);
        Scrape before = Scrape.of(admin);

        var run = admin.post("/api/rules/metrics-rule/run", "");
        assertThat(run.status()).as(run.body()).isEqualTo(202);
        JsonNode job = admin.waitForJobEnd(run.json().get("id").asText());
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("COMPLETED");
        assertThat(job.get("Not_Updated_Count").asInt()).as("skipped by the script").isPositive();
        Scrape after = Scrape.of(admin);
        assertMovedBy(before, after, job);
        assertThat(after.value("sweep_rule_script_seconds_total", "rule=\"metrics-rule\"")
                - before.value("sweep_rule_script_seconds_total", "rule=\"metrics-rule\"")).isPositive();
        assertThat(delta(before, after, "sweep_jobs", "status=\"COMPLETED\"", "trigger=\"rule\"")).isEqualTo(1);
    }

    @Test
    void the_http_histogram_names_the_route_template_not_the_request_path() {
        var leads = MarkedLeads.mark(server.app().database(), "metrics-route", 3);
        String jobId = JobApi.schedule(admin, leads.viewId(), MarkedLeads.JOB_FIELD, "route-value");
        admin.waitForJobEnd(jobId);
        Scrape scrape = Scrape.of(admin);

        String route = "route=\"/crm/v2/{module}/actions/mass_update\"";
        assertThat(scrape.value("sweep_http_server_requests_seconds_count", route, "method=\"POST\"", "status=\"200\"")).isGreaterThanOrEqualTo(1);
        assertThat(scrape.series("sweep_http_server_requests_seconds_bucket", route, "method=\"POST\"", "status=\"200\"", "le=\"+Inf\""))
                .hasSize(1);
        assertThat(scrape.value("sweep_http_server_requests_seconds_count", "route=\"/api/jobs/{id}\"", "method=\"GET\"")).isGreaterThanOrEqualTo(1);
        assertThat(scrape.text()).doesNotContain("route=\"/crm/v2/Leads").doesNotContain("route=\"/api/jobs/" + jobId);
    }

    /** The records counters moved by the job's counts: updated, failed, and not updated (skipped). */
    private static void assertMovedBy(Scrape before, Scrape after, JsonNode job) {
        assertThat(delta(before, after, "sweep_records_total", "outcome=\"updated\"")).as("updated").isEqualTo(job.get("Updated_Count").asInt());
        assertThat(delta(before, after, "sweep_records_total", "outcome=\"failed\"")).as("failed").isEqualTo(job.get("Failed_Count").asInt());
        assertThat(delta(before, after, "sweep_records_total", "outcome=\"skipped\"")).as("skipped").isEqualTo(job.get("Not_Updated_Count").asInt());
    }

    private static long delta(Scrape before, Scrape after, String name, String... labels) {
        return Math.round(after.value(name, labels) - before.value(name, labels));
    }
}
