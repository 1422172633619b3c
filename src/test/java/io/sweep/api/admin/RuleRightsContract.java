package io.sweep.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.demo.DemoData;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.Http;
import io.sweep.testsupport.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Who may run and preview a rule, whose job it is, and what they see of it: on a server of its
 * own (its rules folder, and a field hidden from the Sales Rep profile), on H2 and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RuleRightsContract {
    private static final String SCOPES = "ZohoCRM.mass_update.ALL";

    private Path rulesDir;
    private Path outside;
    private TestServer server;
    private AdminFixtures fx;
    private Http admin;
    private Http sales;
    private Http rep;
    /** Leads of the rep's company: the first three the rep's own, the rest the administrator's. */
    private List<String> repLeads;

    abstract Backend backend();

    @BeforeAll
    void start() throws IOException {
        rulesDir = Files.createTempDirectory("sweep-rule-rights");
        outside = Files.createTempDirectory("sweep-outside");
        rule("admins-only", "(Company:equals:Rights Admin Co)", "", "Designation: \"by admins\"");
        rule("sales-may", "(Company:equals:Rights Sales Co)", "allow: { users: [\"sales@sweep.local\"] },", "Designation: \"by sales\"");
        rule("reps-may", "(Company:equals:Rights Rep Co)", "allow: { profiles: [\"Sales Rep\"] },",
                "Designation: \"by reps \" + ctx.now, Website: \"https://hidden-from-reps.example/\" + ctx.now");
        Files.writeString(outside.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n");
        Files.createSymbolicLink(rulesDir.resolve("lnk.js"), outside.resolve("passwd"));
        // two fields a mass update on Leads: the rule of the reps sets one they see and one hidden from them
        // one job thread, which a test can keep busy; on H2 a chunk waits for a row lock as long as PostgreSQL's does
        String dbUrl = backend() == Backend.H2 ? backend().newDatabaseUrl() + ";LOCK_TIMEOUT=120000" : backend().newDatabaseUrl();
        server = TestServer.start(dbUrl, config -> {
            var jobs = config.jobs();
            return config.withRulesDir(rulesDir).withLimits(io.sweep.massupdate.Limits.parse("1,Leads:2"))
                    .withJobs(new io.sweep.Config.JobSettings(jobs.heartbeat(), jobs.polling(), 1, jobs.nodeName()));
        });
        fx = new AdminFixtures(server);
        admin = server.admin();
        sales = server.tokenFor(DemoData.SALES_EMAIL, SCOPES, "ZohoCRM.modules.ALL", "Sweep.rules.READ");
        rep = server.tokenFor(DemoData.REP_EMAIL, SCOPES, "ZohoCRM.modules.ALL", "Sweep.rules.READ");
        // Leads.Website hidden from the Sales Rep profile, on this server only
        long website = server.app().metadata().module("Leads").orElseThrow().field("Website").orElseThrow().id();
        server.app().database().useHandle(h -> h.createUpdate(
                        "INSERT INTO profile_field_restrictions (profile_id, field_id, access) VALUES (:p, :f, 'hidden')")
                .bind("p", DemoData.SALES_REP_PROFILE_ID).bind("f", website).execute());
        fx.leads("Rights Admin Co", 2);
        fx.leads("Rights Sales Co", 4);
        repLeads = new ArrayList<>();
        var created = rep.post("/crm/v2/Leads", "{\"data\":[" + String.join(",", List.of(
                lead("Rep 1", "Rights Rep Co"), lead("Rep 2", "Rights Rep Co"), lead("Rep 3", "Rights Rep Co"))) + "]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        for (JsonNode entry : created.json().get("data")) repLeads.add(entry.get("details").get("id").asText());
        repLeads.addAll(fx.leads("Rights Rep Co", 4));
    }

    @AfterAll
    void stop() throws IOException {
        if (server != null) server.stop();
        Files.deleteIfExists(rulesDir.resolve("lnk.js"));
        Files.deleteIfExists(outside.resolve("passwd"));
        Files.deleteIfExists(outside);
    }

    private void rule(String id, String criteria, String allow, String values) throws IOException {
        Files.writeString(rulesDir.resolve(id + ".js"), """
                export const rule = {
                  module: "Leads",
                  select: { criteria: "%s" },
                  runAs: "admin@sweep.local",
                  %s
                };
                export function update(record, ctx) { return { %s }; }
                """.formatted(criteria, allow, values));
    }

    private static String lead(String lastName, String company) {
        return "{\"Last_Name\":\"" + lastName + "\",\"Company\":\"" + company + "\"}";
    }

    private static void assertDenied(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.json().get("code").asText()).isEqualTo("NO_PERMISSION");
        assertThat(response.json().get("message").asText()).isEqualTo("permission denied");
    }

    private JsonNode run(Http as, String rule) {
        var response = as.post("/api/rules/" + rule + "/run", "");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json();
    }

    // --- who may run and preview --------------------------------------------------------------

    @Test
    void only_an_administrator_runs_a_rule_without_allow() {
        assertDenied(sales.post("/api/rules/admins-only/run", ""));
        assertDenied(rep.post("/api/rules/admins-only/run", ""));
        JsonNode job = run(admin, "admins-only");
        assertThat(job.get("started_by").get("email").asText()).isEqualTo(DemoData.ADMIN_EMAIL);
        assertThat(admin.waitForJobEnd(job.get("id").asText()).get("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void only_an_administrator_previews_a_rule_without_allow() {
        assertDenied(sales.post("/api/rules/admins-only/preview", ""));
        assertDenied(rep.post("/api/rules/admins-only/preview", ""));
        var preview = admin.post("/api/rules/admins-only/preview", "");
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().get("selected").asInt()).isEqualTo(2);
    }

    @Test
    void a_user_the_rule_names_may_preview_it_and_a_profile_it_does_not_name_may_not() {
        assertThat(sales.post("/api/rules/sales-may/preview", "").status()).isEqualTo(200);
        assertDenied(rep.post("/api/rules/sales-may/preview", ""));
        assertDenied(rep.post("/api/rules/sales-may/run", ""));
        assertThat(rep.post("/api/rules/reps-may/preview", "").status()).isEqualTo(200);
        assertDenied(sales.post("/api/rules/reps-may/preview", ""));
        assertDenied(sales.post("/api/rules/reps-may/run", ""));
        assertThat(admin.post("/api/rules/reps-may/preview", "").status()).isEqualTo(200);
        JsonNode allow = rep.get("/api/rules/reps-may").json().get("allow");
        assertThat(allow.get("users")).isEmpty();
        assertThat(allow.get("profiles").get(0).asText()).isEqualTo("Sales Rep");
    }

    // --- whose job it is -------------------------------------------------------------------------

    @Test
    void sales_allowed_by_the_rule_runs_it_sees_it_and_undoes_it_while_it_runs_as_the_rule_s_user() {
        JsonNode started = run(sales, "sales-may");
        String id = started.get("id").asText();
        assertThat(started.get("user").get("email").asText()).as("runs as").isEqualTo(DemoData.ADMIN_EMAIL);
        assertThat(started.get("started_by").get("email").asText()).isEqualTo(DemoData.SALES_EMAIL);
        assertThat(started.get("started_by").get("id").asText()).isEqualTo(String.valueOf(fx.userId(DemoData.SALES_EMAIL)));
        assertThat(started.get("started_by").get("name").isTextual()).isTrue();

        JsonNode ended = sales.waitForJobEnd(id);
        assertThat(ended.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(ended.get("Updated_Count").asInt()).isEqualTo(4);
        assertThat(sales.get("/api/jobs").json().get("jobs").findValuesAsText("id")).contains(id);
        assertThat(sales.get("/api/jobs/" + id + "/results").status()).isEqualTo(200);
        assertThat(rep.get("/api/jobs/" + id).status()).as("someone else's job").isEqualTo(404);

        var undo = sales.post("/api/jobs/" + id + "/undo", "");
        assertThat(undo.status()).as(undo.body()).isEqualTo(202);
        assertThat(undo.json().get("user").get("email").asText()).as("an undo runs with the rights of who undoes").isEqualTo(DemoData.SALES_EMAIL);
        assertThat(undo.json().get("started_by").get("email").asText()).isEqualTo(DemoData.SALES_EMAIL);
        JsonNode undone = sales.waitForJobEnd(undo.json().get("id").asText());
        assertThat(undone.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(undone.get("Updated_Count").asInt()).isEqualTo(4);
    }

    @Test
    void the_one_who_started_a_job_cancels_it_and_others_do_not_see_it() {
        long job = server.app().database().inTransaction(h -> {
            long j = server.app().database().nextId(h);
            h.createUpdate("""
                    INSERT INTO jobs (id, module_id, user_id, started_by, trigger_type, status, request, rule_id,
                                      total_count, chunk_count, created_time)
                    VALUES (:id, :m, :admin, :sales, 'rule', 'SCHEDULED', '{}', 'sales-may', 0, 0, :now)""")
                    .bind("id", j).bind("m", fx.moduleId("Leads")).bind("admin", fx.userId(DemoData.ADMIN_EMAIL))
                    .bind("sales", fx.userId(DemoData.SALES_EMAIL)).bind("now", OffsetDateTime.now()).execute();
            return j;
        });
        assertThat(rep.post("/api/jobs/" + job + "/cancel", "").status()).isEqualTo(404);
        var cancelled = sales.post("/api/jobs/" + job + "/cancel", "");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void a_job_started_through_the_zoho_api_was_started_by_the_user_it_runs_as() {
        String cvid = fx.view("Rights Api Co");
        fx.leads("Rights Api Co", 1);
        String id = fx.schedule(cvid, "Rating", "\"Active\"");
        JsonNode job = admin.waitForJobEnd(id);
        assertThat(job.get("started_by").get("email").asText()).isEqualTo(DemoData.ADMIN_EMAIL);
        assertThat(job.get("user").get("email").asText()).isEqualTo(DemoData.ADMIN_EMAIL);
    }

    // --- what a caller sees ----------------------------------------------------------------------

    @Test
    void a_rep_s_preview_lists_only_the_records_the_rep_may_see_without_the_fields_hidden_from_reps() {
        var preview = rep.post("/api/rules/reps-may/preview", "");
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().get("selected").asInt()).isEqualTo(3);
        assertThat(preview.json().get("sample").findValuesAsText("id")).containsExactlyInAnyOrderElementsOf(repLeads.subList(0, 3));
        for (JsonNode s : preview.json().get("sample")) {
            assertThat(s.get("changes").findValuesAsText("field")).as(preview.body()).containsExactly("Designation");
        }
        assertThat(preview.body()).doesNotContain("hidden-from-reps");

        var asAdmin = admin.post("/api/rules/reps-may/preview", "").json();
        assertThat(asAdmin.get("selected").asInt()).isEqualTo(7);
        assertThat(asAdmin.get("sample").get(0).get("changes").findValuesAsText("field")).contains("Designation", "Website");
    }

    @Test
    void a_rep_s_job_that_runs_as_an_administrator_shows_the_rep_no_values_of_records_or_fields_hidden_from_them() {
        JsonNode job = rep.waitForJobEnd(run(rep, "reps-may").get("id").asText());
        assertThat(job.get("Updated_Count").asInt()).as("runs as the administrator: every record "
                + admin.get("/api/jobs/" + job.get("id").asText() + "/results").body()).isEqualTo(7);
        assertThat(job.get("log").isNull()).as("a script may log any value").isTrue();

        JsonNode results = rep.get("/api/jobs/" + job.get("id").asText() + "/results").json();
        Set<String> withValues = new HashSet<>();
        List<String> listed = new ArrayList<>();
        for (JsonNode r : results.get("results")) {
            String id = r.get("id").asText();
            listed.add(id);
            assertThat(r.get("status").asText()).isEqualTo("updated");
            if (!r.get("changes").isEmpty()) withValues.add(id);
            assertThat(r.get("changes").findValuesAsText("field")).doesNotContain("Website");
        }
        assertThat(listed).containsExactlyInAnyOrderElementsOf(repLeads);
        assertThat(withValues).containsExactlyInAnyOrderElementsOf(repLeads.subList(0, 3));
        assertThat(rep.get("/api/jobs/" + job.get("id").asText() + "/results?format=csv").body())
                .doesNotContain("hidden-from-reps").contains("by reps");

        JsonNode asAdmin = admin.get("/api/jobs/" + job.get("id").asText() + "/results").json();
        assertThat(asAdmin.toString()).contains("hidden-from-reps");
        assertThat(admin.get("/api/jobs/" + job.get("id").asText()).json().get("log").isTextual()).isTrue();
    }

    // --- one active job per view -----------------------------------------------------------------

    /**
     * Keeps this server's only job thread busy: a mass update of a lead the test holds a row lock
     * on, its chunk picked and waiting. Jobs scheduled meanwhile stay SCHEDULED, holding their
     * active key and no lock, until the blocker is released by rolling the handle back.
     */
    private Handle occupyTheJobThread() {
        String company = "Rights Blocker " + System.nanoTime();
        List<String> lead = fx.leads(company, 1);
        String cvid = fx.view(company);
        Handle lock = server.app().database().jdbi().open();
        lock.begin();
        lock.createQuery("SELECT id FROM rec_leads WHERE id = :id FOR UPDATE").bind("id", Long.parseLong(lead.get(0))).mapTo(Long.class).one();
        String blocker = fx.schedule(cvid, "Rating", "\"Active\"");
        awaitPicked(blocker);
        return lock;
    }

    /** Waits until the scheduler has picked the job's first chunk (it commits the pick before running it). */
    private void awaitPicked(String jobId) {
        for (int i = 0; i < 1200; i++) {
            boolean picked = server.app().database().withHandle(h -> h.createQuery(
                            "SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance = :instance AND picked = TRUE")
                    .bind("instance", jobId + "-0").mapTo(Integer.class).one() > 0);
            if (picked) return;
            AdminFixtures.pause(50);
        }
        throw new AssertionError("the chunk of job " + jobId + " was not picked");
    }

    /** A view of the company's leads and a rule that selects by it: {cvid, rule id}. */
    private String[] viewRule(String company) {
        fx.leads(company, 3);
        String cvid = fx.view(company);
        String id = "by-view-" + company.replace(' ', '-').toLowerCase(java.util.Locale.ROOT);
        var put = admin.put("/api/rules/" + id, """
                export const rule = {
                  module: "Leads",
                  select: { cvid: "%s" },
                  runAs: "admin@sweep.local",
                };
                export function update(record, ctx) { return { Designation: "by view" }; }
                """.formatted(cvid));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        return new String[] {cvid, id};
    }

    private static String code(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("data").get(0).get("code").asText();
    }

    private String massUpdate(String cvid) {
        return code(admin.post("/crm/v2/Leads/actions/mass_update", "{\"data\":[{\"Rating\":\"Active\"}],\"cvid\":\"" + cvid + "\"}"));
    }

    @Test
    void a_rule_that_selects_by_view_blocks_a_mass_update_of_that_view_and_a_second_run() {
        String[] made = viewRule("Rights View One");
        String cvid = made[0];
        String rule = made[1];
        String jobId;
        try (Handle blocker = occupyTheJobThread()) {
            jobId = run(admin, rule).get("id").asText();
            assertThat(massUpdate(cvid)).isEqualTo("ALREADY_SCHEDULED");
            assertThat(code(admin.post("/api/rules/" + rule + "/run", ""))).isEqualTo("ALREADY_SCHEDULED");
            assertThat(admin.get("/api/jobs/" + jobId).json().get("status").asText()).isEqualTo("SCHEDULED");
            blocker.rollback();
        }
        assertThat(admin.waitForJobEnd(jobId).get("status").asText()).isEqualTo("COMPLETED");
        assertThat(massUpdate(cvid)).as("the view is free once the rule's job has ended").isEqualTo("SUCCESS");
    }

    @Test
    void a_mass_update_of_a_view_blocks_a_rule_that_selects_by_that_view() {
        String[] made = viewRule("Rights View Two");
        String cvid = made[0];
        String rule = made[1];
        String jobId;
        try (Handle blocker = occupyTheJobThread()) {
            jobId = fx.schedule(cvid, "Rating", "\"Active\"");
            var refused = admin.post("/api/rules/" + rule + "/run", "");
            assertThat(code(refused)).isEqualTo("ALREADY_SCHEDULED");
            assertThat(refused.json().get("data").get(0).get("details").get("cvid").asText()).isEqualTo(cvid);
            assertThat(admin.post("/api/rules/" + rule + "/preview", "").json().get("error").get("code").asText()).isEqualTo("ALREADY_SCHEDULED");
            blocker.rollback();
        }
        admin.waitForJobEnd(jobId);
        JsonNode job = run(admin, rule);
        assertThat(admin.waitForJobEnd(job.get("id").asText()).get("status").asText()).isEqualTo("COMPLETED");
    }

    // --- rule ids and files ----------------------------------------------------------------------

    @Test
    void a_rule_id_that_is_too_long_or_not_a_file_name_is_invalid_data() {
        String longId = "r".repeat(210);
        for (Http.Response response : List.of(admin.get("/api/rules/" + longId), admin.put("/api/rules/" + longId, "x"),
                admin.post("/api/rules/" + longId + "/run", ""), admin.post("/api/rules/" + longId + "/preview", ""),
                admin.get("/api/rules/a.b"), admin.put("/api/rules/a.b", "x"))) {
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.json().get("code").asText()).isEqualTo("INVALID_DATA");
            assertThat(response.json().get("details").get("param_name").asText()).isEqualTo("id");
        }
        assertThat(admin.get("/api/rules/" + "r".repeat(100)).status()).as("the longest id is merely unknown").isEqualTo(404);
    }

    @Test
    void a_rule_file_that_links_outside_the_rules_folder_is_a_problem_and_never_served() {
        for (Http as : List.of(admin, sales, rep)) {
            var response = as.get("/api/rules/lnk");
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.json().get("status").asText()).isEqualTo("error");
            assertThat(response.json().get("problems").get(0).get("message").asText()).contains("outside the rules folder");
            assertThat(response.json().has("file_source")).isFalse();
            assertThat(response.body()).doesNotContain("root:x");
            assertThat(as.get("/api/rules").body()).doesNotContain("root:x");
        }
        assertThat(admin.post("/api/rules/lnk/run", "").json().get("code").asText()).isEqualTo("INVALID_DATA");
    }
}
