package io.sweep.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.Http;
import io.sweep.testsupport.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /api/mass_update/preview}: a dry run that answers what the real call would do, and writes nothing. */
abstract class MassUpdatePreviewContract {
    private AdminFixtures fx;
    private Http admin;

    abstract Backend backend();

    @BeforeEach
    void connect() {
        fx = new AdminFixtures(TestServer.shared(backend()));
        admin = fx.admin;
    }

    private JsonNode preview(Http as, String query, String body) {
        var response = as.post("/api/mass_update/preview?" + query, body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json").contains("charset=utf-8");
        return response.json();
    }

    private Map<String, Integer> versions(List<String> leads) {
        Map<String, Integer> versions = new TreeMap<>();
        for (String lead : leads) versions.put(lead, fx.version(lead));
        return versions;
    }

    private static String ids(List<String> ids) {
        return "[\"" + String.join("\",\"", ids) + "\"]";
    }

    @Test
    void a_preview_by_ids_shows_old_and_new_values_and_why_records_would_fail_and_writes_nothing() {
        List<String> leads = fx.leads("Preview Ids Co", 4, i -> i == 1 ? "\"Interests\":[\"Software\"]" : "");
        fx.blueprint("Preview Ids approval", "Interests", leads.subList(3, 4));
        Map<String, Integer> before = versions(leads);
        List<String> asked = new ArrayList<>(leads);
        asked.add(1, "not-an-id");

        JsonNode preview = preview(admin, "module=Leads", "{\"data\":[{\"Interests\":[\"Hardware\"]}],\"ids\":" + ids(asked) + "}");
        assertThat(preview.get("module").asText()).isEqualTo("Leads");
        assertThat(preview.get("selected").asInt()).isEqualTo(5);
        assertThat(preview.get("error").isNull()).isTrue();
        assertThat(preview.get("would_update").asInt()).isEqualTo(3);
        assertThat(preview.get("would_fail").asInt()).isEqualTo(2);
        assertThat(preview.get("would_skip").asInt()).isZero();
        JsonNode sample = preview.get("sample");
        assertThat(sample).hasSize(5);
        for (int i = 0; i < asked.size(); i++) assertThat(sample.get(i).get("id").asText()).isEqualTo(asked.get(i));

        JsonNode first = sample.get(0);
        assertThat(first.get("outcome").asText()).isEqualTo("update");
        assertThat(first.get("changes").get(0).get("field").asText()).isEqualTo("Interests");
        assertThat(first.get("changes").get(0).get("old").toString()).isEqualTo("[]");
        assertThat(first.get("changes").get(0).get("new").toString()).isEqualTo("[\"Hardware\"]");
        JsonNode invalid = sample.get(1);
        assertThat(invalid.get("outcome").asText()).isEqualTo("fail");
        assertThat(invalid.get("code").asText()).isEqualTo("INVALID_DATA");
        assertThat(invalid.get("message").asText()).isEqualTo("the id given seems to be invalid");
        JsonNode merged = sample.get(2);
        assertThat(merged.get("changes").get(0).get("old").toString()).isEqualTo("[\"Software\"]");
        assertThat(merged.get("changes").get(0).get("new").toString()).as("added to what is there, as without over_write")
                .isEqualTo("[\"Software\",\"Hardware\"]");
        JsonNode held = sample.get(4);
        assertThat(held.get("outcome").asText()).isEqualTo("fail");
        assertThat(held.get("code").asText()).isEqualTo("RECORD_IN_BLUEPRINT");
        assertThat(held.get("message").asText()).isEqualTo("The record is in blue print");
        assertThat(held.get("changes")).isEmpty();

        assertThat(versions(leads)).isEqualTo(before);
        assertThat(fx.lead(leads.get(0)).get("Interests")).isEmpty();
    }

    @Test
    void a_record_the_user_may_not_see_would_fail_as_an_id_that_does_not_exist() {
        Http rep = fx.tokenFor("rep@sweep.local", "ZohoCRM.mass_update.ALL", "ZohoCRM.modules.ALL");
        List<String> adminsLeads = fx.leads("Preview Rep Co", 1);
        JsonNode preview = preview(rep, "module=Leads", "{\"data\":[{\"Lead_Status\":\"Contacted\"}],\"ids\":" + ids(adminsLeads) + "}");
        assertThat(preview.get("error").isNull()).isTrue();
        assertThat(preview.get("sample").get(0).get("outcome").asText()).isEqualTo("fail");
        assertThat(preview.get("sample").get(0).get("code").asText()).isEqualTo("INVALID_DATA");
        assertThat(preview.get("sample").get(0).get("message").asText()).isEqualTo("the id given seems to be invalid");
        assertThat(preview.get("sample").get(0).get("changes")).isEmpty();
    }

    @Test
    void a_preview_by_cvid_samples_the_first_records_of_the_view_exactly_as_the_job_then_updates_them() {
        String cvid = fx.view("Preview View Co");
        List<String> leads = fx.leads("Preview View Co", 30);
        fx.blueprint("Preview View approval", "Lead_Status", List.of(leads.get(1), leads.get(3)));
        Map<String, Integer> before = versions(leads);
        String body = "{\"data\":[{\"Lead_Status\":\"Contacted\"}],\"cvid\":\"" + cvid + "\"}";

        JsonNode preview = preview(admin, "module=Leads&limit=5", body);
        assertThat(preview.get("selected").asInt()).isEqualTo(30);
        assertThat(preview.get("error").isNull()).isTrue();
        assertThat(preview.get("sample")).hasSize(5);
        assertThat(preview.get("would_update").asInt()).isEqualTo(3);
        assertThat(preview.get("would_fail").asInt()).isEqualTo(2);
        List<String> sorted = leads.stream().sorted((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b))).toList();
        for (int i = 0; i < 5; i++) assertThat(preview.get("sample").get(i).get("id").asText()).isEqualTo(sorted.get(i));
        JsonNode change = preview.get("sample").get(0).get("changes").get(0);
        assertThat(change.get("old").asText()).isEqualTo("Not Contacted");
        assertThat(change.get("new").asText()).isEqualTo("Contacted");
        assertThat(versions(leads)).as("a preview writes nothing").isEqualTo(before);
        assertThat(admin.get("/api/jobs?module=Leads&per_page=200").json().get("jobs"))
                .noneSatisfy(j -> assertThat(j.get("cvid").asText()).isEqualTo(cvid));

        String jobId = fx.schedule(cvid, "Lead_Status", "\"Contacted\"");
        fx.waitForEnd(jobId);
        JsonNode results = admin.get("/api/jobs/" + jobId + "/results").json().get("results");
        for (int i = 0; i < 5; i++) {
            JsonNode expected = preview.get("sample").get(i);
            JsonNode actual = results.get(i);
            assertThat(actual.get("id").asText()).isEqualTo(expected.get("id").asText());
            assertThat(actual.get("status").asText()).isEqualTo(expected.get("outcome").asText().equals("update") ? "updated" : "failed");
            assertThat(actual.get("code")).isEqualTo(expected.get("code"));
            assertThat(actual.get("changes")).isEqualTo(expected.get("changes"));
        }
    }

    @Test
    void the_default_sample_is_20_records_and_at_most_200_may_be_asked_for() {
        String cvid = fx.view("Preview Limit Co");
        fx.leads("Preview Limit Co", 25);
        String body = "{\"data\":[{\"Rating\":\"Active\"}],\"cvid\":\"" + cvid + "\"}";
        assertThat(preview(admin, "module=Leads", body).get("sample")).hasSize(20);
        assertThat(preview(admin, "module=Leads&limit=200", body).get("sample")).hasSize(25);
        for (String limit : List.of("0", "201", "x")) {
            var response = admin.post("/api/mass_update/preview?module=Leads&limit=" + limit, body);
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().get("code").asText()).isEqualTo("INVALID_DATA");
        }
    }

    @Test
    void all_leads_is_over_the_50000_limit_and_the_preview_says_LIMIT_EXCEEDED_as_the_real_call_does() {
        String allLeads = fx.viewId("Leads", "All Leads");
        String body = "{\"data\":[{\"Rating\":\"Active\"}],\"cvid\":\"" + allLeads + "\"}";
        JsonNode preview = preview(admin, "module=Leads&limit=3", body);
        long leads = fx.server.app().database().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM rec_leads").mapTo(Long.class).one());
        assertThat(preview.get("selected").asLong()).isEqualTo(leads).isGreaterThan(50_000);
        assertThat(preview.get("error").get("code").asText()).isEqualTo("LIMIT_EXCEEDED");
        assertThat(preview.get("error").get("message").asText()).isEqualTo("Record count exceeded");
        assertThat(preview.get("error").get("http_status").asInt()).isEqualTo(200);
        assertThat(preview.get("sample")).hasSize(3);
        sameErrorAsTheRealCall(admin, body, preview);
    }

    @Test
    void request_errors_are_reported_as_the_real_call_answers_them() {
        String emptyView = fx.view("Preview Nobody Co");
        String adminOnly = fx.viewId("Leads", "Admin Only Leads");
        List<String> lead = fx.leads("Preview Errors Co", 1);
        var tooMany = new StringBuilder();
        for (int i = 0; i < 501; i++) tooMany.append(i == 0 ? "" : ",").append('"').append(i + 1).append('"');
        Http sales = fx.tokenFor("sales@sweep.local", "ZohoCRM.mass_update.ALL", "ZohoCRM.modules.ALL");
        record Case(Http as, String body, String code, String message) {}
        for (var c : List.of(
                new Case(admin, "not json", "UNABLE_TO_PARSE_DATA_TYPE", "either the request body or parameters is in wrong format"),
                new Case(admin, "{\"ids\":" + ids(lead) + "}", "MANDATORY_NOT_FOUND", "required field not found"),
                new Case(admin, "{\"data\":[{\"Rating\":\"Active\"}],\"ids\":[" + tooMany + "]}", "LIMIT_EXCEEDED", "more than 500 ids"),
                new Case(admin, "{\"data\":[{\"Email\":\"a@b.c\"}],\"ids\":" + ids(lead) + "}", "INVALID_DATA",
                        "This field cannot be updated in the Mass Update"),
                new Case(admin, "{\"data\":[{\"Rating\":\"Nope\"}],\"cvid\":\"" + emptyView + "\"}", "INVALID_DATA", "invalid data"),
                new Case(admin, "{\"data\":[{\"Rating\":\"Active\"}],\"cvid\":\"" + emptyView + "\"}", "NO_RECORDS_FOUND",
                        "No record found to update"),
                new Case(sales, "{\"data\":[{\"Lead_Status\":\"Contacted\"}],\"cvid\":\"" + adminOnly + "\"}", "NO_PERMISSION",
                        "Customview not accessible"),
                new Case(sales, "{\"data\":[{\"Annual_Revenue\":1}],\"ids\":" + ids(lead) + "}", "NO_PERMISSION",
                        "Field Edit Permission not given"))) {
            JsonNode preview = preview(c.as(), "module=Leads", c.body());
            assertThat(preview.get("error").get("code").asText()).as(c.body()).isEqualTo(c.code());
            assertThat(preview.get("error").get("message").asText()).as(c.body()).isEqualTo(c.message());
            assertThat(preview.get("sample")).isEmpty();
            sameErrorAsTheRealCall(c.as(), c.body(), preview);
        }
        assertThat(fx.version(lead.get(0))).isEqualTo(1);
    }

    @Test
    void a_view_with_an_active_job_would_be_ALREADY_SCHEDULED() {
        String cvid = fx.view("Preview Busy Co");
        fx.leads("Preview Busy Co", 3);
        String running = fx.storedJob("admin@sweep.local", "Leads", "RUNNING", java.time.OffsetDateTime.now().withNano(0),
                "cvid:" + cvid, Long.parseLong(cvid));
        String body = "{\"data\":[{\"Rating\":\"Active\"}],\"cvid\":\"" + cvid + "\"}";
        JsonNode preview = preview(admin, "module=Leads", body);
        assertThat(preview.get("error").get("code").asText()).isEqualTo("ALREADY_SCHEDULED");
        assertThat(preview.get("error").get("message").asText()).isEqualTo("Already a Mass Action scheduler is running for the given cvid");
        assertThat(preview.get("error").get("http_status").asInt()).isEqualTo(200);
        assertThat(preview.get("selected").asInt()).isEqualTo(3);
        assertThat(preview.get("would_update").asInt()).isEqualTo(3);
        sameErrorAsTheRealCall(admin, body, preview);
        assertThat(admin.post("/api/jobs/" + running + "/cancel", "").status()).isEqualTo(200);
        assertThat(preview(admin, "module=Leads", body).get("error").isNull()).isTrue();
    }

    @Test
    void the_preview_needs_a_mass_update_scope_and_a_known_module() {
        String body = "{\"data\":[{\"Rating\":\"Active\"}],\"ids\":[\"1\"]}";
        var noScope = fx.tokenFor("admin@sweep.local", "ZohoCRM.modules.ALL").post("/api/mass_update/preview?module=Leads", body);
        assertThat(noScope.status()).isEqualTo(401);
        assertThat(noScope.json().get("code").asText()).isEqualTo("OAUTH_SCOPE_MISMATCH");
        var otherModule = fx.tokenFor("admin@sweep.local", "ZohoCRM.mass_update.deals.READ").post("/api/mass_update/preview?module=Leads", body);
        assertThat(otherModule.status()).isEqualTo(401);
        assertThat(otherModule.json().get("code").asText()).isEqualTo("OAUTH_SCOPE_MISMATCH");
        var missing = admin.post("/api/mass_update/preview", body);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("code").asText()).isEqualTo("MANDATORY_NOT_FOUND");
        assertThat(missing.json().get("details").get("param_name").asText()).isEqualTo("module");
        var unknown = admin.post("/api/mass_update/preview?module=Nope", body);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("code").asText()).isEqualTo("INVALID_MODULE");
        assertThat(admin.get("/api/mass_update/preview?module=Leads").status()).isEqualTo(405);
    }

    /** The real mass update answers the error the preview reported, with the same status, code and message. */
    private static void sameErrorAsTheRealCall(Http as, String body, JsonNode preview) {
        var real = as.post("/crm/v2/Leads/actions/mass_update", body);
        JsonNode error = preview.get("error");
        assertThat(real.status()).as(body).isEqualTo(error.get("http_status").asInt());
        // errors answered with 200 and errors about the data entry come wrapped in {"data":[…]} (SPEC §1.4)
        JsonNode entry = real.json().has("data") ? real.json().get("data").get(0) : real.json();
        assertThat(entry.get("code").asText()).as(body).isEqualTo(error.get("code").asText());
        assertThat(entry.get("message").asText()).as(body).isEqualTo(error.get("message").asText());
        assertThat(entry.get("details")).as(body).isEqualTo(error.get("details"));
    }
}
