package io.sweep.api.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.Config;
import io.sweep.hooks.WebhookSignature;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.Http;
import io.sweep.testsupport.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Rules run as jobs through /api/rules and signed webhooks, on a server of their own with a rules folder of their own. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RuleJobsTest {
    private Path rulesDir;
    private TestServer server;
    private Http admin;

    @BeforeAll
    void start() throws Exception {
        rulesDir = Files.createTempDirectory("sweep-rules");
        Files.writeString(rulesDir.resolve("tag-company.js"), """
                export const rule = {
                  module: "Leads",
                  description: "Leads of one company get a rating",
                  select: { criteria: "(Company:equals:Rule Co)" },
                  triggers: { webhook: true },
                  runAs: "admin@sweep.local",
                  params: { rating: "Active" },
                };
                export function update(record, ctx) {
                  if (record.Last_Name === "Skip me") return null;
                  if (record.Last_Name === "Break me") throw new Error("broken on purpose");
                  if (record.Last_Name === "Bad field") return { Email: "x@example.com" };
                  ctx.log("rating " + record.id);
                  return { Rating: ctx.params.rating };
                }
                """);
        Files.writeString(rulesDir.resolve("one-lead.js"), """
                export const rule = {
                  module: "Leads",
                  description: "The lead a form names by e-mail",
                  select: { criteria: "(Email:equals:${params.email})" },
                  triggers: { webhook: true },
                  runAs: "admin@sweep.local",
                };
                export function update(record, ctx) {
                  return { Designation: "found by " + ctx.params.email };
                }
                """);
        Files.writeString(rulesDir.resolve("typed-params.js"), """
                export const rule = {
                  module: "Leads",
                  select: { criteria: "(Company:equals:Param Co)" },
                  runAs: "admin@sweep.local",
                  params: { days: { type: "integer", default: 30, min: 1 }, label: "plain default" },
                };
                export function update(record, ctx) {
                  return { Designation: typeof ctx.params.days + " " + ctx.params.days };
                }
                """);
        Files.writeString(rulesDir.resolve("cron-rating.js"), """
                export const rule = {
                  module: "Leads",
                  select: { criteria: "(Company:equals:Cron Co)" },
                  triggers: { schedule: "*/2 * * * * *" },
                  runAs: "admin@sweep.local",
                };
                export function update(record, ctx) {
                  return { Rating: "Market Failed" };
                }
                """);
        Files.writeString(rulesDir.resolve("replay-guard.js"), """
                export const rule = {
                  module: "Leads",
                  select: { criteria: "(Company:equals:Replay Co)" },
                  triggers: { webhook: true },
                  runAs: "admin@sweep.local",
                };
                export function update(record, ctx) { return { Rating: "Active" }; }
                """);
        Files.writeString(rulesDir.resolve("stamp-now.js"), """
                export const rule = {
                  module: "Leads",
                  select: { criteria: "(Company:equals:Chunk Co)" },
                  runAs: "admin@sweep.local",
                };
                let seen = 0;
                export function update(record, ctx) {
                  if (seen++ === 0) ctx.log("run loaded at " + record.Last_Name);
                  return { Designation: ctx.now + " " + seen };
                }
                """);
        Files.writeString(rulesDir.resolve("busy.js"), """
                export const rule = {
                  module: "Leads",
                  select: { criteria: "(Company:equals:Busy Co)" },
                  runAs: "admin@sweep.local",
                };
                export function update(record, ctx) {
                  let n = 0;
                  for (let i = 0; i < 1000000; i++) n += i;
                  return { Designation: String(n) };
                }
                """);
        // the server's rule budgets come from the environment: a million statements is too many here
        var budgets = Config.fromEnvironment(Map.of("SWEEP_RULE_STATEMENTS", "200000")).ruleLimits();
        // its own leads only: no demo data to seed
        server = TestServer.start(Backend.H2.newDatabaseUrl(), config -> config.withDemo(false).withRulesDir(rulesDir).withRuleLimits(budgets));
        admin = server.admin();
        var leads = new StringBuilder();
        for (String name : List.of("One", "Two", "Skip me", "Break me", "Bad field")) {
            leads.append(leads.isEmpty() ? "" : ",").append("{\"Last_Name\":\"").append(name).append("\",\"Company\":\"Rule Co\"}");
        }
        assertThat(admin.post("/crm/v2/Leads", "{\"data\":[" + leads + "]}").status()).isEqualTo(201);
        assertThat(admin.post("/crm/v2/Leads", "{\"data\":[{\"Last_Name\":\"Cron\",\"Company\":\"Cron Co\"}]}").status()).isEqualTo(201);
        assertThat(admin.post("/crm/v2/Leads", """
                {"data":[{"Last_Name":"Param One","Company":"Param Co","Email":"one@param.test"},
                         {"Last_Name":"Param Two","Company":"Param Co","Email":"two@param.test"}]}""").status()).isEqualTo(201);
        assertThat(admin.post("/crm/v2/Leads", "{\"data\":[{\"Last_Name\":\"Replay\",\"Company\":\"Replay Co\"}]}").status()).isEqualTo(201);
        assertThat(admin.post("/crm/v2/Leads", "{\"data\":[{\"Last_Name\":\"Busy\",\"Company\":\"Busy Co\"}]}").status()).isEqualTo(201);
        for (int batch = 0; batch < CHUNK_CO_LEADS / 100; batch++) {
            var chunk = new StringBuilder();
            for (int i = 0; i < 100; i++) {
                chunk.append(chunk.isEmpty() ? "" : ",").append("{\"Last_Name\":\"C").append(batch * 100 + i).append("\",\"Company\":\"Chunk Co\"}");
            }
            assertThat(admin.post("/crm/v2/Leads", "{\"data\":[" + chunk + "]}").status()).isEqualTo(201);
        }
    }

    private static final int CHUNK_CO_LEADS = 1_200;

    @Test
    void a_selection_takes_the_runs_parameters_as_values_only_and_a_missing_one_is_refused_before_any_job() {
        var run = admin.post("/api/rules/one-lead/run", "{\"email\":\"one@param.test\"}");
        assertThat(run.status()).as(run.body()).isEqualTo(202);
        JsonNode job = admin.waitForJobEnd(run.json().get("id").asText());
        assertThat(job.get("Total_Count").asInt()).as(job.toString()).isEqualTo(1);
        assertThat(designationOf("Param One")).isEqualTo("found by one@param.test");
        assertThat(designationOf("Param Two")).isNull();

        // a value that would widen the selection if it were pasted into the criteria selects nothing
        var hostile = admin.post("/api/rules/one-lead/run", "{\"email\":\"x) or (Company:equals:Param Co\"}");
        assertThat(hostile.json().get("code").asText()).as(hostile.body()).isEqualTo("NO_RECORDS_FOUND");
        assertThat(designationOf("Param Two")).isNull();

        int jobsBefore = admin.get("/api/jobs?rule=one-lead").json().get("jobs").size();
        var missing = admin.post("/api/rules/one-lead/run", "{}");
        assertThat(missing.status()).as(missing.body()).isEqualTo(400);
        assertThat(missing.json().get("code").asText()).isEqualTo("MANDATORY_NOT_FOUND");
        assertThat(missing.json().get("details").get("param_name").asText()).isEqualTo("email");
        assertThat(admin.get("/api/jobs?rule=one-lead").json().get("jobs").size()).as("no job for a refused run").isEqualTo(jobsBefore);
    }

    @Test
    void parameters_a_rule_declares_are_checked_before_any_job_and_converted_to_their_type() {
        int jobsBefore = admin.get("/api/jobs?rule=typed-params").json().get("jobs").size();
        for (String body : List.of("{\"days\":\"abc\"}", "{\"days\":0}", "{\"days\":1.5}", "{\"dayz\":3}")) {
            var refused = admin.post("/api/rules/typed-params/run", body);
            assertThat(refused.status()).as(body + " -> " + refused.body()).isEqualTo(400);
            assertThat(refused.json().get("code").asText()).as(body).isEqualTo("INVALID_DATA");
            assertThat(refused.json().get("details").get("param_name").asText()).as(body).isIn("days", "dayz");
        }
        assertThat(admin.get("/api/jobs?rule=typed-params").json().get("jobs").size()).as("no job for a refused run").isEqualTo(jobsBefore);

        var run = admin.post("/api/rules/typed-params/run", "{\"days\":\"7\",\"label\":\"given\"}");
        assertThat(run.status()).as(run.body()).isEqualTo(202);
        JsonNode job = admin.waitForJobEnd(run.json().get("id").asText());
        assertThat(job.get("parameters").get("days").asInt()).isEqualTo(7);
        assertThat(designationOf("Param Two")).isEqualTo("number 7");
    }

    private String designationOf(String lastName) {
        return server.app().database().withHandle(h -> h.createQuery("SELECT designation FROM rec_leads WHERE last_name = :n")
                .bind("n", lastName).mapTo(String.class).findOne().orElse(null));
    }

    @Test
    void a_rule_job_of_several_chunks_sees_one_ctx_now_keeps_its_script_time_and_log_and_one_loaded_run_per_node() throws Exception {
        var run = admin.post("/api/rules/stamp-now/run", "");
        assertThat(run.status()).as(run.body()).isEqualTo(202);
        JsonNode job = admin.waitForJobEnd(run.json().get("id").asText());
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("COMPLETED");
        assertThat(job.get("Updated_Count").asInt()).as(admin.get("/api/jobs/" + job.get("id").asText() + "/results?per_page=2").body()).isEqualTo(CHUNK_CO_LEADS);
        assertThat(job.get("chunks").get("total").asInt()).isEqualTo(3);
        assertThat(job.get("script_ms").asLong()).isNotNegative();
        // one node with two job threads: at most two chunks at a time, each with a loaded run, and the third reuses one
        assertThat(job.get("log").asText().lines().filter(l -> l.contains("run loaded at")).count()).isBetween(1L, 2L);
        long jobCreated = OffsetDateTime.parse(job.get("created_time").asText()).toInstant().toEpochMilli();
        List<String> stamps = server.app().database().withHandle(h -> h.createQuery(
                "SELECT designation FROM rec_leads WHERE company = 'Chunk Co'").mapTo(String.class).list());
        assertThat(stamps.stream().map(s -> s.split(" ")[0]).distinct().toList()).as("one ctx.now").hasSize(1)
                .allSatisfy(now -> assertThat(Long.parseLong(now)).isBetween(jobCreated, jobCreated + 999));
        assertThat(stamps.stream().mapToInt(s -> Integer.parseInt(s.split(" ")[1])).max().orElse(0))
                .as("module state lives on from one chunk of 500 to the next").isGreaterThan(500);

        JsonNode rule = admin.get("/api/rules/stamp-now").json();
        assertThat(rule.get("last_runs").get(0).get("id").asText()).isEqualTo(job.get("id").asText());
        assertThat(rule.get("last_runs").get(0).get("status").asText()).isEqualTo("COMPLETED");
        var byRule = admin.get("/api/jobs?rule=stamp-now").json().get("jobs");
        assertThat(byRule.findValuesAsText("rule_id")).containsOnly("stamp-now");
        // the rule's source is shown once, on the job's own page, not in lists or progress events
        assertThat(byRule.get(0).get("request").has("source")).isFalse();
        assertThat(byRule.get(0).has("rule_source")).isFalse();
        assertThat(job.get("request").has("source")).isFalse();
        assertThat(job.get("rule_source").asText()).isEqualTo(Files.readString(rulesDir.resolve("stamp-now.js")));
    }

    @Test
    void a_rule_past_the_statement_budget_set_for_the_server_fails_its_job_with_script_timeout() {
        var run = admin.post("/api/rules/busy/run", "");
        assertThat(run.status()).as(run.body()).isEqualTo(202);
        JsonNode job = admin.waitForJobEnd(run.json().get("id").asText());
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("FAILED");
        assertThat(job.get("message").asText()).contains("SCRIPT_TIMEOUT").contains("200000 statements");
    }

    @Test
    void a_rule_with_a_schedule_fires_as_a_job_started_by_the_schedule() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        JsonNode fired = null;
        while (fired == null && Instant.now().isBefore(deadline)) {
            for (JsonNode job : admin.get("/api/jobs?per_page=200").json().get("jobs")) {
                if ("schedule".equals(job.get("trigger").asText()) && "cron-rating".equals(job.path("rule_id").asText())) fired = job;
            }
            Thread.sleep(200);
        }
        assertThat(fired).as("a job started by the schedule").isNotNull();
        assertThat(fired.get("started_by").isNull()).isTrue();
        assertThat(fired.get("user").get("email").asText()).isEqualTo("admin@sweep.local");
        admin.waitForJobEnd(fired.get("id").asText());
        assertThat(admin.get("/crm/v2/Leads/search?criteria=(Company:equals:Cron%20Co)").json().get("data").get(0).get("Rating").asText())
                .isEqualTo("Market Failed");
        long claimed = server.app().database().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM rule_fires WHERE rule_id = 'cron-rating'").mapTo(Long.class).one());
        long distinct = server.app().database().withHandle(h -> h.createQuery(
                "SELECT COUNT(DISTINCT fire_time) FROM rule_fires WHERE rule_id = 'cron-rating'").mapTo(Long.class).one());
        assertThat(claimed).isEqualTo(distinct);
    }

    @AfterAll
    void stop() {
        server.stop();
    }

    private String rating(String lastName) {
        return admin.get("/crm/v2/Leads/search?criteria=((Company:equals:Rule%20Co)and(Last_Name:equals:" + lastName.replace(" ", "%20") + "))")
                .json().get("data").get(0).get("Rating").asText();
    }

    @Test
    void a_manual_run_updates_skips_and_fails_records_one_by_one() throws Exception {
        var rules = admin.get("/api/rules").json().get("rules");
        assertThat(rules.findValuesAsText("id")).contains("tag-company");
        var run = admin.post("/api/rules/tag-company/run", "{\"rating\":\"Shut Down\"}");
        assertThat(run.status()).as(run.body()).isEqualTo(202);
        assertThat(run.json().get("trigger").asText()).isEqualTo("rule");
        assertThat(run.json().get("rule_id").asText()).isEqualTo("tag-company");
        assertThat(run.json().get("rule_version").asText()).hasSize(64);
        JsonNode job = admin.waitForJobEnd(run.json().get("id").asText());
        assertThat(job.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(job.get("Total_Count").asInt()).isEqualTo(5);
        assertThat(job.get("Updated_Count").asInt()).isEqualTo(2);
        assertThat(job.get("Failed_Count").asInt()).isEqualTo(2);
        assertThat(job.get("Not_Updated_Count").asInt()).isEqualTo(1);
        assertThat(job.get("skipped_count").asInt()).as("reached and left alone").isEqualTo(1);
        assertThat(job.get("not_reached_count").asInt()).as("a completed job reached every record").isZero();
        assertThat(rating("One")).isEqualTo("Shut Down");

        var failed = admin.get("/api/jobs/" + job.get("id").asText() + "/results?status=failed").json().get("results");
        assertThat(failed.findValuesAsText("code")).containsExactlyInAnyOrder("SCRIPT_ERROR", "INVALID_DATA");
        assertThat(failed.toString()).contains("broken on purpose");
    }

    @Test
    void a_rule_says_whether_it_has_a_webhook_secret_and_since_when_but_never_shows_it() {
        assertThat(admin.get("/api/rules/cron-rating").json().get("webhook_secret").get("exists").asBoolean()).isFalse();
        String secret = admin.post("/api/rules/cron-rating/webhook_secret", "").json().get("secret").asText();

        var rule = admin.get("/api/rules/cron-rating");

        assertThat(rule.json().get("webhook_secret").get("exists").asBoolean()).isTrue();
        assertThat(rule.json().get("webhook_secret").get("created_time").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+00:00");
        assertThat(rule.body()).doesNotContain(secret);
        assertThat(admin.get("/api/rules").body()).doesNotContain(secret);
    }

    @Test
    void a_signed_webhook_starts_a_job_and_a_repeat_with_the_same_key_answers_the_same_job() throws Exception {
        String secret = admin.post("/api/rules/tag-company/webhook_secret", "").json().get("secret").asText();
        byte[] body = "{\"rating\":\"Acquired\"}".getBytes(StandardCharsets.UTF_8);
        long t = Instant.now().getEpochSecond();
        Http signed = server.http().withHeader("X-Sweep-Signature", WebhookSignature.header(secret, t, "k-1", body)).withHeader("Idempotency-Key", "k-1");
        var pool = Executors.newFixedThreadPool(8);
        List<Future<Http.Response>> responses = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) responses.add(pool.submit(() -> signed.post("/hooks/tag-company", new String(body, StandardCharsets.UTF_8))));
            var jobIds = new HashSet<String>();
            for (var f : responses) {
                var r = f.get();
                assertThat(r.status()).as(r.body()).isEqualTo(202);
                jobIds.add(r.json().get("job_id").asText());
            }
            assertThat(jobIds).hasSize(1);
            JsonNode job = admin.waitForJobEnd(jobIds.iterator().next());
            assertThat(job.get("trigger").asText()).isEqualTo("webhook");
            assertThat(job.get("started_by").isNull()).as("a trigger, not a user, started it").isTrue();
            assertThat(rating("Two")).isEqualTo("Acquired");
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void the_same_signed_request_without_an_idempotency_key_is_accepted_once_and_refused_as_a_replay_after() throws Exception {
        String secret = admin.post("/api/rules/replay-guard/webhook_secret", "").json().get("secret").asText();
        byte[] body = "{\"note\":\"once\"}".getBytes(StandardCharsets.UTF_8);
        long t = Instant.now().getEpochSecond();
        Http signed = server.http().withHeader("X-Sweep-Signature", WebhookSignature.header(secret, t, body));
        var first = signed.post("/hooks/replay-guard", new String(body, StandardCharsets.UTF_8));
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        admin.waitForJobEnd(first.json().get("job_id").asText());

        var replay = signed.post("/hooks/replay-guard", new String(body, StandardCharsets.UTF_8));
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.json().get("code").asText()).isEqualTo("INVALID_SIGNATURE");
        assertThat(replay.json().get("message").asText()).contains("delivered before");

        var resigned = server.http().withHeader("X-Sweep-Signature", WebhookSignature.header(secret, t + 1, body))
                .post("/hooks/replay-guard", new String(body, StandardCharsets.UTF_8));
        assertThat(resigned.status()).as(resigned.body()).isEqualTo(202);
        assertThat(resigned.json().get("job_id").asText()).isNotEqualTo(first.json().get("job_id").asText());
        admin.waitForJobEnd(resigned.json().get("job_id").asText());
    }

    @Test
    void unsigned_wrongly_signed_and_replayed_webhooks_are_refused_without_a_job() {
        String secret = admin.post("/api/rules/tag-company/webhook_secret", "").json().get("secret").asText();
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        long jobsBefore = server.app().database().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM jobs").mapTo(Long.class).one());
        var missing = server.http().post("/hooks/tag-company", "{}");
        assertThat(missing.status()).isEqualTo(401);
        var wrong = server.http().withHeader("X-Sweep-Signature", WebhookSignature.header("not-the-secret", Instant.now().getEpochSecond(), body))
                .post("/hooks/tag-company", "{}");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("code").asText()).isEqualTo("INVALID_SIGNATURE");
        var replay = server.http().withHeader("X-Sweep-Signature", WebhookSignature.header(secret, Instant.now().getEpochSecond() - 600, body))
                .post("/hooks/tag-company", "{}");
        assertThat(replay.status()).isEqualTo(401);
        var unknownRule = server.http().withHeader("X-Sweep-Signature", WebhookSignature.header(secret, Instant.now().getEpochSecond(), body))
                .post("/hooks/no-such-rule", "{}");
        assertThat(unknownRule.status()).isEqualTo(404);
        long jobsAfter = server.app().database().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM jobs").mapTo(Long.class).one());
        assertThat(jobsAfter).isEqualTo(jobsBefore);
    }

    @Test
    void a_preview_shows_what_a_run_would_do_and_writes_nothing() {
        String versions = "SELECT SUM(version) FROM rec_leads WHERE company = 'Rule Co'";
        long before = server.app().database().withHandle(h -> h.createQuery(versions).mapTo(Long.class).one());
        var preview = admin.post("/api/rules/tag-company/preview?limit=10", "{\"rating\":\"Project Cancelled\"}");
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        JsonNode body = preview.json();
        assertThat(body.get("selected").asInt()).isEqualTo(5);
        assertThat(body.get("error").isNull()).isTrue();
        assertThat(body.get("would_update").asInt()).isEqualTo(2);
        assertThat(body.get("would_skip").asInt()).isEqualTo(1);
        assertThat(body.get("would_fail").asInt()).isEqualTo(2);
        assertThat(body.toString()).contains("Project Cancelled").contains("SCRIPT_ERROR");
        long after = server.app().database().withHandle(h -> h.createQuery(versions).mapTo(Long.class).one());
        assertThat(after).isEqualTo(before);
    }

    @Test
    void writing_a_broken_rule_through_the_api_reports_its_line_and_keeps_the_good_version() {
        var broken = admin.put("/api/rules/tag-company", "export const rule = {\n  module: \"Leads\",\n  oops(\n};");
        assertThat(broken.status()).isEqualTo(400);
        JsonNode problem = broken.json().get("details").get("problems").get(0);
        assertThat(problem.get("line").asInt()).isGreaterThan(0);
        assertThat(problem.get("file").asText()).isEqualTo("tag-company.js");
        assertThat(admin.get("/api/rules/tag-company").json().get("status").asText()).isEqualTo("ok");
    }

    @Test
    void a_file_broken_on_disk_is_shown_as_it_is_next_to_its_problems() throws Exception {
        String text = "export const rule = {\n  module: \"Leads\",\n  select: { criteria: \"(Company:equals:X)\" },\n  runAs: \"admin@sweep.local\",\n};\nexport function update(r) {\n  return {\n";
        Files.writeString(rulesDir.resolve("broken-on-disk.js"), text);

        JsonNode rule = seenByTheRegistry("broken-on-disk");

        assertThat(rule.get("status").asText()).isEqualTo("error");
        assertThat(rule.get("problems").get(0).get("line").asInt()).isGreaterThan(6);
        assertThat(rule.get("file_source").asText()).isEqualTo(text);
        assertThat(rule.has("source")).as("no version ever loaded").isFalse();
        assertThat(admin.get("/api/rules/tag-company").json().has("file_source")).as("only for a file with problems").isFalse();
        assertThat(admin.get("/api/rules").body()).doesNotContain("file_source");
        Files.delete(rulesDir.resolve("broken-on-disk.js"));
    }

    /** The registry polls the folder every second; a new file shows up at the next poll. */
    private JsonNode seenByTheRegistry(String id) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (true) {
            var response = admin.get("/api/rules/" + id);
            if (response.status() == 200) return response.json();
            if (System.nanoTime() > deadline) throw new AssertionError("rule " + id + " never appeared: " + response);
            Thread.sleep(100);
        }
    }
}
