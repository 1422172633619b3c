package io.sweep.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.Http;
import io.sweep.testsupport.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Sweep's job API, {@code /api/jobs…}, against the real server on H2 and PostgreSQL. */
abstract class JobApiContract {
    private static final String TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private AdminFixtures fx;
    private Http admin;

    abstract Backend backend();

    @BeforeEach
    void connect() {
        fx = new AdminFixtures(TestServer.shared(backend()));
        admin = fx.admin;
    }

    // --- reading jobs ---------------------------------------------------------------------

    @Test
    void a_finished_job_reads_with_its_counts_user_request_chunks_and_times() {
        String cvid = fx.view("Detail Co");
        fx.leads("Detail Co", 3);
        String id = fx.schedule(cvid, "Rating", "\"Active\"");
        fx.waitForEnd(id);

        var response = admin.get("/api/jobs/" + id);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json").contains("charset=utf-8");
        JsonNode job = response.json();
        assertThat(job.get("id").isTextual()).isTrue();
        assertThat(job.get("id").asText()).isEqualTo(id);
        assertThat(job.get("module").asText()).isEqualTo("Leads");
        assertThat(job.get("module_label").asText()).isEqualTo("Leads");
        assertThat(job.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(job.get("trigger").asText()).isEqualTo("api");
        assertThat(job.get("user").get("email").asText()).isEqualTo("admin@sweep.local");
        assertThat(job.get("user").get("id").asText()).isEqualTo(String.valueOf(fx.userId("admin@sweep.local")));
        assertThat(job.get("user").get("name").isTextual()).isTrue();
        assertThat(job.get("cvid").asText()).isEqualTo(cvid);
        assertThat(job.get("view_name").asText()).as("the view's name beside its id").isEqualTo("Company Detail Co");
        assertThat(job.get("user_name").asText()).isEqualTo(job.get("user").get("name").asText());
        assertThat(job.get("skipped_count").asInt()).isZero();
        assertThat(job.get("not_reached_count").asInt()).isZero();
        assertThat(job.get("rule_id").isNull()).isTrue();
        assertThat(job.get("undo_of").isNull()).isTrue();
        assertThat(job.get("undone_by").isNull()).isTrue();
        assertThat(job.get("request").get("data").get(0).get("Rating").asText()).isEqualTo("Active");
        assertThat(job.get("Total_Count").asInt()).isEqualTo(3);
        assertThat(job.get("Updated_Count").asInt()).isEqualTo(3);
        assertThat(job.get("Failed_Count").asInt()).isZero();
        assertThat(job.get("Not_Updated_Count").asInt()).isZero();
        assertThat(job.get("chunks").get("total").asInt()).isEqualTo(1);
        assertThat(job.get("chunks").get("done").asInt()).isEqualTo(1);
        assertThat(job.get("created_time").asText()).matches(TIME);
        assertThat(job.get("start_time").asText()).matches(TIME);
        assertThat(job.get("end_time").asText()).matches(TIME);
        assertThat(job.get("duration_ms").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(job.has("records_per_second")).isTrue();
        assertThat(job.get("message").isNull()).isTrue();
    }

    @Test
    void a_user_lists_their_own_jobs_newest_first_filtered_by_status_and_module_page_by_page() {
        String email = "lister-" + backend().name().toLowerCase() + "@sweep.local";
        fx.user(email, "Standard");
        OffsetDateTime t0 = OffsetDateTime.of(2026, 3, 1, 9, 0, 0, 0, ZoneOffset.UTC);
        String leadsDone = fx.storedJob(email, "Leads", "COMPLETED", t0, null, null);
        String leadsFailed = fx.storedJob(email, "Leads", "FAILED", t0.plusMinutes(1), null, null);
        String dealsDone = fx.storedJob(email, "Deals", "COMPLETED", t0.plusMinutes(2), null, null);
        String leadsCancelled = fx.storedJob(email, "Leads", "CANCELLED", t0.plusMinutes(3), null, null);
        Http user = fx.tokenFor(email, "ZohoCRM.mass_update.READ");

        JsonNode all = user.get("/api/jobs").json();
        assertThat(ids(all)).containsExactly(leadsCancelled, dealsDone, leadsFailed, leadsDone);
        assertThat(all.get("info").get("count").asInt()).isEqualTo(4);
        assertThat(all.get("info").get("more_records").asBoolean()).isFalse();
        assertThat(all.get("info").get("per_page").asInt()).isEqualTo(200);

        assertThat(ids(user.get("/api/jobs?status=completed").json())).containsExactly(dealsDone, leadsDone);
        assertThat(ids(user.get("/api/jobs?module=Leads").json())).containsExactly(leadsCancelled, leadsFailed, leadsDone);
        assertThat(ids(user.get("/api/jobs?module=deals&status=COMPLETED").json())).containsExactly(dealsDone);

        JsonNode page1 = user.get("/api/jobs?per_page=3&page=1").json();
        assertThat(ids(page1)).containsExactly(leadsCancelled, dealsDone, leadsFailed);
        assertThat(page1.get("info").get("more_records").asBoolean()).isTrue();
        assertThat(page1.get("info").get("page").asInt()).isEqualTo(1);
        JsonNode page2 = user.get("/api/jobs?per_page=3&page=2&").json();
        assertThat(ids(page2)).containsExactly(leadsDone);
        assertThat(page2.get("info").get("more_records").asBoolean()).isFalse();
        assertThat(page2.get("info").get("count").asInt()).isEqualTo(1);
        assertThat(ids(user.get("/api/jobs?per_page=3&page=3").json())).isEmpty();
    }

    @Test
    void bad_list_parameters_are_INVALID_DATA_and_an_unknown_module_INVALID_MODULE() {
        for (String query : List.of("status=DONE", "per_page=201", "per_page=0", "page=x")) {
            var response = admin.get("/api/jobs?" + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.json().get("code").asText()).as(query).isEqualTo("INVALID_DATA");
            assertThat(response.json().get("status").asText()).isEqualTo("error");
        }
        var module = admin.get("/api/jobs?module=Nope");
        assertThat(module.status()).isEqualTo(400);
        assertThat(module.json().get("code").asText()).isEqualTo("INVALID_MODULE");
    }

    @Test
    void an_administrator_sees_every_users_jobs_and_a_user_only_their_own() {
        String salesView = fx.view("Sales Own Co", "sales@sweep.local");
        fx.leads("Sales Own Co", 2);
        Http sales = fx.tokenFor("sales@sweep.local", "ZohoCRM.mass_update.ALL");
        String salesJob = fx.schedule(sales, "Leads", salesView, "Lead_Status", "\"Contacted\"");
        String adminJob = fx.storedJob("admin@sweep.local", "Leads", "COMPLETED");

        JsonNode salesList = sales.get("/api/jobs").json();
        assertThat(ids(salesList)).contains(salesJob).doesNotContain(adminJob);
        for (JsonNode job : salesList.get("jobs")) assertThat(job.get("user").get("email").asText()).isEqualTo("sales@sweep.local");

        JsonNode adminList = admin.get("/api/jobs?module=Leads").json();
        assertThat(ids(adminList)).contains(salesJob, adminJob);
        assertThat(admin.get("/api/jobs/" + salesJob).status()).isEqualTo(200);
        fx.waitForEnd(salesJob);
    }

    @Test
    void unknown_and_foreign_jobs_are_404_NOT_FOUND_on_every_route() {
        String foreign = fx.storedJob("admin@sweep.local", "Leads", "COMPLETED");
        Http sales = fx.tokenFor("sales@sweep.local", "ZohoCRM.mass_update.ALL");
        for (String id : List.of("12345", "not-a-number", foreign)) {
            Http as = id.equals(foreign) ? sales : admin;
            for (var call : List.of(
                    as.get("/api/jobs/" + id),
                    as.get("/api/jobs/" + id + "/results"),
                    as.withHeader("Accept", "text/event-stream").get("/api/jobs/" + id + "/events"),
                    as.post("/api/jobs/" + id + "/cancel", ""),
                    as.post("/api/jobs/" + id + "/undo", ""))) {
                assertThat(call.status()).as(id + " " + call.raw().uri()).isEqualTo(404);
                assertThat(call.json().get("code").asText()).isEqualTo("NOT_FOUND");
                assertThat(call.json().get("message").asText()).isEqualTo("Empty response");
            }
        }
        assertThat(fx.job(foreign).get("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void reading_needs_a_mass_update_READ_scope_and_changing_an_UPDATE_scope() {
        String job = fx.storedJob("admin@sweep.local", "Leads", "COMPLETED");
        Http noScope = fx.tokenFor("admin@sweep.local", "ZohoCRM.modules.ALL");
        for (var call : List.of(noScope.get("/api/jobs"), noScope.get("/api/jobs/" + job), noScope.get("/api/jobs/12345"),
                noScope.get("/api/jobs/" + job + "/results"))) {
            assertThat(call.status()).isEqualTo(401);
            assertThat(call.json().get("code").asText()).isEqualTo("OAUTH_SCOPE_MISMATCH");
            assertThat(call.json().get("message").asText()).isEqualTo("invalid oauth scope to access this URL");
        }

        Http reader = fx.tokenFor("admin@sweep.local", "ZohoCRM.mass_update.READ");
        assertThat(reader.get("/api/jobs/" + job).status()).isEqualTo(200);
        for (String action : List.of("cancel", "undo")) {
            var call = reader.post("/api/jobs/" + job + "/" + action, "");
            assertThat(call.status()).isEqualTo(401);
            assertThat(call.json().get("code").asText()).isEqualTo("OAUTH_SCOPE_MISMATCH");
        }

        Http dealsOnly = fx.tokenFor("admin@sweep.local", "ZohoCRM.mass_update.deals.READ");
        assertThat(dealsOnly.get("/api/jobs/" + job).json().get("code").asText()).isEqualTo("OAUTH_SCOPE_MISMATCH");
        assertThat(dealsOnly.get("/api/jobs?module=Leads").json().get("code").asText()).isEqualTo("OAUTH_SCOPE_MISMATCH");
        for (JsonNode j : dealsOnly.get("/api/jobs").json().get("jobs")) assertThat(j.get("module").asText()).isEqualTo("Deals");

        Http leadsReader = fx.tokenFor("admin@sweep.local", "ZohoCRM.mass_update.leads.READ");
        assertThat(leadsReader.get("/api/jobs/" + job).status()).isEqualTo(200);

        assertThat(server().http().get("/api/jobs").json().get("code").asText()).isEqualTo("INVALID_TOKEN");
    }

    // --- results ----------------------------------------------------------------------------

    /** Four leads: two updated, two held by a blueprint on the field the job sets. Returns the job id and the leads. */
    private record ResultsJob(String id, List<String> leads) {}

    private ResultsJob jobWithUpdatedAndFailedRecords(String company) {
        String cvid = fx.view(company);
        List<String> leads = fx.leads(company, 4, i -> switch (i) {
            case 0 -> "\"Designation\":\"Head, \\\"Sales\\\"\"";
            case 1 -> "\"Designation\":\"two\\nlines\"";
            default -> "\"Designation\":\"Buyer\"";
        });
        fx.blueprint(company + " approval", "Designation", leads.subList(2, 4));
        String id = fx.schedule(cvid, "Designation", "\"Chief, \\\"Buyer\\\"\"");
        JsonNode done = fx.waitForEnd(id);
        assertThat(done.get("Updated_Count").asInt()).isEqualTo(2);
        assertThat(done.get("Failed_Count").asInt()).isEqualTo(2);
        return new ResultsJob(id, leads);
    }

    @Test
    void results_as_json_list_every_record_with_its_status_error_and_old_and_new_values() {
        var job = jobWithUpdatedAndFailedRecords("Results Json Co");
        var response = admin.get("/api/jobs/" + job.id() + "/results");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json").contains("charset=utf-8");
        JsonNode results = response.json().get("results");
        assertThat(results).hasSize(4);
        List<String> ids = new ArrayList<>();
        results.forEach(r -> ids.add(r.get("id").asText()));
        assertThat(ids).containsExactlyElementsOf(job.leads().stream().sorted((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b))).toList());

        JsonNode first = byId(results, job.leads().get(0));
        assertThat(first.get("status").asText()).isEqualTo("updated");
        assertThat(first.get("code").isNull()).isTrue();
        assertThat(first.get("changes")).hasSize(1);
        assertThat(first.get("changes").get(0).get("field").asText()).isEqualTo("Designation");
        assertThat(first.get("changes").get(0).get("old").asText()).isEqualTo("Head, \"Sales\"");
        assertThat(first.get("changes").get(0).get("new").asText()).isEqualTo("Chief, \"Buyer\"");
        assertThat(first.get("summary").asText()).isEqualTo("Designation: Head, \"Sales\" → Chief, \"Buyer\"");

        JsonNode held = byId(results, job.leads().get(2));
        assertThat(held.get("status").asText()).isEqualTo("failed");
        assertThat(held.get("code").asText()).isEqualTo("RECORD_IN_BLUEPRINT");
        assertThat(held.get("message").asText()).isEqualTo("The record is in blue print");
        assertThat(held.get("changes")).isEmpty();

        assertThat(admin.get("/api/jobs/" + job.id() + "/results?status=failed").json().get("results")).hasSize(2)
                .allSatisfy(r -> assertThat(r.get("status").asText()).isEqualTo("failed"));
        assertThat(admin.get("/api/jobs/" + job.id() + "/results?status=updated&format=json").json().get("results")).hasSize(2)
                .allSatisfy(r -> assertThat(r.get("status").asText()).isEqualTo("updated"));
        assertThat(admin.get("/api/jobs/" + job.id() + "/results?status=pending").json().get("results")).isEmpty();
        for (String bad : List.of("status=done", "format=xml")) {
            var error = admin.get("/api/jobs/" + job.id() + "/results?" + bad);
            assertThat(error.status()).isEqualTo(400);
            assertThat(error.json().get("code").asText()).isEqualTo("INVALID_DATA");
        }
    }

    @Test
    void results_read_a_page_at_a_time_with_page_and_per_page() {
        var job = jobWithUpdatedAndFailedRecords("Results Page Co");
        List<String> sorted = job.leads().stream().sorted((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b))).toList();
        JsonNode first = admin.get("/api/jobs/" + job.id() + "/results?page=1&per_page=3").json();
        assertThat(first.get("results").findValuesAsText("id")).containsExactlyElementsOf(sorted.subList(0, 3));
        assertThat(first.get("info").get("more_records").asBoolean()).isTrue();
        assertThat(first.get("info").get("count").asInt()).isEqualTo(3);
        JsonNode second = admin.get("/api/jobs/" + job.id() + "/results?page=2&per_page=3").json();
        assertThat(second.get("results").findValuesAsText("id")).containsExactlyElementsOf(sorted.subList(3, 4));
        assertThat(second.get("info").get("more_records").asBoolean()).isFalse();
        JsonNode failed = admin.get("/api/jobs/" + job.id() + "/results?status=failed&per_page=1").json();
        assertThat(failed.get("results")).hasSize(1);
        assertThat(failed.get("info").get("more_records").asBoolean()).isTrue();
        var bad = admin.get("/api/jobs/" + job.id() + "/results?per_page=0");
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void results_as_csv_are_quoted_as_RFC_4180_says_and_cannot_run_as_spreadsheet_formulas() {
        var job = jobWithUpdatedAndFailedRecords("Results Csv Co");
        // messages a rule could one day write: a cell starting with = or @ must not run in a spreadsheet
        fx.server.app().database().useHandle(h -> {
            h.createUpdate("UPDATE job_records SET message = :m WHERE job_id = :j AND record_id = :r")
                    .bind("m", "=HYPERLINK(\"http://evil.example\",\"click, here\")").bind("j", Long.parseLong(job.id()))
                    .bind("r", Long.parseLong(job.leads().get(2))).execute();
            h.createUpdate("UPDATE job_records SET message = :m WHERE job_id = :j AND record_id = :r")
                    .bind("m", "@SUM(A1)").bind("j", Long.parseLong(job.id())).bind("r", Long.parseLong(job.leads().get(3))).execute();
        });

        var response = admin.get("/api/jobs/" + job.id() + "/results?format=csv");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/csv").contains("charset=utf-8");
        assertThat(response.raw().headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"job-" + job.id() + "-results.csv\"");
        assertThat(response.body()).startsWith("id,status,code,message,changes,conflict\r\n");
        assertThat(response.body()).contains("\r\n" + job.leads().get(0) + ",updated,,,\"Designation: Head, \"\"Sales\"\" → Chief, \"\"Buyer\"\"\",\r\n");

        List<List<String>> rows = parseCsv(response.body());
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0)).containsExactly("id", "status", "code", "message", "changes", "conflict");
        assertThat(row(rows, job.leads().get(1))).containsExactly(job.leads().get(1), "updated", "", "",
                "Designation: two\nlines → Chief, \"Buyer\"", "");
        assertThat(row(rows, job.leads().get(2))).containsExactly(job.leads().get(2), "failed", "RECORD_IN_BLUEPRINT",
                "'=HYPERLINK(\"http://evil.example\",\"click, here\")", "", "");
        assertThat(row(rows, job.leads().get(3))).containsExactly(job.leads().get(3), "failed", "RECORD_IN_BLUEPRINT", "'@SUM(A1)", "", "");

        List<List<String>> failed = parseCsv(admin.get("/api/jobs/" + job.id() + "/results?format=csv&status=failed").body());
        assertThat(failed).hasSize(3);
        assertThat(failed.subList(1, 3)).allSatisfy(r -> assertThat(r.get(1)).isEqualTo("failed"));
    }

    @Test
    void results_as_a_spreadsheet_keep_every_digit_of_the_ids_and_run_no_formula() {
        var job = jobWithUpdatedAndFailedRecords("Results Xlsx Co");
        fx.server.app().database().useHandle(h -> h.createUpdate("UPDATE job_records SET message = :m WHERE job_id = :j AND record_id = :r")
                .bind("m", "=HYPERLINK(\"http://evil.example\",\"<click> & here\")").bind("j", Long.parseLong(job.id()))
                .bind("r", Long.parseLong(job.leads().get(2))).execute());

        var download = admin.download("/api/jobs/" + job.id() + "/results?format=xlsx");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(download.disposition()).isEqualTo("attachment; filename=\"job-" + job.id() + "-results.xlsx\"");
        var sheet = io.sweep.testsupport.Spreadsheet.read(download.body());
        assertThat(sheet.has("[Content_Types].xml")).isTrue();
        assertThat(sheet.has("xl/workbook.xml")).isTrue();
        List<List<String>> rows = sheet.texts();
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0)).containsExactly("id", "status", "code", "message", "changes", "conflict");
        // every id a text cell of its 19 digits: what a spreadsheet shows as it is (a number cell keeps 15 digits)
        assertThat(sheet.rows().subList(1, 5)).allSatisfy(r -> {
            assertThat(r.get(0).type()).isEqualTo("inlineStr");
            assertThat(r.get(0).text()).matches("\\d{19}");
        });
        assertThat(rows.subList(1, 5)).extracting(r -> r.get(0)).containsExactlyInAnyOrderElementsOf(job.leads());
        // the same cells as the CSV's, but a formula is plain text in a text cell: no quote in front is needed
        assertThat(row(rows, job.leads().get(1))).containsExactly(job.leads().get(1), "updated", "", "",
                "Designation: two\nlines → Chief, \"Buyer\"", "");
        assertThat(row(rows, job.leads().get(2))).containsExactly(job.leads().get(2), "failed", "RECORD_IN_BLUEPRINT",
                "=HYPERLINK(\"http://evil.example\",\"<click> & here\")", "", "");
        assertThat(sheet.rows()).allSatisfy(r -> assertThat(r).allSatisfy(c -> assertThat(c.type()).isIn("inlineStr", "")));

        var failed = io.sweep.testsupport.Spreadsheet.read(admin.download("/api/jobs/" + job.id() + "/results?format=xlsx&status=failed").body());
        assertThat(failed.texts()).hasSize(3);
        assertThat(admin.get("/api/jobs/" + job.id() + "/results?format=ods").status()).isEqualTo(400);
    }

    // --- live progress ------------------------------------------------------------------------

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void events_follow_a_running_job_with_progress_and_end_with_the_final_job() throws Exception {
        String cvid = fx.view("Events Co");
        fx.leads("Events Co", 1_000);
        String id = fx.schedule(cvid, "Rating", "\"Active\"");
        List<Event> events = events(id, e -> true);
        assertThat(events).isNotEmpty();
        Event last = events.get(events.size() - 1);
        assertThat(last.name()).isEqualTo("end");
        assertThat(last.data().get("status").asText()).isEqualTo("COMPLETED");
        assertThat(last.data().get("Updated_Count").asInt()).isEqualTo(1_000);
        assertThat(last.data().get("Total_Count").asInt()).isEqualTo(1_000);
        for (Event e : events.subList(0, events.size() - 1)) {
            assertThat(e.name()).isEqualTo("progress");
            assertThat(e.data().get("status").asText()).isIn("SCHEDULED", "RUNNING");
            assertThat(e.data().get("Updated_Count").asInt() + e.data().get("Failed_Count").asInt()
                    + e.data().get("Not_Updated_Count").asInt()).isEqualTo(e.data().get("Total_Count").asInt());
            assertThat(e.data().has("records_per_second")).isTrue();
        }
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void events_send_progress_while_a_job_runs_and_end_once_it_has_ended() throws Exception {
        String id = fx.storedJob("admin@sweep.local", "Leads", "RUNNING");
        List<Event> events = new ArrayList<>();
        try (var lines = open(id).body()) {
            Iterator<String> it = lines.iterator();
            Event first = next(it);
            assertThat(first.name()).isEqualTo("progress");
            assertThat(first.data().get("status").asText()).isEqualTo("RUNNING");
            assertThat(first.data().get("Updated_Count").asInt()).isEqualTo(4);
            assertThat(first.data().get("Not_Updated_Count").asInt()).isEqualTo(5);
            fx.setJobStatus(id, "COMPLETED");
            for (Event e = next(it); e != null; e = next(it)) events.add(e);
        }
        assertThat(events).isNotEmpty();
        assertThat(events.get(events.size() - 1).name()).isEqualTo("end");
        assertThat(events.get(events.size() - 1).data().get("status").asText()).isEqualTo("COMPLETED");
        assertThat(events.subList(0, events.size() - 1)).allSatisfy(e -> assertThat(e.name()).isEqualTo("progress"));
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void events_of_a_job_that_has_ended_are_one_end_event() throws Exception {
        String id = fx.storedJob("admin@sweep.local", "Leads", "FAILED");
        List<Event> events = events(id, e -> true);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).name()).isEqualTo("end");
        assertThat(events.get(0).data().get("status").asText()).isEqualTo("FAILED");
        assertThat(events.get(0).data().get("id").asText()).isEqualTo(id);
    }

    @Test
    void events_without_Accept_text_event_stream_are_406() {
        String id = fx.storedJob("admin@sweep.local", "Leads", "COMPLETED");
        var response = admin.get("/api/jobs/" + id + "/events");
        assertThat(response.status()).isEqualTo(406);
        assertThat(response.json().get("code").asText()).isEqualTo("NOT_ACCEPTABLE");
    }

    // --- cancel -------------------------------------------------------------------------------

    @Test
    void cancelling_a_running_job_stops_it_with_exact_counts() {
        String cvid = fx.view("Cancel Co");
        List<String> leads = fx.leads("Cancel Co", 3_000);
        String id = fx.schedule(cvid, "Rating", "\"Acquired\"");
        var response = admin.post("/api/jobs/" + id + "/cancel", "");
        if (response.status() == 400) {
            // the job outran the request: it has completed and may no longer be cancelled
            assertThat(fx.job(id).get("status").asText()).isEqualTo("COMPLETED");
            return;
        }
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(response.json().get("message").asText()).isEqualTo("cancelled by admin@sweep.local");

        JsonNode done = fx.waitForEnd(id);
        assertThat(done.get("status").asText()).isEqualTo("CANCELLED");
        int total = done.get("Total_Count").asInt();
        int updated = done.get("Updated_Count").asInt();
        assertThat(total).isEqualTo(3_000);
        assertThat(updated + done.get("Failed_Count").asInt() + done.get("Not_Updated_Count").asInt()).isEqualTo(total);
        long acquired = fx.server.app().database().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM rec_leads WHERE company = 'Cancel Co' AND rating = 'Acquired'").mapTo(Long.class).one());
        assertThat(acquired).as("records really updated = Updated_Count").isEqualTo(updated);
        assertThat(updated < total || done.get("chunks").get("done").asInt() == done.get("chunks").get("total").asInt()).isTrue();
        assertThat(admin.get("/api/jobs/" + id + "/results?status=updated").json().get("results")).hasSize(updated);
        assertThat(leads).hasSize(3_000);
    }

    @Test
    void cancelling_a_scheduled_or_running_job_answers_the_cancelled_job() {
        String id = fx.storedJob("admin@sweep.local", "Leads", "RUNNING");
        var response = admin.post("/api/jobs/" + id + "/cancel", "");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("id").asText()).isEqualTo(id);
        assertThat(response.json().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(response.json().get("end_time").asText()).matches(TIME);
        assertThat(fx.job(id).get("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void cancelling_a_finished_job_is_an_error_and_changes_nothing() {
        String cvid = fx.view("Cancel Late Co");
        fx.leads("Cancel Late Co", 2);
        String id = fx.schedule(cvid, "Rating", "\"Active\"");
        JsonNode before = fx.waitForEnd(id);
        var response = admin.post("/api/jobs/" + id + "/cancel", "");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asText()).isEqualTo("INVALID_DATA");
        assertThat(response.json().get("message").asText()).isEqualTo("only a SCHEDULED or RUNNING job can be cancelled");
        assertThat(response.json().get("details").get("status").asText()).isEqualTo("COMPLETED");
        assertThat(fx.job(id)).isEqualTo(before);
    }

    // --- undo ---------------------------------------------------------------------------------

    @Test
    void undo_restores_the_old_values_and_leaves_a_record_changed_since_as_a_CONFLICT() {
        String cvid = fx.view("Undo Co");
        List<String> leads = fx.leads("Undo Co", 5, i -> "\"Rating\":\"Project Cancelled\"");
        String id = fx.schedule(cvid, "Rating", "\"Active\"");
        fx.waitForEnd(id);
        String changed = leads.get(2);
        assertThat(admin.put("/crm/v2/Leads/" + changed, "{\"data\":[{\"Rating\":\"Shut Down\"}]}").status()).isEqualTo(200);

        var response = admin.post("/api/jobs/" + id + "/undo", "");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        JsonNode undo = response.json();
        assertThat(undo.get("trigger").asText()).isEqualTo("undo");
        assertThat(undo.get("undo_of").asText()).isEqualTo(id);
        assertThat(undo.get("module").asText()).isEqualTo("Leads");
        assertThat(undo.get("Total_Count").asInt()).isEqualTo(5);

        JsonNode done = fx.waitForEnd(undo.get("id").asText());
        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.get("Updated_Count").asInt()).isEqualTo(4);
        assertThat(done.get("Failed_Count").asInt()).isEqualTo(1);
        for (String lead : leads) {
            assertThat(fx.lead(lead).get("Rating").asText()).isEqualTo(lead.equals(changed) ? "Shut Down" : "Project Cancelled");
        }
        JsonNode conflicts = admin.get("/api/jobs/" + undo.get("id").asText() + "/results?status=failed").json().get("results");
        assertThat(conflicts).hasSize(1);
        assertThat(conflicts.get(0).get("id").asText()).isEqualTo(changed);
        assertThat(conflicts.get(0).get("code").asText()).isEqualTo("CONFLICT");
        JsonNode restored = admin.get("/api/jobs/" + undo.get("id").asText() + "/results?status=updated").json().get("results").get(0);
        assertThat(restored.get("changes").get(0).get("old").asText()).isEqualTo("Active");
        assertThat(restored.get("changes").get(0).get("new").asText()).isEqualTo("Project Cancelled");

        // the conflict left something to put back: the job is not undone yet, its undo is listed, Undo stays offered
        JsonNode undone = admin.get("/api/jobs/" + id).json();
        assertThat(undone.get("undone_by").isNull()).isTrue();
        assertThat(undone.get("undos")).extracting(JsonNode::asText).containsExactly(undo.get("id").asText());
        assertThat(admin.get("/api/jobs/" + undo.get("id").asText()).json().get("undone_by").isNull()).isTrue();
    }

    @Test
    void an_undo_without_a_conflict_undoes_the_job_once() {
        String cvid = fx.view("Undo once Co");
        fx.leads("Undo once Co", 3, i -> "\"Rating\":\"Project Cancelled\"");
        String id = fx.schedule(cvid, "Rating", "\"Active\"");
        fx.waitForEnd(id);
        var response = admin.post("/api/jobs/" + id + "/undo", "");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        String undo = response.json().get("id").asText();
        assertThat(fx.waitForEnd(undo).get("Updated_Count").asInt()).isEqualTo(3);

        // the undone job names its undo, so a client need not offer Undo again
        assertThat(admin.get("/api/jobs/" + id).json().get("undone_by").asText()).isEqualTo(undo);
        var again = admin.post("/api/jobs/" + id + "/undo", "");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("code").asText()).isEqualTo("INVALID_DATA");
        assertThat(again.json().get("message").asText()).isEqualTo("this job was already undone");
    }

    /** A user with a profile of their own, who mass updated Rating on three leads of their own view. */
    private record UndoSetUp(Http user, long profile, String job, List<String> leads) {}

    private UndoSetUp jobOfAUserWithAProfileOfTheirOwn(String name) {
        String unique = name + " " + java.util.UUID.randomUUID();
        long profile = fx.leadsProfile(unique);
        String email = "u" + java.util.UUID.randomUUID() + "@example.com";
        fx.user(email, unique);
        Http user = fx.tokenFor(email, "ZohoCRM.mass_update.ALL", "ZohoCRM.modules.ALL");
        List<String> leads = fx.leads(unique, 3, i -> "\"Rating\":\"Project Cancelled\"");
        String id = fx.schedule(user, "Leads", fx.view(unique, email), "Rating", "\"Active\"");
        assertThat(fx.waitForEnd(id).get("Updated_Count").asInt()).isEqualTo(3);
        return new UndoSetUp(user, profile, id, leads);
    }

    @Test
    void an_undo_does_not_write_a_field_its_user_may_no_longer_edit() {
        UndoSetUp s = jobOfAUserWithAProfileOfTheirOwn("Undo field rights");
        fx.restrictLeadsField(s.profile(), "Rating", "read_only");

        var response = s.user().post("/api/jobs/" + s.job() + "/undo", "");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        JsonNode done = fx.waitForEnd(response.json().get("id").asText());
        assertThat(done.get("Updated_Count").asInt()).isZero();
        assertThat(done.get("Failed_Count").asInt()).isEqualTo(3);
        for (JsonNode r : admin.get("/api/jobs/" + done.get("id").asText() + "/results").json().get("results")) {
            assertThat(r.get("code").asText()).isEqualTo("NO_PERMISSION");
            assertThat(r.get("message").asText()).contains("Field Edit Permission not given");
        }
        for (String lead : s.leads()) assertThat(fx.lead(lead).get("Rating").asText()).isEqualTo("Active");
    }

    @Test
    void an_undo_does_not_touch_records_its_user_may_no_longer_see_and_reports_them_as_ids_that_do_not_exist() {
        UndoSetUp s = jobOfAUserWithAProfileOfTheirOwn("Undo record rights");
        // the leads belong to the administrator who created them: with 'owned' access the user no longer sees them
        fx.changeLeadsPermission(s.profile(), "record_access = 'owned'");

        var response = s.user().post("/api/jobs/" + s.job() + "/undo", "");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        JsonNode done = fx.waitForEnd(response.json().get("id").asText());
        assertThat(done.get("Failed_Count").asInt()).isEqualTo(3);
        for (JsonNode r : admin.get("/api/jobs/" + done.get("id").asText() + "/results").json().get("results")) {
            assertThat(r.get("code").asText()).isEqualTo("INVALID_DATA");
            assertThat(r.get("message").asText()).isEqualTo("the id given seems to be invalid");
        }
        for (String lead : s.leads()) assertThat(fx.lead(lead).get("Rating").asText()).isEqualTo("Active");
    }

    @Test
    void an_undo_by_a_user_who_may_no_longer_mass_update_the_module_is_403_NO_PERMISSION_and_starts_nothing() {
        UndoSetUp s = jobOfAUserWithAProfileOfTheirOwn("Undo module rights");
        fx.changeLeadsPermission(s.profile(), "can_mass_update = FALSE");

        var response = s.user().post("/api/jobs/" + s.job() + "/undo", "");
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.json().get("code").asText()).isEqualTo("NO_PERMISSION");
        assertThat(response.json().get("message").asText()).isEqualTo("permission denied");
        assertThat(response.json().get("details").get("permissions").get(0).asText()).isEqualTo("Crm_Implied_Mass_Update_Leads");
        for (String lead : s.leads()) assertThat(fx.lead(lead).get("Rating").asText()).isEqualTo("Active");
    }

    @Test
    void a_job_still_running_cannot_be_undone() {
        String id = fx.storedJob("admin@sweep.local", "Leads", "RUNNING");
        var response = admin.post("/api/jobs/" + id + "/undo", "");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asText()).isEqualTo("INVALID_DATA");
        assertThat(response.json().get("message").asText()).isEqualTo("a job can be undone once it has ended");
        assertThat(admin.get("/api/jobs?status=scheduled").json().get("jobs")).noneSatisfy(
                j -> assertThat(j.get("undo_of").asText()).isEqualTo(id));
        admin.post("/api/jobs/" + id + "/cancel", "");
    }

    // --- helpers ------------------------------------------------------------------------------

    private TestServer server() {
        return fx.server;
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.get("jobs").forEach(j -> ids.add(j.get("id").asText()));
        return ids;
    }

    private static JsonNode byId(JsonNode results, String id) {
        for (JsonNode r : results) if (r.get("id").asText().equals(id)) return r;
        throw new AssertionError("no result for " + id);
    }

    private static List<String> row(List<List<String>> rows, String id) {
        return rows.stream().filter(r -> r.get(0).equals(id)).findFirst().orElseThrow(() -> new AssertionError("no row " + id));
    }

    /** A strict RFC 4180 reader: CRLF between records, quoted cells with doubled quotes and line breaks. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        var cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                assertThat(cell).as("a quote only opens a cell").isEmpty();
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r') {
                assertThat(text.charAt(i + 1)).as("CR is followed by LF").isEqualTo('\n');
                i++;
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                assertThat(c).as("a bare line feed outside quotes").isNotEqualTo('\n');
                cell.append(c);
            }
        }
        assertThat(quoted).isFalse();
        assertThat(cell).as("the last record ends with CRLF").isEmpty();
        return rows;
    }

    record Event(String name, JsonNode data) {}

    private HttpResponse<Stream<String>> open(String jobId) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(admin.base() + "/api/jobs/" + jobId + "/events"))
                .header("Authorization", "Zoho-oauthtoken " + TestServer.ADMIN_TOKEN)
                .header("Accept", "text/event-stream")
                .GET().build();
        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        return response;
    }

    /** Reads the whole stream until the server closes it. */
    private List<Event> events(String jobId, java.util.function.Predicate<Event> keep) throws IOException, InterruptedException {
        List<Event> events = new ArrayList<>();
        try (var lines = open(jobId).body()) {
            Iterator<String> it = lines.iterator();
            for (Event e = next(it); e != null; e = next(it)) if (keep.test(e)) events.add(e);
        }
        return events;
    }

    /** The next event of the stream, or null when it has closed. */
    private static Event next(Iterator<String> lines) {
        String name = null;
        var data = new StringBuilder();
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.isEmpty()) {
                if (name != null || !data.isEmpty()) return event(name, data);
                continue;
            }
            if (line.startsWith("event:")) name = line.substring(6).trim();
            else if (line.startsWith("data:")) data.append(line.substring(5).trim());
        }
        return name != null || !data.isEmpty() ? event(name, data) : null;
    }

    private static Event event(String name, StringBuilder data) {
        try {
            return new Event(name, JSON.readTree(data.toString()));
        } catch (IOException e) {
            throw new AssertionError("event data is not JSON: " + data, e);
        }
    }
}
