package io.sweep.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweep.testsupport.Backend;
import io.sweep.testsupport.Http;
import io.sweep.testsupport.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Malformed, oversized and hostile requests get Zoho-style errors, never a 500 or a stack trace. */
class HostileInputTest {
    private TestServer server;
    private Http admin;

    @BeforeEach
    void connect() {
        server = TestServer.shared(Backend.H2);
        admin = server.admin();
    }

    private static void assertZohoError(Http.Response r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.json().get("code").asText()).isEqualTo(code);
        assertThat(r.json().get("status").asText()).isEqualTo("error");
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void an_unknown_path_is_INVALID_URL_PATTERN() {
        assertZohoError(admin.get("/crm/v2/Leads/1/2/3/4"), 404, "INVALID_URL_PATTERN");
        assertZohoError(admin.get("/nothing/here"), 404, "INVALID_URL_PATTERN");
    }

    @Test
    void a_wrong_method_is_INVALID_REQUEST_METHOD() {
        assertZohoError(admin.send("PATCH", "/crm/v2/Leads/actions/mass_update", "{}"), 405, "INVALID_REQUEST_METHOD");
        assertZohoError(admin.send("PATCH", "/crm/v2/settings/modules", null), 405, "INVALID_REQUEST_METHOD");
    }

    @Test
    void a_body_over_the_limit_is_refused_with_413() {
        String huge = "{\"data\":[{\"Lead_Status\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}],\"ids\":[\"1\"]}";
        assertZohoError(admin.post("/crm/v2/Leads/actions/mass_update", huge), 413, "LIMIT_EXCEEDED");
    }

    @Test
    void a_chunked_body_over_the_limit_is_refused_too() throws Exception {
        byte[] chunk = "x".repeat(64 * 1024).getBytes();
        var body = HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.InputStream() {
            long sent;

            @Override
            public int read() {
                return sent++ < 3L * 1024 * 1024 ? chunk[(int) (sent % chunk.length)] : -1;
            }
        });
        var request = HttpRequest.newBuilder(URI.create(admin.base() + "/crm/v2/Leads/actions/mass_update"))
                .header("Authorization", "Zoho-oauthtoken " + TestServer.ADMIN_TOKEN).POST(body).build();
        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isIn(400, 413);
        assertThat(response.body()).contains("\"status\":\"error\"").doesNotContain("Exception");
    }

    @Test
    void deeply_nested_json_is_unparseable_not_a_crash() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertZohoError(admin.post("/crm/v2/Leads/actions/mass_update", deep), 400, "UNABLE_TO_PARSE_DATA_TYPE");
        String deepValue = "{\"data\":[{\"Lead_Status\":" + "[".repeat(5000) + "]".repeat(5000) + "}],\"ids\":[\"1\"]}";
        var r = admin.post("/crm/v2/Leads/actions/mass_update", deepValue);
        assertThat(r.status()).isEqualTo(400);
    }

    @Test
    void wrong_json_types_and_absurd_numbers_are_clean_errors() {
        assertZohoError(admin.post("/crm/v2/Leads/actions/mass_update", "{\"data\":[{\"No_of_Employees\":1e999999}],\"ids\":[\"1\"]}"),
                400, "INVALID_DATA");
        var bigId = admin.post("/crm/v2/Leads/actions/mass_update", "{\"data\":[{\"Lead_Status\":\"Contacted\"}],\"ids\":[99999999999999999999999]}");
        assertThat(bigId.status()).isEqualTo(400);
        assertThat(bigId.json().get("data").get(0).get("message").asText()).isEqualTo("the id given seems to be invalid");
        var nested = admin.post("/crm/v2/Leads/actions/mass_update", "{\"data\":[{\"Lead_Status\":\"Contacted\"}],\"ids\":[{\"id\":\"1\"}]}");
        assertThat(nested.status()).isEqualTo(400);
    }

    @Test
    void sql_looking_values_are_only_values() {
        var r = admin.get("/crm/v2/Leads/search?criteria=(Last_Name:equals:x'%20OR%20'1'='1)");
        assertThat(r.status()).isEqualTo(204);
        assertZohoError(admin.get("/crm/v2/Leads?sort_by=id;DROP%20TABLE%20rec_leads"), 400, "INVALID_DATA");
        assertZohoError(admin.get("/crm/v2/Leads?fields=Last_Name,(SELECT%201)"), 400, "INVALID_DATA");
        assertThat(admin.get("/crm/v2/Leads?per_page=1").status()).isEqualTo(200);
    }

    @Test
    void job_status_without_job_id_is_mandatory_param_missing_and_an_unknown_job_is_404() {
        var missing = admin.get("/crm/v2/Leads/actions/mass_update");
        assertZohoError(missing, 400, "MANDATORY_NOT_FOUND");
        assertThat(missing.json().get("message").asText()).isEqualTo("mandatory param missing");
        assertThat(missing.json().get("details").get("param_name").asText()).isEqualTo("job_id");
        var unknown = admin.get("/crm/v2/Leads/actions/mass_update?job_id=123&");
        assertZohoError(unknown, 404, "NOT_FOUND");
        assertThat(unknown.json().get("message").asText()).isEqualTo("Empty response");
    }

    @Test
    void a_database_failure_is_INTERNAL_ERROR_without_a_stack_trace() {
        var own = TestServer.start(Backend.H2.newDatabaseUrl(), config -> config.withDemo(false));
        try {
            own.app().database().useHandle(h -> h.execute("DROP TABLE rec_vendors"));
            var response = own.admin().get("/crm/v2/Vendors");
            assertZohoError(response, 500, "INTERNAL_ERROR");
            assertThat(response.json().get("message").asText()).isEqualTo("Internal Server Error");
            assertThat(response.body()).doesNotContain("rec_vendors").doesNotContain("SQL");
        } finally {
            own.stop();
        }
    }

    @Test
    void health_answers_ready() {
        var r = server.http().get("/health");
        assertThat(r.status()).isEqualTo(200);
    }
}
