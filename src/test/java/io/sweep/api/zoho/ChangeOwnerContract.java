package io.sweep.api.zoho;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.Http;
import io.sweep.testsupport.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /crm/v2/{module}/actions/change_owner} against the real server; run on H2 and on PostgreSQL. */
abstract class ChangeOwnerContract {
    private static final String LEADS_OWNER_FIELD = "5725767000000020101";
    private static final String LEADS_MODULE = "5725767000000010001";

    private TestServer server;
    private Http admin;

    abstract Backend backend();

    @BeforeEach
    void connect() {
        server = TestServer.shared(backend());
        admin = server.admin();
    }

    private List<String> newRecords(String module, String record, int n) {
        String data = IntStream.range(0, n).mapToObj(i -> record).collect(Collectors.joining(","));
        var response = admin.post("/crm/v2/" + module, "{\"data\":[" + data + "]}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        List<String> ids = new ArrayList<>();
        response.json().get("data").forEach(d -> ids.add(d.get("details").get("id").asText()));
        return ids;
    }

    private List<String> newLeads(int n) {
        return newRecords("Leads", "{\"Last_Name\":\"Handed Over\",\"Company\":\"Acme\"}", n);
    }

    private String userId(String email) {
        return String.valueOf(server.app().users().byEmail(email).orElseThrow().id());
    }

    private long ownerOf(String table, String id) {
        return server.app().database().withHandle(h -> h.createQuery("SELECT owner_id FROM " + table + " WHERE id = :id")
                .bind("id", Long.parseLong(id)).mapTo(Long.class).one());
    }

    private int versionOf(String table, String id) {
        return server.app().database().withHandle(h -> h.createQuery("SELECT version FROM " + table + " WHERE id = :id")
                .bind("id", Long.parseLong(id)).mapTo(Integer.class).one());
    }

    private static String body(List<String> ids, String ownerId) {
        return "{\"ids\":" + ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "[", "]"))
                + ",\"owner\":{\"id\":\"" + ownerId + "\"},\"notify\":true}";
    }

    @Test
    void every_record_gets_the_new_owner_and_the_answer_is_one_success_per_id_as_a_mass_update_gives() {
        var leads = newLeads(2);
        String sales = userId("sales@sweep.local");
        int before = versionOf("rec_leads", leads.get(0));
        var response = admin.post("/crm/v2/Leads/actions/change_owner", body(leads, sales));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json").contains("charset=utf-8");
        JsonNode data = response.json().get("data");
        assertThat(data).hasSize(2);
        for (int i = 0; i < 2; i++) {
            JsonNode entry = data.get(i);
            assertThat(entry.get("code").asText()).isEqualTo("SUCCESS");
            assertThat(entry.get("message").asText()).isEqualTo("record updated");
            assertThat(entry.get("status").asText()).isEqualTo("success");
            assertThat(entry.get("details").get("id").asText()).isEqualTo(leads.get(i));
            assertThat(entry.get("details").get("Modified_By").get("name").asText()).isEqualTo("Ada Admin");
            JsonNode stored = admin.get("/crm/v2/Leads/" + leads.get(i)).json().get("data").get(0);
            assertThat(stored.get("Owner").get("id").asText()).isEqualTo(sales);
            assertThat(stored.get("Owner").get("name").asText()).isEqualTo("Sally Sales");
            assertThat(stored.get("Modified_Time").asText()).isEqualTo(entry.get("details").get("Modified_Time").asText());
            assertThat(stored.get("Modified_By").get("id").asText()).isEqualTo(userId("admin@sweep.local"));
        }
        assertThat(versionOf("rec_leads", leads.get(0))).as("a write like every other: the version moves").isEqualTo(before + 1);
    }

    @Test
    void unknown_ids_fail_their_own_entry_with_207_and_none_valid_is_400() {
        var lead = newLeads(1);
        String sales = userId("sales@sweep.local");
        var some = admin.post("/crm/v2/Leads/actions/change_owner", body(List.of(lead.get(0), "123", "not-an-id"), sales));
        assertThat(some.status()).as(some.body()).isEqualTo(207);
        JsonNode data = some.json().get("data");
        assertThat(data.get(0).get("code").asText()).isEqualTo("SUCCESS");
        for (int i = 1; i < 3; i++) {
            assertThat(data.get(i).get("code").asText()).isEqualTo("INVALID_DATA");
            assertThat(data.get(i).get("message").asText()).isEqualTo("the id given seems to be invalid");
            assertThat(data.get(i).get("status").asText()).isEqualTo("error");
        }
        assertThat(data.get(2).get("details").get("id").asText()).isEqualTo("not-an-id");

        var none = admin.post("/crm/v2/Leads/actions/change_owner", body(List.of("1", "2"), sales));
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().get("data")).hasSize(2);

        String contact = admin.get("/crm/v2/Contacts?per_page=1").json().get("data").get(0).get("id").asText();
        var otherModule = admin.post("/crm/v2/Leads/actions/change_owner", body(List.of(contact), sales));
        assertThat(otherModule.json().get("data").get(0).get("message").asText()).isEqualTo("the id given seems to be invalid");
    }

    @Test
    void more_than_500_ids_is_LIMIT_EXCEEDED() {
        var ids = IntStream.range(0, 501).mapToObj(i -> String.valueOf(1000 + i)).toList();
        var response = admin.post("/crm/v2/Leads/actions/change_owner", body(ids, userId("sales@sweep.local")));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asText()).isEqualTo("LIMIT_EXCEEDED");
        assertThat(response.json().get("details").get("limit").asText()).isEqualTo("500");
        assertThat(response.json().get("details").get("param_name").asText()).isEqualTo("ids");
    }

    @Test
    void an_unknown_or_deactivated_owner_is_INVALID_DATA_naming_owner_and_changes_nothing() {
        var lead = newLeads(1);
        long ownerBefore = ownerOf("rec_leads", lead.get(0));
        var gone = server.app().users().add("gone-" + UUID.randomUUID() + "@sweep.local", "Gone User", "Standard");
        server.app().database().withHandle(h -> h.execute("UPDATE users SET active = FALSE WHERE id = ?", gone.id()));
        for (String owner : List.of("42", "nobody", String.valueOf(gone.id()))) {
            var response = admin.post("/crm/v2/Leads/actions/change_owner", body(lead, owner));
            assertThat(response.status()).as(owner).isEqualTo(400);
            JsonNode error = response.json();
            assertThat(error.get("code").asText()).isEqualTo("INVALID_DATA");
            assertThat(error.get("details").get("api_name").asText()).isEqualTo("owner");
            assertThat(error.get("status").asText()).isEqualTo("error");
        }
        assertThat(ownerOf("rec_leads", lead.get(0))).isEqualTo(ownerBefore);
    }

    @Test
    void the_shape_of_the_body_is_checked_with_zoho_codes() {
        record Case(String body, String code, String apiName) {}
        for (Case c : List.of(
                new Case("not json", "UNABLE_TO_PARSE_DATA_TYPE", null),
                new Case("{\"ids\":\"1\",\"owner\":{\"id\":\"1\"}}", "UNABLE_TO_PARSE_DATA_TYPE", "ids"),
                new Case("{\"ids\":[\"1\"],\"owner\":\"1\"}", "UNABLE_TO_PARSE_DATA_TYPE", "owner"),
                new Case("{\"ids\":[\"1\"],\"owner\":{\"id\":\"1\"},\"notify\":\"yes\"}", "UNABLE_TO_PARSE_DATA_TYPE", "notify"),
                new Case("{\"ids\":[\"1\"],\"owner\":{\"id\":\"1\"},\"related_modules\":{}}", "UNABLE_TO_PARSE_DATA_TYPE", "related_modules"),
                new Case("{\"owner\":{\"id\":\"1\"}}", "MANDATORY_NOT_FOUND", "ids"),
                new Case("{\"ids\":[],\"owner\":{\"id\":\"1\"}}", "MANDATORY_NOT_FOUND", "ids"),
                new Case("{\"ids\":[\"1\"]}", "MANDATORY_NOT_FOUND", "owner"),
                new Case("{\"ids\":[\"1\"],\"owner\":{}}", "MANDATORY_NOT_FOUND", "owner"))) {
            var response = admin.post("/crm/v2/Leads/actions/change_owner", c.body);
            assertThat(response.status()).as(c.body + " → " + response.body()).isEqualTo(400);
            assertThat(response.json().get("code").asText()).as(c.body).isEqualTo(c.code);
            if (c.apiName != null) assertThat(response.json().get("details").get("api_name").asText()).as(c.body).isEqualTo(c.apiName);
        }
    }

    @Test
    void the_admin_may_change_owners_in_deals_which_the_other_profiles_may_not_mass_update() {
        String deal = newRecords("Deals", "{\"Deal_Name\":\"Handed Over\",\"Closing_Date\":\"2026-12-31\",\"Stage\":\"Qualification\"}", 1).get(0);
        var response = admin.post("/crm/v2/Deals/actions/change_owner", body(List.of(deal), userId("rep@sweep.local")));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(ownerOf("rec_deals", deal)).isEqualTo(Long.parseLong(userId("rep@sweep.local")));
    }

    @Test
    void the_sales_profile_may_change_owners_of_leads_but_gets_NO_PERMISSION_in_deals_which_it_may_not_mass_update() {
        Http sales = server.tokenFor("sales@sweep.local", "ZohoCRM.modules.ALL");
        var lead = newLeads(1);
        var leads = sales.post("/crm/v2/Leads/actions/change_owner", body(lead, userId("rep@sweep.local")));
        assertThat(leads.status()).as(leads.body()).isEqualTo(200);
        assertThat(ownerOf("rec_leads", lead.get(0))).isEqualTo(Long.parseLong(userId("rep@sweep.local")));

        String deal = admin.get("/crm/v2/Deals?per_page=1").json().get("data").get(0).get("id").asText();
        long dealOwner = ownerOf("rec_deals", deal);
        var deals = sales.post("/crm/v2/Deals/actions/change_owner", body(List.of(deal), userId("sales@sweep.local")));
        assertThat(deals.status()).isEqualTo(403);
        assertThat(deals.json().get("code").asText()).isEqualTo("NO_PERMISSION");
        assertThat(deals.json().get("message").asText()).isEqualTo("permission denied");
        assertThat(ownerOf("rec_deals", deal)).isEqualTo(dealOwner);
    }

    @Test
    void the_rep_profile_may_hand_over_its_own_leads_only_and_others_answer_like_unknown_ids() {
        Http rep = server.tokenFor("rep@sweep.local", "ZohoCRM.modules.ALL");
        String repId = userId("rep@sweep.local");
        var created = rep.post("/crm/v2/Leads", "{\"data\":[{\"Last_Name\":\"Rep's own\",\"Company\":\"Acme\"}]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long own = created.json().get("data").get(0).get("details").get("id").asLong();
        assertThat(ownerOf("rec_leads", String.valueOf(own))).isEqualTo(Long.parseLong(repId));
        var adminsLead = newLeads(1).get(0);
        var response = rep.post("/crm/v2/Leads/actions/change_owner", body(List.of(String.valueOf(own), adminsLead), userId("sales@sweep.local")));
        assertThat(response.status()).as(response.body()).isEqualTo(207);
        assertThat(response.json().get("data").get(0).get("code").asText()).isEqualTo("SUCCESS");
        JsonNode hidden = response.json().get("data").get(1);
        assertThat(hidden.get("code").asText()).isEqualTo("INVALID_DATA");
        assertThat(hidden.get("message").asText()).isEqualTo("the id given seems to be invalid");
        assertThat(ownerOf("rec_leads", adminsLead)).isEqualTo(Long.parseLong(userId("admin@sweep.local")));
        assertThat(ownerOf("rec_leads", String.valueOf(own))).isEqualTo(Long.parseLong(userId("sales@sweep.local")));

        var contacts = rep.post("/crm/v2/Contacts/actions/change_owner", body(List.of("1"), repId));
        assertThat(contacts.status()).isEqualTo(403);
        assertThat(contacts.json().get("code").asText()).isEqualTo("NO_PERMISSION");
    }

    @Test
    void a_profile_that_may_not_edit_the_Owner_field_gets_NO_PERMISSION_naming_it() {
        var db = server.app().database();
        String profile = "Owner Locked " + UUID.randomUUID();
        long profileId = db.withHandle(h -> {
            long id = server.app().database().nextId(h);
            h.execute("INSERT INTO profiles (id, name, administrator) VALUES (?, ?, FALSE)", id, profile);
            h.execute("INSERT INTO profile_modules (profile_id, module_id, can_view, can_edit, can_mass_update, record_access) VALUES (?, ?, TRUE, TRUE, TRUE, 'all')",
                    id, Long.parseLong(LEADS_MODULE));
            h.execute("INSERT INTO profile_field_restrictions (profile_id, field_id, access) VALUES (?, ?, 'read_only')", id, Long.parseLong(LEADS_OWNER_FIELD));
            return id;
        });
        assertThat(profileId).isPositive();
        String email = "locked-" + UUID.randomUUID() + "@sweep.local";
        server.app().users().add(email, "Lou Locked", profile);
        var lead = newLeads(1);
        var response = server.tokenFor(email, "ZohoCRM.modules.ALL").post("/crm/v2/Leads/actions/change_owner", body(lead, userId("sales@sweep.local")));
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.json().get("code").asText()).isEqualTo("NO_PERMISSION");
        assertThat(response.json().get("message").asText()).isEqualTo("Field Edit Permission not given");
        assertThat(response.json().get("details").get("api_name").asText()).isEqualTo("Owner");
        assertThat(ownerOf("rec_leads", lead.get(0))).isEqualTo(Long.parseLong(userId("admin@sweep.local")));
    }

    @Test
    void the_scope_is_the_module_update_scope() {
        var lead = newLeads(1);
        String sales = userId("sales@sweep.local");
        var massUpdateOnly = server.tokenFor("admin@sweep.local", "ZohoCRM.mass_update.ALL").post("/crm/v2/Leads/actions/change_owner", body(lead, sales));
        assertThat(massUpdateOnly.status()).isEqualTo(401);
        assertThat(massUpdateOnly.json().get("code").asText()).isEqualTo("OAUTH_SCOPE_MISMATCH");
        Http leadsOnly = server.tokenFor("admin@sweep.local", "ZohoCRM.modules.leads.UPDATE");
        assertThat(leadsOnly.post("/crm/v2/Leads/actions/change_owner", body(lead, sales)).status()).isEqualTo(200);
        assertThat(leadsOnly.post("/crm/v2/Deals/actions/change_owner", body(List.of("1"), sales)).json().get("code").asText())
                .isEqualTo("OAUTH_SCOPE_MISMATCH");
        assertThat(server.http().post("/crm/v2/Leads/actions/change_owner", body(lead, sales)).json().get("code").asText()).isEqualTo("INVALID_TOKEN");
    }

    @Test
    void an_unknown_module_is_INVALID_MODULE() {
        var response = admin.post("/crm/v2/Nothing/actions/change_owner", body(List.of("1"), userId("sales@sweep.local")));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asText()).isEqualTo("INVALID_MODULE");
    }

    @Test
    void one_record_named_in_the_url_changes_owner() {
        var lead = newLeads(1).get(0);
        String sales = userId("sales@sweep.local");
        var response = admin.post("/crm/v2/Leads/" + lead + "/actions/change_owner", "{\"owner\":{\"id\":\"" + sales + "\"}}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("data").get(0).get("details").get("id").asText()).isEqualTo(lead);
        assertThat(ownerOf("rec_leads", lead)).isEqualTo(Long.parseLong(sales));
    }

    @Test
    void tasks_of_a_contact_follow_it_to_the_new_owner_only_when_asked() {
        String adminId = userId("admin@sweep.local");
        String sales = userId("sales@sweep.local");
        var contacts = newRecords("Contacts", "{\"Last_Name\":\"Followed\"}", 2);
        String task = newRecords("Tasks", "{\"Subject\":\"Call back\",\"Who_Id\":{\"id\":\"" + contacts.get(0) + "\"}}", 1).get(0);
        String otherTask = newRecords("Tasks", "{\"Subject\":\"Call back\",\"Who_Id\":{\"id\":\"" + contacts.get(1) + "\"}}", 1).get(0);
        int taskVersion = versionOf("rec_tasks", task);

        var alone = admin.post("/crm/v2/Contacts/actions/change_owner", body(List.of(contacts.get(1)), sales));
        assertThat(alone.status()).as(alone.body()).isEqualTo(200);
        assertThat(ownerOf("rec_tasks", otherTask)).as("no related_modules: the task stays").isEqualTo(Long.parseLong(adminId));

        var response = admin.post("/crm/v2/Contacts/actions/change_owner",
                "{\"ids\":[\"" + contacts.get(0) + "\"],\"owner\":{\"id\":\"" + sales + "\"},\"related_modules\":[{\"api_name\":\"Tasks\"}]}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(ownerOf("rec_contacts", contacts.get(0))).isEqualTo(Long.parseLong(sales));
        assertThat(ownerOf("rec_tasks", task)).isEqualTo(Long.parseLong(sales));
        assertThat(versionOf("rec_tasks", task)).isEqualTo(taskVersion + 1);
        JsonNode storedTask = admin.get("/crm/v2/Tasks/" + task).json().get("data").get(0);
        assertThat(storedTask.get("Modified_By").get("id").asText()).isEqualTo(adminId);
    }

    @Test
    void a_related_module_that_is_not_linked_to_the_module_is_INVALID_DATA_naming_related_modules() {
        var lead = newLeads(1);
        String sales = userId("sales@sweep.local");
        for (String related : List.of("Tasks", "Deals", "Nothing")) {
            var response = admin.post("/crm/v2/Leads/actions/change_owner",
                    "{\"ids\":[\"" + lead.get(0) + "\"],\"owner\":{\"id\":\"" + sales + "\"},\"related_modules\":[{\"api_name\":\"" + related + "\"}]}");
            assertThat(response.status()).as(related + " " + response.body()).isEqualTo(400);
            assertThat(response.json().get("code").asText()).isEqualTo("INVALID_DATA");
            assertThat(response.json().get("details").get("api_name").asText()).isEqualTo("related_modules");
        }
        assertThat(ownerOf("rec_leads", lead.get(0))).isEqualTo(Long.parseLong(userId("admin@sweep.local")));
        var empty = admin.post("/crm/v2/Leads/actions/change_owner",
                "{\"ids\":[\"" + lead.get(0) + "\"],\"owner\":{\"id\":\"" + sales + "\"},\"related_modules\":[]}");
        assertThat(empty.status()).isEqualTo(200);
    }
}
