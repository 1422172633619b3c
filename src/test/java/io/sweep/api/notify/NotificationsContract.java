package io.sweep.api.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.Config;
import io.sweep.demo.DemoData;
import io.sweep.hooks.WebhookSignature;
import io.sweep.json.Json;
import io.sweep.notify.Notifications;
import io.sweep.testsupport.Browser;
import io.sweep.testsupport.Http;
import io.sweep.testsupport.SettableClock;
import io.sweep.testsupport.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Notifications of ended jobs through the real API and a real receiver: one signed event per job
 * and matching endpoint, filters, retries after a receiver comes back (the nodes run no job
 * threads, so the test runs due executions itself and moves the clock), and who may manage them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class NotificationsContract {
    private static final String RULE_ID = "notified";
    private static final String MODULE_NAME = "Leads";
    private final SettableClock clock = new SettableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private List<TestServer> nodes;
    private TestServer server;
    private Http admin;
    private Receiver receiver;

    /** One node, or several on one database; each runs no job threads and uses {@code clock}. */
    abstract List<TestServer> startNodes(UnaryOperator<Config> customize, SettableClock clock);

    @BeforeAll
    void start() throws Exception {
        Path rulesDir = Files.createTempDirectory("sweep-notify-rules");
        Files.writeString(rulesDir.resolve(RULE_ID + ".js"), """
                export const rule = {
                  module: "Leads",
                  select: { criteria: "(Company:equals:Notify Co)" },
                  runAs: "admin@sweep.local",
                };
                export function update(record, ctx) {
                  return { Designation: "Notified" };
                }
                """);
        nodes = startNodes(config -> config.withRulesDir(rulesDir)
                .withJobs(new Config.JobSettings(config.jobs().heartbeat(), config.jobs().polling(), 0, config.jobs().nodeName())), clock);
        server = nodes.get(0);
        // a token, not a session: the tests move the clock past any session's idle time
        admin = server.admin();
        for (int i = 0; i < 3; i++) {
            var created = admin.post("/crm/v2/Leads", "{\"data\":[{\"Last_Name\":\"Notified " + i + "\",\"Company\":\"Notify Co\"}]}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
        receiver = new Receiver();
    }

    @AfterAll
    void stop() {
        if (receiver != null) receiver.close();
        if (nodes != null) nodes.forEach(TestServer::stop);
    }

    /** Each test's endpoints go with it, so no other test's job reaches them. */
    @AfterEach
    void deleteEndpoints() {
        for (JsonNode e : admin.get("/api/notifications").json().get("notifications")) {
            assertThat(admin.delete("/api/notifications/" + e.get("id").asText()).status()).isEqualTo(200);
        }
    }

    // --- helpers ------------------------------------------------------------------------------

    private record Registered(String id, String secret, String path) {}

    private Registered register(String path, String filters) {
        return register(receiver, path, filters);
    }

    private Registered register(Receiver at, String path, String filters) {
        var created = admin.post("/api/notifications", "{\"url\":\"" + at.url(path) + "\",\"description\":\"test " + path + "\""
                + (filters.isEmpty() ? "" : "," + filters) + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Registered(created.json().get("id").asText(), created.json().get("secret").asText(), path);
    }

    /** Runs the rule by hand and every due execution until the job has ended; returns its id. */
    private String runJob() {
        var run = admin.post("/api/rules/" + RULE_ID + "/run", "");
        assertThat(run.status()).as(run.body()).isEqualTo(202);
        String jobId = run.json().get("id").asText();
        runUntil(() -> !List.of("SCHEDULED", "RUNNING").contains(admin.get("/api/jobs/" + jobId).json().get("status").asText()));
        return jobId;
    }

    /** Runs due executions on every node until the condition holds (ten rounds at most). */
    private void runUntil(Supplier<Boolean> condition) {
        for (int round = 0; round < 10 && !condition.get(); round++) runDueEverywhere();
        assertThat(condition.get()).as("the condition held after running the due executions").isTrue();
    }

    private void runDueEverywhere() {
        nodes.forEach(n -> n.app().jobScheduler().runDue());
    }

    private List<Receiver.Received> eventsOf(Registered endpoint, String jobId) {
        return eventsOf(receiver, endpoint, jobId);
    }

    private static List<Receiver.Received> eventsOf(Receiver at, Registered endpoint, String jobId) {
        return at.at(endpoint.path()).stream()
                .filter(r -> jobId.equals(Json.parseBody(r.body()).get("job").get("id").asText())).toList();
    }

    private JsonNode deliveries(Registered endpoint) {
        var answer = admin.get("/api/notifications/" + endpoint.id() + "/deliveries");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("deliveries");
    }

    private void assertSignedFor(Receiver.Received event, Registered endpoint) {
        assertThat(WebhookSignature.verify(event.header("X-Sweep-Signature"), event.body().getBytes(StandardCharsets.UTF_8),
                List.of(endpoint.secret()), clock.instant())).isEqualTo(WebhookSignature.Verdict.VALID);
        assertThat(WebhookSignature.verify(event.header("X-Sweep-Signature"), event.body().getBytes(StandardCharsets.UTF_8),
                List.of("whsec_another"), clock.instant())).isEqualTo(WebhookSignature.Verdict.WRONG);
    }

    // --- events -------------------------------------------------------------------------------

    @Test
    void a_job_that_ends_posts_one_signed_event_to_the_endpoint() {
        Registered endpoint = register("/all", "");
        String jobId = runJob();
        runUntil(() -> !eventsOf(endpoint, jobId).isEmpty());
        // more rounds on every node send nothing more
        runDueEverywhere();
        runDueEverywhere();

        List<Receiver.Received> events = eventsOf(endpoint, jobId);
        assertThat(events).hasSize(1);
        Receiver.Received event = events.get(0);
        assertSignedFor(event, endpoint);
        assertThat(event.header("X-Sweep-Event")).isEqualTo("job.ended");
        assertThat(event.header("Content-Type")).startsWith("application/json");
        JsonNode job = Json.parseBody(event.body()).get("job");
        assertThat(Json.parseBody(event.body()).get("event").asText()).isEqualTo("job.ended");
        assertThat(job.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(job.get("trigger").asText()).isEqualTo("rule");
        assertThat(job.get("rule").get("id").asText()).isEqualTo(RULE_ID);
        assertThat(job.get("rule").get("version").asText()).isNotBlank();
        assertThat(job.get("module").asText()).isEqualTo(MODULE_NAME);
        assertThat(job.get("started_by").get("email").asText()).isEqualTo(DemoData.ADMIN_EMAIL);
        JsonNode counts = job.get("counts");
        assertThat(counts.get("total").asInt()).isEqualTo(3);
        assertThat(counts.get("updated").asInt() + counts.get("failed").asInt() + counts.get("skipped").asInt()).isEqualTo(3);
        assertThat(job.get("end_time").asText()).isNotBlank();
        assertThat(job.get("links").get("results").asText()).isEqualTo("/api/jobs/" + jobId + "/results");

        JsonNode delivery = deliveries(endpoint).get(0);
        assertThat(delivery.get("job_id").asText()).isEqualTo(jobId);
        assertThat(delivery.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(delivery.get("attempts")).hasSize(1);
        assertThat(delivery.get("attempts").get(0).get("http_status").asInt()).isEqualTo(200);
        assertThat(delivery.get("attempts").get(0).get("response").asText()).isEqualTo("ok");
        assertThat(event.header("X-Sweep-Delivery")).isEqualTo(delivery.get("id").asText());
    }

    @Test
    void only_endpoints_whose_filters_match_the_job_receive_it() {
        Registered otherRule = register("/other-rule", "\"rules\":[\"some-other-rule\"]");
        Registered otherModule = register("/other-module", "\"modules\":[\"Contacts\"]");
        Registered onlyFailed = register("/only-failed", "\"statuses\":[\"FAILED\"]");
        Registered matching = register("/matching", "\"rules\":[\"" + RULE_ID + "\"],\"modules\":[\"leads\"],\"statuses\":[\"completed\"]");
        Registered onlyCancelled = register("/only-cancelled", "\"statuses\":[\"CANCELLED\"]");

        String completed = runJob();
        runUntil(() -> !eventsOf(matching, completed).isEmpty());
        runDueEverywhere();
        assertThat(eventsOf(matching, completed)).hasSize(1);
        for (Registered r : List.of(otherRule, otherModule, onlyFailed, onlyCancelled)) {
            assertThat(eventsOf(r, completed)).as(r.path()).isEmpty();
            assertThat(deliveries(r)).as(r.path()).isEmpty();
        }

        // a job cancelled before it ran is told to the endpoint that asks for cancelled jobs only
        String cancelled = admin.post("/api/rules/" + RULE_ID + "/run", "").json().get("id").asText();
        assertThat(admin.post("/api/jobs/" + cancelled + "/cancel", "").status()).isEqualTo(200);
        runUntil(() -> !eventsOf(onlyCancelled, cancelled).isEmpty());
        runDueEverywhere();
        assertThat(eventsOf(onlyCancelled, cancelled)).singleElement()
                .satisfies(e -> assertThat(Json.parseBody(e.body()).get("job").get("status").asText()).isEqualTo("CANCELLED"));
        assertThat(eventsOf(matching, cancelled)).isEmpty();
        assertThat(receiver.at(onlyFailed.path())).isEmpty();
    }

    @Test
    void a_receiver_that_was_down_gets_the_event_on_a_later_attempt_after_the_backoff() {
        // a receiver of its own, stopped before anything reached it: its port is free to listen on again
        Receiver flaky = new Receiver();
        Registered endpoint = register(flaky, "/flaky", "");
        flaky.stop();
        try {
            String jobId = runJob();
            runUntil(() -> deliveries(endpoint).size() == 1 && deliveries(endpoint).get(0).get("attempt_count").asInt() == 1);
            JsonNode first = deliveries(endpoint).get(0);
            assertThat(first.get("status").asText()).isEqualTo("PENDING");
            assertThat(first.get("attempts").get(0).get("http_status").isNull()).isTrue();
            assertThat(first.get("attempts").get(0).get("response").asText()).isNotBlank();
            assertThat(Instant.parse(first.get("next_attempt_time").asText().replace("+00:00", "Z")))
                    .isEqualTo(clock.instant().plus(Notifications.FIRST_RETRY));

            // back, but busy once: the next attempt waits for its time, and its answer is kept
            flaky.restart();
            flaky.thenAnswer(503);
            runDueEverywhere();
            assertThat(eventsOf(flaky, endpoint, jobId)).as("nothing is sent before the retry is due").isEmpty();
            clock.advance(Notifications.FIRST_RETRY);
            runUntil(() -> eventsOf(flaky, endpoint, jobId).size() == 1);
            JsonNode second = deliveries(endpoint).get(0);
            assertThat(second.get("status").asText()).isEqualTo("PENDING");
            assertThat(second.get("attempts").get(1).get("http_status").asInt()).isEqualTo(503);
            assertThat(second.get("attempts").get(1).get("response").asText()).isEqualTo("busy, status 503");

            // the wait doubles
            clock.advance(Notifications.FIRST_RETRY);
            runDueEverywhere();
            assertThat(eventsOf(flaky, endpoint, jobId)).hasSize(1);
            clock.advance(Notifications.FIRST_RETRY);
            runUntil(() -> eventsOf(flaky, endpoint, jobId).size() == 2);
            runDueEverywhere();

            List<Receiver.Received> events = eventsOf(flaky, endpoint, jobId);
            assertThat(events).hasSize(2);
            assertThat(events.get(1).body()).as("every attempt sends the same event").isEqualTo(events.get(0).body());
            assertThat(events.get(1).header("X-Sweep-Attempt")).isEqualTo("3");
            assertSignedFor(events.get(1), endpoint);
            JsonNode delivered = deliveries(endpoint).get(0);
            assertThat(delivered.get("status").asText()).isEqualTo("DELIVERED");
            assertThat(delivered.get("attempts")).hasSize(3);
            assertThat(delivered.get("next_attempt_time").isNull()).isTrue();
        } finally {
            flaky.close();
        }
    }

    @Test
    void retries_stop_after_the_last_attempt_and_the_delivery_is_failed() {
        Registered endpoint = register("/never", "");
        for (int i = 0; i < Notifications.MAX_ATTEMPTS; i++) receiver.thenAnswer(500);
        String jobId = runJob();
        for (int attempt = 1; attempt <= Notifications.MAX_ATTEMPTS; attempt++) {
            int expected = attempt;
            runUntil(() -> eventsOf(endpoint, jobId).size() == expected);
            clock.advance(Notifications.delay(attempt));
        }
        clock.advance(Duration.ofDays(1));
        runDueEverywhere();
        runDueEverywhere();
        assertThat(eventsOf(endpoint, jobId)).hasSize(Notifications.MAX_ATTEMPTS);
        JsonNode failed = deliveries(endpoint).get(0);
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("attempt_count").asInt()).isEqualTo(Notifications.MAX_ATTEMPTS);
        assertThat(failed.get("next_attempt_time").isNull()).isTrue();
    }

    // --- managing endpoints -------------------------------------------------------------------

    @Test
    void the_secret_is_shown_when_the_endpoint_is_made_and_never_listed() {
        Registered endpoint = register("/secret", "\"statuses\":[\"FAILED\",\"CANCELLED\"]");
        assertThat(endpoint.secret()).startsWith("whsec_");
        var listed = admin.get("/api/notifications");
        assertThat(listed.body()).doesNotContain(endpoint.secret());
        JsonNode found = null;
        for (JsonNode e : listed.json().get("notifications")) if (e.get("id").asText().equals(endpoint.id())) found = e;
        assertThat(found).isNotNull();
        assertThat(found.get("url").asText()).isEqualTo(receiver.url("/secret"));
        assertThat(found.get("filters").get("statuses").toString()).isEqualTo("[\"CANCELLED\",\"FAILED\"]");
    }

    @Test
    void an_endpoint_with_a_wrong_address_module_or_status_is_refused() {
        for (String body : List.of("{\"url\":\"ftp://example.com/x\"}", "{\"url\":\"not a url\"}", "{\"url\":\"http://u:p@example.com/\"}",
                "{\"url\":\"http://example.com/\",\"modules\":[\"Nope\"]}", "{\"url\":\"http://example.com/\",\"statuses\":[\"RUNNING\"]}",
                "{\"url\":\"http://example.com/\",\"rules\":\"one\"}")) {
            var refused = admin.post("/api/notifications", body);
            assertThat(refused.status()).as(body + " -> " + refused.body()).isEqualTo(400);
            assertThat(refused.json().get("code").asText()).as(body).isEqualTo("INVALID_DATA");
        }
        assertThat(admin.post("/api/notifications", "{}").status()).isEqualTo(400);
        assertThat(admin.get("/api/notifications").json().get("notifications")).isEmpty();
    }

    @Test
    void a_deleted_endpoint_receives_nothing_more_and_is_not_found() {
        Registered endpoint = register("/deleted", "");
        assertThat(admin.delete("/api/notifications/" + endpoint.id()).status()).isEqualTo(200);
        assertThat(admin.delete("/api/notifications/" + endpoint.id()).status()).isEqualTo(404);
        assertThat(admin.get("/api/notifications/" + endpoint.id() + "/deliveries").status()).isEqualTo(404);
        String jobId = runJob();
        runDueEverywhere();
        runDueEverywhere();
        assertThat(eventsOf(endpoint, jobId)).isEmpty();
    }

    @Test
    void only_administrators_holding_the_notifications_scope_manage_endpoints() {
        Registered endpoint = register("/access", "");
        String create = "{\"url\":\"" + receiver.url("/refused") + "\"}";
        // signed in, but not with the Administrator profile: 403
        for (Http caller : List.of(Browser.signIn(server.http(), DemoData.SALES_EMAIL, DemoData.PASSWORD).withCsrf(),
                Browser.signIn(server.http(), DemoData.REP_EMAIL, DemoData.PASSWORD).withCsrf())) {
            assertRefused(caller, endpoint, create, 403);
        }
        // an administrator's token without the scope: Zoho's 401 OAUTH_SCOPE_MISMATCH
        assertRefused(server.tokenFor(DemoData.ADMIN_EMAIL, "Sweep.tokens.READ"), endpoint, create, 401);
        assertThat(server.http().get("/api/notifications").status()).isEqualTo(401);

        // the read scope reads, and only the full one changes
        Http reader = server.tokenFor(DemoData.ADMIN_EMAIL, "Sweep.notifications.READ");
        assertThat(reader.get("/api/notifications").status()).isEqualTo(200);
        assertThat(reader.get("/api/notifications/" + endpoint.id() + "/deliveries").status()).isEqualTo(200);
        assertThat(reader.post("/api/notifications", create).status()).as("a missing scope is Zoho's 401").isEqualTo(401);
        Http manager = server.tokenFor(DemoData.ADMIN_EMAIL, "Sweep.notifications.ALL");
        assertThat(manager.post("/api/notifications", create).status()).isEqualTo(201);
        // a sales user's token cannot reach it either, whatever it holds: the route is for the Administrator profile
        Http salesToken = server.tokenFor(DemoData.SALES_EMAIL, "Sweep.notifications.ALL", "Sweep.admin.ALL");
        assertThat(salesToken.get("/api/notifications").status()).isEqualTo(403);
        assertThat(admin.get("/api/notifications").json().get("notifications")).hasSize(2);
    }

    private static void assertRefused(Http caller, Registered endpoint, String create, int status) {
        assertThat(caller.get("/api/notifications").status()).isEqualTo(status);
        assertThat(caller.post("/api/notifications", create).status()).isEqualTo(status);
        assertThat(caller.get("/api/notifications/" + endpoint.id() + "/deliveries").status()).isEqualTo(status);
        assertThat(caller.delete("/api/notifications/" + endpoint.id()).status()).isEqualTo(status);
    }
}
