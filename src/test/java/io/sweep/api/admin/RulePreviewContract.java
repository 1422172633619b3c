package io.sweep.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.auth.Scopes;
import io.sweep.demo.DemoData;
import io.sweep.jobs.Preview;
import io.sweep.jobs.PreviewService;
import io.sweep.json.Json;
import io.sweep.massupdate.RecordOutcome;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.Http;
import io.sweep.testsupport.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code POST /api/rules/{id}/preview} goes through the whole selection and shows the records that
 * would change first, for given ids or for unsaved source too, with the script's log; and
 * {@code POST /api/rules/{id}/run?dry_run=true} runs a job that writes nothing. On a server of its
 * own (its rules folder), on H2 and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RulePreviewContract {
    private static final String RULE = "late-few";
    private static final String COMPANY = "Preview Late Co";
    private static final int LEADS = 1_200;
    private static final List<String> LATE = List.of("Lead 1195", "Lead 1196", "Lead 1197", "Lead 1198", "Lead 1199");

    private Path rulesDir;
    private TestServer server;
    private AdminFixtures fx;
    private Http admin;
    private Http sales;
    private Http salesEditor;
    private Http rep;
    private List<String> leadIds;
    private String otherLead;

    abstract Backend backend();

    @BeforeAll
    void start() throws IOException {
        rulesDir = Files.createTempDirectory("sweep-rule-preview");
        Files.writeString(rulesDir.resolve(RULE + ".js"), ruleSource("\"late\""));
        server = TestServer.start(backend().newDatabaseUrl(), config -> config.withRulesDir(rulesDir));
        fx = new AdminFixtures(server);
        admin = server.admin();
        String[] scopes = {"ZohoCRM.mass_update.ALL", "ZohoCRM.modules.ALL", "Sweep.rules.READ"};
        sales = server.tokenFor(DemoData.SALES_EMAIL, scopes);
        // every scope an editor holds: what refuses the sales user below is the profile, not the token
        salesEditor = server.tokenFor(DemoData.SALES_EMAIL, "ZohoCRM.mass_update.ALL", "ZohoCRM.modules.ALL", "Sweep.rules.READ",
                "Sweep.rules.ALL");
        rep = server.tokenFor(DemoData.REP_EMAIL, scopes);
        // created in order: the leads that change are the last five of the selection
        leadIds = fx.leads(COMPANY, LEADS);
        otherLead = fx.leads("Preview Other Co", 1).get(0);
    }

    @AfterAll
    void stop() {
        if (server != null) server.stop();
    }

    /** The rule: only the five late leads change (to {@code designation}, a JS expression); the rest are skipped. */
    private static String ruleSource(String designation) {
        return """
                export const rule = {
                  module: "Leads",
                  select: { criteria: "(Company:equals:%s)" },
                  runAs: "admin@sweep.local",
                  allow: { users: ["sales@sweep.local"] },
                };
                const LATE = %s;
                export function update(record, ctx) {
                  if (!LATE.includes(record.Last_Name)) return null;
                  console.log("late", record.Last_Name);
                  return { Designation: %s };
                }
                """.formatted(COMPANY, Json.MAPPER.valueToTree(LATE).toString(), designation);
    }

    private List<String> lateIds() {
        return leadIds.subList(LEADS - LATE.size(), LEADS);
    }

    private JsonNode preview(Http as, String body, int limit) {
        var response = as.post("/api/rules/" + RULE + "/preview?limit=" + limit, body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> ids(JsonNode sample, String outcome) {
        List<String> ids = new ArrayList<>();
        for (JsonNode s : sample) if (outcome == null || s.get("outcome").asText().equals(outcome)) ids.add(s.get("id").asText());
        return ids;
    }

    /** Everything a preview or a dry run could write: jobs, their records and chunks, record history, and every lead as stored. */
    private List<Object> stored() {
        return server.app().database().withHandle(h -> List.of(
                h.createQuery("SELECT COUNT(*) FROM jobs").mapTo(Long.class).one(),
                h.createQuery("SELECT COUNT(*) FROM job_records").mapTo(Long.class).one(),
                h.createQuery("SELECT COUNT(*) FROM job_chunks").mapTo(Long.class).one(),
                h.createQuery("SELECT COUNT(*) FROM record_history").mapTo(Long.class).one(),
                h.createQuery("SELECT * FROM rec_leads ORDER BY id").mapToMap().list().toString()));
    }

    /** Leads as stored, without the job tables (a dry run adds its own job, results and chunks). */
    private String leadsAsStored() {
        return server.app().database().withHandle(h -> h.createQuery("SELECT * FROM rec_leads ORDER BY id").mapToMap().list().toString());
    }

    // --- would-change first, over the whole selection -----------------------------------------

    @Test
    void the_few_late_records_that_would_change_come_first_and_the_whole_selection_is_counted_with_nothing_written() {
        List<Object> before = stored();
        JsonNode preview = preview(admin, "", 20);

        assertThat(preview.get("error").isNull()).as(preview.toString()).isTrue();
        assertThat(preview.get("selected").asLong()).isEqualTo(LEADS);
        assertThat(preview.get("counted").asLong()).isEqualTo(LEADS);
        assertThat(preview.get("would_update").asLong()).isEqualTo(LATE.size());
        assertThat(preview.get("would_skip").asLong()).isEqualTo(LEADS - LATE.size());
        assertThat(preview.get("would_fail").asLong()).isZero();
        JsonNode sample = preview.get("sample");
        assertThat(sample).hasSize(20);
        assertThat(ids(sample, null).subList(0, LATE.size())).containsExactlyElementsOf(lateIds());
        assertThat(ids(sample, "update")).containsExactlyElementsOf(lateIds());
        assertThat(sample.get(0).get("changes").get(0).get("field").asText()).isEqualTo("Designation");
        assertThat(sample.get(0).get("changes").get(0).get("new").asText()).isEqualTo("late");
        // the room left is filled with skipped records, in id order
        assertThat(ids(sample, "skip")).containsExactlyElementsOf(leadIds.subList(0, 15));
        assertThat(stored()).as("nothing written").isEqualTo(before);
    }

    @Test
    void a_sample_smaller_than_the_changes_holds_changes_only() {
        JsonNode preview = preview(admin, "", 3);
        assertThat(ids(preview.get("sample"), null)).containsExactlyElementsOf(lateIds().subList(0, 3));
        assertThat(preview.get("would_update").asLong()).isEqualTo(LATE.size());
    }

    @Test
    void counting_that_runs_out_of_time_says_how_far_it_got() {
        var app = server.app();
        var caller = app.users().principal(app.users().byEmail(DemoData.ADMIN_EMAIL).orElseThrow(), Scopes.of(Set.of()));
        Preview preview = app.previews().withCountBudget(Duration.ZERO)
                .previewRule(caller, app.rules().rule(RULE).orElseThrow(), new PreviewService.RuleRequest(Map.of(), null, 20));
        // one chunk, then the budget is spent: the late records were not reached
        assertThat(preview.counted()).isEqualTo(500);
        assertThat(preview.selected()).isEqualTo(LEADS);
        assertThat(preview.count(RecordOutcome.Status.UPDATED)).isZero();
        assertThat(preview.count(RecordOutcome.Status.SKIPPED)).isEqualTo(500);
    }

    // --- ids ----------------------------------------------------------------------------------

    @Test
    void ids_preview_those_records_and_report_the_ones_outside_the_selection_and_the_invalid_ones() {
        String late = lateIds().get(4);
        String early = leadIds.get(0);
        JsonNode preview = preview(admin, "{\"ids\":[\"" + early + "\",\"" + otherLead + "\",\"abc\",\"" + late + "\"]}", 20);

        assertThat(preview.get("selected").asLong()).isEqualTo(2);
        assertThat(preview.get("counted").asLong()).isEqualTo(2);
        assertThat(preview.get("would_update").asLong()).isEqualTo(1);
        assertThat(preview.get("would_skip").asLong()).isEqualTo(1);
        assertThat(preview.get("not_selected")).extracting(JsonNode::asText).containsExactly(otherLead);
        JsonNode sample = preview.get("sample");
        assertThat(ids(sample, "fail")).containsExactly("abc");
        // as a mass update by ids answers an id that is not one
        assertThat(sample.get(0).get("code").asText()).isEqualTo("INVALID_DATA");
        assertThat(ids(sample, "update")).containsExactly(late);
        assertThat(ids(sample, "skip")).containsExactly(early);
    }

    @Test
    void ids_are_checked_as_a_mass_update_by_ids_checks_them() {
        var tooMany = new StringBuilder("{\"ids\":[");
        for (int i = 0; i < 501; i++) tooMany.append(i == 0 ? "" : ",").append('"').append(leadIds.get(i)).append('"');
        var response = admin.post("/api/rules/" + RULE + "/preview", tooMany.append("]}").toString());
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("code").asText()).isEqualTo("LIMIT_EXCEEDED");
        assertThat(response.json().get("details").get("limit").asText()).isEqualTo("500");

        var notArray = admin.post("/api/rules/" + RULE + "/preview", "{\"ids\":\"" + leadIds.get(0) + "\"}");
        assertThat(notArray.status()).as(notArray.body()).isEqualTo(400);
        assertThat(notArray.json().get("code").asText()).isEqualTo("UNABLE_TO_PARSE_DATA_TYPE");
        var empty = admin.post("/api/rules/" + RULE + "/preview", "{\"ids\":[]}");
        assertThat(empty.status()).as(empty.body()).isEqualTo(400);
        assertThat(empty.json().get("code").asText()).isEqualTo("MANDATORY_NOT_FOUND");
    }

    // --- unsaved source -----------------------------------------------------------------------

    @Test
    void unsaved_source_with_a_syntax_error_is_answered_as_saving_it_would_be_and_nothing_is_written() throws IOException {
        String saved = Files.readString(rulesDir.resolve(RULE + ".js"));
        String broken = ruleSource("\"late\"").replace("return { Designation", "return { Designation: ,");
        var preview = admin.post("/api/rules/" + RULE + "/preview", Json.object().put("source", broken).toString());
        var save = admin.put("/api/rules/" + RULE, Json.object().put("source", broken).toString());

        assertThat(preview.status()).as(preview.body()).isEqualTo(400);
        assertThat(preview.json().get("code").asText()).isEqualTo("INVALID_DATA");
        JsonNode problem = preview.json().get("details").get("problems").get(0);
        int brokenLine = List.of(broken.split("\n")).indexOf(broken.lines().filter(l -> l.contains("Designation: ,")).findFirst().orElseThrow()) + 1;
        assertThat(problem.get("line").asInt()).isEqualTo(brokenLine);
        assertThat(problem.get("column").asInt()).isPositive();
        assertThat(preview.json()).isEqualTo(save.json());
        assertThat(Files.readString(rulesDir.resolve(RULE + ".js"))).isEqualTo(saved);
    }

    @Test
    void unsaved_valid_source_is_previewed_as_edited_without_being_saved() throws IOException {
        String saved = Files.readString(rulesDir.resolve(RULE + ".js"));
        List<Object> before = stored();
        String edited = ruleSource("\"edited \" + record.Last_Name");
        JsonNode preview = preview(admin, Json.object().put("source", edited).toString(), 5);

        assertThat(preview.get("would_update").asLong()).isEqualTo(LATE.size());
        assertThat(preview.get("sample").get(4).get("changes").get(0).get("new").asText()).isEqualTo("edited Lead 1199");
        assertThat(Files.readString(rulesDir.resolve(RULE + ".js"))).isEqualTo(saved);
        assertThat(admin.get("/api/rules/" + RULE).json().get("source").asText()).isEqualTo(saved);
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void only_those_who_may_save_a_rule_may_preview_unsaved_source() {
        String body = Json.object().put("source", ruleSource("\"by sales\"")).toString();
        // the sales user may preview the saved rule (its allow names them), not text of their own
        assertThat(sales.post("/api/rules/" + RULE + "/preview", "").status()).isEqualTo(200);
        var notAdministrator = salesEditor.post("/api/rules/" + RULE + "/preview", body);
        assertThat(notAdministrator.status()).as(notAdministrator.body()).isEqualTo(403);
        assertThat(notAdministrator.json().get("code").asText()).isEqualTo("NO_PERMISSION");
        // the Sales Rep may not preview the rule at all; with source, the missing scope is named first, as the gate names it
        var repWithSource = rep.post("/api/rules/" + RULE + "/preview", body);
        assertThat(repWithSource.status()).as(repWithSource.body()).isEqualTo(401);
        assertThat(repWithSource.json().get("details").get("scope").asText()).isEqualTo("Sweep.rules.ALL");
        assertThat(rep.post("/api/rules/" + RULE + "/preview", "").status()).isEqualTo(403);
        // an administrator's token without the rules' full scope may not either
        var readOnly = server.tokenFor(DemoData.ADMIN_EMAIL, "ZohoCRM.mass_update.ALL", "ZohoCRM.modules.ALL", "Sweep.rules.READ");
        var response = readOnly.post("/api/rules/" + RULE + "/preview", body);
        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.json().get("code").asText()).isEqualTo("OAUTH_SCOPE_MISMATCH");
        assertThat(admin.post("/api/rules/" + RULE + "/preview", body).status()).isEqualTo(200);
    }

    // --- the script's log ---------------------------------------------------------------------

    @Test
    void the_preview_returns_what_the_script_logged_to_those_who_may_read_a_jobs_log() {
        JsonNode preview = preview(admin, "", 20);
        assertThat(preview.get("log").asText()).contains("late Lead 1195").contains("late Lead 1199").doesNotContain("Lead 0\n");
        // the sales user may preview the rule but not read what it logs about the records it reads as its runAs user
        assertThat(preview(sales, "", 20).get("log").isNull()).isTrue();
    }

    // --- dry-run job --------------------------------------------------------------------------

    @Test
    void a_dry_run_job_goes_through_the_whole_selection_writes_no_record_and_cannot_be_undone() {
        String late = lateIds().get(0);
        JsonNode historyBefore = admin.get("/api/records/Leads/" + late + "/history").json();
        String leadsBefore = leadsAsStored();

        var started = admin.post("/api/rules/" + RULE + "/run?dry_run=true", "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().get("dry_run").asBoolean()).isTrue();
        String id = started.json().get("id").asText();
        JsonNode job = admin.waitForJobEnd(id);
        assertThat(job.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(job.get("dry_run").asBoolean()).isTrue();
        assertThat(job.get("Total_Count").asInt()).isEqualTo(LEADS);
        assertThat(job.get("Updated_Count").asInt()).isEqualTo(LATE.size());
        assertThat(job.get("skipped_count").asInt()).isEqualTo(LEADS - LATE.size());

        var results = admin.get("/api/jobs/" + id + "/results?status=UPDATED");
        assertThat(results.status()).as(results.body()).isEqualTo(200);
        assertThat(results.body()).contains(late).contains("late");
        assertThat(leadsAsStored()).as("no record written").isEqualTo(leadsBefore);
        assertThat(admin.get("/api/records/Leads/" + late + "/history").json()).as("no history").isEqualTo(historyBefore);

        var undo = admin.post("/api/jobs/" + id + "/undo", "");
        assertThat(undo.status()).as(undo.body()).isEqualTo(400);
        assertThat(undo.json().get("code").asText()).isEqualTo("INVALID_DATA");
        assertThat(undo.json().get("message").asText()).contains("dry run");
    }

    @Test
    void a_dry_run_is_for_those_who_may_run_the_rule() {
        var rejected = rep.post("/api/rules/" + RULE + "/run?dry_run=true", "");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(403);
        for (Http may : List.of(sales, admin)) {
            var started = may.post("/api/rules/" + RULE + "/run?dry_run=true", "");
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            assertThat(may.waitForJobEnd(started.json().get("id").asText()).get("status").asText()).isEqualTo("COMPLETED");
        }
        var bad = admin.post("/api/rules/" + RULE + "/run?dry_run=maybe", "");
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
    }
}
