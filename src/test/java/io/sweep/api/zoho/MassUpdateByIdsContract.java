package io.sweep.api.zoho;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.auth.Scopes;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.Http;
import io.sweep.testsupport.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SPEC §1.2 and §1.4 for mass updates by ids, against the real server; run on H2 and on PostgreSQL. */
abstract class MassUpdateByIdsContract {
    private TestServer server;
    private Http admin;

    abstract Backend backend();

    @BeforeEach
    void connect() {
        server = TestServer.shared(backend());
        admin = server.admin();
    }

    private List<String> newLeads(int n) {
        var data = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) data.append(',');
            data.append("{\"Last_Name\":\"Mass ").append(i).append("\",\"Company\":\"Acme\",\"Lead_Status\":\"Not Contacted\",\"Interests\":[\"Software\"]}");
        }
        var response = admin.post("/crm/v2/Leads", "{\"data\":[" + data + "]}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        List<String> ids = new ArrayList<>();
        response.json().get("data").forEach(d -> ids.add(d.get("details").get("id").asText()));
        return ids;
    }

    private static String ids(List<String> ids) {
        return ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    private JsonNode lead(String id) {
        return admin.get("/crm/v2/Leads/" + id).json().get("data").get(0);
    }


    @Test
    void every_id_updated_answers_200_with_one_success_entry_per_id_in_request_order() {
        var leads = newLeads(3);
        var response = admin.post("/crm/v2/Leads/actions/mass_update",
                "{\"data\":[{\"Lead_Status\":\"Contacted\"}],\"ids\":" + ids(leads) + "}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json").contains("charset=utf-8");
        JsonNode data = response.json().get("data");
        assertThat(data).hasSize(3);
        for (int i = 0; i < 3; i++) {
            JsonNode entry = data.get(i);
            assertThat(entry.get("code").asText()).isEqualTo("SUCCESS");
            assertThat(entry.get("message").asText()).isEqualTo("record updated");
            assertThat(entry.get("status").asText()).isEqualTo("success");
            assertThat(entry.get("details").get("id").asText()).isEqualTo(leads.get(i));
            assertThat(entry.get("details").get("Modified_Time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d");
            assertThat(entry.get("details").get("Modified_By").get("name").asText()).isEqualTo("Ada Admin");
            assertThat(entry.get("details").get("Created_By").get("id").isTextual()).isTrue();
            JsonNode stored = lead(leads.get(i));
            assertThat(stored.get("Lead_Status").asText()).isEqualTo("Contacted");
            for (String time : List.of("Modified_Time", "Created_Time")) {
                assertThat(entry.get("details").get(time).asText()).as("details show what is stored").isEqualTo(stored.get(time).asText());
            }
            for (String user : List.of("Modified_By", "Created_By")) {
                assertThat(entry.get("details").get(user).get("id")).as("details show what is stored").isEqualTo(stored.get(user).get("id"));
                assertThat(entry.get("details").get(user).get("name")).isEqualTo(stored.get(user).get("name"));
            }
        }
    }

    @Test
    void some_invalid_ids_answer_207_and_only_those_entries_fail() {
        var leads = newLeads(2);
        var response = admin.post("/crm/v2/Leads/actions/mass_update",
                "{\"data\":[{\"Lead_Status\":\"Contacted\"}],\"ids\":[\"" + leads.get(0) + "\",\"123\",\"not-an-id\",\"" + leads.get(1) + "\"]}");
        assertThat(response.status()).as(response.body()).isEqualTo(207);
        JsonNode data = response.json().get("data");
        assertThat(data.get(0).get("code").asText()).isEqualTo("SUCCESS");
        assertThat(data.get(1).get("code").asText()).isEqualTo("INVALID_DATA");
        assertThat(data.get(1).get("message").asText()).isEqualTo("the id given seems to be invalid");
        assertThat(data.get(1).get("status").asText()).isEqualTo("error");
        assertThat(data.get(1).get("details").get("id").asText()).isEqualTo("123");
        assertThat(data.get(2).get("details").get("id").asText()).isEqualTo("not-an-id");
        assertThat(data.get(3).get("code").asText()).isEqualTo("SUCCESS");
    }

    @Test
    void a_repeated_id_is_updated_once_and_reported_at_each_position() {
        var lead = newLeads(1);
        int before = server.app().database().withHandle(h -> h.createQuery("SELECT version FROM rec_leads WHERE id = :id")
                .bind("id", Long.parseLong(lead.get(0))).mapTo(Integer.class).one());
        var response = admin.post("/crm/v2/Leads/actions/mass_update",
                "{\"data\":[{\"Lead_Status\":\"Cold\"}],\"ids\":[\"" + lead.get(0) + "\",\"" + lead.get(0) + "\"]}");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("data")).hasSize(2);
        int after = server.app().database().withHandle(h -> h.createQuery("SELECT version FROM rec_leads WHERE id = :id")
                .bind("id", Long.parseLong(lead.get(0))).mapTo(Integer.class).one());
        assertThat(after).isEqualTo(before + 1);
    }

    @Test
    void no_valid_id_answers_400_with_per_entry_errors() {
        var response = admin.post("/crm/v2/Leads/actions/mass_update", "{\"data\":[{\"Lead_Status\":\"Contacted\"}],\"ids\":[\"1\",\"2\"]}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("data")).hasSize(2);
    }

    @Test
    void a_record_of_another_module_is_an_invalid_id() {
        String contact = admin.get("/crm/v2/Contacts?per_page=1").json().get("data").get(0).get("id").asText();
        var response = admin.post("/crm/v2/Leads/actions/mass_update", "{\"data\":[{\"Lead_Status\":\"Contacted\"}],\"ids\":[\"" + contact + "\"]}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("data").get(0).get("message").asText()).isEqualTo("the id given seems to be invalid");
    }

    @Test
    void more_than_500_ids_is_LIMIT_EXCEEDED_with_limit_details() {
        String ids = IntStream.range(0, 501).mapToObj(i -> "\"" + (1000 + i) + "\"").collect(Collectors.joining(",", "[", "]"));
        var response = admin.post("/crm/v2/Leads/actions/mass_update", "{\"data\":[{\"Lead_Status\":\"Contacted\"}],\"ids\":" + ids + "}");
        assertThat(response.status()).isEqualTo(400);
        JsonNode body = response.json();
        assertThat(body.get("code").asText()).isEqualTo("LIMIT_EXCEEDED");
        assertThat(body.get("message").asText()).isEqualTo("more than 500 ids");
        assertThat(body.get("details").get("limit").asText()).isEqualTo("500");
        assertThat(body.get("details").get("param_name").asText()).isEqualTo("ids");
        assertThat(body.get("status").asText()).isEqualTo("error");
    }

    @Test
    void exactly_500_ids_are_accepted() {
        var leads = new ArrayList<String>();
        for (int i = 0; i < 5; i++) leads.addAll(newLeads(100));
        var response = admin.post("/crm/v2/Leads/actions/mass_update", "{\"data\":[{\"Lead_Status\":\"Contacted\"}],\"ids\":" + ids(leads) + "}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("data")).hasSize(500);
    }

    @Test
    void a_field_that_cannot_be_mass_updated_is_named_in_the_error() {
        var lead = newLeads(1);
        for (String field : List.of("Email", "Owner", "Description", "Created_Time", "No_Such_Field")) {
            var response = admin.post("/crm/v2/Leads/actions/mass_update", "{\"data\":[{\"" + field + "\":\"x\"}],\"ids\":" + ids(lead) + "}");
            assertThat(response.status()).as(field).isEqualTo(400);
            JsonNode error = dataEntryError(response);
            assertThat(error.get("code").asText()).isEqualTo("INVALID_DATA");
            assertThat(error.get("message").asText()).isEqualTo("This field cannot be updated in the Mass Update");
            assertThat(error.get("details").get("api_name").asText()).isEqualTo(field);
        }
    }

    @Test
    void two_fields_exceed_the_limit_outside_Deals_and_four_exceed_it_in_Deals() {
        var lead = newLeads(1);
        var response = admin.post("/crm/v2/Leads/actions/mass_update",
                "{\"data\":[{\"Lead_Status\":\"Contacted\",\"Rating\":\"Active\"}],\"ids\":" + ids(lead) + "}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(dataEntryError(response).get("message").asText()).isEqualTo("Max field limit exceeded");

        String deal = admin.get("/crm/v2/Deals?per_page=1").json().get("data").get(0).get("id").asText();
        var three = admin.post("/crm/v2/Deals/actions/mass_update",
                "{\"data\":[{\"Amount\":10,\"Probability\":20,\"Next_Step\":\"Call\"}],\"ids\":[\"" + deal + "\"]}");
        assertThat(three.status()).as(three.body()).isEqualTo(200);
        var four = admin.post("/crm/v2/Deals/actions/mass_update",
                "{\"data\":[{\"Amount\":10,\"Probability\":20,\"Next_Step\":\"Call\",\"Type\":\"New Business\"}],\"ids\":[\"" + deal + "\"]}");
        assertThat(four.status()).isEqualTo(400);
        assertThat(dataEntryError(four).get("message").asText()).isEqualTo("Max field limit exceeded");
    }

    @Test
    void an_empty_data_object_is_No_field_found() {
        var response = admin.post("/crm/v2/Leads/actions/mass_update", "{\"data\":[{}],\"ids\":[\"1\"]}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(dataEntryError(response).get("code").asText()).isEqualTo("INVALID_DATA");
        assertThat(dataEntryError(response).get("message").asText()).isEqualTo("No field found");
    }

    @Test
    void values_of_the_wrong_type_are_invalid_data_with_the_expected_type() {
        var lead = newLeads(1);
        record Case(String field, String value, String type) {}
        for (Case c : List.of(
                new Case("Lead_Status", "\"No Such Status\"", "picklist"),
                new Case("No_of_Employees", "\"many\"", "integer"),
                new Case("No_of_Employees", "1.5", "integer"),
                new Case("Annual_Revenue", "\"lots\"", "currency"),
                new Case("Email_Opt_Out", "\"maybe\"", "boolean"),
                new Case("Interests", "\"Software\"", "multiselectpicklist"),
                new Case("Interests", "[\"Not A Value\"]", "multiselectpicklist"),
                new Case("Phone", "\"" + "9".repeat(31) + "\"", "phone"),
                new Case("Phone", "{\"a\":1}", "phone"))) {
            var response = admin.post("/crm/v2/Leads/actions/mass_update", "{\"data\":[{\"" + c.field + "\":" + c.value + "}],\"ids\":" + ids(lead) + "}");
            assertThat(response.status()).as(c.toString()).isEqualTo(400);
            JsonNode body = dataEntryError(response);
            assertThat(body.get("code").asText()).as(c.toString()).isEqualTo("INVALID_DATA");
            assertThat(body.get("details").get("api_name").asText()).isEqualTo(c.field);
            assertThat(body.get("details").get("expected_data_type").asText()).isEqualTo(c.type);
        }
    }

    @Test
    void multi_select_adds_values_unless_over_write_is_true() {
        var lead = newLeads(1);
        var add = admin.post("/crm/v2/Leads/actions/mass_update", "{\"data\":[{\"Interests\":[\"Training\"]}],\"ids\":" + ids(lead) + "}");
        assertThat(add.status()).as(add.body()).isEqualTo(200);
        assertThat(lead(lead.get(0)).get("Interests")).extracting(JsonNode::asText).containsExactly("Software", "Training");

        var replace = admin.post("/crm/v2/Leads/actions/mass_update",
                "{\"data\":[{\"Interests\":[\"Consulting\"]}],\"ids\":" + ids(lead) + ",\"over_write\":true}");
        assertThat(replace.status()).isEqualTo(200);
        assertThat(lead(lead.get(0)).get("Interests")).extracting(JsonNode::asText).containsExactly("Consulting");
    }

    @Test
    void typed_values_are_stored_as_their_type() {
        var lead = newLeads(1);
        admin.post("/crm/v2/Leads/actions/mass_update", "{\"data\":[{\"Annual_Revenue\":1234.5}],\"ids\":" + ids(lead) + "}");
        admin.post("/crm/v2/Leads/actions/mass_update", "{\"data\":[{\"No_of_Employees\":42}],\"ids\":" + ids(lead) + "}");
        admin.post("/crm/v2/Leads/actions/mass_update", "{\"data\":[{\"Email_Opt_Out\":true}],\"ids\":" + ids(lead) + "}");
        JsonNode record = lead(lead.get(0));
        assertThat(record.get("Annual_Revenue").decimalValue()).isEqualByComparingTo("1234.50");
        assertThat(record.get("No_of_Employees").asInt()).isEqualTo(42);
        assertThat(record.get("Email_Opt_Out").asBoolean()).isTrue();
        assertThat(record.get("id").isTextual()).isTrue();
    }

    @Test
    void a_profile_without_field_edit_permission_gets_NO_PERMISSION_for_that_field() {
        Http sam = server.tokenFor("rep@sweep.local", "ZohoCRM.mass_update.ALL", "ZohoCRM.modules.ALL");
        var lead = newLeads(1);
        var response = sam.post("/crm/v2/Leads/actions/mass_update", "{\"data\":[{\"Rating\":\"Active\"}],\"ids\":" + ids(lead) + "}");
        assertThat(response.status()).isEqualTo(403);
        assertThat(dataEntryError(response).get("code").asText()).isEqualTo("NO_PERMISSION");
        assertThat(dataEntryError(response).get("message").asText()).isEqualTo("Field Edit Permission not given");
    }

    @Test
    void a_profile_that_may_not_mass_update_the_module_gets_permission_denied() {
        Http sam = server.tokenFor("rep@sweep.local", "ZohoCRM.mass_update.ALL");
        var response = sam.post("/crm/v2/Contacts/actions/mass_update", "{\"data\":[{\"Lead_Source\":\"Advertisement\"}],\"ids\":[\"1\"]}");
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("code").asText()).isEqualTo("NO_PERMISSION");
        assertThat(response.json().get("message").asText()).isEqualTo("permission denied");
    }

    @Test
    void a_record_the_user_may_not_see_fails_only_its_own_entry_exactly_as_an_id_that_does_not_exist() {
        Http sam = server.tokenFor("rep@sweep.local", "ZohoCRM.mass_update.ALL");
        var adminsLeads = newLeads(1);
        var samsLead = server.app().database().withHandle(h -> h.createQuery(
                "SELECT id FROM rec_leads WHERE owner_id = (SELECT id FROM users WHERE email = 'rep@sweep.local') AND blueprint_id IS NULL")
                .mapTo(Long.class).findFirst()).orElseThrow();
        var response = sam.post("/crm/v2/Leads/actions/mass_update",
                "{\"data\":[{\"Lead_Status\":\"Contacted\"}],\"ids\":[\"" + samsLead + "\",\"" + adminsLeads.get(0) + "\"]}");
        assertThat(response.status()).as(response.body()).isEqualTo(207);
        assertThat(response.json().get("data").get(0).get("code").asText()).isEqualTo("SUCCESS");
        // SPEC §1.4: an error must not reveal that a record exists
        JsonNode hidden = response.json().get("data").get(1);
        JsonNode missing = sam.post("/crm/v2/Leads/actions/mass_update",
                "{\"data\":[{\"Lead_Status\":\"Contacted\"}],\"ids\":[\"" + samsLead + "\",\"1\"]}").json().get("data").get(1);
        assertThat(hidden.get("code").asText()).isEqualTo("INVALID_DATA");
        assertThat(hidden.get("message").asText()).isEqualTo("the id given seems to be invalid");
        assertThat(hidden.get("details").get("id").asText()).isEqualTo(adminsLeads.get(0));
        assertThat(((com.fasterxml.jackson.databind.node.ObjectNode) hidden.deepCopy()).put("details", ""))
                .isEqualTo(((com.fasterxml.jackson.databind.node.ObjectNode) missing.deepCopy()).put("details", ""));
        String untouched = server.app().database().withHandle(h -> h.createQuery("SELECT lead_status FROM rec_leads WHERE id = :id")
                .bind("id", Long.parseLong(adminsLeads.get(0))).mapTo(String.class).one());
        assertThat(untouched).isEqualTo("Not Contacted");
    }

    @Test
    void a_record_in_a_blueprint_cannot_have_the_blueprint_field_mass_updated_but_other_fields_can() {
        var db = server.app().database();
        long held = db.withHandle(h -> h.createQuery("SELECT id FROM rec_deals WHERE blueprint_id IS NOT NULL ORDER BY id")
                .mapTo(Long.class).findFirst()).orElseThrow();
        long free = db.withHandle(h -> h.createQuery("SELECT id FROM rec_deals WHERE blueprint_id IS NULL ORDER BY id")
                .mapTo(Long.class).findFirst()).orElseThrow();
        var response = admin.post("/crm/v2/Deals/actions/mass_update",
                "{\"data\":[{\"Stage\":\"Negotiation/Review\"}],\"ids\":[\"" + held + "\",\"" + free + "\"]}");
        // SPEC §1.4: entries that are all SUCCESS or RECORD_IN_BLUEPRINT answer 200, as the seed says
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode blocked = response.json().get("data").get(0);
        assertThat(blocked.get("code").asText()).isEqualTo("RECORD_IN_BLUEPRINT");
        assertThat(blocked.get("message").asText()).isEqualTo("The record is in blue print");
        assertThat(blocked.get("status").asText()).isEqualTo("error");
        assertThat(blocked.get("details").get("id").asText()).isEqualTo(String.valueOf(held));
        assertThat(response.json().get("data").get(1).get("code").asText()).isEqualTo("SUCCESS");

        var amount = admin.post("/crm/v2/Deals/actions/mass_update", "{\"data\":[{\"Amount\":1000}],\"ids\":[\"" + held + "\"]}");
        assertThat(amount.status()).isEqualTo(200);

        var onlyHeld = admin.post("/crm/v2/Deals/actions/mass_update",
                "{\"data\":[{\"Stage\":\"Negotiation/Review\"}],\"ids\":[\"" + held + "\"]}");
        assertThat(onlyHeld.status()).as(onlyHeld.body()).isEqualTo(200);
        assertThat(onlyHeld.json().get("data").get(0).get("code").asText()).isEqualTo("RECORD_IN_BLUEPRINT");
        var heldAndUnknown = admin.post("/crm/v2/Deals/actions/mass_update",
                "{\"data\":[{\"Stage\":\"Negotiation/Review\"}],\"ids\":[\"" + held + "\",\"1\"]}");
        assertThat(heldAndUnknown.status()).as(heldAndUnknown.body()).isEqualTo(207);
    }

    @Test
    void the_sales_user_may_mass_update_leads_but_not_Annual_Revenue_and_not_deals() {
        Http sales = server.tokenFor("sales@sweep.local", "ZohoCRM.mass_update.ALL", "ZohoCRM.modules.ALL");
        var lead = newLeads(1);
        assertThat(sales.post("/crm/v2/Leads/actions/mass_update", "{\"data\":[{\"Lead_Status\":\"Cold\"}],\"ids\":" + ids(lead) + "}").status())
                .isEqualTo(200);
        var revenue = sales.post("/crm/v2/Leads/actions/mass_update", "{\"data\":[{\"Annual_Revenue\":1}],\"ids\":" + ids(lead) + "}");
        assertThat(revenue.status()).isEqualTo(403);
        assertThat(dataEntryError(revenue).get("message").asText()).isEqualTo("Field Edit Permission not given");
        assertThat(dataEntryError(revenue).get("details").get("api_name").asText()).isEqualTo("Annual_Revenue");
        var deals = sales.post("/crm/v2/Deals/actions/mass_update", "{\"data\":[{\"Amount\":1}],\"ids\":[\"1\"]}");
        assertThat(deals.status()).isEqualTo(403);
        assertThat(deals.json().get("message").asText()).isEqualTo("permission denied");
        assertThat(lead(lead.get(0)).get("Lead_Status").asText()).isEqualTo("Cold");
    }

    @Test
    void two_concurrent_mass_updates_of_overlapping_records_lose_no_update() throws Exception {
        var leads = newLeads(100);
        var first = leads.subList(0, 80);
        var second = leads.subList(20, 100);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String a = round % 2 == 0 ? "Training" : "Support";
                String b = round % 2 == 0 ? "Consulting" : "Hardware";
                var fa = pool.submit(() -> admin.post("/crm/v2/Leads/actions/mass_update",
                        "{\"data\":[{\"Interests\":[\"" + a + "\"]}],\"ids\":" + ids(first) + "}"));
                var fb = pool.submit(() -> admin.post("/crm/v2/Leads/actions/mass_update",
                        "{\"data\":[{\"Interests\":[\"" + b + "\"]}],\"ids\":" + ids(second) + "}"));
                assertThat(fa.get().status()).as(fa.get().body()).isEqualTo(200);
                assertThat(fb.get().status()).as(fb.get().body()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        for (String id : List.of(leads.get(0), leads.get(50), leads.get(99))) {
            var interests = new ArrayList<String>();
            lead(id).get("Interests").forEach(v -> interests.add(v.asText()));
            int index = leads.indexOf(id);
            if (index < 80) assertThat(interests).contains("Training", "Support");
            if (index >= 20) assertThat(interests).contains("Consulting", "Hardware");
        }
        JsonNode overlap = lead(leads.get(50));
        assertThat(overlap.get("Interests")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("Software", "Training", "Support", "Consulting", "Hardware");
    }

    @Test
    void the_shape_of_the_body_is_checked_before_anything_else() {
        record Case(String body, int status, String code) {}
        for (Case c : List.of(
                new Case("not json", 400, "UNABLE_TO_PARSE_DATA_TYPE"),
                new Case("", 400, "UNABLE_TO_PARSE_DATA_TYPE"),
                new Case("[1,2]", 400, "UNABLE_TO_PARSE_DATA_TYPE"),
                new Case("{\"data\":{\"Lead_Status\":\"Contacted\"},\"ids\":[\"1\"]}", 400, "UNABLE_TO_PARSE_DATA_TYPE"),
                new Case("{\"data\":[{\"Lead_Status\":\"Contacted\"}],\"ids\":\"1\"}", 400, "UNABLE_TO_PARSE_DATA_TYPE"),
                new Case("{\"data\":[{\"Lead_Status\":\"Contacted\"}],\"ids\":[\"1\"],\"over_write\":\"yes\"}", 400, "UNABLE_TO_PARSE_DATA_TYPE"),
                new Case("{\"data\":[{\"a\":1}],\"data\":[{\"b\":1}],\"ids\":[\"1\"]}", 400, "UNABLE_TO_PARSE_DATA_TYPE"),
                new Case("{\"ids\":[\"1\"]}", 400, "MANDATORY_NOT_FOUND"),
                new Case("{\"data\":[{\"Lead_Status\":\"Contacted\"}]}", 400, "MANDATORY_NOT_FOUND"),
                new Case("{\"data\":[{\"Lead_Status\":\"Contacted\"}],\"ids\":[]}", 400, "MANDATORY_NOT_FOUND"),
                new Case("{\"data\":[{\"Lead_Status\":\"Contacted\"}],\"ids\":[\"1\"],\"cvid\":\"2\"}", 400, "INVALID_DATA"))) {
            var response = admin.post("/crm/v2/Leads/actions/mass_update", c.body);
            assertThat(response.status()).as(c.body + " → " + response.body()).isEqualTo(c.status);
            assertThat(response.json().get("code").asText()).as(c.body).isEqualTo(c.code);
            assertThat(response.json().get("status").asText()).isEqualTo("error");
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.");
        }
        var mandatory = admin.post("/crm/v2/Leads/actions/mass_update", "{\"ids\":[\"1\"]}").json();
        assertThat(mandatory.get("message").asText()).isEqualTo("required field not found");
    }

    @Test
    void a_cvid_request_answers_a_clear_error_until_scheduled_jobs_exist() {
        var response = admin.post("/crm/v2/Leads/actions/mass_update", "{\"data\":[{\"Lead_Status\":\"Contacted\"}],\"cvid\":\"1\"}");
        assertThat(response.status()).isBetween(400, 499);
        assertThat(response.json().get("status").asText()).isEqualTo("error");
    }

    @Test
    void an_unknown_module_is_INVALID_MODULE_and_lower_case_module_names_work() {
        var unknown = admin.post("/crm/v2/Nothing/actions/mass_update", "{\"data\":[{\"Lead_Status\":\"Contacted\"}],\"ids\":[\"1\"]}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("code").asText()).isEqualTo("INVALID_MODULE");
        assertThat(unknown.json().get("message").asText()).isEqualTo("the module name given seems to be invalid");
        assertThat(unknown.json().get("details").get("resource_path_index").asInt()).isEqualTo(0);

        var lead = newLeads(1);
        var lower = admin.post("/crm/v2/leads/actions/mass_update?", "{\"data\":[{\"Lead_Status\":\"Contacted\"}],\"ids\":" + ids(lead) + "}");
        assertThat(lower.status()).isEqualTo(200);
    }

    @Test
    void tokens_and_scopes_are_checked_with_zoho_codes() {
        Http none = server.http();
        assertThat(none.post("/crm/v2/Leads/actions/mass_update", "{}").json().get("code").asText()).isEqualTo("INVALID_TOKEN");
        var wrong = server.http().withToken("no-such-token").post("/crm/v2/Leads/actions/mass_update", "{}");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("message").asText()).isEqualTo("invalid oauth token");
        var malformed = server.http().withHeader("Authorization", "Basic abc").post("/crm/v2/Leads/actions/mass_update", "{}");
        assertThat(malformed.status()).isEqualTo(401);
        assertThat(malformed.json().get("code").asText()).isEqualTo("AUTHENTICATION_FAILURE");

        Http readOnly = server.tokenFor("admin@sweep.local", "ZohoCRM.mass_update.READ");
        var mismatch = readOnly.post("/crm/v2/Leads/actions/mass_update", "{\"data\":[{\"Lead_Status\":\"Contacted\"}],\"ids\":[\"1\"]}");
        assertThat(mismatch.status()).isEqualTo(401);
        assertThat(mismatch.json().get("code").asText()).isEqualTo("OAUTH_SCOPE_MISMATCH");

        var lead = newLeads(1);
        Http leadsOnly = server.tokenFor("admin@sweep.local", "ZohoCRM.mass_update.leads.UPDATE");
        assertThat(leadsOnly.post("/crm/v2/Leads/actions/mass_update", "{\"data\":[{\"Lead_Status\":\"Contacted\"}],\"ids\":" + ids(lead) + "}").status())
                .isEqualTo(200);
        assertThat(leadsOnly.post("/crm/v2/Deals/actions/mass_update", "{\"data\":[{\"Amount\":1}],\"ids\":[\"1\"]}").json().get("code").asText())
                .isEqualTo("OAUTH_SCOPE_MISMATCH");
    }

    @Test
    void a_revoked_or_expired_token_is_an_invalid_token() {
        var app = server.app();
        var admin = app.users().byEmail("admin@sweep.local").orElseThrow();
        var issued = app.tokens().create(admin.id(), Scopes.of(Set.of("ZohoCRM.mass_update.ALL")), null, "t");
        app.tokens().revoke(issued.token());
        assertThat(server.http().withToken(issued.token()).post("/crm/v2/Leads/actions/mass_update", "{}").json().get("code").asText())
                .isEqualTo("INVALID_TOKEN");
        var expired = app.tokens().create(admin.id(), Scopes.of(Set.of("ZohoCRM.mass_update.ALL")),
                java.time.OffsetDateTime.now().minusMinutes(1), "t");
        assertThat(server.http().withToken(expired.token()).post("/crm/v2/Leads/actions/mass_update", "{}").status()).isEqualTo(401);
    }

    /** An error about the body's data entry: wrapped in {"data":[…]} with its own HTTP status (SPEC §1.4, the seed's Account_Owner example). */
    static JsonNode dataEntryError(Http.Response response) {
        JsonNode data = response.json().get("data");
        assertThat(data).as(response.body()).isNotNull();
        assertThat(data).hasSize(1);
        assertThat(data.get(0).get("status").asText()).isEqualTo("error");
        assertThat(response.json().has("code")).as("not a bare error object").isFalse();
        return data.get(0);
    }
}
