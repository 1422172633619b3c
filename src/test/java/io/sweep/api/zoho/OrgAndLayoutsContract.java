package io.sweep.api.zoho;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.Http;
import io.sweep.testsupport.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /crm/v2/org} and {@code GET /crm/v2/settings/layouts} in Zoho's v2 shapes; on H2 and PostgreSQL. */
abstract class OrgAndLayoutsContract {
    private TestServer server;
    private Http admin;

    abstract Backend backend();

    @BeforeEach
    void connect() {
        server = TestServer.shared(backend());
        admin = server.admin();
    }

    @Test
    void the_org_answers_one_organisation_with_its_company_contact_time_zone_and_currency() {
        var response = admin.get("/crm/v2/org");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).contains("charset=utf-8");
        JsonNode org = response.json().get("org");
        assertThat(org).hasSize(1);
        JsonNode o = org.get(0);
        assertThat(o.get("id").isTextual()).isTrue();
        assertThat(o.get("company_name").asText()).isEqualTo("Sweep");
        assertThat(o.get("primary_email").asText()).isEqualTo("admin@sweep.local");
        assertThat(o.get("time_zone").asText()).isEqualTo("Etc/UTC");
        assertThat(o.get("iso_code").asText()).isEqualTo("USD");
        assertThat(o.get("currency_symbol").asText()).isEqualTo("$");
        assertThat(o.get("mc_status").asBoolean()).isFalse();
    }

    @Test
    void the_org_needs_the_org_scope() {
        var fieldsOnly = server.tokenFor("admin@sweep.local", "ZohoCRM.settings.ALL");
        var refused = fieldsOnly.get("/crm/v2/org");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("code").asText()).isEqualTo("OAUTH_SCOPE_MISMATCH");
        assertThat(server.tokenFor("rep@sweep.local", "ZohoCRM.org.READ").get("/crm/v2/org").status()).isEqualTo(200);
        assertThat(server.tokenFor("rep@sweep.local", "ZohoCRM.org.ALL").get("/crm/v2/org").status()).isEqualTo(200);
    }

    @Test
    void a_module_has_one_standard_layout_whose_sections_hold_every_field_in_the_shape_of_settings_fields() {
        var response = admin.get("/crm/v2/settings/layouts?module=Leads");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode layouts = response.json().get("layouts");
        assertThat(layouts).hasSize(1);
        JsonNode layout = layouts.get(0);
        assertThat(layout.get("id").isTextual()).isTrue();
        assertThat(layout.get("name").asText()).isEqualTo("Standard");
        assertThat(layout.get("sections").get(0).get("display_label").asText()).isEqualTo("Lead Information");
        List<JsonNode> inSections = new ArrayList<>();
        layout.get("sections").forEach(s -> s.get("fields").forEach(inSections::add));
        List<JsonNode> fields = new ArrayList<>();
        admin.get("/crm/v2/settings/fields?module=Leads").json().get("fields").forEach(fields::add);
        assertThat(inSections).containsExactlyInAnyOrderElementsOf(fields);
        JsonNode description = layout.get("sections").get(1);
        assertThat(description.get("display_label").asText()).isEqualTo("Description Information");
        assertThat(description.get("fields")).extracting(f -> f.get("api_name").asText()).contains("Description");
    }

    @Test
    void the_layout_follows_the_callers_field_permissions_as_settings_fields_does() {
        Http rep = server.tokenFor("rep@sweep.local", "ZohoCRM.settings.ALL");
        List<JsonNode> inSections = new ArrayList<>();
        rep.get("/crm/v2/settings/layouts?module=Leads").json().get("layouts").get(0).get("sections")
                .forEach(s -> s.get("fields").forEach(inSections::add));
        JsonNode rating = inSections.stream().filter(f -> f.get("api_name").asText().equals("Rating")).findFirst().orElseThrow();
        assertThat(rating.get("field_read_only").asBoolean()).isTrue();
    }

    @Test
    void layouts_need_the_layouts_scope_and_answer_a_missing_or_unknown_module_as_settings_fields_does() {
        var fieldsScope = server.tokenFor("admin@sweep.local", "ZohoCRM.settings.fields.READ");
        assertThat(fieldsScope.get("/crm/v2/settings/layouts?module=Leads").json().get("code").asText()).isEqualTo("OAUTH_SCOPE_MISMATCH");
        assertThat(server.tokenFor("admin@sweep.local", "ZohoCRM.settings.layouts.READ").get("/crm/v2/settings/layouts?module=Leads").status())
                .isEqualTo(200);
        for (String query : List.of("?module=Nothing", "", "?module=")) {
            var layouts = admin.get("/crm/v2/settings/layouts" + query);
            var fields = admin.get("/crm/v2/settings/fields" + query);
            assertThat(layouts.status()).as(query).isEqualTo(fields.status()).isEqualTo(400);
            assertThat(layouts.json()).as(query).isEqualTo(fields.json());
        }
    }

    @Test
    void a_wrong_method_on_a_known_path_is_INVALID_REQUEST_METHOD_in_zohos_error_json() {
        record Case(String method, String path) {}
        for (Case c : List.of(new Case("PUT", "/crm/v2/org"), new Case("POST", "/crm/v2/settings/layouts?module=Leads"),
                new Case("GET", "/crm/v2/Leads/actions/change_owner"), new Case("DELETE", "/crm/v2/Leads/actions/mass_update"),
                new Case("PATCH", "/crm/v2/Leads"), new Case("POST", "/crm/v2/settings/fields?module=Leads"),
                new Case("PUT", "/crm/v2/settings/layouts"), new Case("DELETE", "/crm/v2/settings/custom_views/123"),
                new Case("PUT", "/crm/v2/users/123"), new Case("POST", "/crm/v2/users"))) {
            var response = admin.send(c.method, c.path, c.method.equals("GET") || c.method.equals("DELETE") ? null : "{}");
            assertThat(response.status()).as(c + " " + response.body()).isEqualTo(405);
            assertThat(response.contentType()).as(c.toString()).startsWith("application/json");
            JsonNode body = response.json();
            assertThat(body.get("code").asText()).isEqualTo("INVALID_REQUEST_METHOD");
            assertThat(body.get("message").asText()).isEqualTo("The http request method type is not a valid one");
            assertThat(body.get("status").asText()).isEqualTo("error");
            assertThat(body.has("details")).isTrue();
        }
        // a path that names no module and is not one of Sweep's stays an unknown module, as before
        assertThat(admin.send("PUT", "/crm/v2/settings/nothing", "{}").json().get("code").asText()).isEqualTo("INVALID_MODULE");
    }
}
