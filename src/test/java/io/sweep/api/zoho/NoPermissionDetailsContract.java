package io.sweep.api.zoho;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.Http;
import io.sweep.testsupport.TestServer;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A module-level NO_PERMISSION names the missing profile permission in {@code details.permissions}, as Zoho does; on H2 and PostgreSQL. */
abstract class NoPermissionDetailsContract {
    private TestServer server;

    abstract Backend backend();

    @BeforeEach
    void connect() {
        server = TestServer.shared(backend());
    }

    private static void assertDenied(Http.Response response, String permission) {
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        JsonNode body = response.json();
        assertThat(body.get("code").asText()).isEqualTo("NO_PERMISSION");
        assertThat(body.get("message").asText()).isEqualTo("permission denied");
        assertThat(body.get("status").asText()).isEqualTo("error");
        assertThat(body.get("details").get("permissions")).extracting(JsonNode::asText).containsExactly(permission);
    }

    @Test
    void a_mass_update_and_a_change_of_owner_in_a_module_the_profile_may_not_mass_update_name_the_mass_update_permission() {
        Http sales = server.tokenFor("sales@sweep.local", "ZohoCRM.mass_update.ALL", "ZohoCRM.modules.ALL");
        assertDenied(sales.post("/crm/v2/Deals/actions/mass_update", "{\"data\":[{\"Amount\":1}],\"ids\":[\"1\"]}"), "Crm_Implied_Mass_Update_Deals");
        assertDenied(sales.post("/crm/v2/Sales_Orders/actions/change_owner", "{\"ids\":[\"1\"],\"owner\":{\"id\":\"1\"}}"),
                "Crm_Implied_Mass_Update_Sales_Orders");
    }

    @Test
    void reading_or_writing_records_of_a_module_the_profile_has_no_access_to_names_the_view_create_edit_or_delete_permission() {
        var db = server.app().database();
        String profile = "No Modules " + UUID.randomUUID();
        db.withHandle(h -> h.execute("INSERT INTO profiles (id, name, administrator) VALUES (?, ?, FALSE)", db.nextId(h), profile));
        String email = "nomodules-" + UUID.randomUUID() + "@sweep.local";
        server.app().users().add(email, "Nora Nothing", profile);
        Http nora = server.tokenFor(email, "ZohoCRM.modules.ALL", "ZohoCRM.mass_update.ALL");
        assertDenied(nora.get("/crm/v2/Leads"), "Crm_Implied_View_Leads");
        assertDenied(nora.get("/crm/v2/Leads/search?criteria=(Last_Name:equals:x)"), "Crm_Implied_View_Leads");
        assertDenied(nora.post("/crm/v2/Leads", "{\"data\":[{\"Last_Name\":\"x\",\"Company\":\"y\"}]}"), "Crm_Implied_Create_Leads");
        assertDenied(nora.put("/crm/v2/Leads", "{\"data\":[{\"id\":\"1\",\"Last_Name\":\"x\"}]}"), "Crm_Implied_Edit_Leads");
        assertDenied(nora.delete("/crm/v2/Leads?ids=1"), "Crm_Implied_Delete_Leads");
        assertDenied(nora.post("/crm/v2/Leads/actions/mass_update", "{\"data\":[{\"Lead_Status\":\"Cold\"}],\"ids\":[\"1\"]}"),
                "Crm_Implied_Mass_Update_Leads");
    }
}
