package io.sweep.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweep.Config;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code SWEEP_MAX_JOB_RECORDS} bounds what a rule job may select, here set to 5; a mass update
 * through the Zoho API keeps Zoho's own limit whatever is set. No job thread: nothing runs.
 */
class RuleJobLimitTest {
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        Path rules = Files.createTempDirectory("sweep-limit-rules");
        for (String company : new String[] {"Six Co", "Five Co"}) {
            Files.writeString(rules.resolve(company.toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + ".js"), """
                    export const rule = {
                      module: "Leads",
                      select: { criteria: "(Company:equals:%s)" },
                      runAs: "admin@sweep.local",
                    };
                    export function update(record, ctx) {
                      return { Designation: "limited" };
                    }
                    """.formatted(company));
        }
        server = TestServer.start(Backend.H2.newDatabaseUrl(), config -> config.withDemo(false).withRulesDir(rules).withMaxJobRecords(5)
                .withJobs(new Config.JobSettings(config.jobs().heartbeat(), config.jobs().polling(), 0, "limit")));
        var leads = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            leads.append(leads.isEmpty() ? "" : ",")
                    .append("{\"Last_Name\":\"Limit ").append(i).append("\",\"Company\":\"").append(i < 6 ? "Six Co" : "Five Co").append("\"}");
        }
        var created = server.admin().post("/crm/v2/Leads", "{\"data\":[" + leads + "]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void a_rule_selecting_more_than_the_server_allows_is_refused_before_any_job_and_its_preview_says_so() {
        var run = server.admin().post("/api/rules/six-co/run", "{}");
        // Zoho's shape for a scheduled mass update over its limit, with the server's limit
        assertThat(run.json().at("/data/0/code").asText()).as(run.body()).isEqualTo("LIMIT_EXCEEDED");
        assertThat(run.json().at("/data/0/details/limit").asText()).isEqualTo("5");
        var preview = server.admin().post("/api/rules/six-co/preview", "{}");
        assertThat(preview.body()).contains("LIMIT_EXCEEDED");

        var withinLimit = server.admin().post("/api/rules/five-co/run", "{}");
        assertThat(withinLimit.status()).as(withinLimit.body()).isEqualTo(202);
        var job = JobApi.status(server.admin(), withinLimit.json().get("id").asText());
        assertThat(job.toString()).contains("\"Total_Count\":5");
        server.app().jobs().cancel(server.app().users().principal(server.app().users().byEmail("admin@sweep.local").orElseThrow(),
                io.sweep.auth.Scopes.of(io.sweep.auth.Scopes.ALL_SCOPES)), withinLimit.json().get("id").asText());
    }

    @Test
    void a_zoho_mass_update_of_a_view_keeps_zohos_limit_whatever_the_server_sets_for_rules() {
        var leads = MarkedLeads.mark(server.app().database(), "limit-view", 8);
        String jobId = JobApi.schedule(server.admin(), leads.viewId(), MarkedLeads.JOB_FIELD, "@limit");
        assertThat(server.app().jobRepository().find(Long.parseLong(jobId)).orElseThrow().totalCount()).isEqualTo(8);
    }
}
