package io.sweep.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.testsupport.Http;
import io.sweep.testsupport.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A rule job on an H2 file, where one transaction writes at a time, run by one job thread: its
 * chunks take turns, and each takes over the rule run the one before it loaded. (With more job
 * threads, chunks ask their scripts in parallel, each with a run of its own: module state is not
 * shared then, as docs/rules.md says.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("slow")
class RuleJobOnH2FileTest {
    private static final int LEADS = 1_200;
    private static final String RULE = """
            export const rule = {
              module: "Leads",
              select: { criteria: "(Company:equals:Ahead Co)" },
              runAs: "admin@sweep.local",
            };
            let asked = 0;
            export function update(record, ctx) {
              asked++;
              if (record.Last_Name === "Leave me") return null;
              return { Designation: record.Last_Name + " #" + asked };
            }
            """;

    private Path dir;
    private TestServer server;
    private Http admin;

    @BeforeAll
    void start() throws Exception {
        dir = Files.createTempDirectory("sweep-rule-h2-file");
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("ahead.js"), RULE);
        server = TestServer.start("jdbc:h2:file:" + dir.resolve("sweep"), config -> config.withRulesDir(rules)
                .withJobs(new io.sweep.Config.JobSettings(config.jobs().heartbeat(), config.jobs().polling(), 1,
                        config.jobs().nodeName())));
        assertThat(server.app().database().concurrentWriters()).as("an H2 file: one writer at a time").isFalse();
        admin = server.admin();
        for (int batch = 0; batch < LEADS / 100; batch++) {
            var data = new StringBuilder();
            for (int i = 0; i < 100; i++) {
                String name = batch == 0 && i == 0 ? "Leave me" : "A" + (batch * 100 + i);
                data.append(data.isEmpty() ? "" : ",").append("{\"Last_Name\":\"").append(name).append("\",\"Company\":\"Ahead Co\"}");
            }
            assertThat(admin.post("/crm/v2/Leads", "{\"data\":[" + data + "]}").status()).isEqualTo(201);
        }
    }

    @AfterAll
    void stop() throws Exception {
        server.stop();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void a_rule_job_of_several_chunks_updates_every_record_once_through_one_loaded_run() throws Exception {
        var run = admin.post("/api/rules/ahead/run", "");
        assertThat(run.status()).as(run.body()).isEqualTo(202);
        JsonNode job = admin.waitForJobEnd(run.json().get("id").asText());
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("COMPLETED");
        assertThat(job.get("Updated_Count").asInt()).isEqualTo(LEADS - 1);
        assertThat(job.get("chunks").get("total").asInt()).isEqualTo(3);

        List<Map<String, Object>> rows = server.app().database().withHandle(h -> h.createQuery(
                "SELECT last_name, designation, version FROM rec_leads WHERE company = 'Ahead Co'").mapToMap().list());
        assertThat(rows).hasSize(LEADS).allSatisfy(row -> {
            String name = (String) row.get("last_name");
            if (name.equals("Leave me")) {
                assertThat(row.get("designation")).isNull();
                assertThat(((Number) row.get("version")).intValue()).isEqualTo(1);
            } else {
                assertThat((String) row.get("designation")).startsWith(name + " #");
                assertThat(((Number) row.get("version")).intValue()).as("updated once").isEqualTo(2);
            }
        });
        // one module instance asked about every record in turn: the chunks shared one loaded run
        List<Integer> asked = rows.stream().map(row -> (String) row.get("designation")).filter(d -> d != null)
                .map(d -> Integer.parseInt(d.substring(d.indexOf('#') + 1))).sorted().toList();
        assertThat(asked).doesNotHaveDuplicates().last().isEqualTo(LEADS);
        assertThat(job.get("log").asText()).isEmpty();
    }
}
