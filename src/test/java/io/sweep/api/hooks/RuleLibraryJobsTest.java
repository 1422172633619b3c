package io.sweep.api.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.Http;
import io.sweep.testsupport.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A rule importing a library file previews and runs with it; the job keeps the library as it ran; a library change is a new version. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RuleLibraryJobsTest {
    private Path rulesDir;
    private TestServer server;
    private Http admin;

    private static String library(String label) {
        return "export function label(name) { return \"" + label + " \" + name; }\n";
    }

    @BeforeAll
    void start() throws Exception {
        rulesDir = Files.createTempDirectory("sweep-rule-libraries");
        Files.createDirectories(rulesDir.resolve("lib"));
        Files.writeString(rulesDir.resolve("lib/label.js"), library("v1"));
        Files.writeString(rulesDir.resolve("label-leads.js"), """
                import { label } from "./lib/label.js";
                export const rule = {
                  module: "Leads",
                  select: { criteria: "(Company:equals:Library Co)" },
                  runAs: "admin@sweep.local",
                };
                export function update(record) { return { Designation: label(record.Last_Name) }; }
                """);
        server = TestServer.start(Backend.H2.newDatabaseUrl(), config -> config.withDemo(false).withRulesDir(rulesDir));
        admin = server.admin();
        assertThat(admin.post("/crm/v2/Leads", """
                {"data":[{"Last_Name":"Ada","Company":"Library Co"},{"Last_Name":"Bob","Company":"Library Co"}]}""").status()).isEqualTo(201);
    }

    @AfterAll
    void stop() {
        if (server != null) server.stop();
    }

    private String designationOf(String lastName) {
        return server.app().database().withHandle(h -> h.createQuery("SELECT designation FROM rec_leads WHERE last_name = :n")
                .bind("n", lastName).mapTo(String.class).findOne().orElse(null));
    }

    private JsonNode run() {
        var run = admin.post("/api/rules/label-leads/run", "");
        assertThat(run.status()).as(run.body()).isEqualTo(202);
        JsonNode ended = admin.waitForJobEnd(run.json().get("id").asText());
        assertThat(ended.get("status").asText()).as(ended.toString()).isEqualTo("COMPLETED");
        return admin.get("/api/jobs/" + run.json().get("id").asText()).json();
    }

    @Test
    void a_preview_and_a_job_use_the_library_the_job_keeps_it_and_a_library_change_is_a_new_version() throws Exception {
        var preview = admin.post("/api/rules/label-leads/preview?limit=10", "");
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().get("would_update").asInt()).as(preview.body()).isEqualTo(2);
        assertThat(preview.body()).contains("v1 Ada");

        JsonNode first = run();
        assertThat(designationOf("Ada")).isEqualTo("v1 Ada");
        assertThat(first.get("rule_libraries").get("label.js").asText()).isEqualTo(library("v1"));
        assertThat(first.get("request").has("libraries")).as("the request shown in lists leaves the sources out").isFalse();
        String v1 = admin.get("/api/rules/label-leads").json().get("version").asText();
        assertThat(first.get("rule_version").asText()).isEqualTo(v1);

        Files.writeString(rulesDir.resolve("lib/label.js"), library("v2"));
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (admin.get("/api/rules/label-leads").json().get("version").asText().equals(v1)) {
            assertThat(System.nanoTime()).as("the rule's version follows its library").isLessThan(until);
            Thread.sleep(50);
        }
        JsonNode second = run();
        assertThat(designationOf("Bob")).isEqualTo("v2 Bob");
        assertThat(second.get("rule_version").asText()).isNotEqualTo(v1);
        assertThat(second.get("rule_libraries").get("label.js").asText()).isEqualTo(library("v2"));
        // the first job still shows what it ran
        assertThat(admin.get("/api/jobs/" + first.get("id").asText()).json().get("rule_libraries").get("label.js").asText()).isEqualTo(library("v1"));
    }

    @Test
    void writing_a_rule_that_imports_outside_the_lib_folder_is_refused_at_the_import() {
        var refused = admin.put("/api/rules/sneaky", """
                import { x } from "../../etc/passwd";
                export const rule = { module: "Leads", select: { criteria: "(Company:equals:Nobody)" }, runAs: "admin@sweep.local" };
                export function update() { return null; }
                """);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        JsonNode problem = refused.json().get("details").get("problems").get(0);
        assertThat(problem.get("line").asInt()).isEqualTo(1);
        assertThat(problem.get("message").asText()).startsWith("cannot import \"../../etc/passwd\": a rule imports library files");
        assertThat(Files.exists(rulesDir.resolve("sneaky.js"))).isFalse();
    }
}
