package io.sweep.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.json.Json;
import io.sweep.testsupport.Http;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The shipped logging set-up ({@code logback.xml}, not the tests' own) in a real {@code sweep serve}
 * process: readable text by default, with the logging context in brackets; {@code SWEEP_LOG_FORMAT=json}
 * writes one JSON object a line with the logging context as fields.
 */
class LogFormatTest {
    private static final String TOKEN = "log-format-admin-token-0123456789";

    @Test
    void json_format_writes_one_object_a_line_with_the_request_id_and_the_caller() throws Exception {
        List<String> lines = serveAndCall("json", "json-format-request-1");
        List<JsonNode> objects = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || !line.startsWith("{")) continue;
            objects.add(Json.MAPPER.readTree(line));
        }
        assertThat(objects).as("every log line is JSON: %s", lines).hasSizeGreaterThan(1);
        // (the JVM's own warnings about native access are not Sweep's log)
        assertThat(lines.stream().filter(l -> l.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*"))).as("no text lines").isEmpty();
        JsonNode access = objects.stream()
                .filter(o -> o.path("loggerName").asText().equals("sweep.access"))
                .filter(o -> o.path("mdc").path("request_id").asText().equals("json-format-request-1"))
                .findFirst().orElseThrow(() -> new AssertionError("no access line in " + lines));
        assertThat(access.path("level").asText()).isEqualTo("INFO");
        assertThat(access.path("formattedMessage").asText()).startsWith("GET /crm/v2/{module} 204 ");
        assertThat(access.path("mdc").path("user_id").asText()).isNotBlank();
        assertThat(access.path("mdc").path("token_id").asText()).isNotBlank();
        assertThat(access.path("kvpList").toString()).contains("\"route\":\"/crm/v2/{module}\"").contains("\"status\":\"204\"");
    }

    @Test
    void text_is_the_default_with_the_logging_context_in_brackets() throws Exception {
        List<String> lines = serveAndCall(null, "text-format-request-1");
        Optional<String> access = lines.stream().filter(l -> l.contains("sweep.access") && l.contains("text-format-request-1")).findFirst();
        assertThat(access).as("%s", lines).isPresent();
        assertThat(access.get()).doesNotStartWith("{").contains(" INFO  sweep.access [")
                .contains("request_id=text-format-request-1").contains("] - GET /crm/v2/{module} 204 ");
        assertThat(lines.stream().filter(l -> l.contains("Sweep ready")).findFirst()).hasValueSatisfying(l ->
                assertThat(l).as("no empty brackets without a context").contains("io.sweep.App - Sweep ready"));
    }

    /** Runs a server with this format, makes one API call with this request id, stops it, and answers its log lines. */
    private static List<String> serveAndCall(String format, String requestId) throws Exception {
        Path dir = Files.createTempDirectory("sweep-log-format");
        Path log = dir.resolve("serve.log");
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Dlogback.configurationFile=" + Path.of("target", "classes", "logback.xml").toAbsolutePath(), "io.sweep.Main", "serve")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        var env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("SWEEP_"));
        env.put("CLASSPATH", System.getProperty("java.class.path"));
        env.put("SWEEP_DB_URL", "jdbc:h2:mem:log-format;DB_CLOSE_DELAY=-1");
        env.put("SWEEP_PORT", String.valueOf(port));
        env.put("SWEEP_BOOTSTRAP_TOKEN", TOKEN);
        env.put("SWEEP_RULES_DIR", dir.resolve("rules").toString());
        if (format != null) env.put("SWEEP_LOG_FORMAT", format);
        Process process = builder.start();
        try {
            Http http = new Http("http://localhost:" + port);
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (true) {
                assertThat(process.isAlive()).as("exited: %s", Files.readString(log)).isTrue();
                try {
                    if (http.get("/health").status() == 200) break;
                } catch (AssertionError e) {
                    // not listening yet (the test client reports a refused connection so)
                }
                assertThat(Instant.now()).as("healthy in time: %s", Files.readString(log)).isBefore(deadline);
                Thread.sleep(100);
            }
            var answer = http.withToken(TOKEN).withHeader("X-Request-Id", requestId).get("/crm/v2/Leads?per_page=1");
            assertThat(answer.status()).as("no records without the demo data: %s", answer.body()).isEqualTo(204);
        } finally {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        }
        return Files.readAllLines(log, StandardCharsets.UTF_8);
    }
}
