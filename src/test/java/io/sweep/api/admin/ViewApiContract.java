package io.sweep.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.demo.DemoData;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.Browser;
import io.sweep.testsupport.Http;
import io.sweep.testsupport.TestServer;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /api/views}: custom views with record counts, as the admin UI uses them, on H2 and PostgreSQL. */
abstract class ViewApiContract {
    private AdminFixtures fx;
    private Http admin;

    abstract Backend backend();

    @BeforeEach
    void connect() {
        fx = new AdminFixtures(TestServer.shared(backend()));
        admin = Browser.signIn(fx.server.http(), DemoData.ADMIN_EMAIL, DemoData.PASSWORD).withCsrf();
    }

    private static String companyCriteria(String company) {
        return "{\"comparator\":\"equal\",\"field\":{\"api_name\":\"Company\"},\"value\":\"" + company + "\"}";
    }

    private static String body(String company, String extra) {
        return "{\"module\":\"Leads\",\"name\":\"View of " + company + "\",\"criteria\":" + companyCriteria(company) + extra + "}";
    }

    private static void assertError(Http.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("code").asText()).as(response.body()).isEqualTo(code);
        assertThat(response.json().get("status").asText()).isEqualTo("error");
    }

    private JsonNode created(Http as, String body) {
        var response = as.post("/api/views", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("view");
    }

    @Test
    void a_created_view_belongs_to_its_creator_and_reads_back_with_its_record_count() {
        String company = "View Co " + UUID.randomUUID();
        fx.leads(company, 3);

        JsonNode view = created(admin, body(company, ",\"shared_with_all\":false"));

        assertThat(view.get("id").isTextual()).isTrue();
        assertThat(view.get("name").asText()).isEqualTo("View of " + company);
        assertThat(view.get("module").asText()).isEqualTo("Leads");
        assertThat(view.get("criteria").get("comparator").asText()).isEqualTo("equal");
        assertThat(view.get("criteria").get("field").get("api_name").asText()).isEqualTo("Company");
        assertThat(view.get("criteria").get("value").asText()).isEqualTo(company);
        assertThat(view.get("owner").get("email").asText()).isEqualTo(DemoData.ADMIN_EMAIL);
        assertThat(view.get("system_defined").asBoolean()).isFalse();
        assertThat(view.get("shared_with_all").asBoolean()).isFalse();
        assertThat(view.get("shared_with").isArray()).isTrue();
        assertThat(view.get("record_count").asLong()).isEqualTo(3);
        assertThat(view.get("editable").asBoolean()).isTrue();

        var read = admin.get("/api/views/" + view.get("id").asText());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("view")).isEqualTo(view);
        var listed = admin.get("/api/views?module=Leads").json().get("views");
        assertThat(listed.findValuesAsText("id")).contains(view.get("id").asText());
        assertThat(fx.server.admin().get("/crm/v2/Leads?cvid=" + view.get("id").asText()).json().get("data")).hasSize(3);
    }

    @Test
    void the_view_list_shows_the_demo_views_a_user_may_use_with_counts_and_system_views_are_not_editable() {
        Http rep = Browser.signIn(fx.server.http(), DemoData.REP_EMAIL, DemoData.PASSWORD).withCsrf();

        JsonNode views = rep.get("/api/views?module=Leads").json().get("views");

        assertThat(views.findValuesAsText("name")).contains("All Leads", "Contacted Leads", "High Revenue Leads").doesNotContain("Admin Only Leads");
        for (JsonNode v : views) {
            assertThat(v.get("record_count").isIntegralNumber()).as(v.toString()).isTrue();
            if (v.get("name").asText().equals("All Leads")) {
                assertThat(v.get("system_defined").asBoolean()).isTrue();
                assertThat(v.get("editable").asBoolean()).isFalse();
                assertThat(v.get("criteria").isNull()).isTrue();
                assertThat(v.get("record_count").asLong()).as("the rep sees only some leads").isLessThan(DemoData.LEADS);
            }
        }
        assertThat(admin.get("/api/views").json().get("views").findValuesAsText("module")).contains("Leads", "Deals");
    }

    @Test
    void a_views_record_count_is_what_a_mass_update_by_it_selects_for_each_user() {
        String company = "Count Co " + UUID.randomUUID();
        fx.leads(company, 3);
        Http repToken = fx.tokenFor(DemoData.REP_EMAIL, "ZohoCRM.modules.ALL", "ZohoCRM.mass_update.ALL");
        var repLeads = repToken.post("/crm/v2/Leads", "{\"data\":[{\"Last_Name\":\"Rep 1\",\"Company\":\"" + company + "\"},"
                + "{\"Last_Name\":\"Rep 2\",\"Company\":\"" + company + "\"}]}");
        assertThat(repLeads.status()).as(repLeads.body()).isEqualTo(201);
        Http rep = Browser.signIn(fx.server.http(), DemoData.REP_EMAIL, DemoData.PASSWORD).withCsrf();
        String id = created(rep, body(company, ",\"shared_with_all\":true")).get("id").asText();

        long repCount = rep.get("/api/views/" + id).json().get("view").get("record_count").asLong();
        long adminCount = admin.get("/api/views/" + id).json().get("view").get("record_count").asLong();
        long liveCount = rep.post("/api/views/count", "{\"module\":\"Leads\",\"criteria\":" + companyCriteria(company) + "}")
                .json().get("record_count").asLong();

        assertThat(repCount).isEqualTo(2);
        assertThat(adminCount).isEqualTo(5);
        assertThat(liveCount).isEqualTo(repCount);
        String adminJob = fx.schedule(fx.server.admin(), "Leads", id, "Rating", "\"Active\"");
        assertThat(fx.waitForEnd(adminJob).get("Total_Count").asLong()).isEqualTo(adminCount);
        String repJob = fx.schedule(repToken, "Leads", id, "Lead_Status", "\"Contacted\"");
        assertThat(fx.waitForEnd(repJob).get("Total_Count").asLong()).isEqualTo(repCount);
    }

    @Test
    void the_live_count_counts_criteria_not_saved_yet_and_every_record_without_criteria() {
        String company = "Live Co " + UUID.randomUUID();
        fx.leads(company, 4);
        String and = "{\"group_operator\":\"and\",\"group\":[" + companyCriteria(company)
                + ",{\"comparator\":\"equal\",\"field\":{\"api_name\":\"Lead_Status\"},\"value\":\"Not Contacted\"}]}";

        assertThat(admin.post("/api/views/count", "{\"module\":\"Leads\",\"criteria\":" + and + "}").json().get("record_count").asLong()).isEqualTo(4);
        long all = admin.post("/api/views/count", "{\"module\":\"Leads\",\"criteria\":null}").json().get("record_count").asLong();
        assertThat(all).isGreaterThanOrEqualTo(DemoData.LEADS);
        assertError(admin.post("/api/views/count", "{\"module\":\"Nope\"}"), 400, "INVALID_MODULE");
        assertError(admin.post("/api/views/count", "{\"criteria\":null}"), 400, "MANDATORY_NOT_FOUND");
    }

    @Test
    void invalid_criteria_are_invalid_data_pointing_at_the_bad_condition() {
        String bad = "{\"group_operator\":\"and\",\"group\":[" + companyCriteria("X")
                + ",{\"comparator\":\"greater_than\",\"field\":{\"api_name\":\"Annual_Revenue\"},\"value\":\"lots\"}]}";

        var response = admin.post("/api/views", "{\"module\":\"Leads\",\"name\":\"Bad\",\"criteria\":" + bad + "}");

        assertError(response, 400, "INVALID_DATA");
        assertThat(response.json().get("details").get("path").asText()).isEqualTo("group[1].value");
        assertThat(response.json().get("details").get("api_name").asText()).isEqualTo("Annual_Revenue");
        assertThat(response.json().get("message").asText()).contains("Annual_Revenue");
        var unknownField = admin.post("/api/views/count", "{\"module\":\"Leads\",\"criteria\":{\"comparator\":\"equal\",\"field\":{\"api_name\":\"Nope\"},\"value\":\"x\"}}");
        assertThat(unknownField.json().get("details").get("path").asText()).isEqualTo("field");
        var badComparator = admin.post("/api/views/count", "{\"module\":\"Leads\",\"criteria\":{\"group_operator\":\"or\",\"group\":[{\"comparator\":\"starts_with\",\"field\":{\"api_name\":\"Annual_Revenue\"},\"value\":\"1\"}]}}");
        assertThat(badComparator.json().get("details").get("path").asText()).isEqualTo("group[0].comparator");
    }

    @Test
    void creating_a_view_checks_module_name_and_users_shared_with() {
        assertError(admin.post("/api/views", "{\"module\":\"Nope\",\"name\":\"x\",\"criteria\":null}"), 400, "INVALID_MODULE");
        assertError(admin.post("/api/views", "{\"module\":\"Leads\",\"criteria\":null}"), 400, "MANDATORY_NOT_FOUND");
        var unknownUser = admin.post("/api/views", "{\"module\":\"Leads\",\"name\":\"x\",\"criteria\":null,\"shared_with\":[\"1\"]}");
        assertError(unknownUser, 400, "INVALID_DATA");
        assertThat(unknownUser.json().get("details").get("param_name").asText()).isEqualTo("shared_with");
        assertError(admin.post("/api/views", "[1]"), 400, "UNABLE_TO_PARSE_DATA_TYPE");
    }

    @Test
    void the_owner_changes_name_criteria_and_sharing_but_not_the_module() {
        String company = "Edit Co " + UUID.randomUUID();
        fx.leads(company, 2);
        Http sales = Browser.signIn(fx.server.http(), DemoData.SALES_EMAIL, DemoData.PASSWORD).withCsrf();
        JsonNode view = created(sales, body("nothing yet " + company, ""));
        String id = view.get("id").asText();
        assertThat(view.get("record_count").asLong()).isZero();
        String rep = String.valueOf(fx.userId(DemoData.REP_EMAIL));

        var updated = sales.put("/api/views/" + id, "{\"name\":\"Renamed\",\"criteria\":" + companyCriteria(company) + ",\"shared_with\":[\"" + rep + "\"]}");

        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("view").get("name").asText()).isEqualTo("Renamed");
        assertThat(updated.json().get("view").get("record_count").asLong()).isEqualTo(2);
        assertThat(updated.json().get("view").get("shared_with").get(0).get("email").asText()).isEqualTo(DemoData.REP_EMAIL);
        var moved = sales.put("/api/views/" + id, "{\"module\":\"Deals\",\"name\":\"x\",\"criteria\":null}");
        assertError(moved, 400, "INVALID_DATA");
        assertThat(moved.json().get("details").get("param_name").asText()).isEqualTo("module");
    }

    @Test
    void only_the_owner_or_an_administrator_changes_a_view_and_nobody_a_system_view() {
        Http sales = Browser.signIn(fx.server.http(), DemoData.SALES_EMAIL, DemoData.PASSWORD).withCsrf();
        Http rep = Browser.signIn(fx.server.http(), DemoData.REP_EMAIL, DemoData.PASSWORD).withCsrf();
        String id = created(sales, body("shared " + UUID.randomUUID(), ",\"shared_with_all\":true")).get("id").asText();

        assertThat(rep.get("/api/views/" + id).json().get("view").get("editable").asBoolean()).isFalse();
        assertError(rep.put("/api/views/" + id, "{\"name\":\"Mine now\",\"criteria\":null}"), 403, "NO_PERMISSION");
        assertError(rep.delete("/api/views/" + id), 403, "NO_PERMISSION");
        assertThat(admin.put("/api/views/" + id, "{\"name\":\"Fixed by admin\",\"criteria\":null}").status()).isEqualTo(200);
        String allLeads = fx.viewId("Leads", "All Leads");
        assertError(admin.put("/api/views/" + allLeads, "{\"name\":\"Mine\",\"criteria\":null}"), 403, "NO_PERMISSION");
        assertError(admin.delete("/api/views/" + allLeads), 403, "NO_PERMISSION");
    }

    @Test
    void a_view_nobody_shared_is_not_accessible_and_an_unknown_one_is_not_found() {
        Http rep = Browser.signIn(fx.server.http(), DemoData.REP_EMAIL, DemoData.PASSWORD).withCsrf();
        String privateView = fx.view("Private " + UUID.randomUUID());

        assertError(rep.get("/api/views/" + privateView), 403, "NO_PERMISSION");
        assertError(admin.get("/api/views/1"), 404, "NOT_FOUND");
        assertError(admin.get("/api/views/abc"), 404, "NOT_FOUND");
    }

    @Test
    void deleting_a_view_keeps_its_finished_jobs_and_is_refused_while_a_job_on_it_runs() {
        String company = "Delete Co " + UUID.randomUUID();
        fx.leads(company, 2);
        String id = created(admin, body(company, "")).get("id").asText();
        String finished = fx.schedule(fx.server.admin(), "Leads", id, "Rating", "\"Active\"");
        fx.waitForEnd(finished);
        String running = fx.storedJob(DemoData.ADMIN_EMAIL, "Leads", "RUNNING", OffsetDateTime.now().withNano(0), "cvid:" + id, Long.valueOf(id));

        assertError(admin.delete("/api/views/" + id), 400, "INVALID_DATA");
        fx.setJobStatus(running, "CANCELLED");
        var deleted = admin.delete("/api/views/" + id);

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.json().get("status").asText()).isEqualTo("success");
        assertError(admin.get("/api/views/" + id), 404, "NOT_FOUND");
        assertThat(fx.job(finished).get("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void a_token_needs_the_custom_views_scope() {
        Http readOnly = fx.tokenFor(DemoData.ADMIN_EMAIL, "ZohoCRM.settings.custom_views.READ");
        Http none = fx.tokenFor(DemoData.ADMIN_EMAIL, "ZohoCRM.modules.ALL");

        assertThat(readOnly.get("/api/views?module=Leads").status()).isEqualTo(200);
        assertError(readOnly.post("/api/views", body("token " + UUID.randomUUID(), "")), 401, "OAUTH_SCOPE_MISMATCH");
        assertError(none.get("/api/views?module=Leads"), 401, "OAUTH_SCOPE_MISMATCH");
    }
}
