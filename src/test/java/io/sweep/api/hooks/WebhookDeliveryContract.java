package io.sweep.api.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.Config;
import io.sweep.hooks.WebhookSignature;
import io.sweep.jobs.JobKind;
import io.sweep.jobs.JobRepository;
import io.sweep.jobs.Trigger;
import io.sweep.testsupport.Http;
import io.sweep.testsupport.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * SPEC §4 deliveries: none is lost while the rule is busy (each waits as a job of its own), a key
 * reused with another body is refused, the key is signed, and a rule webhooks do not start is not
 * found. Against the real server on H2, and on two nodes sharing one PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WebhookDeliveryContract {
    /** Deliveries that may wait for one rule: more than the concurrent test sends, few enough to fill. */
    static final int QUEUE_LIMIT = 25;

    private Path rulesDir;
    private List<TestServer> nodes;
    private Http admin;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();

    /** The servers of the test, sharing one database; {@code customize} applies to each. */
    abstract List<TestServer> startNodes(UnaryOperator<Config> customize);

    @BeforeAll
    void start() throws Exception {
        rulesDir = Files.createTempDirectory("sweep-webhook-rules");
        rule("append-n", "Queue Co", "{ Designation: (record.Designation || \"\") + ctx.params.n + \",\" }", true);
        rule("held", "Held Co", "{ Designation: \"held \" + ctx.params.n }", true);
        rule("full", "Full Co", "{ Designation: \"full\" }", true);
        rule("empty-then", "Nobody Co", "{ Designation: \"never\" }", true);
        rule("same-key", "Key Co", "{ Designation: ctx.params.note }", true);
        rule("no-hook", "Key Co", "{ Designation: \"no hook\" }", false);
        nodes = startNodes(config -> config.withRulesDir(rulesDir).withWebhookQueueLimit(QUEUE_LIMIT));
        admin = nodes.get(0).admin();
        for (String company : List.of("Queue Co", "Held Co", "Full Co", "Key Co")) {
            var created = admin.post("/crm/v2/Leads", "{\"data\":[{\"Last_Name\":\"Hooked\",\"Company\":\"" + company + "\"}]}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
    }

    @AfterAll
    void stop() {
        if (nodes != null) nodes.forEach(TestServer::stop);
    }

    private void rule(String id, String company, String update, boolean webhook) throws Exception {
        Files.writeString(rulesDir.resolve(id + ".js"), """
                export const rule = {
                  module: "Leads",
                  select: { criteria: "(Company:equals:%s)" },
                  %s
                  runAs: "admin@sweep.local",
                };
                export function update(record, ctx) { return %s; }
                """.formatted(company, webhook ? "triggers: { webhook: true }," : "", update));
    }

    private String secret(String rule) {
        return secrets.computeIfAbsent(rule, r -> admin.post("/api/rules/" + r + "/webhook_secret", "").json().get("secret").asText());
    }

    /** A delivery signed as the README says, with an Idempotency-Key when {@code key} is not null. */
    private Http.Response deliver(TestServer node, String rule, String key, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Http http = node.http().withHeader("X-Sweep-Signature", WebhookSignature.header(secret(rule), Instant.now().getEpochSecond(), key, bytes));
        if (key != null) http = http.withHeader("Idempotency-Key", key);
        return http.post("/hooks/" + rule, body);
    }

    private String accepted(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json().get("job_id").asText();
    }

    /** A job that holds the rule, as one that another node has not started yet would. */
    private long holdRule(String rule) {
        var app = nodes.get(0).app();
        long module = app.metadata().module("Leads").orElseThrow().id();
        long user = app.users().byEmail("admin@sweep.local").orElseThrow().id();
        return app.database().inTransaction(h -> {
            long id = app.database().nextId(h);
            assertThat(app.jobRepository().insert(h, new JobRepository.Draft(id, module, user, Trigger.RULE,
                    new JobKind.RuleRun(rule, null, "{}", null), "{}", OffsetDateTime.now(), user, false))).isTrue();
            return id;
        });
    }

    private JsonNode job(String id) {
        return admin.get("/api/jobs/" + id).json();
    }

    private String designation(String company) {
        return admin.get("/crm/v2/Leads/search?criteria=(Company:equals:" + company.replace(" ", "%20") + ")")
                .json().get("data").get(0).path("Designation").asText();
    }

    @Test
    void a_delivery_while_the_rule_has_a_job_waits_as_a_scheduled_job_of_its_own_which_can_be_cancelled_and_runs_when_that_job_ends() {
        long holder = holdRule("held");

        String waiting = accepted(deliver(nodes.get(0), "held", null, "{\"n\":\"first\"}"));
        String cancelled = accepted(deliver(nodes.get(nodes.size() - 1), "held", null, "{\"n\":\"second\"}"));

        assertThat(waiting).isNotEqualTo(String.valueOf(holder)).isNotEqualTo(cancelled);
        JsonNode job = job(waiting);
        assertThat(job.get("status").asText()).isEqualTo("SCHEDULED");
        assertThat(job.get("trigger").asText()).isEqualTo("webhook");
        assertThat(job.get("parameters").get("n").asText()).isEqualTo("first");
        JsonNode zoho = admin.get("/crm/v2/Leads/actions/mass_update?job_id=" + waiting).json().get("data").get(0);
        assertThat(zoho.get("Status").asText()).isEqualTo("SCHEDULED");
        assertThat(zoho.get("Total_Count").asInt()).isZero();
        assertThat(zoho.get("Updated_Count").asInt()).isZero();
        var cancel = admin.post("/api/jobs/" + cancelled + "/cancel", "");
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
        assertThat(cancel.json().get("status").asText()).isEqualTo("CANCELLED");

        assertThat(admin.post("/api/jobs/" + holder + "/cancel", "").status()).isEqualTo(200);

        JsonNode ran = admin.waitForJobEnd(waiting);
        assertThat(ran.get("status").asText()).as(ran.toString()).isEqualTo("COMPLETED");
        assertThat(ran.get("Updated_Count").asInt()).isEqualTo(1);
        assertThat(designation("Held Co")).isEqualTo("held first");
        assertThat(job(cancelled).get("status").asText()).isEqualTo("CANCELLED");
        assertThat(job(cancelled).get("Total_Count").asInt()).isZero();
    }

    @Test
    void twenty_deliveries_at_once_get_twenty_jobs_which_all_run_one_at_a_time_in_order() throws Exception {
        int deliveries = 20;
        // the rule is busy while they arrive, so every one of them is stored before any starts
        long holder = holdRule("append-n");
        var pool = Executors.newFixedThreadPool(deliveries);
        var go = new CountDownLatch(1);
        List<Future<Http.Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < deliveries; i++) {
                TestServer node = nodes.get(i % nodes.size());
                String body = "{\"n\":" + i + "}";
                String key = i % 2 == 0 ? "append-" + i : null;
                answers.add(pool.submit(() -> {
                    go.await();
                    return deliver(node, "append-n", key, body);
                }));
            }
            go.countDown();
            Map<Long, Integer> nByJob = new java.util.TreeMap<>();
            for (int i = 0; i < deliveries; i++) nByJob.put(Long.parseLong(accepted(answers.get(i).get())), i);
            assertThat(nByJob).hasSize(deliveries);
            for (long id : nByJob.keySet()) assertThat(job(String.valueOf(id)).get("status").asText()).isEqualTo("SCHEDULED");
            assertThat(admin.post("/api/jobs/" + holder + "/cancel", "").status()).isEqualTo(200);

            List<JsonNode> jobs = new ArrayList<>();
            for (long id : nByJob.keySet()) jobs.add(admin.waitForJobEnd(String.valueOf(id)));
            assertThat(jobs).allSatisfy(j -> {
                assertThat(j.get("status").asText()).as(j.toString()).isEqualTo("COMPLETED");
                assertThat(j.get("Updated_Count").asInt()).isEqualTo(1);
            });
            // each run read what the one before it wrote: one at a time, in the order of their job ids
            var expected = new StringBuilder();
            nByJob.values().forEach(n -> expected.append(n).append(','));
            assertThat(designation("Queue Co")).isEqualTo(expected.toString());
            jobs.sort(Comparator.comparing(j -> Long.parseLong(j.get("id").asText())));
            for (int i = 1; i < jobs.size(); i++) {
                assertThat(OffsetDateTime.parse(jobs.get(i).get("start_time").asText()))
                        .isAfterOrEqualTo(OffsetDateTime.parse(jobs.get(i - 1).get("end_time").asText()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_full_queue_refuses_the_delivery_with_429_and_retry_after_and_starts_nothing() {
        long holder = holdRule("full");
        var ids = new HashSet<String>();
        for (int i = 0; i < QUEUE_LIMIT; i++) ids.add(accepted(deliver(nodes.get(i % nodes.size()), "full", "full-" + i, "{\"n\":" + i + "}")));
        assertThat(ids).hasSize(QUEUE_LIMIT);

        var refused = deliver(nodes.get(0), "full", "full-over", "{\"n\":\"over\"}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(429);
        assertThat(refused.raw().headers().firstValue("Retry-After")).hasValue("60");
        assertThat(refused.json().get("code").asText()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(refused.json().get("status").asText()).isEqualTo("error");
        assertThat(refused.json().get("details").get("limit").asText()).isEqualTo(String.valueOf(QUEUE_LIMIT));
        // refused, so the key is free: the sender's retry is a new delivery once there is room
        for (String id : ids) assertThat(admin.post("/api/jobs/" + id + "/cancel", "").status()).isEqualTo(200);
        assertThat(admin.post("/api/jobs/" + holder + "/cancel", "").status()).isEqualTo(200);
        String retried = accepted(deliver(nodes.get(0), "full", "full-over", "{\"n\":\"over\"}"));
        assertThat(admin.waitForJobEnd(retried).get("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void a_waiting_job_whose_selection_is_empty_when_it_starts_ends_failed_with_no_records_found() {
        long holder = holdRule("empty-then");
        String waiting = accepted(deliver(nodes.get(0), "empty-then", null, "{}"));
        assertThat(job(waiting).get("status").asText()).isEqualTo("SCHEDULED");

        assertThat(admin.post("/api/jobs/" + holder + "/cancel", "").status()).isEqualTo(200);

        JsonNode ended = admin.waitForJobEnd(waiting);
        assertThat(ended.get("status").asText()).isEqualTo("FAILED");
        assertThat(ended.get("message").asText()).startsWith("NO_RECORDS_FOUND");
        assertThat(ended.get("Total_Count").asInt()).isZero();
    }

    @Test
    void an_idempotency_key_reused_with_another_body_is_refused_and_with_the_same_body_answers_the_first_job() {
        String first = accepted(deliver(nodes.get(0), "same-key", "order-7", "{\"note\":\"seven\"}"));

        var same = deliver(nodes.get(nodes.size() - 1), "same-key", "order-7", "{\"note\":\"seven\"}");
        var other = deliver(nodes.get(0), "same-key", "order-7", "{\"note\":\"eight\"}");

        assertThat(accepted(same)).isEqualTo(first);
        assertThat(other.status()).as(other.body()).isEqualTo(422);
        assertThat(other.json().get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(other.json().get("message").asText()).contains("another body");
        assertThat(admin.waitForJobEnd(first).get("status").asText()).isEqualTo("COMPLETED");
        assertThat(designation("Key Co")).isEqualTo("seven");
    }

    @Test
    void a_captured_signed_request_sent_again_with_another_idempotency_key_is_refused() {
        byte[] body = "{\"note\":\"captured\"}".getBytes(StandardCharsets.UTF_8);
        String text = new String(body, StandardCharsets.UTF_8);
        // signed with its key: the key is part of the signature
        String signature = WebhookSignature.header(secret("same-key"), Instant.now().getEpochSecond(), "capture-1", body);
        String first = accepted(nodes.get(0).http().withHeader("X-Sweep-Signature", signature).withHeader("Idempotency-Key", "capture-1")
                .post("/hooks/same-key", text));
        // signed as SPEC §4 says (t + "." + body) and sent with a key: accepted once, under that key
        String unkeyed = WebhookSignature.header(secret("same-key"), Instant.now().getEpochSecond() - 1, body);
        String second = accepted(nodes.get(0).http().withHeader("X-Sweep-Signature", unkeyed).withHeader("Idempotency-Key", "capture-3")
                .post("/hooks/same-key", text));
        assertThat(second).isNotEqualTo(first);
        long jobsBefore = jobCount();

        var newKey = nodes.get(0).http().withHeader("X-Sweep-Signature", signature).withHeader("Idempotency-Key", "capture-2")
                .post("/hooks/same-key", text);
        var unkeyedNewKey = nodes.get(0).http().withHeader("X-Sweep-Signature", unkeyed).withHeader("Idempotency-Key", "capture-4")
                .post("/hooks/same-key", text);
        var unkeyedNoKey = nodes.get(0).http().withHeader("X-Sweep-Signature", unkeyed).post("/hooks/same-key", text);
        for (var replay : List.of(newKey, unkeyedNewKey, unkeyedNoKey)) {
            assertThat(replay.status()).as(replay.body()).isEqualTo(401);
            assertThat(replay.json().get("code").asText()).isEqualTo("INVALID_SIGNATURE");
        }
        // the same request with its own key again is a retry: it answers the first job
        var retry = nodes.get(nodes.size() - 1).http().withHeader("X-Sweep-Signature", unkeyed).withHeader("Idempotency-Key", "capture-3")
                .post("/hooks/same-key", text);
        assertThat(accepted(retry)).isEqualTo(second);
        assertThat(jobCount()).isEqualTo(jobsBefore);
        admin.waitForJobEnd(first);
        admin.waitForJobEnd(second);
    }

    @Test
    void a_rule_without_a_webhook_trigger_is_not_found_like_an_unknown_rule() {
        for (String rule : List.of("no-hook", "no-such-rule")) {
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            var answer = nodes.get(0).http().withHeader("X-Sweep-Signature", WebhookSignature.header("any-secret", Instant.now().getEpochSecond(), body))
                    .post("/hooks/" + rule, "{}");
            assertThat(answer.status()).as(rule + ": " + answer.body()).isEqualTo(404);
            assertThat(answer.json().get("code").asText()).isEqualTo("NOT_FOUND");
        }
    }

    private long jobCount() {
        return nodes.get(0).app().database().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM jobs").mapTo(Long.class).one());
    }
}
