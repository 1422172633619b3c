package io.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.Main;
import io.sweep.json.Json;
import io.sweep.testsupport.Http;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code sweep token}, {@code sweep user} and {@code sweep webhook-secret} while {@code sweep serve}
 * (another process) holds the H2 file: the commands reach the server through the key it wrote
 * beside the file, their changes take effect in it, and a caller without the key is refused.
 */
@Tag("slow")
class CommandsWhileServingTest {
    private record Run(int exit, String out, String err) {}

    private static Run sweep(String stdin, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        InputStream originalIn = System.in;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            var cli = Main.commandLine();
            var cliErr = new java.io.StringWriter();
            cli.setErr(new java.io.PrintWriter(cliErr, true));
            int exit = cli.execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8) + cliErr);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
            System.setIn(originalIn);
        }
    }

    @Test
    void administration_commands_go_through_the_running_server_that_holds_the_h2_file() throws Exception {
        Path dir = Files.createTempDirectory("sweep-serving");
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("hooked.js"), """
                export const rule = { module: "Leads", select: { criteria: "(Company:equals:Hook Co)" }, triggers: { webhook: true }, runAs: "admin@sweep.local" };
                export function update(record) { return null; }
                """);
        String dbUrl = "jdbc:h2:file:" + dir.resolve("data").resolve("sweep").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        Path published = dir.resolve("data").resolve("sweep.cli.json");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process server = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", classpath, Main.class.getName(),
                "serve", "--port", "0", "--bind", "127.0.0.1", "--db-url", dbUrl, "--rules-dir", rules.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
        try {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (!Files.exists(published) && Instant.now().isBefore(deadline) && server.isAlive()) Thread.sleep(100);
            assertThat(published).as(Files.readString(dir.resolve("server.log"))).exists();
            JsonNode where = Json.MAPPER.readTree(published.toFile());
            Http anonymous = new Http(where.get("url").asText());

            Run user = sweep("", "user", "add", "--email", "ops@example.com", "--name", "Ops Person", "--profile", "Administrator", "--db-url", dbUrl);
            assertThat(user.exit()).as(user.err()).isZero();
            assertThat(user.out().strip()).matches("\\d+");
            Run password = sweep("a long enough password\n", "user", "password", "--email", "ops@example.com", "--db-url", dbUrl);
            assertThat(password.exit()).as(password.err()).isZero();
            var login = anonymous.post("/api/session", "{\"email\":\"ops@example.com\",\"password\":\"a long enough password\"}");
            assertThat(login.status()).as(login.body()).isEqualTo(200);

            Run token = sweep("", "token", "create", "--user", "ops@example.com", "--scope", "ZohoCRM.modules.ALL", "--label", "while serving",
                    "--db-url", dbUrl);
            assertThat(token.exit()).as(token.err()).isZero();
            Http withToken = anonymous.withToken(token.out().strip());
            assertThat(withToken.get("/crm/v2/Leads?per_page=1").status()).isIn(200, 204);

            Run secret = sweep("", "webhook-secret", "hooked", "--db-url", dbUrl);
            assertThat(secret.exit()).as(secret.err()).isZero();
            assertThat(secret.out().strip()).isNotBlank();
            assertThat(sweep("", "webhook-secret", "no-such-rule", "--db-url", dbUrl).exit()).as("a rule the server does not have").isEqualTo(2);

            Run revoke = sweep("", "token", "revoke", token.out().strip(), "--db-url", dbUrl);
            assertThat(revoke.exit()).as(revoke.err()).isZero();
            assertThat(withToken.get("/crm/v2/Leads?per_page=1").status()).isEqualTo(401);

            // the route answers nobody else: no key, a wrong key
            assertThat(anonymous.post("/api/cli", "{\"command\":\"token revoke\",\"args\":{\"token\":\"x\"}}").status()).isEqualTo(403);
            assertThat(anonymous.withHeader(LocalServer.KEY_HEADER, "guess").post("/api/cli", "{\"command\":\"token revoke\",\"args\":{\"token\":\"x\"}}")
                    .status()).isEqualTo(403);
        } finally {
            server.destroy();
            assertThat(server.waitFor(1, TimeUnit.MINUTES)).isTrue();
        }
        assertThat(published).as("removed when the server stops").doesNotExist();
    }
}
