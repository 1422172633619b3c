package io.sweep.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.sweep.auth.Passwords;
import io.sweep.hooks.WebhookSignature;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.Browser;
import io.sweep.testsupport.CapturedLog;
import io.sweep.testsupport.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * No secret reaches the log: a real server is driven through a login, a token's creation, a
 * webhook secret and a signed delivery (and a wrongly signed one), a failed login and a call with
 * a made-up token, with Sweep's own loggers at DEBUG, and everything logged is searched for each
 * secret value: passwords, tokens, the session cookie and CSRF token, the webhook secret and the
 * signatures.
 */
class SecretsNotLoggedTest {
    @Test
    void passwords_tokens_cookies_webhook_secrets_and_signatures_never_appear_in_the_log() throws Exception {
        Path rules = Files.createTempDirectory("sweep-secret-rules");
        Files.writeString(rules.resolve("secret-hook.js"), """
                export const rule = {
                  module: "Leads",
                  select: { criteria: "(Company:equals:Secretive Co)" },
                  triggers: { webhook: true },
                  runAs: "admin@sweep.local",
                };
                export function update(record, ctx) { return { Designation: "hooked" }; }
                """);
        var server = TestServer.start(Backend.H2.newDatabaseUrl(), c -> c.withRulesDir(rules).withDemo(false));
        List<Logger> ours = List.of((Logger) LoggerFactory.getLogger("io.sweep"), (Logger) LoggerFactory.getLogger("sweep"));
        Map<Logger, Level> levels = new LinkedHashMap<>();
        ours.forEach(l -> levels.put(l, l.getLevel()));
        Map<String, String> secrets = new LinkedHashMap<>();
        try (var log = new CapturedLog()) {
            ours.forEach(l -> l.setLevel(Level.DEBUG));
            String password = "correct-horse-battery-" + System.nanoTime();
            server.app().users().add("secretive@example.com", "Secretive Admin", "Administrator", Passwords.hash(password));
            secrets.put("password", password);
            secrets.put("bootstrap token", TestServer.ADMIN_TOKEN);

            var browser = Browser.signIn(server.http(), "secretive@example.com", password);
            secrets.put("session cookie", browser.cookie().substring(browser.cookie().indexOf('=') + 1));
            secrets.put("csrf token", browser.csrfToken());

            var created = browser.withCsrf().post("/api/tokens", "{\"label\":\"secretive\",\"scopes\":[\"ZohoCRM.modules.ALL\"]}");
            assertThat(created.status()).as(created.body()).isIn(200, 201);
            String token = created.json().get("token").asText();
            secrets.put("created token", token);
            assertThat(server.http().withToken(token).get("/crm/v2/Leads?per_page=1").status()).isIn(200, 204);

            var secretAnswer = server.admin().post("/api/rules/secret-hook/webhook_secret", "");
            assertThat(secretAnswer.status()).as(secretAnswer.body()).isIn(200, 201);
            String webhookSecret = secretAnswer.json().get("secret").asText();
            secrets.put("webhook secret", webhookSecret);
            byte[] body = "{\"params\":{}}".getBytes(StandardCharsets.UTF_8);
            String signature = WebhookSignature.header(webhookSecret, Instant.now().getEpochSecond(), body);
            secrets.put("signature", signature.substring(signature.indexOf("v1=") + 3));
            var delivered = server.http().withHeader("X-Sweep-Signature", signature).post("/hooks/secret-hook", new String(body, StandardCharsets.UTF_8));
            assertThat(delivered.status()).as(delivered.body()).isIn(202, 400);
            String forged = WebhookSignature.header("not-the-secret", Instant.now().getEpochSecond(), body);
            secrets.put("forged signature", forged.substring(forged.indexOf("v1=") + 3));
            assertThat(server.http().withHeader("X-Sweep-Signature", forged).post("/hooks/secret-hook", new String(body, StandardCharsets.UTF_8))
                    .status()).isEqualTo(401);

            String wrongPassword = "wrong-guess-" + System.nanoTime();
            secrets.put("wrong password", wrongPassword);
            assertThat(Browser.login(server.http(), "secretive@example.com", wrongPassword).status()).isEqualTo(401);
            String madeUp = "made-up-token-" + System.nanoTime();
            secrets.put("made-up token", madeUp);
            assertThat(server.http().withToken(madeUp).get("/crm/v2/Leads").status()).isEqualTo(401);

            // the log did see these requests: every one has its line
            awaitAccessLines(log, 7);
            assertThat(log.accessLines().stream().map(e -> e.getFormattedMessage()))
                    .anyMatch(l -> l.startsWith("POST /api/session 200 "))
                    .anyMatch(l -> l.startsWith("POST /api/session 401 "))
                    .anyMatch(l -> l.startsWith("POST /api/tokens "))
                    .anyMatch(l -> l.startsWith("POST /hooks/{rule} 401 "));
            String text = log.allText();
            secrets.forEach((what, value) -> assertThat(text).as("the %s is not logged", what).doesNotContain(value));
        } finally {
            levels.forEach(Logger::setLevel);
            server.stop();
        }
    }

    private static void awaitAccessLines(CapturedLog log, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (log.accessLines().size() < count && Instant.now().isBefore(deadline)) Thread.sleep(20);
    }
}
