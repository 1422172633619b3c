package io.sweep.api.zoho;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.Http;
import io.sweep.testsupport.TestServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /crm/v2/Activities}, Zoho v2's view over Tasks, Events (Meetings) and Calls, against the
 * real server; run on H2 and on PostgreSQL.
 */
abstract class ActivitiesContract {
    private TestServer server;
    private Http admin;

    abstract Backend backend();

    @BeforeEach
    void connect() {
        server = TestServer.shared(backend());
        admin = server.admin();
    }

    private String create(String module, String record) {
        var response = admin.post("/crm/v2/" + module, "{\"data\":[" + record + "]}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("data").get(0).get("details").get("id").asText();
    }

    private String newTask(String subject) {
        return create("Tasks", "{\"Subject\":\"" + subject + "\",\"Status\":\"Not Started\"}");
    }

    private String newMeeting(String title) {
        return create("Events", "{\"Event_Title\":\"" + title + "\",\"Venue\":\"Berlin\","
                + "\"Start_DateTime\":\"2026-12-01T10:00:00+00:00\",\"End_DateTime\":\"2026-12-01T11:00:00+00:00\"}");
    }

    private String newCall(String subject) {
        return create("Calls", "{\"Subject\":\"" + subject + "\",\"Call_Type\":\"Outbound\",\"Call_Start_Time\":\"2026-12-01T09:00:00+00:00\"}");
    }

    private String newLead() {
        return create("Leads", "{\"Last_Name\":\"Not An Activity\",\"Company\":\"Acme\"}");
    }

    private static String unique(String what) {
        return what + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String ids(String... ids) {
        return List.of(ids).stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    private JsonNode record(String module, String id) {
        var response = admin.get("/crm/v2/" + module + "/" + id);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("data").get(0);
    }

    private int versionOf(String table, String id) {
        return server.app().database().withHandle(h -> h.createQuery("SELECT version FROM " + table + " WHERE id = :id")
                .bind("id", Long.parseLong(id)).mapTo(Integer.class).one());
    }

    @Test
    void the_list_holds_tasks_meetings_and_calls_each_with_its_Activity_Type_and_only_its_own_fields() {
        String task = newTask(unique("Send offer"));
        String meeting = newMeeting(unique("Demo"));
        String call = newCall(unique("Intro"));

        var response = admin.get("/crm/v2/Activities?ids=" + String.join(",", task, meeting, call));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Map<String, JsonNode> byId = new HashMap<>();
        response.json().get("data").forEach(r -> byId.put(r.get("id").asText(), r));
        assertThat(byId).containsOnlyKeys(task, meeting, call);
        assertThat(response.json().get("info").get("count").asInt()).isEqualTo(3);

        assertThat(byId.get(task).get("Activity_Type").asText()).isEqualTo("Tasks");
        assertThat(byId.get(task).get("Status").asText()).isEqualTo("Not Started");
        assertThat(byId.get(task).has("Venue")).as("a task has no Venue").isFalse();
        assertThat(byId.get(meeting).get("Activity_Type").asText()).isEqualTo("Events");
        assertThat(byId.get(meeting).get("Venue").asText()).isEqualTo("Berlin");
        assertThat(byId.get(meeting).has("Subject")).as("a meeting's title is Event_Title").isFalse();
        assertThat(byId.get(call).get("Activity_Type").asText()).isEqualTo("Calls");
        assertThat(byId.get(call).get("Call_Type").asText()).isEqualTo("Outbound");
        assertThat(byId.get(call).get("Owner").get("name").asText()).isEqualTo("Ada Admin");

        var one = admin.get("/crm/v2/Activities/" + call);
        assertThat(one.status()).as(one.body()).isEqualTo(200);
        assertThat(one.json().get("data").get(0).get("Subject").asText()).isEqualTo(byId.get(call).get("Subject").asText());

        var sorted = admin.get("/crm/v2/Activities?ids=" + String.join(",", task, meeting, call) + "&sort_by=Activity_Type&sort_order=asc");
        assertThat(sorted.status()).as(sorted.body()).isEqualTo(200);
        assertThat(sorted.json().get("data").findValuesAsText("Activity_Type")).containsExactly("Calls", "Events", "Tasks");

        assertThat(admin.get("/crm/v2/Activities/" + newLead()).status()).as("a lead is no activity").isEqualTo(204);
    }

    @Test
    void the_fields_are_the_union_of_the_three_modules_with_a_read_only_Activity_Type() {
        var response = admin.get("/crm/v2/settings/fields?module=Activities");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Map<String, JsonNode> fields = new HashMap<>();
        response.json().get("fields").forEach(f -> fields.put(f.get("api_name").asText(), f));
        assertThat(fields).containsKeys("Activity_Type", "Subject", "Owner", "Who_Id", "Description", "Due_Date", "Status",
                "Event_Title", "Start_DateTime", "End_DateTime", "Venue", "Call_Type", "Call_Start_Time", "Modified_Time");

        JsonNode type = fields.get("Activity_Type");
        assertThat(type.get("data_type").asText()).isEqualTo("picklist");
        assertThat(type.get("read_only").asBoolean()).isTrue();
        assertThat(type.get("mass_update").asBoolean()).isFalse();
        assertThat(type.get("pick_list_values").findValuesAsText("actual_value")).containsExactly("Tasks", "Events", "Calls");
        assertThat(fields.get("Subject").get("mass_update").asBoolean()).isTrue();
        assertThat(fields.get("Description").get("mass_update").asBoolean()).isFalse();

        var modules = admin.get("/crm/v2/settings/modules").json().get("modules");
        JsonNode activities = null;
        for (JsonNode m : modules) if (m.get("api_name").asText().equals("Activities")) activities = m;
        assertThat(activities).as("Activities is listed among the modules").isNotNull();
        assertThat(activities.get("viewable").asBoolean()).isTrue();
        assertThat(activities.get("creatable").asBoolean()).as("records are created in Tasks, Events or Calls").isFalse();
    }

    @Test
    void a_mass_update_by_ids_mixing_a_task_and_a_call_updates_each_in_its_own_module() {
        String task = newTask(unique("Old"));
        String call = newCall(unique("Old"));
        int taskVersion = versionOf("rec_tasks", task);
        int callVersion = versionOf("rec_calls", call);
        String subject = unique("Renamed");

        var response = admin.post("/crm/v2/Activities/actions/mass_update", "{\"data\":[{\"Subject\":\"" + subject + "\"}],\"ids\":" + ids(task, call) + "}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode data = response.json().get("data");
        assertThat(data).hasSize(2);
        assertThat(data.get(0).get("code").asText()).isEqualTo("SUCCESS");
        assertThat(data.get(0).get("details").get("id").asText()).isEqualTo(task);
        assertThat(data.get(0).get("details").get("Modified_By").get("name").asText()).isEqualTo("Ada Admin");
        assertThat(data.get(1).get("code").asText()).isEqualTo("SUCCESS");
        assertThat(data.get(1).get("details").get("id").asText()).isEqualTo(call);

        assertThat(record("Tasks", task).get("Subject").asText()).isEqualTo(subject);
        assertThat(record("Calls", call).get("Subject").asText()).isEqualTo(subject);
        assertThat(versionOf("rec_tasks", task)).as("a write like every other: the version moves").isEqualTo(taskVersion + 1);
        assertThat(versionOf("rec_calls", call)).isEqualTo(callVersion + 1);
    }

    @Test
    void a_field_the_records_module_lacks_fails_that_record_only() {
        String task = newTask(unique("Kept"));
        String meeting = newMeeting(unique("Kept"));
        String meetingTitle = record("Events", meeting).get("Event_Title").asText();

        var response = admin.post("/crm/v2/Activities/actions/mass_update", "{\"data\":[{\"Subject\":\"Renamed\"}],\"ids\":" + ids(task, meeting) + "}");
        assertThat(response.status()).as(response.body()).isEqualTo(207);
        JsonNode data = response.json().get("data");
        assertThat(data.get(0).get("code").asText()).isEqualTo("SUCCESS");
        assertThat(data.get(1).get("code").asText()).isEqualTo("INVALID_DATA");
        assertThat(data.get(1).get("message").asText()).isEqualTo("This field cannot be updated in the Mass Update");
        assertThat(data.get(1).get("details").get("id").asText()).isEqualTo(meeting);
        assertThat(record("Events", meeting).get("Event_Title").asText()).isEqualTo(meetingTitle);
    }

    @Test
    void the_id_of_a_lead_given_to_Activities_is_INVALID_DATA_and_the_lead_is_left_alone() {
        String lead = newLead();
        int version = versionOf("rec_leads", lead);
        var response = admin.post("/crm/v2/Activities/actions/mass_update", "{\"data\":[{\"Subject\":\"Renamed\"}],\"ids\":" + ids(lead, "not-an-id") + "}");
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        JsonNode data = response.json().get("data");
        for (JsonNode entry : data) {
            assertThat(entry.get("code").asText()).isEqualTo("INVALID_DATA");
            assertThat(entry.get("message").asText()).isEqualTo("the id given seems to be invalid");
        }
        assertThat(data.get(0).get("details").get("id").asText()).isEqualTo(lead);
        assertThat(versionOf("rec_leads", lead)).isEqualTo(version);
    }

    @Test
    void fields_that_are_not_mass_updatable_in_the_view_are_refused_for_the_whole_request() {
        String task = newTask(unique("Kept"));
        for (String field : List.of("Activity_Type", "Description", "Owner", "No_Such_Field")) {
            var response = admin.post("/crm/v2/Activities/actions/mass_update", "{\"data\":[{\"" + field + "\":\"x\"}],\"ids\":" + ids(task) + "}");
            assertThat(response.status()).as(field + ": " + response.body()).isEqualTo(400);
            JsonNode entry = response.json().get("data").get(0);
            assertThat(entry.get("message").asText()).isEqualTo("This field cannot be updated in the Mass Update");
            assertThat(entry.get("details").get("api_name").asText()).isEqualTo(field);
        }
    }

    @Test
    void tokens_may_be_issued_with_the_activities_scopes_and_a_profile_viewing_tasks_holds_the_read_scope() {
        var byAdmin = admin.post("/api/tokens", "{\"scopes\":[\"ZohoCRM.modules.activities.READ\",\"ZohoCRM.mass_update.activities.UPDATE\"]}");
        assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(201);
        String token = byAdmin.json().get("token").asText();
        assertThat(server.http().withToken(token).get("/crm/v2/Activities?per_page=1").status()).isIn(200, 204);

        Http sales = server.tokenFor("sales@sweep.local", "Sweep.tokens.ALL", "ZohoCRM.modules.ALL", "ZohoCRM.mass_update.ALL");
        assertThat(sales.post("/api/tokens", "{\"scopes\":[\"ZohoCRM.modules.activities.READ\"]}").status()).isEqualTo(201);
        var notHeld = sales.post("/api/tokens", "{\"scopes\":[\"ZohoCRM.mass_update.activities.UPDATE\"]}");
        assertThat(notHeld.status()).as("sales may mass update none of the three: " + notHeld.body()).isEqualTo(403);
    }

    @Test
    void a_scheduled_mass_update_and_record_writes_over_Activities_are_NOT_SUPPORTED() {
        var byView = admin.post("/crm/v2/Activities/actions/mass_update", "{\"data\":[{\"Subject\":\"x\"}],\"cvid\":\"5725767000001000001\"}");
        assertThat(byView.status()).as(byView.body()).isEqualTo(400);
        assertThat(byView.json().get("code").asText()).isEqualTo("NOT_SUPPORTED");

        var insert = admin.post("/crm/v2/Activities", "{\"data\":[{\"Subject\":\"x\"}]}");
        assertThat(insert.status()).as(insert.body()).isEqualTo(400);
        assertThat(insert.json().get("code").asText()).isEqualTo("NOT_SUPPORTED");
        assertThat(admin.delete("/crm/v2/Activities/" + newTask(unique("Kept"))).json().get("code").asText()).isEqualTo("NOT_SUPPORTED");
    }

    @Test
    void admin_may_mass_update_activities_while_the_sales_and_rep_profiles_which_may_not_mass_update_any_of_the_three_get_NO_PERMISSION() {
        String task = newTask(unique("Profiles"));
        String call = newCall(unique("Profiles"));
        String body = "{\"data\":[{\"Subject\":\"By profile\"}],\"ids\":" + ids(task, call) + "}";

        Http adminByScope = server.tokenFor("admin@sweep.local", "ZohoCRM.mass_update.activities.UPDATE");
        var admins = adminByScope.post("/crm/v2/Activities/actions/mass_update", body);
        assertThat(admins.status()).as(admins.body()).isEqualTo(200);
        assertThat(record("Tasks", task).get("Subject").asText()).isEqualTo("By profile");

        for (String email : List.of("sales@sweep.local", "rep@sweep.local")) {
            int taskVersion = versionOf("rec_tasks", task);
            Http user = server.tokenFor(email, "ZohoCRM.mass_update.activities.UPDATE", "ZohoCRM.modules.activities.READ");
            var denied = user.post("/crm/v2/Activities/actions/mass_update", body.replace("By profile", "By " + email));
            assertThat(denied.status()).as(email + ": " + denied.body()).isEqualTo(403);
            assertThat(denied.json().get("code").asText()).isEqualTo("NO_PERMISSION");
            assertThat(denied.json().get("message").asText()).isEqualTo("permission denied");
            assertThat(denied.json().get("details").get("permissions").get(0).asText()).isEqualTo("Crm_Implied_Mass_Update_Activities");
            assertThat(versionOf("rec_tasks", task)).isEqualTo(taskVersion);

            var list = user.get("/crm/v2/Activities?ids=" + task + "," + call);
            assertThat(list.status()).as(email + " views tasks and calls, so the view: " + list.body()).isEqualTo(200);
            assertThat(list.json().get("data")).hasSize(2);
        }

        Http tasksOnly = server.tokenFor("admin@sweep.local", "ZohoCRM.mass_update.tasks.UPDATE");
        var scope = tasksOnly.post("/crm/v2/Activities/actions/mass_update", body);
        assertThat(scope.status()).as("the view's own scope is needed: " + scope.body()).isEqualTo(401);
        assertThat(scope.json().get("code").asText()).isEqualTo("OAUTH_SCOPE_MISMATCH");
    }
}
