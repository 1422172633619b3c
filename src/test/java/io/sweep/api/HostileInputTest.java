package io.sweep.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweep.testsupport.Backend;
import io.sweep.testsupport.Http;
import io.sweep.testsupport.TestServer;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

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
        // a mass update's data-entry errors come wrapped in {"data":[…]} (SPEC §1.4)
        var error = r.json().has("data") ? r.json().get("data").get(0) : r.json();
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("status").asText()).isEqualTo("error");
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

    /** Writes a raw request and reads the whole answer: for what an HTTP client refuses to send. */
    private String raw(String request) throws IOException {
        URI base = URI.create(admin.base());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static void assertJsonErrorWithSecurityHeaders(String answer, int status) {
        String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
        assertThat(head).as(answer).startsWith("http/1.1 " + status);
        assertThat(head).contains("content-type: application/json").contains("x-content-type-options: nosniff")
                .contains("x-frame-options: deny").contains("content-security-policy: default-src 'self'");
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        assertThat(body).contains("\"status\":\"error\"").contains("\"code\":").doesNotContain("<html");
    }

    @Test
    void a_nul_in_the_path_is_a_json_error_with_the_security_headers() throws IOException {
        assertJsonErrorWithSecurityHeaders(raw("GET /crm/v2/Le%00ads HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 400);
        var viaClient = admin.get("/crm/v2/Leads%00");
        assertZohoError(viaClient, 400, "UNABLE_TO_PARSE_DATA_TYPE");
        assertThat(viaClient.raw().headers().firstValue("X-Frame-Options")).contains("DENY");
    }

    @Test
    void a_malformed_uri_is_a_json_error_with_the_security_headers() throws IOException {
        assertJsonErrorWithSecurityHeaders(raw("GET /crm/v2/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 400);
    }

    @Test
    void a_body_that_is_not_utf8_is_refused_not_stored_with_replacement_characters() throws Exception {
        byte[] prefix = "{\"data\":[{\"Last_Name\":\"Broken ".getBytes(StandardCharsets.UTF_8);
        byte[] suffix = "\"}]}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + 2 + suffix.length];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        body[prefix.length] = (byte) 0xC3; // a lead byte followed by one that cannot continue it
        body[prefix.length + 1] = (byte) 0x28;
        System.arraycopy(suffix, 0, body, prefix.length + 2, suffix.length);
        var request = HttpRequest.newBuilder(URI.create(admin.base() + "/crm/v2/Leads"))
                .header("Authorization", "Zoho-oauthtoken " + TestServer.ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertZohoError(new Http.Response(response.statusCode(), response.body(), response), 400, "UNABLE_TO_PARSE_DATA_TYPE");
    }

    @Test
    void a_client_that_goes_away_mid_body_is_one_log_line_without_a_stack_trace() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        String path = "/crm/v2/Leads?cut=" + java.util.UUID.randomUUID();
        try {
            URI base = URI.create(admin.base());
            try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Zoho-oauthtoken " + TestServer.ADMIN_TOKEN + "\r\n"
                        + "Content-Length: 5000\r\n\r\n{\"data\":[{\"Last_Name\":").getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
            }
            List<ILoggingEvent> about = waitForLogAbout(log, "/crm/v2/Leads");
            assertThat(about).as("log lines about the request").isNotEmpty();
            assertThat(about).allSatisfy(e -> {
                assertThat(e.getLevel().isGreaterOrEqual(Level.WARN)).as(e.getFormattedMessage()).isFalse();
                assertThat(e.getThrowableProxy()).as(e.getFormattedMessage()).isNull();
            });
        } finally {
            root.detachAppender(log);
        }
    }

    /** The events mentioning {@code path}, once there is one (the server reads the cut body on its own thread). */
    private static List<ILoggingEvent> waitForLogAbout(ListAppender<ILoggingEvent> log, String path) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            List<ILoggingEvent> about;
            synchronized (log) {
                about = List.copyOf(log.list).stream().filter(e -> e.getFormattedMessage().contains(path)).toList();
            }
            if (!about.isEmpty()) {
                Thread.sleep(200); // a trace logged right after the line would arrive now
                synchronized (log) {
                    return List.copyOf(log.list).stream().filter(e -> e.getFormattedMessage().contains(path)
                            || e.getLevel().isGreaterOrEqual(Level.ERROR)).toList();
                }
            }
            Thread.sleep(50);
        }
        return List.of();
    }
}
