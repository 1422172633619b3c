package io.sweep.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweep.demo.DemoData;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.Http;
import io.sweep.testsupport.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A token may do what its scopes name, on top of what its user's profile allows: Sweep's own
 * scopes guard tokens, rules and users, and a preview, which shows records' values, needs the
 * module's read scope too.
 */
abstract class ScopeAccessContract {
    /** A shipped Leads rule whose webhook secret no other test reads. */
    private static final String RULE = "rate-high-revenue-leads";

    private TestServer server;

    abstract Backend backend();

    @BeforeEach
    void connect() {
        server = TestServer.shared(backend());
    }

    private static void assertError(Http.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("code").asText()).as(response.body()).isEqualTo(code);
        assertThat(response.json().get("status").asText()).isEqualTo("error");
    }

    private Http admin(String... scopes) {
        return server.tokenFor(DemoData.ADMIN_EMAIL, scopes);
    }

    private String ownTokenId(Http owner) {
        return owner.get("/api/tokens").json().get("tokens").get(0).get("id").asText();
    }

    // --- tokens ------------------------------------------------------------------------------

    @Test
    void an_admin_token_for_reading_module_settings_cannot_list_everyones_tokens_or_revoke_anothers() {
        Http sales = server.tokenFor(DemoData.SALES_EMAIL, "Sweep.tokens.ALL");
        String salesToken = ownTokenId(sales);
        Http settingsReader = admin("ZohoCRM.settings.modules.READ");

        assertError(settingsReader.get("/api/tokens?all=true"), 401, "OAUTH_SCOPE_MISMATCH");
        assertError(settingsReader.delete("/api/tokens/" + salesToken), 401, "OAUTH_SCOPE_MISMATCH");
        assertError(settingsReader.post("/api/tokens", "{\"scopes\":[\"ZohoCRM.settings.modules.READ\"]}"), 401, "OAUTH_SCOPE_MISMATCH");
        assertThat(sales.get("/api/tokens").status()).isEqualTo(200);
    }

    @Test
    void the_tokens_scope_lists_everyones_tokens_for_an_administrator_and_revokes_anothers() {
        Http sales = server.tokenFor(DemoData.SALES_EMAIL, "Sweep.tokens.ALL");
        String salesToken = ownTokenId(sales);
        Http tokenAdmin = admin("Sweep.tokens.ALL");

        var all = tokenAdmin.get("/api/tokens?all=true");
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.body()).contains("\"id\":\"" + salesToken + "\"");
        assertThat(tokenAdmin.delete("/api/tokens/" + salesToken).status()).isEqualTo(200);
        assertError(sales.get("/api/tokens"), 401, "INVALID_TOKEN");
    }

    @Test
    void reading_tokens_is_not_creating_them_and_a_token_grants_only_sweep_scopes_it_holds() {
        Http reader = admin("Sweep.tokens.READ");
        assertThat(reader.get("/api/tokens").status()).isEqualTo(200);
        assertThat(reader.get("/api/scopes").json().get("scopes").toString()).contains("Sweep.rules.ALL", "Sweep.tokens.READ");
        assertError(reader.post("/api/tokens", "{\"scopes\":[\"Sweep.tokens.READ\"]}"), 401, "OAUTH_SCOPE_MISMATCH");

        Http minter = admin("Sweep.tokens.ALL");
        assertThat(minter.post("/api/tokens", "{\"scopes\":[\"Sweep.tokens.READ\"]}").status()).isEqualTo(201);
        assertError(minter.post("/api/tokens", "{\"scopes\":[\"Sweep.admin.ALL\"]}"), 403, "NO_PERMISSION");
        assertError(minter.post("/api/tokens", "{\"scopes\":[\"Sweep.rules.ALL\"]}"), 403, "NO_PERMISSION");
    }

    // --- rules -------------------------------------------------------------------------------

    @Test
    void an_admin_token_for_updating_leads_cannot_write_a_rule_or_rotate_its_webhook_secret() {
        Http leadsUpdater = admin("ZohoCRM.mass_update.leads.UPDATE");
        String dealsRule = "export const rule = { module: \"Deals\", select: { criteria: \"(Stage:equals:Qualification)\" }, runAs: \"admin@sweep.local\" };\n"
                + "export function update(record) { return { Stage: \"Closed Won\" }; }\n";

        assertError(leadsUpdater.put("/api/rules/scope-escalation", dealsRule), 401, "OAUTH_SCOPE_MISMATCH");
        assertError(leadsUpdater.post("/api/rules/" + RULE + "/webhook_secret", ""), 401, "OAUTH_SCOPE_MISMATCH");
        assertThat(server.admin().get("/api/rules/scope-escalation").status()).isEqualTo(404);
    }

    @Test
    void the_rules_scope_lets_an_administrator_rotate_a_webhook_secret_and_reach_the_rule_writer() {
        Http ruleAdmin = admin("Sweep.rules.ALL");

        var rotated = ruleAdmin.post("/api/rules/" + RULE + "/webhook_secret", "");
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(201);
        assertThat(rotated.json().get("secret").asText()).isNotBlank();
        // past the gate, the rule writer itself refuses a file that does not validate (and writes nothing)
        assertError(ruleAdmin.put("/api/rules/scope-check", "export const rule = {};"), 400, "INVALID_DATA");
        assertThat(ruleAdmin.get("/api/rules").status()).isEqualTo(200);
    }

    @Test
    void sweep_admin_ALL_covers_every_sweep_scope_but_not_the_administrator_profile() {
        Http sweepAdmin = admin("Sweep.admin.ALL");
        assertThat(sweepAdmin.get("/api/tokens?all=true").status()).isEqualTo(200);
        assertThat(sweepAdmin.get("/api/rules/" + RULE).status()).isEqualTo(200);
        assertThat(sweepAdmin.post("/api/rules/" + RULE + "/webhook_secret", "").status()).isEqualTo(201);

        Http salesAdminScope = server.tokenFor(DemoData.SALES_EMAIL, "Sweep.admin.ALL");
        assertError(salesAdminScope.post("/api/rules/" + RULE + "/webhook_secret", ""), 403, "NO_PERMISSION");
        assertError(salesAdminScope.post("/api/users", "{\"email\":\"x@example.com\",\"name\":\"X\",\"profile\":\"Standard\"}"), 403, "NO_PERMISSION");
    }

    @Test
    void adding_users_needs_the_users_scope_of_sweep() {
        Http zohoUsers = admin("ZohoCRM.users.ALL");
        assertThat(zohoUsers.get("/api/users").status()).isEqualTo(200);
        assertError(zohoUsers.post("/api/users", "{\"email\":\"y@example.com\",\"name\":\"Y\",\"profile\":\"Standard\"}"), 401, "OAUTH_SCOPE_MISMATCH");

        var added = admin("Sweep.users.ALL").post("/api/users",
                "{\"email\":\"scoped-" + java.util.UUID.randomUUID() + "@example.com\",\"name\":\"Scoped\",\"profile\":\"Standard\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
    }

    // --- previews show record values -----------------------------------------------------------

    /** A preview of a new phone number for one lead: its answer shows the lead's old number. */
    private String previewBody() {
        String id = server.admin().get("/crm/v2/Leads?per_page=1").json().get("data").get(0).get("id").asText();
        return "{\"data\":[{\"Phone\":\"555\"}],\"ids\":[\"" + id + "\"]}";
    }

    @Test
    void a_mass_update_preview_needs_the_modules_read_scope_as_well() {
        String body = previewBody();
        Http massUpdateReader = admin("ZohoCRM.mass_update.READ");
        assertError(massUpdateReader.get("/crm/v2/Leads"), 401, "OAUTH_SCOPE_MISMATCH");
        assertError(massUpdateReader.post("/api/mass_update/preview?module=Leads", body), 401, "OAUTH_SCOPE_MISMATCH");
        assertError(admin("ZohoCRM.mass_update.READ", "ZohoCRM.modules.deals.READ")
                .post("/api/mass_update/preview?module=Leads", body), 401, "OAUTH_SCOPE_MISMATCH");

        var preview = admin("ZohoCRM.mass_update.READ", "ZohoCRM.modules.leads.READ").post("/api/mass_update/preview?module=Leads", body);
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().get("sample").size()).isPositive();
    }

    @Test
    void a_rule_preview_needs_the_read_scope_of_the_rules_module() {
        assertError(admin("Sweep.rules.READ", "ZohoCRM.mass_update.READ").post("/api/rules/" + RULE + "/preview", ""),
                401, "OAUTH_SCOPE_MISMATCH");
        assertError(admin("Sweep.rules.READ", "ZohoCRM.mass_update.READ", "ZohoCRM.modules.deals.ALL").post("/api/rules/" + RULE + "/preview", ""),
                401, "OAUTH_SCOPE_MISMATCH");

        var preview = admin("Sweep.rules.READ", "ZohoCRM.mass_update.READ", "ZohoCRM.modules.leads.READ").post("/api/rules/" + RULE + "/preview", "");
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
    }

    @Test
    void running_a_rule_needs_the_mass_update_scope_of_the_rules_module() {
        assertError(admin("Sweep.rules.READ", "ZohoCRM.mass_update.deals.UPDATE").post("/api/rules/" + RULE + "/run", ""),
                401, "OAUTH_SCOPE_MISMATCH");
    }
}
