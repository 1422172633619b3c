package io.sweep.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.Config;
import io.sweep.Main;
import io.sweep.demo.DemoData;
import io.sweep.hooks.WebhookSignature;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.Browser;
import io.sweep.testsupport.Http;
import io.sweep.testsupport.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The audit log through the real API: each action done through Sweep's routes (and its command
 * line) leaves an entry with the right actor and subject, which {@code GET /api/audit} shows to
 * administrators only, filtered, paged and as CSV.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AuditLogContract {
    private static final String RULE_ID = "audited";
    private Path rulesDir;
    private String dbUrl;
    private TestServer server;
    private Http admin;
    private String adminId;

    abstract Backend backend();

    @BeforeAll
    void start() throws Exception {
        rulesDir = Files.createTempDirectory("sweep-audit-rules");
        Files.writeString(rulesDir.resolve(RULE_ID + ".js"), rule("\"first\""));
        dbUrl = backend().newDatabaseUrl();
        // no job threads: a job stays SCHEDULED until the test runs its chunks, so it can be cancelled for sure
        server = TestServer.start(dbUrl, config -> config.withRulesDir(rulesDir)
                .withJobs(new Config.JobSettings(config.jobs().heartbeat(), config.jobs().polling(), 0, "audit-test")));
        admin = Browser.signIn(server.http(), DemoData.ADMIN_EMAIL, DemoData.PASSWORD).withCsrf();
        adminId = admin.get("/api/session").json().get("user").get("id").asText();
        for (int i = 0; i < 3; i++) {
            var created = admin.post("/crm/v2/Leads", "{\"data\":[{\"Last_Name\":\"Audited " + i + "\",\"Company\":\"Audit Co\"}]}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
    }

    @AfterAll
    void stop() {
        if (server != null) server.stop();
    }

    private static String rule(String designation) {
        return """
                export const rule = {
                  module: "Leads",
                  select: { criteria: "(Company:equals:Audit Co)" },
                  triggers: { webhook: true },
                  runAs: "admin@sweep.local",
                };
                export function update(record, ctx) {
                  return { Designation: %s };
                }
                """.formatted(designation);
    }

    // --- reading the log ------------------------------------------------------------------

    private List<JsonNode> entries(String query) {
        var response = admin.get("/api/audit?per_page=200&" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        response.json().get("entries").forEach(list::add);
        return list;
    }

    /** The newest entry of this kind about this subject; fails when there is none. */
    private JsonNode entry(String kind, String subject) {
        return entries("kind=" + kind).stream().filter(e -> subject.equals(e.path("subject").asText(null))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " entry about " + subject + " in " + entries("kind=" + kind)));
    }

    private JsonNode waitForEntry(String kind, Predicate<JsonNode> match) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            var found = entries("kind=" + kind).stream().filter(match).findFirst();
            if (found.isPresent()) return found.get();
            pause(100);
        }
        throw new AssertionError("no matching " + kind + " entry appeared");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private void assertActor(JsonNode entry, String id, String label) {
        assertThat(entry.get("actor").get("id").asText(null)).as(entry.toString()).isEqualTo(id);
        assertThat(entry.get("actor").get("label").asText()).as(entry.toString()).isEqualTo(label);
    }

    private void assertByAdmin(JsonNode entry) {
        assertActor(entry, adminId, DemoData.ADMIN_EMAIL);
        assertThat(entry.get("remote_address").asText(null)).as(entry.toString()).isNotBlank();
    }

    private String newUser(String password) {
        String email = "audit-" + UUID.randomUUID() + "@example.com";
        var created = admin.post("/api/users", "{\"email\":\"" + email + "\",\"name\":\"Audited\",\"profile\":\"Standard\",\"password\":\"" + password + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("user").get("id").asText() + " " + email;
    }

    // --- access ---------------------------------------------------------------------------

    @Test
    void the_audit_log_is_for_administrators_only() {
        assertThat(admin.get("/api/audit").status()).isEqualTo(200);
        var sales = Browser.signIn(server.http(), DemoData.SALES_EMAIL, DemoData.PASSWORD).withCsrf().get("/api/audit");
        var rep = Browser.signIn(server.http(), DemoData.REP_EMAIL, DemoData.PASSWORD).withCsrf().get("/api/audit");
        assertThat(sales.status()).as(sales.body()).isEqualTo(403);
        assertThat(rep.status()).as(rep.body()).isEqualTo(403);
        assertThat(server.http().get("/api/audit").status()).isEqualTo(401);
    }

    @Test
    void no_route_changes_or_deletes_an_entry() {
        String id = entries("").get(0).get("id").asText();
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
            for (String path : List.of("/api/audit", "/api/audit/" + id)) {
                assertThat(admin.send(method, path, "{}").status()).as(method + " " + path).isIn(404, 405);
            }
        }
        assertThat(entries("").stream().map(e -> e.get("id").asText())).contains(id);
    }

    // --- what is recorded -----------------------------------------------------------------

    @Test
    void a_sign_in_a_refused_sign_in_and_a_sign_out_are_recorded_with_the_user_and_address() {
        String[] user = newUser("audit-password").split(" ");
        String subject = "user:" + user[0];

        var browser = Browser.signIn(server.http(), user[1], "audit-password").withCsrf();
        JsonNode signIn = entry("session.sign_in", subject);
        assertActor(signIn, user[0], user[1]);
        assertThat(signIn.get("remote_address").asText(null)).isNotBlank();

        assertThat(Browser.login(server.http(), user[1], "wrong-password").status()).isEqualTo(401);
        JsonNode failed = entry("session.sign_in_failed", subject);
        assertActor(failed, null, user[1]);
        assertThat(failed.get("details").get("reason").asText()).isEqualTo("wrong e-mail or password");

        String nobody = "nobody-" + UUID.randomUUID() + "@example.com";
        assertThat(Browser.login(server.http(), nobody, "whatever-password").status()).isEqualTo(401);
        assertThat(entries("kind=session.sign_in_failed&actor=" + nobody)).hasSize(1).first()
                .satisfies(e -> assertThat(e.get("subject").isNull()).isTrue());

        assertThat(browser.delete("/api/session").status()).isEqualTo(204);
        assertActor(entry("session.sign_out", subject), user[0], user[1]);
    }

    @Test
    void creating_and_revoking_a_token_is_recorded_with_who_did_it_and_never_the_secret() {
        var created = admin.post("/api/tokens", "{\"label\":\"audited token\",\"scopes\":[\"ZohoCRM.modules.ALL\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        String secret = created.json().get("token").asText();

        JsonNode create = entry("token.create", "token:" + id);
        assertByAdmin(create);
        assertThat(create.get("details").get("label").asText()).isEqualTo("audited token");
        assertThat(create.get("details").get("scopes").get(0).asText()).isEqualTo("ZohoCRM.modules.ALL");
        assertThat(create.toString()).doesNotContain(secret);

        assertThat(admin.delete("/api/tokens/" + id).status()).isEqualTo(200);
        assertByAdmin(entry("token.revoke", "token:" + id));
    }

    @Test
    void adding_a_user_setting_their_password_and_turning_them_off_and_on_is_recorded() {
        String[] user = newUser("first-password").split(" ");
        String subject = "user:" + user[0];
        JsonNode add = entry("user.add", subject);
        assertByAdmin(add);
        assertThat(add.get("details").get("email").asText()).isEqualTo(user[1]);
        assertThat(add.get("details").get("profile").asText()).isEqualTo("Standard");

        assertThat(admin.send("PATCH", "/api/users/" + user[0], "{\"password\":\"second-password\"}").status()).isEqualTo(200);
        assertByAdmin(entry("user.password", subject));
        assertThat(admin.send("PATCH", "/api/users/" + user[0], "{\"active\":false}").status()).isEqualTo(200);
        assertByAdmin(entry("user.deactivate", subject));
        assertThat(admin.send("PATCH", "/api/users/" + user[0], "{\"active\":true}").status()).isEqualTo(200);
        assertByAdmin(entry("user.activate", subject));
    }

    @Test
    void a_rule_written_through_the_api_is_recorded_with_its_author_and_a_diff_and_a_change_on_disk_as_the_disks() throws Exception {
        String id = "edited-" + UUID.randomUUID().toString().substring(0, 8);
        Files.writeString(rulesDir.resolve(id + ".js"), rule("\"before\""));
        JsonNode added = waitForEntry("rule.change", e -> e.get("subject").asText().equals("rule:" + id));
        assertActor(added, null, "disk");
        assertThat(added.get("details").get("change").asText()).isEqualTo("added");

        var put = admin.put("/api/rules/" + id, rule("\"after\""));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        JsonNode written = entry("rule.change", "rule:" + id);
        assertByAdmin(written);
        assertThat(written.get("details").get("change").asText()).isEqualTo("changed");
        assertThat(written.get("details").get("version").asText()).isEqualTo(put.json().get("version").asText());
        String diff = written.get("details").get("diff").asText();
        assertThat(diff).contains("--- a/" + id + ".js", "+++ b/" + id + ".js", "-  return { Designation: \"before\" };",
                "+  return { Designation: \"after\" };");
        assertThat(diff).doesNotContain("-  module: \"Leads\",");

        Files.delete(rulesDir.resolve(id + ".js"));
        JsonNode removed = waitForEntry("rule.change",
                e -> e.get("subject").asText().equals("rule:" + id) && e.get("details").get("change").asText().equals("removed"));
        assertActor(removed, null, "disk");
        // the write through the API was recorded once, by its author, not again as the disk's
        assertThat(entries("kind=rule.change&actor=disk")).filteredOn(e -> e.get("subject").asText().equals("rule:" + id)).hasSize(2);
    }

    @Test
    void rotating_a_webhook_secret_is_recorded() {
        assertThat(admin.post("/api/rules/" + RULE_ID + "/webhook_secret", "").status()).isEqualTo(201);
        assertByAdmin(entry("webhook_secret.rotate", "rule:" + RULE_ID));
    }

    @Test
    void starting_cancelling_and_undoing_a_job_is_recorded_with_who_did_it() {
        var first = admin.post("/api/rules/" + RULE_ID + "/run", "");
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        String cancelled = first.json().get("id").asText();
        // the job service is not told the request's address: a job's entries name the user only
        JsonNode start = entry("job.start", "job:" + cancelled);
        assertActor(start, adminId, DemoData.ADMIN_EMAIL);
        assertThat(start.get("details").get("trigger").asText()).isEqualTo("rule");
        assertThat(start.get("details").get("rule").asText()).isEqualTo(RULE_ID);

        assertThat(admin.post("/api/jobs/" + cancelled + "/cancel", "").status()).isEqualTo(200);
        assertActor(entry("job.cancel", "job:" + cancelled), adminId, DemoData.ADMIN_EMAIL);

        String done = admin.post("/api/rules/" + RULE_ID + "/run", "").json().get("id").asText();
        runUntilEnded(done);
        var undo = admin.post("/api/jobs/" + done + "/undo", "");
        assertThat(undo.status()).as(undo.body()).isEqualTo(202);
        JsonNode undone = entry("job.undo", "job:" + done);
        assertActor(undone, adminId, DemoData.ADMIN_EMAIL);
        assertThat(undone.get("details").get("undo_job").asText()).isEqualTo(undo.json().get("id").asText());
        runUntilEnded(undo.json().get("id").asText());
    }

    private void runUntilEnded(String jobId) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (Instant.now().isBefore(deadline)) {
            server.app().jobScheduler().runDue();
            String status = admin.get("/api/jobs/" + jobId).json().get("status").asText();
            if (!status.equals("SCHEDULED") && !status.equals("RUNNING")) return;
            pause(50);
        }
        throw new AssertionError("job " + jobId + " did not end");
    }

    @Test
    void a_webhook_delivery_is_recorded_as_accepted_with_its_job_or_refused_with_why() {
        String secret = admin.post("/api/rules/" + RULE_ID + "/webhook_secret", "").json().get("secret").asText();
        String key = "audit-" + UUID.randomUUID();
        byte[] body = "{\"n\":1}".getBytes(StandardCharsets.UTF_8);
        var accepted = server.http().withHeader("X-Sweep-Signature", WebhookSignature.header(secret, Instant.now().getEpochSecond(), key, body))
                .withHeader("Idempotency-Key", key).post("/hooks/" + RULE_ID, "{\"n\":1}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        JsonNode ok = waitForEntry("webhook.accept", e -> key.equals(e.get("details").path("idempotency_key").asText()));
        assertActor(ok, null, "webhook:" + RULE_ID);
        assertThat(ok.get("subject").asText()).isEqualTo("rule:" + RULE_ID);
        assertThat(ok.get("details").get("job_id").asText()).isEqualTo(accepted.json().get("job_id").asText());
        assertThat(ok.get("remote_address").asText(null)).isNotBlank();

        String badKey = "audit-bad-" + UUID.randomUUID();
        var refused = server.http().withHeader("X-Sweep-Signature", "t=" + Instant.now().getEpochSecond() + ",v1=00")
                .withHeader("Idempotency-Key", badKey).post("/hooks/" + RULE_ID, "{}");
        assertThat(refused.status()).isEqualTo(401);
        JsonNode no = waitForEntry("webhook.refuse", e -> badKey.equals(e.get("details").path("idempotency_key").asText()));
        assertActor(no, null, "webhook:" + RULE_ID);
        assertThat(no.get("details").get("code").asText()).isEqualTo("INVALID_SIGNATURE");
        assertThat(no.get("details").get("reason").asText()).isNotBlank();
    }

    @Test
    void the_command_line_records_its_token_and_user_changes_as_cli() {
        String email = "cli-" + UUID.randomUUID() + "@example.com";
        assertThat(Main.commandLine().execute("user", "add", "--db-url", dbUrl, "--email", email, "--name", "Cli Audited")).isZero();
        String userId = server.app().users().byEmail(email).orElseThrow().id() + "";
        assertActor(entry("user.add", "user:" + userId), null, "cli");

        assertThat(Main.commandLine().execute("token", "create", "--db-url", dbUrl, "--user", email, "--scope", "ZohoCRM.modules.ALL",
                "--label", "from the cli")).isZero();
        JsonNode created = entries("kind=token.create&actor=cli").stream()
                .filter(e -> email.equals(e.get("details").get("owner").asText())).findFirst().orElseThrow();
        String tokenId = created.get("subject").asText().substring("token:".length());
        assertThat(Main.commandLine().execute("token", "revoke", "--db-url", dbUrl, tokenId)).isZero();
        assertActor(entry("token.revoke", "token:" + tokenId), null, "cli");
    }

    // --- filters, pages, CSV --------------------------------------------------------------

    @Test
    void entries_are_filtered_by_actor_kind_and_time_and_paged_newest_first() {
        newUser("paging-password");
        newUser("paging-password");

        assertThat(entries("kind=user.add")).isNotEmpty().allSatisfy(e -> assertThat(e.get("kind").asText()).isEqualTo("user.add"));
        assertThat(entries("actor=" + DemoData.ADMIN_EMAIL.toUpperCase())).isNotEmpty()
                .allSatisfy(e -> assertThat(e.get("actor").get("label").asText()).isEqualTo(DemoData.ADMIN_EMAIL));
        assertThat(entries("actor=" + adminId)).isNotEmpty()
                .allSatisfy(e -> assertThat(e.get("actor").get("id").asText()).isEqualTo(adminId));
        String future = URLEncoder.encode(OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).toString(), StandardCharsets.UTF_8);
        assertThat(entries("since=" + future)).isEmpty();
        assertThat(entries("until=2000-01-01")).isEmpty();
        assertThat(entries("since=2000-01-01&kind=user.add")).isNotEmpty();

        var page1 = admin.get("/api/audit?kind=user.add&per_page=1&page=1").json();
        var page2 = admin.get("/api/audit?kind=user.add&per_page=1&page=2").json();
        assertThat(page1.get("info").get("more_records").asBoolean()).isTrue();
        assertThat(page1.get("info").get("count").asInt()).isEqualTo(1);
        String newer = page1.get("entries").get(0).get("time").asText();
        String older = page2.get("entries").get(0).get("time").asText();
        assertThat(newer.compareTo(older)).isGreaterThanOrEqualTo(0);
        assertThat(page1.get("entries").get(0).get("id").asText()).isNotEqualTo(page2.get("entries").get(0).get("id").asText());

        var badKind = admin.get("/api/audit?kind=nonsense");
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.json().get("code").asText()).isEqualTo("INVALID_DATA");
        assertThat(admin.get("/api/audit?since=yesterday").status()).isEqualTo(400);
    }

    @Test
    void the_log_downloads_as_csv_with_the_same_filters() {
        String[] user = newUser("csv-password").split(" ");
        var csv = admin.get("/api/audit?format=csv&kind=user.add");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("id,time,actor_id,actor,kind,subject,remote_address,details");
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("user:" + user[0], DemoData.ADMIN_EMAIL, "user.add"));
        assertThat(java.util.Arrays.asList(lines).subList(1, lines.length)).allSatisfy(l -> assertThat(l).contains(",user.add,"));
    }

    @Test
    void the_log_downloads_as_a_spreadsheet_whose_ids_keep_their_digits() {
        newUser("xlsx-password");
        var download = admin.download("/api/audit?format=xlsx&kind=user.add");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(download.disposition()).isEqualTo("attachment; filename=\"sweep-audit.xlsx\"");
        var sheet = io.sweep.testsupport.Spreadsheet.read(download.body());
        assertThat(sheet.texts().get(0)).containsExactly("id", "time", "actor_id", "actor", "kind", "subject", "remote_address", "details");
        assertThat(sheet.rows().size()).isGreaterThan(1);
        assertThat(sheet.rows().subList(1, sheet.rows().size())).allSatisfy(r -> {
            assertThat(r.get(0).type()).isEqualTo("inlineStr");
            assertThat(r.get(4).text()).isEqualTo("user.add");
        });
        // the actor, a user: an id of 19 digits, as text
        assertThat(sheet.rows().subList(1, sheet.rows().size())).anySatisfy(r -> {
            assertThat(r.get(2).type()).isEqualTo("inlineStr");
            assertThat(r.get(2).text()).matches("\\d{19}");
        });
    }
}
