package io.sweep.api.zoho;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.Http;
import io.sweep.testsupport.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SPEC §1.2 (cvid), §1.3 and §1.4 for scheduled mass updates, against the real server on H2 and PostgreSQL. */
abstract class ScheduledMassUpdateContract {
    private TestServer server;
    private Http admin;

    abstract Backend backend();

    @BeforeEach
    void connect() {
        server = TestServer.shared(backend());
        admin = server.admin();
    }


    private String viewId(String module, String name) {
        for (JsonNode v : admin.get("/crm/v2/settings/custom_views?module=" + module).json().get("custom_views")) {
            if (v.get("name").asText().equals(name)) return v.get("id").asText();
        }
        throw new AssertionError("no view " + name);
    }

    /** A view of its own, over records only this test touches (so tests sharing the demo server don't collide). */
    private String privateView(String company, int records) {
        for (int from = 0; from < records; from += 100) {
            int to = Math.min(records, from + 100);
            var slice = new StringBuilder();
            for (int i = from; i < to; i++) {
                slice.append(i == from ? "" : ",").append("{\"Last_Name\":\"Job ").append(i).append("\",\"Company\":\"").append(company)
                        .append("\",\"Lead_Status\":\"Not Contacted\"}");
            }
            assertThat(admin.post("/crm/v2/Leads", "{\"data\":[" + slice + "]}").status()).isEqualTo(201);
        }
        var db = server.app().database();
        long moduleId = server.app().metadata().module("Leads").orElseThrow().id();
        long adminId = server.app().users().byEmail("admin@sweep.local").orElseThrow().id();
        long viewId = db.inTransaction(h -> {
            long id = db.nextId(h);
            h.createUpdate("""
                    INSERT INTO custom_views (id, module_id, name, criteria, owner_id, shared_with_all, created_time)
                    VALUES (:id, :m, :name, :criteria, :owner, FALSE, CURRENT_TIMESTAMP)""")
                    .bind("id", id).bind("m", moduleId).bind("name", "Company " + company).bind("owner", adminId)
                    .bind("criteria", "{\"comparator\":\"equal\",\"field\":{\"api_name\":\"Company\"},\"value\":\"" + company + "\"}")
                    .execute();
            return id;
        });
        return String.valueOf(viewId);
    }

    private JsonNode schedule(String cvid, String field, String value) {
        var response = admin.post("/crm/v2/Leads/actions/mass_update",
                "{\"data\":[{\"" + field + "\":" + value + "}],\"cvid\":\"" + cvid + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("data").get(0);
    }

    private JsonNode status(String jobId) {
        var response = admin.get("/crm/v2/Leads/actions/mass_update?job_id=" + jobId);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode s = response.json().get("data").get(0);
        assertThat(s.get("Updated_Count").asInt() + s.get("Failed_Count").asInt() + s.get("Not_Updated_Count").asInt())
                .as("Updated + Failed + Not_Updated = Total at every read").isEqualTo(s.get("Total_Count").asInt());
        return s;
    }

    private JsonNode waitForEnd(String jobId) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            JsonNode s = status(jobId);
            if (!s.get("Status").asText().equals("SCHEDULED") && !s.get("Status").asText().equals("RUNNING")) return s;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("job " + jobId + " did not end");
    }

    @Test
    void a_view_is_scheduled_and_runs_to_COMPLETED_with_exact_counts() {
        String cvid = privateView("Scheduled Co", 1_200);
        JsonNode scheduled = schedule(cvid, "Lead_Status", "\"Contacted\"");
        assertThat(scheduled.get("code").asText()).isEqualTo("SUCCESS");
        assertThat(scheduled.get("message").asText()).isEqualTo("mass update scheduled successfully");
        assertThat(scheduled.get("status").asText()).isEqualTo("success");
        String jobId = scheduled.get("details").get("job_id").asText();
        assertThat(jobId).matches("\\d+");

        JsonNode done = waitForEnd(jobId);
        assertThat(done.get("Status").asText()).isEqualTo("COMPLETED");
        assertThat(done.get("Total_Count").asInt()).isEqualTo(1_200);
        assertThat(done.get("Updated_Count").asInt()).isEqualTo(1_200);
        assertThat(done.get("Failed_Count").asInt()).isZero();
        assertThat(done.get("Not_Updated_Count").asInt()).isZero();
        var search = admin.get("/crm/v2/Leads/search?criteria=((Company:equals:Scheduled%20Co)and(Lead_Status:equals:Contacted))&per_page=200");
        assertThat(search.json().get("info").get("more_records").asBoolean()).isTrue();
    }

    @Test
    void the_selection_is_frozen_when_the_job_is_scheduled() throws Exception {
        String cvid = privateView("Frozen Co", 30);
        String jobId = schedule(cvid, "Rating", "\"Active\"").get("details").get("job_id").asText();
        admin.post("/crm/v2/Leads", "{\"data\":[{\"Last_Name\":\"Late\",\"Company\":\"Frozen Co\"}]}");
        JsonNode done = waitForEnd(jobId);
        assertThat(done.get("Total_Count").asInt()).isEqualTo(30);
        var late = admin.get("/crm/v2/Leads/search?criteria=(Last_Name:equals:Late)").json().get("data").get(0);
        assertThat(late.get("Rating").isNull()).isTrue();
    }

    @Test
    void a_view_over_50000_records_is_LIMIT_EXCEEDED_inside_data_with_http_200() {
        var response = admin.post("/crm/v2/Leads/actions/mass_update",
                "{\"data\":[{\"Rating\":\"Active\"}],\"cvid\":\"" + viewId("Leads", "All Leads") + "\"}");
        assertThat(response.status()).isEqualTo(200);
        JsonNode entry = response.json().get("data").get(0);
        assertThat(entry.get("code").asText()).isEqualTo("LIMIT_EXCEEDED");
        assertThat(entry.get("message").asText()).isEqualTo("Record count exceeded");
        assertThat(entry.get("status").asText()).isEqualTo("error");
    }

    @Test
    void fifty_concurrent_requests_for_one_view_schedule_exactly_one_job() throws Exception {
        String cvid = privateView("Race Co", 600);
        var pool = Executors.newFixedThreadPool(16);
        List<Future<Http.Response>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                Callable<Http.Response> call = () -> admin.post("/crm/v2/Leads/actions/mass_update",
                        "{\"data\":[{\"Rating\":\"Acquired\"}],\"cvid\":\"" + cvid + "\"}");
                futures.add(pool.submit(call));
            }
            int scheduled = 0;
            int already = 0;
            String jobId = null;
            for (var f : futures) {
                var r = f.get();
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                JsonNode entry = r.json().get("data").get(0);
                if (entry.get("code").asText().equals("SUCCESS")) {
                    scheduled++;
                    jobId = entry.get("details").get("job_id").asText();
                } else {
                    assertThat(entry.get("code").asText()).isEqualTo("ALREADY_SCHEDULED");
                    assertThat(entry.get("message").asText()).isEqualTo("Already a Mass Action scheduler is running for the given cvid");
                    already++;
                }
            }
            // a request arriving after the job ended may schedule again; while it runs, only one can
            assertThat(scheduled).isGreaterThanOrEqualTo(1);
            assertThat(scheduled + already).isEqualTo(50);
            long jobsForView = server.app().database().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM jobs WHERE cvid = :cv AND status IN ('SCHEDULED', 'RUNNING')").bind("cv", Long.parseLong(cvid))
                    .mapTo(Long.class).one());
            assertThat(jobsForView).isLessThanOrEqualTo(1);
            waitForEnd(jobId);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void a_second_request_while_a_job_runs_is_ALREADY_SCHEDULED() {
        String cvid = privateView("Twice Co", 3_000);
        String first = schedule(cvid, "Rating", "\"Active\"").get("details").get("job_id").asText();
        JsonNode second = admin.post("/crm/v2/Leads/actions/mass_update", "{\"data\":[{\"Rating\":\"Active\"}],\"cvid\":\"" + cvid + "\"}")
                .json().get("data").get(0);
        if (!status(first).get("Status").asText().equals("COMPLETED")) {
            assertThat(second.get("code").asText()).isEqualTo("ALREADY_SCHEDULED");
        }
        waitForEnd(first);
        assertThat(schedule(cvid, "Rating", "\"Shut Down\"").get("code").asText()).isEqualTo("SUCCESS");
    }

    @Test
    void an_empty_selection_is_NO_RECORDS_FOUND() {
        String cvid = privateView("Nobody Co", 0);
        var response = admin.post("/crm/v2/Leads/actions/mass_update", "{\"data\":[{\"Rating\":\"Active\"}],\"cvid\":\"" + cvid + "\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asText()).isEqualTo("NO_RECORDS_FOUND");
        assertThat(response.json().get("message").asText()).isEqualTo("No record found to update");
    }

    @Test
    void a_view_not_shared_with_the_user_or_of_another_module_is_not_accessible() {
        Http sales = server.tokenFor("sales@sweep.local", "ZohoCRM.mass_update.ALL");
        var notShared = sales.post("/crm/v2/Leads/actions/mass_update",
                "{\"data\":[{\"Rating\":\"Active\"}],\"cvid\":\"" + viewId("Leads", "Admin Only Leads") + "\"}");
        assertThat(notShared.status()).isEqualTo(403);
        assertThat(notShared.json().get("code").asText()).isEqualTo("NO_PERMISSION");
        assertThat(notShared.json().get("message").asText()).isEqualTo("Customview not accessible");

        var otherModule = admin.post("/crm/v2/Leads/actions/mass_update",
                "{\"data\":[{\"Rating\":\"Active\"}],\"cvid\":\"" + viewId("Deals", "Open Deals") + "\"}");
        assertThat(otherModule.status()).isEqualTo(403);
        assertThat(otherModule.json().get("message").asText()).isEqualTo("Customview not accessible");
    }

    @Test
    void an_unknown_cvid_or_territory_is_INVALID_DATA() {
        var unknown = admin.post("/crm/v2/Leads/actions/mass_update", "{\"data\":[{\"Rating\":\"Active\"}],\"cvid\":\"42\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("code").asText()).isEqualTo("INVALID_DATA");
        assertThat(unknown.json().get("message").asText()).isEqualTo("the id given seems to be invalid");
        assertThat(unknown.json().get("details").get("api_name").asText()).isEqualTo("cvid");
        var territory = admin.post("/crm/v2/Leads/actions/mass_update", "{\"data\":[{\"Rating\":\"Active\"}],\"cvid\":\""
                + viewId("Leads", "Contacted Leads") + "\",\"territory\":{\"id\":\"42\",\"include_child\":false}}");
        assertThat(territory.status()).isEqualTo(400);
        assertThat(territory.json().get("code").asText()).isEqualTo("INVALID_DATA");
        assertThat(territory.json().get("message").asText()).isEqualTo("the id given seems to be invalid");
        assertThat(territory.json().get("details").get("api_name").asText()).isEqualTo("territory");
    }

    @Test
    void a_field_error_of_a_view_mass_update_is_wrapped_in_data_as_the_seed_shows() throws Exception {
        String allAccounts = viewId("Accounts", "All Accounts");
        var owner = admin.post("/crm/v2/Accounts/actions/mass_update",
                "{\"data\":[{\"Account_Owner\":{\"id\":\"1\"}}],\"cvid\":\"" + allAccounts + "\"}");
        assertThat(owner.status()).isEqualTo(400);
        assertThat(owner.json()).isEqualTo(io.sweep.json.Json.MAPPER.readTree("""
                {"data":[{"code":"INVALID_DATA","details":{"api_name":"Account_Owner"},
                "message":"This field cannot be updated in the Mass Update","status":"error"}]}"""));
        var type = admin.post("/crm/v2/Leads/actions/mass_update",
                "{\"data\":[{\"No_of_Employees\":\"many\"}],\"cvid\":\"" + viewId("Leads", "Contacted Leads") + "\"}");
        assertThat(type.status()).isEqualTo(400);
        assertThat(type.json().get("data").get(0).get("details").get("expected_data_type").asText()).isEqualTo("integer");
    }

    @Test
    void a_territory_restricts_the_selection_and_include_child_widens_it() {
        String cvid = viewId("Leads", "Contacted Leads");
        var db = server.app().database();
        long americas = db.withHandle(h -> h.createQuery("SELECT id FROM territories WHERE name = 'Americas'").mapTo(Long.class).one());
        long expected = db.withHandle(h -> h.createQuery("""
                SELECT COUNT(*) FROM rec_leads WHERE lead_status = 'Contacted'
                AND territory_id IN (SELECT id FROM territories WHERE name IN ('Americas', 'USA'))""").mapTo(Long.class).one());
        var response = admin.post("/crm/v2/Leads/actions/mass_update", "{\"data\":[{\"Email_Opt_Out\":true}],\"cvid\":\"" + cvid
                + "\",\"territory\":{\"id\":\"" + americas + "\",\"include_child\":true}}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode done = waitForEnd(response.json().get("data").get(0).get("details").get("job_id").asText());
        assertThat(done.get("Total_Count").asLong()).isEqualTo(expected);
    }

    @Test
    void job_status_errors_follow_zoho() {
        assertThat(admin.get("/crm/v2/Leads/actions/mass_update").json().get("code").asText()).isEqualTo("MANDATORY_NOT_FOUND");
        var unknown = admin.get("/crm/v2/Leads/actions/mass_update?job_id=12345");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asText()).isEqualTo("NOT_FOUND");
        String cvid = privateView("Status Co", 5);
        String jobId = schedule(cvid, "Rating", "\"Active\"").get("details").get("job_id").asText();
        waitForEnd(jobId);
        var otherModule = admin.get("/crm/v2/Deals/actions/mass_update?job_id=" + jobId);
        assertThat(otherModule.status()).isEqualTo(404);
        assertThat(otherModule.json().get("message").asText()).isEqualTo("Empty response");
    }
}
