package io.sweep.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweep.Config;
import io.sweep.demo.DemoData;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.Http;
import io.sweep.testsupport.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real answers against {@code GET /api/openapi.json}: a walk over every documented operation, a
 * success and an error where one applies, each answer held to the status, media type and schema
 * the document gives. The server is one of its own, with a copy of the sample rules, since the
 * walk writes a rule file, rotates a webhook secret, runs rules and takes a backup.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDescriptionConformanceTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HOOK_RULE = "mark-replied-leads-contacted";
    private static final String COMPANY = "Described Co";
    private static final String USER_EMAIL = "described@sweep.local";
    private static final String PASSWORD = "described-password-2";

    private TestServer server;
    private Path rulesDir;
    private ApiDocument document;
    private ApiWalk walk;
    private Http admin;
    private Http anonymous;
    private Path dbFile;

    @BeforeAll
    void start() throws IOException {
        rulesDir = Files.createTempDirectory("sweep-openapi-rules");
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".js")).toList()) Files.copy(file, rulesDir.resolve(file.getFileName()));
        }
        Files.createDirectories(rulesDir.resolve("lib"));
        try (Stream<Path> files = Files.list(Path.of("rules", "lib"))) {
            for (Path file : files.toList()) Files.copy(file, rulesDir.resolve("lib").resolve(file.getFileName()));
        }
        // without the demo data's many records the server starts in seconds; the walk makes what it calls.
        // An H2 file, not memory: the walk takes a backup, and only a file database has one
        dbFile = Files.createTempDirectory("sweep-openapi-db").resolve("sweep").toAbsolutePath();
        String dbUrl = "jdbc:h2:file:" + dbFile + ";DB_CLOSE_ON_EXIT=FALSE";
        server = TestServer.start(dbUrl, config -> config.withDemo(false).withRulesDir(rulesDir));
        admin = server.admin();
        anonymous = server.http();
        var served = anonymous.get("/api/openapi.json");
        assertThat(served.status()).isEqualTo(200);
        document = new ApiDocument(served.body());
        walk = new ApiWalk(document);
    }

    @AfterAll
    void stop() {
        server.stop();
    }

    @Test
    void every_documented_operation_answers_as_the_document_says() throws Exception {
        walkHealthAndDescription();
        List<String> leads = walkRecords();
        String viewId = walkViews();
        walkSettings(viewId);
        String jobId = walkMassUpdate(leads, viewId);
        walkChangeOwner(leads);
        walkJobs(jobId, leads);
        walkRules(leads);
        walkRecordHistory(leads);
        walkAccounts();
        walkSession();
        walkAuditAndMetrics();
        walkBackup();
        walkCommandLine();
        walkNotifications(jobId);
        admin.delete("/api/views/" + viewId);

        assertThat(walk.problems()).as("answers the document does not describe").isEmpty();
        assertThat(walk.walked()).as("documented operations the walk calls").containsAll(document.operations());
    }

    /** A server of its own with a limit of one call a minute: the walk's server has no limits. */
    @Test
    void a_token_over_its_rate_limit_is_answered_as_the_document_says() {
        TestServer limited = TestServer.start(Backend.H2.newDatabaseUrl(), config -> config.withDemo(false)
                .withRateLimits(new Config.RateLimits(1, 0)));
        try {
            ApiWalk limitedWalk = new ApiWalk(document);
            Http token = limited.tokenFor(DemoData.ADMIN_EMAIL, "ZohoCRM.org.READ");
            limitedWalk.call(token, "GET", "/crm/v2/org", "/crm/v2/org", null, 200);
            var refused = limitedWalk.call(token, "GET", "/crm/v2/org", "/crm/v2/org", null, 429);
            assertThat(refused.json().get("details").get("limit_name").asText()).isEqualTo("requests_per_minute");
            assertThat(limitedWalk.problems()).isEmpty();
        } finally {
            limited.stop();
        }
    }

    @Test
    void every_example_fits_its_schema() {
        List<String> problems = new ArrayList<>();
        document.root().path("paths").properties().forEach(path -> ApiDocument.METHODS.forEach(method -> {
            JsonNode op = path.getValue().path(method);
            op.path("responses").properties().forEach(r -> {
                String pointer = document.resolve("/paths/" + ApiDocument.escape(path.getKey()) + "/" + method + "/responses/" + r.getKey());
                JsonNode json = document.root().at(pointer + "/content/application~1json");
                json.path("examples").properties().forEach(example -> document.validate(pointer + "/content/application~1json/schema",
                        example.getValue().path("value")).forEach(p -> problems.add(method + " " + path.getKey() + " " + r.getKey() + " "
                        + example.getKey() + ": " + p)));
            });
        }));
        assertThat(problems).isEmpty();
    }

    private void walkHealthAndDescription() {
        walk.call(anonymous, "GET", "/health", "/health", null, 200);
        walk.call(anonymous, "GET", "/health/ready", "/health/ready", null, 200);
        walk.call(anonymous, "GET", "/api/openapi.json", "/api/openapi.json", null, 200);
    }

    private void walkSettings(String cvid) {
        Http noScope = server.tokenFor(DemoData.ADMIN_EMAIL, "Sweep.tokens.READ");
        walk.call(admin, "GET", "/crm/v2/settings/modules", "/crm/v2/settings/modules", null, 200);
        walk.call(noScope, "GET", "/crm/v2/settings/modules", "/crm/v2/settings/modules", null, 401);
        walk.call(admin, "GET", "/crm/v2/settings/fields", "/crm/v2/settings/fields?module=Leads", null, 200);
        walk.call(admin, "GET", "/crm/v2/settings/fields", "/crm/v2/settings/fields", null, 400);
        walk.call(admin, "GET", "/crm/v2/settings/layouts", "/crm/v2/settings/layouts?module=Leads", null, 200);
        walk.call(admin, "GET", "/crm/v2/settings/layouts", "/crm/v2/settings/layouts?module=Nope", null, 400);
        walk.call(admin, "GET", "/crm/v2/org", "/crm/v2/org", null, 200);
        walk.call(anonymous, "GET", "/crm/v2/org", "/crm/v2/org", null, 401);
        walk.call(admin, "GET", "/crm/v2/settings/custom_views", "/crm/v2/settings/custom_views?module=Leads", null, 200);
        walk.call(admin, "GET", "/crm/v2/settings/custom_views", "/crm/v2/settings/custom_views", null, 400);
        walk.call(admin, "GET", "/crm/v2/settings/custom_views/{id}", "/crm/v2/settings/custom_views/" + cvid + "?module=Leads", null, 200);
        walk.call(admin, "GET", "/crm/v2/settings/custom_views/{id}", "/crm/v2/settings/custom_views/1?module=Leads", null, 400);
        walk.call(admin, "GET", "/crm/v2/settings/territories", "/crm/v2/settings/territories", null, 200);
        walk.call(anonymous.withHeader("Authorization", "Bearer nothing"), "GET", "/crm/v2/settings/territories", "/crm/v2/settings/territories", null, 401);
        var users = walk.call(admin, "GET", "/crm/v2/users", "/crm/v2/users", null, 200);
        walk.call(admin, "GET", "/crm/v2/users", "/crm/v2/users?type=Nobody", null, 400);
        String userId = JSON.readTree(users.body()).get("users").get(0).get("id").asString();
        walk.call(admin, "GET", "/crm/v2/users/{id}", "/crm/v2/users/" + userId, null, 200);
        walk.call(admin, "GET", "/crm/v2/users/{id}", "/crm/v2/users/1", null, 400);
    }

    /** Creates the walk's leads; returns three of them, which the rest of the walk updates. */
    private List<String> walkRecords() {
        String body = "{\"data\":[" + String.join(",", Stream.of("1", "2", "3", "4", "5").map(i ->
                "{\"Last_Name\":\"Described " + i + "\",\"Company\":\"" + COMPANY + "\",\"Lead_Status\":\"Not Contacted\"}").toList()) + "]}";
        var created = walk.call(admin, "POST", "/crm/v2/{module}", "/crm/v2/Leads", body, 201);
        walk.call(admin, "POST", "/crm/v2/{module}", "/crm/v2/Leads", "{\"data\":[{\"Company\":\"No Last Name\"}]}", 400);
        List<String> ids = new ArrayList<>();
        JSON.readTree(created.body()).get("data").forEach(e -> ids.add(e.get("details").get("id").asString()));
        walk.call(admin, "GET", "/crm/v2/{module}", "/crm/v2/Leads?ids=" + ids.get(0) + "," + ids.get(1), null, 200);
        walk.call(admin, "GET", "/crm/v2/{module}", "/crm/v2/Leads?ids=1", null, 204);
        walk.call(admin, "GET", "/crm/v2/{module}", "/crm/v2/Nope", null, 400);
        walk.call(admin, "GET", "/crm/v2/{module}/{id}", "/crm/v2/Leads/" + ids.get(0), null, 200);
        walk.call(admin, "GET", "/crm/v2/{module}/{id}", "/crm/v2/Leads/1", null, 204);
        walk.call(admin, "GET", "/crm/v2/{module}/search", "/crm/v2/Leads/search?criteria=(Company:equals:Described%20Co)", null, 200);
        walk.call(admin, "GET", "/crm/v2/{module}/search", "/crm/v2/Leads/search?criteria=(Company:sounds_like:x)", null, 400);
        walk.call(admin, "PUT", "/crm/v2/{module}", "/crm/v2/Leads", "{\"data\":[{\"id\":\"" + ids.get(0) + "\",\"City\":\"Berlin\"}]}", 200);
        walk.call(admin, "PUT", "/crm/v2/{module}", "/crm/v2/Leads", "{\"data\":[{\"id\":\"1\",\"City\":\"Berlin\"}]}", 400);
        walk.call(admin, "PUT", "/crm/v2/{module}/{id}", "/crm/v2/Leads/" + ids.get(1), "{\"data\":[{\"City\":\"Paris\"}]}", 200);
        walk.call(admin, "PUT", "/crm/v2/{module}/{id}", "/crm/v2/Leads/1", "{\"data\":[{\"City\":\"Paris\"}]}", 400);
        walk.call(admin, "DELETE", "/crm/v2/{module}", "/crm/v2/Leads?ids=" + ids.get(3), null, 200);
        walk.call(admin, "DELETE", "/crm/v2/{module}", "/crm/v2/Leads", null, 400);
        walk.call(admin, "DELETE", "/crm/v2/{module}/{id}", "/crm/v2/Leads/" + ids.get(4), null, 200);
        walk.call(admin, "DELETE", "/crm/v2/{module}/{id}", "/crm/v2/Leads/1", null, 400);
        return ids.subList(0, 3);
    }

    /** Creates the walk's view over its leads; returns its id. */
    private String walkViews() {
        String criteria = "{\"comparator\":\"equal\",\"field\":{\"api_name\":\"Company\"},\"value\":\"" + COMPANY + "\"}";
        walk.call(admin, "GET", "/api/views", "/api/views?module=Leads", null, 200);
        walk.call(admin, "GET", "/api/views", "/api/views?module=Nope", null, 400);
        var created = walk.call(admin, "POST", "/api/views", "/api/views",
                "{\"module\":\"Leads\",\"name\":\"Described leads\",\"criteria\":" + criteria + "}", 201);
        walk.call(admin, "POST", "/api/views", "/api/views", "{\"module\":\"Leads\",\"name\":\"Broken\",\"criteria\":{\"comparator\":\"equal\"}}", 400);
        String id = JSON.readTree(created.body()).get("view").get("id").asString();
        walk.call(admin, "POST", "/api/views/count", "/api/views/count", "{\"module\":\"Leads\",\"criteria\":" + criteria + "}", 200);
        walk.call(admin, "POST", "/api/views/count", "/api/views/count", "{\"criteria\":" + criteria + "}", 400);
        walk.call(admin, "GET", "/api/views/{id}", "/api/views/" + id, null, 200);
        walk.call(admin, "GET", "/api/views/{id}", "/api/views/1", null, 404);
        walk.call(admin, "PUT", "/api/views/{id}", "/api/views/" + id,
                "{\"module\":\"Leads\",\"name\":\"Described leads, renamed\",\"criteria\":" + criteria + "}", 200);
        walk.call(admin, "PUT", "/api/views/{id}", "/api/views/1", "{\"module\":\"Leads\",\"name\":\"x\",\"criteria\":" + criteria + "}", 404);
        var other = admin.post("/api/views", "{\"module\":\"Leads\",\"name\":\"Described, to delete\",\"criteria\":" + criteria + "}");
        walk.call(admin, "DELETE", "/api/views/{id}", "/api/views/" + JSON.readTree(other.body()).get("view").get("id").asString(), null, 200);
        walk.call(admin, "DELETE", "/api/views/{id}", "/api/views/1", null, 404);
        return id;
    }

    /** Mass updates by ids and by the view; returns the view's job, ended. */
    private String walkMassUpdate(List<String> leads, String viewId) {
        String path = "/crm/v2/Leads/actions/mass_update";
        String template = "/crm/v2/{module}/actions/mass_update";
        walk.call(admin, "POST", template, path, "{\"data\":[{\"Lead_Status\":\"Attempted to Contact\"}],\"ids\":[\"" + leads.get(0) + "\"]}", 200);
        walk.call(admin, "POST", template, path, "{\"data\":[{\"Lead_Status\":\"Attempted to Contact\"}],\"ids\":[\"" + leads.get(0) + "\",\"1\"]}", 207);
        walk.call(admin, "POST", template, path, "{\"data\":[{\"Owner\":\"x\"}],\"ids\":[\"" + leads.get(0) + "\"]}", 400);
        walk.call(admin, "POST", template, path, "{\"ids\":[\"" + leads.get(0) + "\"]}", 400);
        var scheduled = walk.call(admin, "POST", template, path, "{\"data\":[{\"Rating\":\"Active\"}],\"cvid\":\"" + viewId + "\"}", 200);
        String jobId = JSON.readTree(scheduled.body()).get("data").get(0).get("details").get("job_id").asString();
        admin.waitForJobEnd(jobId);
        walk.call(admin, "GET", template, path + "?job_id=" + jobId, null, 200);
        walk.call(admin, "GET", template, path, null, 400);
        walk.call(admin, "GET", template, path + "?job_id=1", null, 404);
        return jobId;
    }

    private void walkChangeOwner(List<String> leads) {
        String owner = String.valueOf(server.app().users().byEmail(DemoData.ADMIN_EMAIL).orElseThrow().id());
        walk.call(admin, "POST", "/crm/v2/{module}/actions/change_owner", "/crm/v2/Leads/actions/change_owner",
                "{\"ids\":[\"" + leads.get(2) + "\"],\"owner\":{\"id\":\"" + owner + "\"}}", 200);
        walk.call(admin, "POST", "/crm/v2/{module}/actions/change_owner", "/crm/v2/Leads/actions/change_owner",
                "{\"ids\":[\"" + leads.get(2) + "\"]}", 400);
        walk.call(admin, "POST", "/crm/v2/{module}/{id}/actions/change_owner", "/crm/v2/Leads/" + leads.get(2) + "/actions/change_owner",
                "{\"owner\":{\"id\":\"" + owner + "\"}}", 200);
        walk.call(admin, "POST", "/crm/v2/{module}/{id}/actions/change_owner", "/crm/v2/Leads/" + leads.get(2) + "/actions/change_owner",
                "{\"owner\":{\"id\":\"1\"}}", 400);
    }

    private void walkJobs(String jobId, List<String> leads) {
        walk.call(admin, "GET", "/api/jobs", "/api/jobs?module=Leads&per_page=5", null, 200);
        walk.call(admin, "GET", "/api/jobs", "/api/jobs?module=Nope", null, 400);
        walk.call(admin, "GET", "/api/jobs/{id}", "/api/jobs/" + jobId, null, 200);
        walk.call(admin, "GET", "/api/jobs/{id}", "/api/jobs/1", null, 404);
        walk.call(admin, "GET", "/api/jobs/{id}/results", "/api/jobs/" + jobId + "/results", null, 200);
        walk.call(admin, "GET", "/api/jobs/{id}/results", "/api/jobs/" + jobId + "/results?format=csv", null, 200);
        walk.call(admin, "GET", "/api/jobs/{id}/results", "/api/jobs/" + jobId + "/results?format=xlsx", null, 200);
        walk.call(admin, "GET", "/api/jobs/{id}/results", "/api/jobs/1/results", null, 404);
        var one = walk.call(admin, "GET", "/api/jobs/{id}/results", "/api/jobs/" + jobId + "/results?record_id=" + leads.get(0), null, 200);
        assertThat(JSON.readTree(one.body()).get("results")).as(one.body()).singleElement()
                .satisfies(row -> assertThat(row.get("id").asString()).isEqualTo(leads.get(0)));
        walk.call(admin, "GET", "/api/jobs/{id}/results", "/api/jobs/" + jobId + "/results?record_id=not-an-id", null, 400);
        walk.call(admin.withHeader("Accept", "text/event-stream"), "GET", "/api/jobs/{id}/events", "/api/jobs/" + jobId + "/events", null, 200);
        walk.call(admin, "GET", "/api/jobs/{id}/events", "/api/jobs/" + jobId + "/events", null, 406);
        walk.call(admin, "POST", "/api/jobs/{id}/cancel", "/api/jobs/" + runningJob() + "/cancel", "", 200);
        walk.call(admin, "POST", "/api/jobs/{id}/cancel", "/api/jobs/" + jobId + "/cancel", "", 400);
        walk.call(admin, "POST", "/api/jobs/{id}/undo", "/api/jobs/" + jobId + "/undo", "{\"fields\":[\"Lead_Status\"]}", 400);
        var undo = walk.call(admin, "POST", "/api/jobs/{id}/undo", "/api/jobs/" + jobId + "/undo", "{\"fields\":[\"Rating\"]}", 202);
        String undoId = JSON.readTree(undo.body()).get("id").asString();
        admin.waitForJobEnd(undoId);
        walk.call(admin, "GET", "/api/jobs/{id}", "/api/jobs/" + jobId, null, 200);
        walk.call(admin, "GET", "/api/jobs/{id}/results", "/api/jobs/" + undoId + "/results", null, 200);
        walk.call(admin, "POST", "/api/jobs/{id}/undo", "/api/jobs/" + jobId + "/undo", "", 400);
        walk.call(admin, "POST", "/api/mass_update/preview", "/api/mass_update/preview?module=Leads&limit=2",
                "{\"data\":[{\"Rating\":\"Active\"}],\"cvid\":\"" + viewIdOf(jobId) + "\"}", 200);
        walk.call(admin, "POST", "/api/mass_update/preview", "/api/mass_update/preview", "{\"data\":[{\"Rating\":\"Active\"}],\"ids\":[\"1\"]}", 400);
    }

    private void walkRules(List<String> leads) throws Exception {
        walk.call(admin, "GET", "/api/rules", "/api/rules", null, 200);
        walk.call(anonymous, "GET", "/api/rules", "/api/rules", null, 401);
        walk.call(admin, "GET", "/api/rules/{id}", "/api/rules/" + HOOK_RULE, null, 200);
        walk.call(admin, "GET", "/api/rules/{id}", "/api/rules/no-such-rule", null, 404);
        String source = """
                export const rule = { module: "Leads", select: { criteria: "(Company:equals:Described Co)" }, runAs: "admin@sweep.local" };
                export function update(record, ctx) { return null; }
                """;
        walk.call(admin, "PUT", "/api/rules/{id}", "/api/rules/described-rule", source, 200);
        walk.call(admin, "PUT", "/api/rules/{id}", "/api/rules/described-broken", "export const rule = {", 400);
        String params = "{\"ids\":[\"" + leads.get(1) + "\"]}";
        walk.call(admin, "POST", "/api/rules/{id}/preview", "/api/rules/" + HOOK_RULE + "/preview?limit=2", params, 200);
        walk.call(admin, "POST", "/api/rules/{id}/preview", "/api/rules/no-such-rule/preview", params, 404);
        var run = walk.call(admin, "POST", "/api/rules/{id}/run", "/api/rules/" + HOOK_RULE + "/run", params, 202);
        admin.waitForJobEnd(JSON.readTree(run.body()).get("id").asString());
        walk.call(admin, "POST", "/api/rules/{id}/run", "/api/rules/no-such-rule/run", params, 404);
        var secret = walk.call(admin, "POST", "/api/rules/{id}/webhook_secret", "/api/rules/" + HOOK_RULE + "/webhook_secret", "", 201);
        walk.call(admin, "POST", "/api/rules/{id}/webhook_secret", "/api/rules/no-such-rule/webhook_secret", "", 404);
        String key = JSON.readTree(secret.body()).get("secret").asString();
        String t = String.valueOf(System.currentTimeMillis() / 1000);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = HexFormat.of().formatHex(mac.doFinal((t + "." + params).getBytes(StandardCharsets.UTF_8)));
        walk.call(anonymous.withHeader("X-Sweep-Signature", "t=" + t + ",v1=" + signature), "POST", "/hooks/{rule}", "/hooks/" + HOOK_RULE, params, 202);
        walk.call(anonymous.withHeader("X-Sweep-Signature", "t=" + t + ",v1=00"), "POST", "/hooks/{rule}", "/hooks/" + HOOK_RULE, params, 401);
        // now with runs in the rule's last_runs
        walk.call(admin, "GET", "/api/rules/{id}", "/api/rules/" + HOOK_RULE, null, 200);
    }

    /** By now the walk's leads were created, updated, mass updated, given an owner and run through a rule. */
    private void walkRecordHistory(List<String> leads) {
        String template = "/api/records/{module}/{id}/history";
        var history = walk.call(admin, "GET", template, "/api/records/Leads/" + leads.get(0) + "/history", null, 200);
        assertThat(JSON.readTree(history.body()).get("history")).as(history.body()).hasSizeGreaterThan(1);
        walk.call(admin, "GET", template, "/api/records/Leads/" + leads.get(0) + "/history?field=Lead_Status&per_page=1", null, 200);
        walk.call(admin, "GET", template, "/api/records/Leads/1/history", null, 204);
        walk.call(admin, "GET", template, "/api/records/Nope/1/history", null, 400);
        walk.call(admin, "GET", template, "/api/records/Activities/1/history", null, 400);
        walk.call(anonymous, "GET", template, "/api/records/Leads/" + leads.get(0) + "/history", null, 401);
    }

    /** The key the server wrote beside its H2 file lets the command line in; nobody else. */
    private void walkCommandLine() throws java.io.IOException {
        String key = io.sweep.json.Json.MAPPER.readTree(dbFile.resolveSibling("sweep.cli.json").toFile()).get("key").asText();
        Http local = anonymous.withHeader(io.sweep.cli.LocalServer.KEY_HEADER, key);
        var done = walk.call(local, "POST", "/api/cli", "/api/cli", "{\"command\":\"webhook-secret\",\"args\":{\"rule\":\"stale-contacted-leads\"}}", 200);
        assertThat(done.json().get("result").asText()).isNotBlank();
        walk.call(local, "POST", "/api/cli", "/api/cli", "{\"command\":\"token revoke\",\"args\":{\"token\":\"no-such-token\"}}", 400);
        walk.call(anonymous, "POST", "/api/cli", "/api/cli", "{\"command\":\"token revoke\",\"args\":{\"token\":\"x\"}}", 403);
    }

    /** The walk's server is on H2, where a backup is made: a zip. */
    private void walkBackup() {
        var backup = walk.call(admin, "GET", "/api/backup", "/api/backup", null, 200);
        assertThat(backup.contentType()).isEqualTo("application/zip");
        assertThat(backup.body()).startsWith("PK");
        walk.call(server.tokenFor(DemoData.ADMIN_EMAIL, "Sweep.tokens.READ"), "GET", "/api/backup", "/api/backup", null, 401);
    }

    private void walkAccounts() {
        walk.call(admin, "GET", "/api/users", "/api/users", null, 200);
        walk.call(anonymous, "GET", "/api/users", "/api/users", null, 401);
        String user = "{\"email\":\"" + USER_EMAIL + "\",\"name\":\"Described User\",\"profile\":\"Standard\",\"password\":\"described-password-1\"}";
        var created = walk.call(admin, "POST", "/api/users", "/api/users", user, 201);
        walk.call(admin, "POST", "/api/users", "/api/users", user, 400);
        String userId = JSON.readTree(created.body()).get("user").get("id").asString();
        walk.call(admin, "PATCH", "/api/users/{id}", "/api/users/" + userId, "{\"password\":\"" + PASSWORD + "\"}", 200);
        walk.call(admin, "PATCH", "/api/users/{id}", "/api/users/1", "{\"active\":false}", 404);
        walk.call(admin, "GET", "/api/profiles", "/api/profiles", null, 200);
        walk.call(anonymous, "GET", "/api/profiles", "/api/profiles", null, 401);
        walk.call(admin, "GET", "/api/tokens", "/api/tokens", null, 200);
        walk.call(anonymous, "GET", "/api/tokens", "/api/tokens", null, 401);
        var token = walk.call(admin, "POST", "/api/tokens", "/api/tokens", "{\"label\":\"described\",\"scopes\":[\"ZohoCRM.modules.ALL\"],\"expires\":\"30d\"}", 201);
        walk.call(admin, "POST", "/api/tokens", "/api/tokens", "{\"label\":\"described\",\"scopes\":[\"No.such.scope\"]}", 400);
        walk.call(admin, "DELETE", "/api/tokens/{id}", "/api/tokens/" + JSON.readTree(token.body()).get("id").asString(), null, 200);
        walk.call(admin, "DELETE", "/api/tokens/{id}", "/api/tokens/1", null, 404);
        walk.call(admin, "GET", "/api/scopes", "/api/scopes", null, 200);
        walk.call(anonymous, "GET", "/api/scopes", "/api/scopes", null, 401);
    }

    private void walkSession() {
        String credentials = "{\"email\":\"" + USER_EMAIL + "\",\"password\":\"" + PASSWORD + "\"}";
        walk.call(anonymous, "POST", "/api/session", "/api/session", "{\"email\":\"" + USER_EMAIL + "\",\"password\":\"wrong\"}", 401);
        var login = walk.call(anonymous, "POST", "/api/session", "/api/session", credentials, 200);
        String cookie = login.raw().headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String csrf = JSON.readTree(login.body()).get("csrf_token").asString();
        Http browser = anonymous.withHeader("Cookie", cookie);
        walk.call(browser, "GET", "/api/session", "/api/session", null, 200);
        walk.call(anonymous, "GET", "/api/session", "/api/session", null, 401);
        walk.call(browser, "DELETE", "/api/session", "/api/session", null, 403);
        walk.call(browser.withHeader("X-CSRF-Token", csrf), "DELETE", "/api/session", "/api/session", null, 204);
    }

    private void walkAuditAndMetrics() {
        walk.call(admin, "GET", "/api/audit", "/api/audit?per_page=5", null, 200);
        walk.call(admin, "GET", "/api/audit", "/api/audit?format=csv", null, 200);
        walk.call(admin, "GET", "/api/audit", "/api/audit?format=xlsx", null, 200);
        walk.call(admin, "GET", "/api/audit", "/api/audit?kind=nothing.such", null, 400);
        walk.call(admin, "GET", "/metrics", "/metrics", null, 200);
        walk.call(anonymous, "GET", "/metrics", "/metrics", null, 401);
    }

    private void walkNotifications(String endedJobId) {
        var created = walk.call(admin, "POST", "/api/notifications", "/api/notifications",
                "{\"url\":\"http://127.0.0.1:9/sweep\",\"description\":\"described\"}", 201);
        walk.call(admin, "POST", "/api/notifications", "/api/notifications", "{\"url\":\"ftp://example.com/\"}", 400);
        walk.call(admin, "GET", "/api/notifications", "/api/notifications", null, 200);
        walk.call(anonymous, "GET", "/api/notifications", "/api/notifications", null, 401);
        String id = created.json().get("id").asText();
        // a delivery of a job that has ended, as the job's end stores it (nothing listens on port 9: it stays PENDING)
        server.app().notifications().jobEnded(Long.parseLong(endedJobId));
        walk.call(admin, "GET", "/api/notifications/{id}/deliveries", "/api/notifications/" + id + "/deliveries", null, 200);
        walk.call(admin, "GET", "/api/notifications/{id}/deliveries", "/api/notifications/1/deliveries", null, 404);
        walk.call(admin, "DELETE", "/api/notifications/{id}", "/api/notifications/" + id, null, 200);
        walk.call(admin, "DELETE", "/api/notifications/{id}", "/api/notifications/" + id, null, 404);
    }

    /** A RUNNING job of the walk's own, stored as one: a cancel must find it still running, whatever the job threads do. */
    private String runningJob() {
        var db = server.app().database();
        long module = server.app().metadata().module("Leads").orElseThrow().id();
        long user = server.app().users().byEmail(DemoData.ADMIN_EMAIL).orElseThrow().id();
        long id = db.inTransaction(h -> {
            long j = db.nextId(h);
            h.createUpdate("""
                    INSERT INTO jobs (id, module_id, user_id, trigger_type, status, request, total_count, updated_count, failed_count,
                                      chunk_count, chunks_done, created_time, start_time)
                    VALUES (:id, :m, :u, 'api', 'RUNNING', :request, 10, 4, 1, 0, 0, :now, :now)""")
                    .bind("id", j).bind("m", module).bind("u", user).bind("now", OffsetDateTime.now().withNano(0))
                    .bind("request", "{\"data\":[{\"Rating\":\"Active\"}],\"ids\":[\"1\"],\"over_write\":false}")
                    .execute();
            return j;
        });
        return String.valueOf(id);
    }

    private String viewIdOf(String jobId) {
        return JSON.readTree(admin.get("/api/jobs/" + jobId).body()).get("cvid").asString();
    }
}
