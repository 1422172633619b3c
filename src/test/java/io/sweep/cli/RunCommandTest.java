package io.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweep.hooks.WebhookSignature;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.Http;
import io.sweep.testsupport.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code sweep run} and {@code sweep webhook-secret} against a real server with rules of its own. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunCommandTest {
    private Path rulesDir;
    private String dbUrl;
    private TestServer server;
    private Http admin;
    private String url;

    @BeforeAll
    void start() throws Exception {
        rulesDir = Files.createTempDirectory("sweep-cli-rules");
        Files.writeString(rulesDir.resolve("cli-rating.js"), """
                export const rule = {
                  module: "Leads",
                  select: { criteria: "(Company:equals:Cli Co)" },
                  triggers: { webhook: true },
                  runAs: "admin@sweep.local",
                  params: { rating: "Active", note: "none" },
                };
                export function update(record, ctx) {
                  if (record.Last_Name === "Keep") return null;
                  // one field per record: Leads take one field per mass update
                  return ctx.params.note === "none" ? { Rating: ctx.params.rating } : { Designation: typeof ctx.params.note + ":" + ctx.params.note };
                }
                """);
        Files.writeString(rulesDir.resolve("cli-nothing.js"), """
                export const rule = { module: "Leads", select: { criteria: "(Company:equals:Nobody Co)" }, runAs: "admin@sweep.local" };
                export function update(record) { return { Rating: "Active" }; }
                """);
        Files.writeString(rulesDir.resolve("cli-partly.js"), """
                export const rule = { module: "Leads", select: { criteria: "(Company:equals:Cli Co)" }, runAs: "admin@sweep.local" };
                export function update(record) { return record.Last_Name === "Two" ? { No_Such_Field: "x" } : { Designation: "partly" }; }
                """);
        Files.writeString(rulesDir.resolve("cli-runaway.js"), """
                export const rule = { module: "Leads", select: { criteria: "(Company:equals:Cli Co)" }, runAs: "admin@sweep.local" };
                export function update(record) { while (true) {} }
                """);
        dbUrl = Backend.H2.newDatabaseUrl();
        server = TestServer.start(dbUrl, config -> config.withDemo(false).withRulesDir(rulesDir));
        admin = server.admin();
        url = admin.base();
        assertThat(admin.post("/crm/v2/Leads", """
                {"data":[{"Last_Name":"One","Company":"Cli Co"},{"Last_Name":"Two","Company":"Cli Co"},{"Last_Name":"Keep","Company":"Cli Co"}]}""")
                .status()).isEqualTo(201);
    }

    @AfterAll
    void stop() {
        server.stop();
    }

    private record Run(int exit, String out, String err) {}

    private static Run sweep(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var stdout = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        try {
            var cli = io.sweep.Main.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            int exit = cli.execute(args);
            return new Run(exit, out + stdout.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(original);
        }
    }

    private String field(String lastName, String field) {
        return admin.get("/crm/v2/Leads/search?criteria=((Company:equals:Cli%20Co)and(Last_Name:equals:" + lastName + "))")
                .json().get("data").get(0).path(field).asText();
    }

    @Test
    void run_follows_the_job_to_COMPLETED_prints_a_summary_and_exits_0() {
        Run run = sweep("run", "cli-rating", "--url", url, "--token", TestServer.ADMIN_TOKEN, "--param", "rating=Shut Down");
        assertThat(run.exit()).as(run.err() + run.out()).isZero();
        assertThat(run.err()).contains("started for rule cli-rating (3 records)").contains("100%");
        assertThat(run.out()).contains("COMPLETED").contains("total 3  updated 2  failed 0  not updated 1");
        assertThat(field("One", "Rating")).isEqualTo("Shut Down");
        assertThat(field("Keep", "Rating")).isNotEqualTo("Shut Down");

        // a value that is JSON reaches the script as JSON, anything else as text
        assertThat(sweep("run", "cli-rating", "--url", url, "--token", TestServer.ADMIN_TOKEN, "--param", "note=42").exit()).isZero();
        assertThat(field("Two", "Designation")).isEqualTo("number:42");
        assertThat(sweep("run", "cli-rating", "--url", url, "--token", TestServer.ADMIN_TOKEN, "--param", "note=4 2").exit()).isZero();
        assertThat(field("Two", "Designation")).isEqualTo("string:4 2");
    }

    @Test
    void a_dry_run_shows_the_selection_and_old_to_new_and_writes_nothing() {
        String before = field("One", "Rating");
        Run run = sweep("run", "cli-rating", "--dry-run", "--url", url, "--token", TestServer.ADMIN_TOKEN, "--param", "rating=Acquired");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("rule cli-rating on Leads: 3 records selected")
                .contains("first 3: would update 2, skip 1, fail 0")
                .contains("Rating: ").contains(" → Acquired");
        assertThat(field("One", "Rating")).isEqualTo(before);
    }

    @Test
    void a_user_the_rule_does_not_allow_gets_no_permission_from_run_and_dry_run() {
        var user = server.app().users().add("cli-standard@sweep.local", "Cli Standard", "Standard");
        String token = server.app().tokens().create(user.id(), io.sweep.auth.Scopes.of(java.util.List.of("ZohoCRM.mass_update.ALL", "ZohoCRM.modules.ALL", "Sweep.rules.READ")), null, "test").token();
        String before = field("One", "Rating");
        for (Run run : new Run[] {sweep("run", "cli-rating", "--url", url, "--token", token),
                sweep("run", "cli-rating", "--dry-run", "--url", url, "--token", token)}) {
            assertThat(run.exit()).as(run.err() + run.out()).isEqualTo(1);
            assertThat(run.err()).contains("sweep: NO_PERMISSION");
        }
        assertThat(field("One", "Rating")).isEqualTo(before);
    }

    @Test
    void a_run_the_server_refuses_prints_its_error_and_exits_1() {
        Run run = sweep("run", "cli-nothing", "--url", url, "--token", TestServer.ADMIN_TOKEN);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("sweep: NO_RECORDS_FOUND");
        Run unknown = sweep("run", "no-such-rule", "--url", url, "--token", TestServer.ADMIN_TOKEN);
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("sweep: NOT_FOUND");
    }

    @Test
    void a_job_that_fails_exits_1_with_its_reason() {
        Run run = sweep("run", "cli-runaway", "--url", url, "--token", TestServer.ADMIN_TOKEN);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("FAILED").contains("SCRIPT_TIMEOUT");
    }

    @Test
    void no_token_or_no_server_exits_2_with_one_line() {
        Run noToken = sweep("run", "cli-rating", "--url", url);
        if (System.getenv("SWEEP_TOKEN") == null) {
            assertThat(noToken.exit()).isEqualTo(2);
            assertThat(noToken.err().strip()).isEqualTo("sweep: no token: pass --token or set SWEEP_TOKEN");
        }
        Run noServer = sweep("run", "cli-rating", "--url", "http://localhost:1", "--token", "x");
        assertThat(noServer.exit()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(noServer.err()).startsWith("sweep: cannot reach Sweep at http://localhost:1");
        assertThat(noServer.err().strip().lines()).hasSize(1);
    }

    @Test
    void a_completed_job_with_failed_records_exits_3_unless_max_failures_allows_them() {
        Run strict = sweep("run", "cli-partly", "--url", url, "--token", TestServer.ADMIN_TOKEN);
        assertThat(strict.out()).as(strict.err()).contains("COMPLETED").contains("failed 1");
        assertThat(strict.exit()).isEqualTo(ExitCodes.RECORDS_FAILED);
        Run allowed = sweep("run", "cli-partly", "--url", url, "--token", TestServer.ADMIN_TOKEN, "--max-failures", "1");
        assertThat(allowed.exit()).as(allowed.err() + allowed.out()).isZero();
        Run negative = sweep("run", "cli-partly", "--url", url, "--token", TestServer.ADMIN_TOKEN, "--max-failures", "-1");
        assertThat(negative.exit()).isEqualTo(ExitCodes.USAGE);
    }

    /**
     * Zoho answers some refusals with 200 and the error wrapped in {@code data}; here a second run
     * while the rule's job still runs (ALREADY_SCHEDULED), on a server whose scripts may run long.
     */
    @Test
    void a_refusal_answered_with_200_prints_the_code_and_message_on_one_line_and_no_job() throws Exception {
        var limits = io.sweep.rules.SandboxLimits.defaults().withRecordTime(java.time.Duration.ofMinutes(2))
                .withStatementsPerRecord(Long.MAX_VALUE).withJobTime(java.time.Duration.ofMinutes(10));
        var slow = TestServer.start(Backend.H2.newDatabaseUrl(), c -> c.withDemo(false).withRulesDir(rulesDir).withRuleLimits(limits));
        try {
            assertThat(slow.admin().post("/crm/v2/Leads", "{\"data\":[{\"Last_Name\":\"One\",\"Company\":\"Cli Co\"}]}").status()).isEqualTo(201);
            var first = slow.admin().post("/api/rules/cli-runaway/run", "");
            assertThat(first.status()).as(first.body()).isEqualTo(202);
            String jobId = first.json().get("id").asText();
            try {
                Run second = sweep("run", "cli-runaway", "--url", slow.admin().base(), "--token", TestServer.ADMIN_TOKEN);
                assertThat(second.exit()).isEqualTo(ExitCodes.FAILED);
                assertThat(second.err().strip()).startsWith("sweep: ALREADY_SCHEDULED: ").doesNotContain("\n");
                assertThat(second.out()).isEmpty();
            } finally {
                slow.admin().post("/api/jobs/" + jobId + "/cancel", "");
            }
        } finally {
            slow.stop();
        }
    }

    @Test
    void webhook_secret_prints_a_secret_the_server_accepts_signatures_of() {
        Run created = sweep("webhook-secret", "cli-rating", "--db-url", dbUrl, "--rules-dir", rulesDir.toString());
        assertThat(created.exit()).as(created.err()).isZero();
        String secret = created.out().strip();
        assertThat(secret).doesNotContain(" ").hasSizeGreaterThan(30);
        byte[] body = "{\"rating\":\"Active\"}".getBytes(StandardCharsets.UTF_8);
        String signature = WebhookSignature.header(secret, Instant.now().getEpochSecond(), body);
        var answer = server.http().withHeader("X-Sweep-Signature", signature)
                .post("/hooks/cli-rating", new String(body, StandardCharsets.UTF_8));
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);

        Run typo = sweep("webhook-secret", "cli-ratin", "--db-url", dbUrl, "--rules-dir", rulesDir.toString());
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err()).contains("no rule cli-ratin in");
    }

    @Test
    void test_snapshot_turns_real_records_with_their_related_fields_into_cases_that_then_pass() throws Exception {
        Path dir = Files.createTempDirectory("sweep-snapshot");
        Files.copy(Path.of("rules", "contacts-copy-account-country.js"), dir.resolve("contacts-copy-account-country.js"));
        String account = admin.post("/crm/v2/Accounts", "{\"data\":[{\"Account_Name\":\"Snap Co\",\"Billing_Country\":\"Spain\"}]}")
                .json().get("data").get(0).get("details").get("id").asText();
        String contact = admin.post("/crm/v2/Contacts", "{\"data\":[{\"Last_Name\":\"Snap\",\"Account_Name\":{\"id\":\"" + account + "\"}}]}")
                .json().get("data").get(0).get("details").get("id").asText();

        Run run = sweep("test", "--snapshot", "contacts-copy-account-country", "--ids", contact, "--url", url, "--token", TestServer.ADMIN_TOKEN,
                dir.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("wrote 1 case to ");
        var cases = io.sweep.json.Json.MAPPER.readTree(dir.resolve("tests/contacts-copy-account-country.json").toFile());
        assertThat(cases).hasSize(1);
        var c = cases.get(0);
        assertThat(c.get("record").get("id").asText()).isEqualTo(contact);
        assertThat(c.get("record").get("Account_Name").get("Billing_Country").asText()).isEqualTo("Spain");
        assertThat(c.get("expect").get("set").get("Mailing_Country").asText()).isEqualTo("Spain");

        // a second snapshot of the same record at another time adds a case; the cases pass as written
        Run tested = sweep("test", dir.toString());
        assertThat(tested.exit()).as(tested.out()).isZero();
        assertThat(sweep("test", "--snapshot", "contacts-copy-account-country", "--ids", "123", "--url", url, "--token", TestServer.ADMIN_TOKEN,
                dir.toString()).exit()).isEqualTo(1);
        assertThat(sweep("test", "--snapshot", "contacts-copy-account-country", "--url", url, dir.toString()).exit()).isEqualTo(2);
    }
}
