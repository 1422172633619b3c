package io.sweep.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.demo.DemoData;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.Browser;
import io.sweep.testsupport.Http;
import io.sweep.testsupport.TestServer;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /api/users}, {@code /api/profiles}, {@code /api/tokens} and {@code /api/scopes}: the settings page's endpoints. */
abstract class AccountApiContract {
    private static final String TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}";

    private AdminFixtures fx;
    private Http admin;
    private Http sales;

    abstract Backend backend();

    @BeforeEach
    void connect() {
        fx = new AdminFixtures(TestServer.shared(backend()));
        admin = Browser.signIn(fx.server.http(), DemoData.ADMIN_EMAIL, DemoData.PASSWORD).withCsrf();
        sales = Browser.signIn(fx.server.http(), DemoData.SALES_EMAIL, DemoData.PASSWORD).withCsrf();
    }

    private static void assertError(Http.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("code").asText()).as(response.body()).isEqualTo(code);
        assertThat(response.json().get("status").asText()).isEqualTo("error");
    }

    // --- users and profiles ----------------------------------------------------------------

    @Test
    void an_administrator_lists_the_users_with_profile_and_whether_they_have_a_password() {
        var response = admin.get("/api/users");

        assertThat(response.status()).isEqualTo(200);
        JsonNode users = response.json().get("users");
        JsonNode sally = null;
        for (JsonNode u : users) if (u.get("email").asText().equals(DemoData.SALES_EMAIL)) sally = u;
        assertThat(sally).isNotNull();
        assertThat(sally.get("id").isTextual()).isTrue();
        assertThat(sally.get("name").asText()).isEqualTo("Sally Sales");
        assertThat(sally.get("profile").asText()).isEqualTo("Standard");
        assertThat(sally.get("active").asBoolean()).isTrue();
        assertThat(sally.get("has_password").asBoolean()).isTrue();
    }

    @Test
    void an_administrator_adds_a_user_who_can_then_log_in() {
        String email = "new-" + UUID.randomUUID() + "@example.com";

        var response = admin.post("/api/users", "{\"email\":\"" + email + "\",\"name\":\"New Person\",\"profile\":\"Sales Rep\",\"password\":\"a-long-password\"}");

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode user = response.json().get("user");
        assertThat(user.get("email").asText()).isEqualTo(email);
        assertThat(user.get("profile").asText()).isEqualTo("Sales Rep");
        assertThat(user.get("has_password").asBoolean()).isTrue();
        assertThat(Browser.login(fx.server.http(), email, "a-long-password").status()).isEqualTo(200);
    }

    @Test
    void an_administrator_resets_a_password_and_deactivates_a_user_which_ends_their_sessions_and_tokens() {
        String email = "leaver-" + UUID.randomUUID() + "@example.com";
        String id = admin.post("/api/users", "{\"email\":\"" + email + "\",\"name\":\"Leaver\",\"profile\":\"Standard\",\"password\":\"first-password\"}")
                .json().get("user").get("id").asText();
        var leaver = Browser.signIn(fx.server.http(), email, "first-password").withCsrf();
        assertThat(leaver.get("/api/session").status()).isEqualTo(200);

        var reset = admin.send("PATCH", "/api/users/" + id, "{\"password\":\"second-password\"}");
        assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        assertThat(leaver.get("/api/session").status()).isEqualTo(401);
        assertThat(Browser.login(fx.server.http(), email, "first-password").status()).isEqualTo(401);
        assertThat(Browser.login(fx.server.http(), email, "second-password").status()).isEqualTo(200);

        var token = fx.server.tokenFor(email, "ZohoCRM.modules.ALL");
        assertThat(token.get("/crm/v2/Leads?per_page=1").status()).isEqualTo(200);
        var off = admin.send("PATCH", "/api/users/" + id, "{\"active\":false}");
        assertThat(off.json().get("user").get("active").asBoolean()).isFalse();
        assertThat(token.get("/crm/v2/Leads?per_page=1").status()).isEqualTo(401);
        assertThat(Browser.login(fx.server.http(), email, "second-password").status()).isEqualTo(401);
        assertThat(admin.send("PATCH", "/api/users/" + id, "{\"active\":true}").json().get("user").get("active").asBoolean()).isTrue();
        assertThat(token.get("/crm/v2/Leads?per_page=1").status()).isEqualTo(200);
    }

    @Test
    void changing_users_is_for_administrators_who_cannot_deactivate_themselves() {
        String adminId = admin.get("/api/session").json().get("user").get("id").asText();
        var self = admin.send("PATCH", "/api/users/" + adminId, "{\"active\":false}");
        assertError(self, 400, "INVALID_DATA");
        assertError(admin.send("PATCH", "/api/users/" + adminId, "{\"password\":\"short\"}"), 400, "INVALID_DATA");
        assertError(admin.send("PATCH", "/api/users/" + adminId, "{}"), 400, "MANDATORY_NOT_FOUND");
        assertError(admin.send("PATCH", "/api/users/" + adminId, "{\"active\":\"no\"}"), 400, "INVALID_DATA");
        assertError(admin.send("PATCH", "/api/users/123", "{\"active\":true}"), 404, "NOT_FOUND");
        assertThat(sales.send("PATCH", "/api/users/" + adminId, "{\"active\":false}").status()).isEqualTo(403);
        assertThat(admin.get("/api/session").status()).isEqualTo(200);
    }

    @Test
    void adding_a_user_twice_is_duplicate_data_and_an_unknown_profile_or_short_password_invalid_data() {
        String email = "twice-" + UUID.randomUUID() + "@example.com";
        String body = "{\"email\":\"" + email + "\",\"name\":\"Twice\",\"profile\":\"Standard\",\"password\":null}";
        assertThat(admin.post("/api/users", body).status()).isEqualTo(201);

        assertError(admin.post("/api/users", body.replace(email, email.toUpperCase())), 400, "DUPLICATE_DATA");
        var profile = admin.post("/api/users", "{\"email\":\"p-" + email + "\",\"name\":\"P\",\"profile\":\"Wizard\",\"password\":null}");
        assertError(profile, 400, "INVALID_DATA");
        assertThat(profile.json().get("details").get("param_name").asText()).isEqualTo("profile");
        var shortPassword = admin.post("/api/users", "{\"email\":\"s-" + email + "\",\"name\":\"S\",\"profile\":\"Standard\",\"password\":\"short\"}");
        assertThat(shortPassword.json().get("details").get("param_name").asText()).isEqualTo("password");
        assertError(admin.post("/api/users", "{\"name\":\"No Mail\",\"profile\":\"Standard\"}"), 400, "MANDATORY_NOT_FOUND");
    }

    @Test
    void only_administrators_add_users_and_see_their_details_but_everyone_signed_in_sees_who_is_there_and_the_profiles() {
        var listed = sales.get("/api/users");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        JsonNode someone = listed.json().get("users").get(0);
        assertThat(someone.get("id").isTextual()).isTrue();
        assertThat(listed.json().get("users").findValuesAsText("email")).contains("admin@sweep.local", "rep@sweep.local");
        assertThat(someone.has("profile") || someone.has("has_password") || someone.has("active"))
                .as("what a profile or a password state says is for administrators").isFalse();
        assertError(sales.post("/api/users", "{\"email\":\"x@example.com\",\"name\":\"X\",\"profile\":\"Standard\"}"), 403, "NO_PERMISSION");

        var profiles = sales.get("/api/profiles");

        assertThat(profiles.status()).isEqualTo(200);
        assertThat(profiles.json().get("profiles").findValuesAsText("name")).contains("Administrator", "Standard", "Sales Rep");
        assertThat(profiles.json().get("profiles").get(0).get("id").isTextual()).isTrue();
        assertError(fx.server.http().get("/api/profiles"), 401, "INVALID_TOKEN");
    }

    // --- tokens ----------------------------------------------------------------------------

    @Test
    void a_user_creates_a_token_that_is_shown_once_works_and_is_listed_without_its_secret() {
        var created = sales.post("/api/tokens", "{\"label\":\"ci\",\"scopes\":[\"zohocrm.modules.leads.read\",\"ZohoCRM.settings.fields.READ\"],\"expires\":\"30d\"}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode token = created.json();
        String secret = token.get("token").asText();
        assertThat(secret).startsWith("1000.");
        assertThat(token.get("label").asText()).isEqualTo("ci");
        assertThat(token.get("scopes")).hasSize(2);
        assertThat(token.get("scopes").get(0).asText()).isEqualTo("ZohoCRM.modules.leads.READ");
        assertThat(token.get("user").get("email").asText()).isEqualTo(DemoData.SALES_EMAIL);
        assertThat(token.get("created_time").asText()).matches(TIME);
        assertThat(token.get("expires_time").asText()).matches(TIME);
        assertThat(token.get("revoked_time").isNull()).isTrue();
        assertThat(token.get("status").asText()).isEqualTo("active");
        assertThat(fx.server.http().withToken(secret).get("/crm/v2/Leads?per_page=1").status()).isEqualTo(200);

        var listed = sales.get("/api/tokens");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).doesNotContain(secret);
        assertThat(listed.json().get("tokens").findValuesAsText("id")).contains(token.get("id").asText());
        for (JsonNode t : listed.json().get("tokens")) assertThat(t.get("user").get("email").asText()).isEqualTo(DemoData.SALES_EMAIL);
    }

    @Test
    void revoking_a_token_stops_it_and_marks_it_revoked() {
        JsonNode token = sales.post("/api/tokens", "{\"label\":\"short-lived\",\"scopes\":[\"ZohoCRM.modules.leads.READ\"],\"expires\":null}").json();
        String id = token.get("id").asText();

        var revoked = sales.delete("/api/tokens/" + id);

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("status").asText()).isEqualTo("success");
        assertThat(fx.server.http().withToken(token.get("token").asText()).get("/crm/v2/Leads").status()).isEqualTo(401);
        for (JsonNode t : sales.get("/api/tokens").json().get("tokens")) {
            if (t.get("id").asText().equals(id)) {
                assertThat(t.get("status").asText()).isEqualTo("revoked");
                assertThat(t.get("revoked_time").asText()).matches(TIME);
            }
        }
    }

    @Test
    void someone_elses_token_is_not_found_for_a_user_but_an_administrator_sees_and_revokes_every_token() {
        String id = sales.post("/api/tokens", "{\"label\":\"sally's\",\"scopes\":[\"ZohoCRM.modules.leads.READ\"]}").json().get("id").asText();
        Http rep = Browser.signIn(fx.server.http(), DemoData.REP_EMAIL, DemoData.PASSWORD).withCsrf();

        assertError(rep.delete("/api/tokens/" + id), 404, "NOT_FOUND");
        assertError(rep.delete("/api/tokens/123"), 404, "NOT_FOUND");
        assertError(rep.get("/api/tokens?all=true"), 403, "NO_PERMISSION");
        assertThat(rep.get("/api/tokens").json().get("tokens").findValuesAsText("id")).doesNotContain(id);
        assertThat(admin.get("/api/tokens").json().get("tokens").findValuesAsText("id")).doesNotContain(id);
        assertThat(admin.get("/api/tokens?all=true").json().get("tokens").findValuesAsText("id")).contains(id);
        assertThat(admin.delete("/api/tokens/" + id).status()).isEqualTo(200);
    }

    @Test
    void an_unknown_scope_or_a_bad_expiry_is_invalid_data_naming_the_parameter() {
        var scope = sales.post("/api/tokens", "{\"label\":\"x\",\"scopes\":[\"ZohoCRM.everything.ALL\"]}");
        assertError(scope, 400, "INVALID_DATA");
        assertThat(scope.json().get("details").get("param_name").asText()).isEqualTo("scopes");
        for (String expires : new String[] {"\"soon\"", "\"2001-01-01\"", "\"0d\""}) {
            var expiry = sales.post("/api/tokens", "{\"label\":\"x\",\"scopes\":[\"ZohoCRM.modules.leads.READ\"],\"expires\":" + expires + "}");
            assertError(expiry, 400, "INVALID_DATA");
            assertThat(expiry.json().get("details").get("param_name").asText()).isEqualTo("expires");
        }
        assertError(sales.post("/api/tokens", "{\"label\":\"x\",\"scopes\":[]}"), 400, "MANDATORY_NOT_FOUND");
    }

    @Test
    void a_token_cannot_create_a_token_wider_than_itself() {
        Http narrow = fx.tokenFor(DemoData.SALES_EMAIL, "ZohoCRM.modules.READ", "Sweep.tokens.ALL");

        assertError(narrow.post("/api/tokens", "{\"label\":\"wider\",\"scopes\":[\"ZohoCRM.modules.ALL\"]}"), 403, "NO_PERMISSION");
        assertThat(narrow.post("/api/tokens", "{\"label\":\"same\",\"scopes\":[\"ZohoCRM.modules.leads.READ\"]}").status()).isEqualTo(201);
    }

    @Test
    void the_scopes_list_names_what_the_server_accepts_in_zohos_spelling() {
        var scopes = sales.get("/api/scopes");

        assertThat(scopes.status()).isEqualTo(200);
        var names = new java.util.ArrayList<String>();
        scopes.json().get("scopes").forEach(s -> names.add(s.asText()));
        assertThat(names).contains("ZohoCRM.modules.ALL", "ZohoCRM.mass_update.ALL", "ZohoCRM.settings.custom_views.READ",
                "ZohoCRM.mass_update.leads.UPDATE", "ZohoCRM.modules.salesorders.READ");
    }

    @Test
    void a_non_administrator_cannot_create_a_token_with_a_scope_beyond_their_profile() {
        // Sally's profile views and edits every module and mass updates Leads, not Deals
        for (String scope : List.of("ZohoCRM.settings.ALL", "Sweep.admin.ALL", "ZohoCRM.modules.ALL", "ZohoCRM.mass_update.ALL",
                "ZohoCRM.users.ALL", "ZohoCRM.mass_update.deals.UPDATE")) {
            var refused = sales.post("/api/tokens", "{\"label\":\"wide\",\"scopes\":[\"ZohoCRM.modules.leads.READ\",\"" + scope + "\"]}");
            assertError(refused, 403, "NO_PERMISSION");
            assertThat(refused.json().get("details").get("param_name").asText()).isEqualTo("scopes");
            assertThat(refused.json().get("details").get("scope").asText()).isEqualTo(scope);
        }
        var held = sales.post("/api/tokens", "{\"label\":\"held\",\"scopes\":[\"ZohoCRM.mass_update.leads.UPDATE\",\"ZohoCRM.modules.deals.READ\","
                + "\"ZohoCRM.settings.fields.READ\"]}");
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        // an administrator holds every scope
        assertThat(admin.post("/api/tokens", "{\"label\":\"all\",\"scopes\":[\"ZohoCRM.settings.ALL\",\"Sweep.admin.ALL\"]}").status()).isEqualTo(201);
    }

    @Test
    void a_non_administrators_token_grants_only_what_both_the_token_and_the_profile_hold() {
        Http token = fx.tokenFor(DemoData.SALES_EMAIL, "ZohoCRM.modules.ALL", "ZohoCRM.mass_update.leads.READ", "Sweep.tokens.ALL");

        assertError(token.post("/api/tokens", "{\"label\":\"x\",\"scopes\":[\"ZohoCRM.modules.ALL\"]}"), 403, "NO_PERMISSION");
        assertError(token.post("/api/tokens", "{\"label\":\"x\",\"scopes\":[\"ZohoCRM.mass_update.leads.UPDATE\"]}"), 403, "NO_PERMISSION");
        assertThat(token.post("/api/tokens", "{\"label\":\"x\",\"scopes\":[\"ZohoCRM.modules.deals.UPDATE\",\"ZohoCRM.mass_update.leads.READ\"]}").status())
                .isEqualTo(201);
        List<String> grantable = names(token.get("/api/scopes").json().get("grantable"));
        assertThat(grantable).contains("ZohoCRM.modules.leads.READ", "ZohoCRM.mass_update.leads.READ", "Sweep.tokens.ALL")
                .doesNotContain("ZohoCRM.modules.ALL", "ZohoCRM.mass_update.leads.UPDATE", "ZohoCRM.settings.fields.READ");
    }

    @Test
    void the_scopes_list_says_which_scopes_the_caller_may_grant() {
        List<String> all = names(sales.get("/api/scopes").json().get("scopes"));
        List<String> salesMay = names(sales.get("/api/scopes").json().get("grantable"));
        List<String> adminMay = names(admin.get("/api/scopes").json().get("grantable"));

        assertThat(adminMay).isEqualTo(all);
        assertThat(salesMay).contains("ZohoCRM.modules.leads.READ", "ZohoCRM.modules.leads.UPDATE", "ZohoCRM.mass_update.leads.UPDATE",
                        "ZohoCRM.modules.deals.READ", "ZohoCRM.settings.fields.READ", "ZohoCRM.settings.custom_views.ALL")
                .doesNotContain("ZohoCRM.settings.ALL", "Sweep.admin.ALL", "ZohoCRM.modules.ALL", "ZohoCRM.mass_update.ALL",
                        "ZohoCRM.users.ALL", "ZohoCRM.mass_update.deals.UPDATE");
        assertThat(all).containsAll(salesMay);
        // each one offered is accepted
        var created = sales.post("/api/tokens", "{\"label\":\"everything offered\",\"scopes\":" + io.sweep.json.Json.array().addAll(
                salesMay.stream().map(com.fasterxml.jackson.databind.node.TextNode::valueOf).toList()) + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new java.util.ArrayList<>();
        array.forEach(s -> names.add(s.asText()));
        return names;
    }
}
