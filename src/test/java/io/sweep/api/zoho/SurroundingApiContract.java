package io.sweep.api.zoho;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.Http;
import io.sweep.testsupport.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SPEC §1.5: what clients call around a mass update — settings, records, search — on H2 and PostgreSQL. */
abstract class SurroundingApiContract {
    private TestServer server;
    private Http admin;

    abstract Backend backend();

    @BeforeEach
    void connect() {
        server = TestServer.shared(backend());
        admin = server.admin();
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }


    @Test
    void modules_list_the_standard_and_custom_modules_with_string_ids() {
        JsonNode modules = admin.get("/crm/v2/settings/modules").json().get("modules");
        List<String> names = new ArrayList<>();
        modules.forEach(m -> names.add(m.get("api_name").asText()));
        assertThat(names).contains("Leads", "Accounts", "Contacts", "Deals", "Campaigns", "Tasks", "Calls", "Events", "Solutions",
                "Products", "Vendors", "Price_Books", "Quotes", "Sales_Orders", "Purchase_Orders", "Invoices", "Projects");
        JsonNode leads = modules.get(names.indexOf("Leads"));
        assertThat(leads.get("id").isTextual()).isTrue();
        assertThat(leads.get("generated_type").asText()).isEqualTo("default");
        assertThat(modules.get(names.indexOf("Projects")).get("generated_type").asText()).isEqualTo("custom");
        assertThat(leads.get("api_supported").asBoolean()).isTrue();
    }

    @Test
    void fields_carry_zoho_metadata_with_mass_update_flags_and_picklist_values() {
        JsonNode fields = admin.get("/crm/v2/settings/fields?module=Leads").json().get("fields");
        JsonNode status = null;
        JsonNode email = null;
        for (JsonNode f : fields) {
            if (f.get("api_name").asText().equals("Lead_Status")) status = f;
            if (f.get("api_name").asText().equals("Email")) email = f;
        }
        assertThat(status).isNotNull();
        assertThat(status.get("data_type").asText()).isEqualTo("picklist");
        assertThat(status.get("json_type").asText()).isEqualTo("string");
        assertThat(status.get("mass_update").asBoolean()).isTrue();
        assertThat(status.get("pick_list_values").findValuesAsText("actual_value")).contains("Contacted", "Not Contacted");
        assertThat(email.get("mass_update").asBoolean()).isFalse();
        for (String key : List.of("field_label", "display_label", "id", "length", "read_only", "field_read_only", "system_mandatory",
                "custom_field", "visible", "lookup")) {
            assertThat(status.has(key)).as(key).isTrue();
        }
        assertThat(admin.get("/crm/v2/settings/fields").json().get("code").asText()).isEqualTo("MANDATORY_NOT_FOUND");
        assertThat(admin.get("/crm/v2/settings/fields?module=Nope").json().get("code").asText()).isEqualTo("INVALID_MODULE");
    }

    private static String viewIdOf(JsonNode views, String name) {
        for (JsonNode v : views.get("custom_views")) if (v.get("name").asText().equals(name)) return v.get("id").asText();
        return null;
    }

    @Test
    void a_view_shared_with_a_user_lists_them_in_shared_details_and_its_group_criteria_name_fields_by_api_name() {
        String salesId = admin.get("/crm/v2/users?type=AllUsers").json().get("users").findParents("email").stream()
                .filter(u -> u.get("email").asText().equals("sales@sweep.local")).findFirst().orElseThrow().get("id").asText();
        String name = "Shared " + java.util.UUID.randomUUID().toString().substring(0, 8);
        var created = admin.post("/api/views", "{\"module\":\"Leads\",\"name\":\"" + name + "\",\"shared_with_all\":false,"
                + "\"shared_with\":[\"" + salesId + "\"],\"criteria\":{\"group_operator\":\"and\",\"group\":["
                + "{\"comparator\":\"equal\",\"field\":{\"api_name\":\"Lead_Status\"},\"value\":\"Contacted\"},"
                + "{\"comparator\":\"starts_with\",\"field\":{\"api_name\":\"Company\"},\"value\":\"A\"}]}}");
        assertThat(created.status()).as(created.body()).isIn(200, 201);

        Http sales = server.tokenFor("sales@sweep.local", "ZohoCRM.settings.custom_views.READ");
        JsonNode view = null;
        for (JsonNode v : sales.get("/crm/v2/settings/custom_views?module=Leads").json().get("custom_views")) {
            if (v.get("name").asText().equals(name)) view = v;
        }
        assertThat(view).isNotNull();
        assertThat(view.get("category").asText()).isEqualTo("shared_with_me");
        assertThat(view.get("access_type").asText()).isEqualTo("shared");
        assertThat(view.get("shared_details")).hasSize(1);
        assertThat(view.get("shared_details").get(0).get("id").asText()).isEqualTo(salesId);
        assertThat(view.get("shared_details").get(0).get("type").asText()).isEqualTo("user");
        assertThat(view.get("shared_details").get(0).get("name").asText()).isNotBlank();
        assertThat(view.get("criteria").get("group").findValuesAsText("field")).containsExactly("Lead_Status", "Company");
    }

    @Test
    void a_lookup_field_names_the_module_it_looks_up_by_its_api_name_as_v2_does() {
        JsonNode account = null;
        for (JsonNode f : admin.get("/crm/v2/settings/fields?module=Contacts").json().get("fields")) {
            if (f.get("api_name").asText().equals("Account_Name")) account = f;
        }
        assertThat(account).isNotNull();
        // Zoho's v2 SDKs read lookup.module as a String and request /settings/fields?module=<it>;
        // an object there made the Node SDK ask for module "[object Object]"
        JsonNode module = account.get("lookup").get("module");
        assertThat(module.isTextual()).as(module.toString()).isTrue();
        assertThat(module.asText()).isEqualTo("Accounts");
        assertThat(admin.get("/crm/v2/settings/fields?module=" + module.asText()).status()).isEqualTo(200);
        assertThat(account.get("lookup").get("api_name").asText()).isEqualTo("Account_Name");
        assertThat(account.get("lookup").get("display_label").asText()).isEqualTo("Account Name");
    }

    @Test
    void custom_views_list_only_those_shared_with_the_user_and_carry_their_criteria() {
        JsonNode adminViews = admin.get("/crm/v2/settings/custom_views?module=Leads").json();
        List<String> names = adminViews.get("custom_views").findValuesAsText("name");
        assertThat(names).contains("All Leads", "Contacted Leads", "USA Leads", "Admin Only Leads");
        assertThat(adminViews.get("info").get("count").asInt()).isEqualTo(adminViews.get("custom_views").size());
        JsonNode contacted = null;
        String adminOnly = null;
        for (JsonNode v : adminViews.get("custom_views")) {
            if (v.get("name").asText().equals("Contacted Leads")) contacted = v;
            if (v.get("name").asText().equals("Admin Only Leads")) adminOnly = v.get("id").asText();
        }
        assertThat(contacted.get("id").isTextual()).isTrue();
        assertThat(contacted.get("criteria").get("comparator").asText()).isEqualTo("equal");
        assertThat(contacted.get("criteria").get("field").asText()).as("v2: the field's api_name").isEqualTo("Lead_Status");
        assertThat(contacted.get("shared_details").isArray()).isTrue();
        assertThat(adminViews.get("info").get("default").asText())
                .isEqualTo(adminViews.get("custom_views").findValues("default").stream().anyMatch(JsonNode::asBoolean)
                        ? viewIdOf(adminViews, "All Leads") : null);
        assertThat(adminViews.get("info").get("translation").get("public_views").asText()).isEqualTo("Public Views");
        assertThat(contacted.get("criteria").get("value").asText()).isEqualTo("Contacted");

        Http sales = server.tokenFor("sales@sweep.local", "ZohoCRM.settings.custom_views.READ");
        assertThat(sales.get("/crm/v2/settings/custom_views?module=Leads").json().get("custom_views").findValuesAsText("name"))
                .contains("All Leads", "Contacted Leads", "USA Leads").doesNotContain("Admin Only Leads");
        var denied = sales.get("/crm/v2/settings/custom_views/" + adminOnly + "?module=Leads");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.json().get("code").asText()).isEqualTo("NO_PERMISSION");
        assertThat(denied.json().get("message").asText()).isEqualTo("Customview not accessible");
        assertThat(admin.get("/crm/v2/settings/custom_views/" + adminOnly + "?module=Leads").json().get("custom_views").get(0).get("id").asText())
                .isEqualTo(adminOnly);
    }

    @Test
    void records_page_with_info_and_zoho_shapes() {
        var response = admin.get("/crm/v2/Leads?page=2&per_page=5&sort_by=Last_Name&sort_order=asc&");
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("data")).hasSize(5);
        assertThat(body.get("info").get("per_page").asInt()).isEqualTo(5);
        assertThat(body.get("info").get("page").asInt()).isEqualTo(2);
        assertThat(body.get("info").get("count").asInt()).isEqualTo(5);
        assertThat(body.get("info").get("more_records").asBoolean()).isTrue();
        JsonNode lead = body.get("data").get(0);
        assertThat(lead.get("id").isTextual()).isTrue();
        assertThat(lead.get("Owner").get("id").isTextual()).isTrue();
        assertThat(lead.get("Owner").has("name")).isTrue();
        assertThat(lead.get("Owner").has("email")).isTrue();
        assertThat(lead.get("Created_Time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d");
        assertThat(lead.get("Interests").isArray()).isTrue();
        assertThat(lead.get("Tag").isArray()).isTrue();
        List<String> lastNames = body.get("data").findValuesAsText("Last_Name");
        assertThat(lastNames).isSortedAccordingTo(String::compareTo);
    }

    @Test
    void fields_param_limits_the_fields_and_per_page_over_200_is_refused() {
        JsonNode lead = admin.get("/crm/v2/Leads?per_page=1&fields=Last_Name,Company").json().get("data").get(0);
        assertThat(lead.has("Last_Name")).isTrue();
        assertThat(lead.has("Lead_Status")).isFalse();
        assertThat(lead.has("id")).isTrue();
        assertThat(admin.get("/crm/v2/Leads?per_page=201").status()).isEqualTo(400);
        assertThat(admin.get("/crm/v2/Leads?page=abc").status()).isEqualTo(400);
    }

    @Test
    void a_page_past_the_end_answers_204_with_no_body() {
        var response = admin.get("/crm/v2/Leads?page=100000&per_page=200");
        assertThat(response.status()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void insert_get_update_and_delete_a_record() {
        var created = admin.post("/crm/v2/Leads", "{\"data\":[{\"Last_Name\":\"Roundtrip\",\"Company\":\"Sweep\",\"Annual_Revenue\":5000,"
                + "\"Lead_Status\":\"Contacted\",\"Interests\":[\"Software\",\"Training\"]}]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode entry = created.json().get("data").get(0);
        assertThat(entry.get("code").asText()).isEqualTo("SUCCESS");
        assertThat(entry.get("message").asText()).isEqualTo("record added");
        String id = entry.get("details").get("id").asText();
        assertThat(entry.get("details").get("Created_By").get("name").asText()).isEqualTo("Ada Admin");

        JsonNode lead = admin.get("/crm/v2/Leads/" + id).json().get("data").get(0);
        assertThat(lead.get("Last_Name").asText()).isEqualTo("Roundtrip");
        assertThat(lead.get("Owner").get("email").asText()).isEqualTo("admin@sweep.local");

        var updated = admin.put("/crm/v2/Leads/" + id, "{\"data\":[{\"Company\":\"Sweep Ltd\"}]}");
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(admin.get("/crm/v2/Leads/" + id).json().get("data").get(0).get("Company").asText()).isEqualTo("Sweep Ltd");

        var many = admin.put("/crm/v2/Leads", "{\"data\":[{\"id\":\"" + id + "\",\"City\":\"Berlin\"},{\"id\":\"42\",\"City\":\"Paris\"}]}");
        assertThat(many.status()).isEqualTo(207);

        var deleted = admin.delete("/crm/v2/Leads?ids=" + id);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("data").get(0).get("message").asText()).isEqualTo("record deleted");
        assertThat(admin.get("/crm/v2/Leads/" + id).status()).isEqualTo(204);
    }

    @Test
    void an_insert_without_a_mandatory_field_or_with_a_bad_value_fails_that_record() {
        var response = admin.post("/crm/v2/Leads", "{\"data\":[{\"Company\":\"No Name\"},{\"Last_Name\":\"X\",\"No_of_Employees\":\"many\"},"
                + "{\"Last_Name\":\"Fine\"}]}");
        assertThat(response.status()).isEqualTo(207);
        JsonNode data = response.json().get("data");
        assertThat(data.get(0).get("code").asText()).isEqualTo("MANDATORY_NOT_FOUND");
        assertThat(data.get(0).get("details").get("api_name").asText()).isEqualTo("Last_Name");
        assertThat(data.get(1).get("code").asText()).isEqualTo("INVALID_DATA");
        assertThat(data.get(1).get("details").get("expected_data_type").asText()).isEqualTo("integer");
        assertThat(data.get(2).get("code").asText()).isEqualTo("SUCCESS");
    }

    @Test
    void more_than_100_records_in_one_insert_are_refused() {
        var data = new StringBuilder();
        for (int i = 0; i < 101; i++) data.append(i == 0 ? "" : ",").append("{\"Last_Name\":\"n\"}");
        var response = admin.post("/crm/v2/Leads", "{\"data\":[" + data + "]}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asText()).isEqualTo("LIMIT_EXCEEDED");
    }

    @Test
    void get_by_ids_and_by_custom_view() {
        JsonNode page = admin.get("/crm/v2/Leads?per_page=3").json().get("data");
        String ids = page.get(0).get("id").asText() + "," + page.get(2).get("id").asText();
        assertThat(admin.get("/crm/v2/Leads?ids=" + ids).json().get("data")).hasSize(2);

        String contactedView = null;
        for (JsonNode v : admin.get("/crm/v2/settings/custom_views?module=Leads").json().get("custom_views")) {
            if (v.get("name").asText().equals("Contacted Leads")) contactedView = v.get("id").asText();
        }
        JsonNode viewed = admin.get("/crm/v2/Leads?per_page=200&cvid=" + contactedView).json().get("data");
        assertThat(viewed).isNotEmpty();
        viewed.forEach(l -> assertThat(l.get("Lead_Status").asText()).isEqualTo("Contacted"));
    }

    @Test
    void word_search_finds_the_word_in_any_text_field_case_insensitively_and_pages() {
        String word = "wordy" + java.util.UUID.randomUUID().toString().substring(0, 8);
        var created = admin.post("/crm/v2/Leads", "{\"data\":[{\"Last_Name\":\"A " + word + "\",\"Company\":\"W Co\"},"
                + "{\"Last_Name\":\"B\",\"Company\":\"" + word.toUpperCase() + " Ltd\"},{\"Last_Name\":\"C\",\"Company\":\"W Co\",\"City\":\"x" + word + "x\"}]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        JsonNode all = admin.get("/crm/v2/Leads/search?word=" + q(word)).json();
        JsonNode page2 = admin.get("/crm/v2/Leads/search?word=" + q(word) + "&per_page=2&page=2&sort_by=Last_Name&sort_order=desc").json();

        assertThat(all.get("data")).hasSize(3);
        assertThat(page2.get("data")).hasSize(1);
        assertThat(page2.get("data").get(0).get("Last_Name").asText()).isEqualTo("A " + word);
        assertThat(admin.get("/crm/v2/Leads/search?word=" + q(word + "-none")).status()).isEqualTo(204);
        var tooShort = admin.get("/crm/v2/Leads/search?word=a");
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.json().get("code").asText()).isEqualTo("INVALID_QUERY");
        assertThat(admin.get("/crm/v2/Leads/search").json().get("code").asText()).isEqualTo("MANDATORY_NOT_FOUND");
    }

    @Test
    void search_by_email_or_phone_matches_those_fields_whole_and_case_insensitively() {
        String tag = java.util.UUID.randomUUID().toString().substring(0, 8);
        String email = "Ann." + tag + "@Example.com";
        String phone = "+1 555 " + tag;
        var created = admin.post("/crm/v2/Leads", "{\"data\":[{\"Last_Name\":\"Ann\",\"Company\":\"E Co\",\"Email\":\"" + email
                + "\",\"Phone\":\"" + phone + "\"},{\"Last_Name\":\"Bob\",\"Company\":\"E Co\",\"Email\":\"x" + email + "\"}]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        JsonNode byEmail = admin.get("/crm/v2/Leads/search?email=" + q(email.toLowerCase())).json().get("data");
        assertThat(byEmail).hasSize(1);
        assertThat(byEmail.get(0).get("Last_Name").asText()).isEqualTo("Ann");
        JsonNode byPhone = admin.get("/crm/v2/Leads/search?phone=" + q(phone)).json().get("data");
        assertThat(byPhone).hasSize(1);
        assertThat(byPhone.get(0).get("Last_Name").asText()).isEqualTo("Ann");
        assertThat(admin.get("/crm/v2/Leads/search?email=" + q("nobody-" + tag + "@example.com")).status()).isEqualTo(204);
        assertThat(admin.get("/crm/v2/Leads/search?email=").json().get("code").asText()).isEqualTo("INVALID_QUERY");
    }

    @Test
    void users_list_by_type_and_one_by_id_in_the_v2_shape() {
        JsonNode all = admin.get("/crm/v2/users?type=AllUsers").json();
        List<String> emails = all.get("users").findValuesAsText("email");
        assertThat(emails).contains("admin@sweep.local", "sales@sweep.local", "rep@sweep.local");
        assertThat(all.get("info").get("count").asInt()).isEqualTo(emails.size());
        assertThat(all.get("info").get("more_records").asBoolean()).isFalse();

        JsonNode admins = admin.get("/crm/v2/users?type=AdminUsers").json().get("users");
        assertThat(admins.findValuesAsText("email")).contains("admin@sweep.local").doesNotContain("rep@sweep.local");
        admins.forEach(u -> assertThat(u.get("profile").get("name").asText()).isEqualTo("Administrator"));

        Http rep = server.tokenFor("rep@sweep.local", "ZohoCRM.users.READ");
        JsonNode current = rep.get("/crm/v2/users?type=CurrentUser").json().get("users");
        assertThat(current).hasSize(1);
        JsonNode me = current.get(0);
        assertThat(me.get("email").asText()).isEqualTo("rep@sweep.local");
        assertThat(me.get("status").asText()).isEqualTo("active");
        assertThat(me.get("id").isTextual()).isTrue();
        assertThat(me.get("full_name").asText()).isNotBlank();
        assertThat(me.get("profile").get("id").isTextual()).isTrue();
        assertThat(me.get("territories").findValuesAsText("name")).contains("USA");

        JsonNode byId = rep.get("/crm/v2/users/" + me.get("id").asText()).json().get("users");
        assertThat(byId).hasSize(1);
        assertThat(byId.get(0)).isEqualTo(me);
        var unknown = rep.get("/crm/v2/users/1");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("message").asText()).isEqualTo("the id given seems to be invalid");
        assertThat(rep.get("/crm/v2/users?type=Everyone").json().get("details").get("param_name").asText()).isEqualTo("type");
        assertThat(rep.get("/crm/v2/users?type=AllUsers&per_page=1&page=2").json().get("info").get("more_records").asBoolean()).isTrue();

        Http noScope = server.tokenFor("rep@sweep.local", "ZohoCRM.modules.ALL");
        var refused = noScope.get("/crm/v2/users");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("code").asText()).isEqualTo("OAUTH_SCOPE_MISMATCH");
    }

    @Test
    void territories_list_their_ids_names_and_parents() {
        JsonNode territories = admin.get("/crm/v2/settings/territories").json().get("territories");
        java.util.Map<String, JsonNode> byName = new java.util.HashMap<>();
        territories.forEach(t -> byName.put(t.get("name").asText(), t));
        assertThat(byName).containsKeys("Global", "Americas", "USA", "EMEA");
        assertThat(byName.get("USA").get("parent_id").asText()).isEqualTo(byName.get("Americas").get("id").asText());
        assertThat(byName.get("Global").get("parent_id").isNull()).isTrue();
        // the id found here is the one a mass update by view takes (asked as a dry run: nothing is written)
        String cvid = null;
        for (JsonNode v : admin.get("/crm/v2/settings/custom_views?module=Leads").json().get("custom_views")) {
            if (v.get("name").asText().equals("Contacted Leads")) cvid = v.get("id").asText();
        }
        var preview = admin.post("/api/mass_update/preview?module=Leads", "{\"data\":[{\"Rating\":\"Active\"}],\"cvid\":\"" + cvid
                + "\",\"territory\":{\"id\":\"" + byName.get("USA").get("id").asText() + "\",\"include_child\":false}}");
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().get("error").isNull()).as(preview.body()).isTrue();
        Http noScope = server.tokenFor("rep@sweep.local", "ZohoCRM.settings.modules.READ");
        assertThat(noScope.get("/crm/v2/settings/territories").status()).isEqualTo(401);
    }

    @Test
    void if_modified_since_lists_only_records_modified_after_it_and_nothing_is_304() {
        var created = admin.post("/crm/v2/Leads", "{\"data\":[{\"Last_Name\":\"Since\",\"Company\":\"IMS Co\"}]}");
        String id = created.json().get("data").get(0).get("details").get("id").asText();
        String modified = admin.get("/crm/v2/Leads/" + id).json().get("data").get(0).get("Modified_Time").asText();
        java.time.OffsetDateTime at = java.time.OffsetDateTime.parse(modified);

        var before = admin.withHeader("If-Modified-Since", at.minusSeconds(1).toString()).get("/crm/v2/Leads?ids=" + id);
        assertThat(before.status()).as(before.body()).isEqualTo(200);
        assertThat(before.json().get("data").get(0).get("id").asText()).isEqualTo(id);
        var notAfter = admin.withHeader("If-Modified-Since", modified).get("/crm/v2/Leads?ids=" + id);
        assertThat(notAfter.status()).isEqualTo(304);
        assertThat(notAfter.body()).isEmpty();
        var httpDate = admin.withHeader("If-Modified-Since",
                java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(at.plusDays(1))).get("/crm/v2/Leads");
        assertThat(httpDate.status()).isEqualTo(304);
        var bad = admin.withHeader("If-Modified-Since", "yesterday").get("/crm/v2/Leads");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("code").asText()).isEqualTo("INVALID_DATA");
    }

    @Test
    void a_view_pages_and_sorts_like_the_records_browser_asks() {
        String cvid = null;
        for (JsonNode v : admin.get("/crm/v2/settings/custom_views?module=Leads").json().get("custom_views")) {
            if (v.get("name").asText().equals("Contacted Leads")) cvid = v.get("id").asText();
        }
        JsonNode first = admin.get("/crm/v2/Leads?cvid=" + cvid + "&page=1&per_page=5&sort_by=Last_Name&sort_order=asc").json();
        JsonNode second = admin.get("/crm/v2/Leads?cvid=" + cvid + "&page=2&per_page=5&sort_by=Last_Name&sort_order=asc").json();

        assertThat(first.get("data")).hasSize(5);
        assertThat(first.get("info").get("more_records").asBoolean()).isTrue();
        assertThat(second.get("info").get("page").asInt()).isEqualTo(2);
        List<String> ids = new ArrayList<>();
        first.get("data").forEach(r -> ids.add(r.get("id").asText()));
        second.get("data").forEach(r -> ids.add(r.get("id").asText()));
        assertThat(ids).as("pages do not overlap").doesNotHaveDuplicates().hasSize(10);
        for (JsonNode r : first.get("data")) assertThat(r.get("Lead_Status").asText()).isEqualTo("Contacted");
    }

    @Test
    void search_with_criteria_escapes_and_case_insensitive_picklists() {
        admin.post("/crm/v2/Leads", "{\"data\":[{\"Last_Name\":\"Smith (Jr), the 2nd\",\"Company\":\"Paren Co\",\"Lead_Status\":\"Junk Lead\"}]}");
        var response = admin.get("/crm/v2/Leads/search?criteria=" + q("((Last_Name:equals:Smith \\(Jr\\)\\, the 2nd)and(Lead_Status:equals:junk lead))"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("data").get(0).get("Company").asText()).isEqualTo("Paren Co");

        var starts = admin.get("/crm/v2/Leads/search?criteria=" + q("(Company:starts_with:Paren)") + "&per_page=10");
        assertThat(starts.json().get("data").findValuesAsText("Company")).allMatch(c -> c.startsWith("Paren"));

        var none = admin.get("/crm/v2/Leads/search?criteria=" + q("(Last_Name:equals:nobody-has-this-name)"));
        assertThat(none.status()).isEqualTo(204);

        var bad = admin.get("/crm/v2/Leads/search?criteria=" + q("((Nope:equals:1)"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("status").asText()).isEqualTo("error");
        assertThat(admin.get("/crm/v2/Leads/search").json().get("code").asText()).isEqualTo("MANDATORY_NOT_FOUND");
    }

    @Test
    void an_owned_only_profile_sees_its_own_and_its_territories_records() {
        Http rep = server.tokenFor("rep@sweep.local", "ZohoCRM.modules.ALL");
        long repId = server.app().users().byEmail("rep@sweep.local").orElseThrow().id();
        var db = server.app().database();
        JsonNode leads = rep.get("/crm/v2/Leads?per_page=200").json().get("data");
        assertThat(leads).isNotEmpty();
        List<Long> ids = new ArrayList<>();
        leads.forEach(l -> ids.add(l.get("id").asLong()));
        long visible = db.withHandle(h -> h.createQuery("""
                SELECT COUNT(*) FROM rec_leads WHERE id IN (<ids>)
                AND (owner_id = :u OR territory_id IN (SELECT id FROM territories WHERE name = 'USA'))""")
                .bindList("ids", ids).bind("u", repId).mapTo(Long.class).one());
        assertThat(visible).isEqualTo(ids.size());

        long hidden = db.withHandle(h -> h.createQuery("""
                SELECT id FROM rec_leads WHERE owner_id <> :u
                AND (territory_id IS NULL OR territory_id NOT IN (SELECT id FROM territories WHERE name = 'USA')) ORDER BY id""")
                .bind("u", repId).mapTo(Long.class).first());
        assertThat(rep.get("/crm/v2/Leads/" + hidden).status()).isEqualTo(204);
        assertThat(admin.get("/crm/v2/Leads/" + hidden).status()).isEqualTo(200);
    }

    @Test
    void module_scopes_guard_records_routes() {
        Http leadsRead = server.tokenFor("admin@sweep.local", "ZohoCRM.modules.leads.READ");
        assertThat(leadsRead.get("/crm/v2/Leads?per_page=1").status()).isEqualTo(200);
        assertThat(leadsRead.get("/crm/v2/Contacts?per_page=1").json().get("code").asText()).isEqualTo("OAUTH_SCOPE_MISMATCH");
        assertThat(leadsRead.post("/crm/v2/Leads", "{\"data\":[{\"Last_Name\":\"x\"}]}").json().get("code").asText())
                .isEqualTo("OAUTH_SCOPE_MISMATCH");
        assertThat(leadsRead.get("/crm/v2/settings/modules").json().get("code").asText()).isEqualTo("OAUTH_SCOPE_MISMATCH");
    }

    @Test
    void module_names_in_any_case_and_the_meetings_alias_reach_the_module() {
        assertThat(admin.get("/crm/v2/leads?per_page=1").status()).isEqualTo(200);
        assertThat(admin.get("/crm/v2/LEADS?per_page=1").status()).isEqualTo(200);
        assertThat(admin.get("/crm/v2/sales_orders?per_page=1").status()).isIn(200, 204);
        assertThat(admin.get("/crm/v2/Meetings?per_page=1").status()).isIn(200, 204);
    }
}
