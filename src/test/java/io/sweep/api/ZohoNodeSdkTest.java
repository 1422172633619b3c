package io.sweep.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sweep.demo.DemoData;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.Http;
import io.sweep.testsupport.TestServer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Zoho's own Node SDK ({@code @zohocrm/nodejs-sdk-2.0}, the exact version pinned in
 * {@code src/test/node/zoho-sdk/package-lock.json}), unmodified, against the real server: the
 * script {@code sweep-sdk-check.js} lists records, reads field and view metadata and the current
 * user, creates leads, mass updates them by ids and by custom view (polling the job's status),
 * and reads the errors Zoho's clients handle. It prints {@code ok <step>} or
 * {@code FAIL <step>: reason} per step. Skipped without {@code node} and {@code npm}.
 */
@Tag("slow")
class ZohoNodeSdkTest {
    private static final Path PROJECT = Path.of("src/test/node/zoho-sdk");
    /** The lock file as of the last {@code npm ci}: the SDK is installed again only when it changes. */
    private static final Path INSTALLED_LOCK = PROJECT.resolve("node_modules/.sweep-installed-lock.json");
    /**
     * The script's steps, each of which must print "ok". change_owner is not among them: this SDK
     * has no operation for it (ChangeOwnerContract covers it over HTTP).
     */
    private static final List<String> STEPS = List.of("records", "fields", "custom_views", "current_user", "create_records",
            "mass_update_ids", "mass_update_cvid", "field_error", "blueprint");

    /** The SDK's field cache and its log (every request it made), kept for a look after a failure. */
    private static final Path WORK_DIR = Path.of("target/zoho-node-sdk");

    @Test
    void the_official_zoho_node_sdk_works_against_sweep_unmodified() throws Exception {
        Optional<Path> node = onPath("node");
        Optional<Path> npm = onPath("npm");
        assumeTrue(node.isPresent() && npm.isPresent(), "Zoho Node SDK test skipped: node and npm are not both on the PATH");
        installSdk(npm.get());
        deleteRecursively(WORK_DIR);
        Files.createDirectories(WORK_DIR);

        TestServer server = TestServer.shared(Backend.H2);
        Http admin = server.admin();
        String company = "SDK Check " + UUID.randomUUID();
        String salesId = String.valueOf(server.app().users().byEmail(DemoData.SALES_EMAIL).orElseThrow().id());
        var view = admin.post("/api/views", """
                {"module":"Leads","name":"%s","shared_with":["%s"],"shared_with_all":false,
                 "criteria":{"comparator":"equal","field":{"api_name":"Company"},"value":"%s"}}""".formatted(company, salesId, company));
        assertThat(view.status()).as(view.body()).isEqualTo(201);
        // a Zoho integration asks for these scopes
        var token = admin.post("/api/tokens", """
                {"label":"Zoho Node SDK","scopes":["ZohoCRM.modules.ALL","ZohoCRM.settings.ALL","ZohoCRM.users.READ","ZohoCRM.mass_update.ALL"]}""");
        assertThat(token.status()).as(token.body()).isEqualTo(201);
        long heldDeal = server.app().database().withHandle(h -> h.createQuery(
                "SELECT id FROM rec_deals WHERE blueprint_id IS NOT NULL ORDER BY id").mapTo(Long.class).first());

        var run = run(node.get(), Map.of(
                "SWEEP_URL", server.http().base(),
                "SWEEP_TOKEN", token.json().get("token").asText(),
                "SWEEP_USER_EMAIL", DemoData.ADMIN_EMAIL,
                "SWEEP_COMPANY", company,
                "SWEEP_CVID", view.json().get("view").get("id").asText(),
                "SWEEP_BLUEPRINT_DEAL", String.valueOf(heldDeal),
                "SWEEP_SDK_WORK_DIR", WORK_DIR.toAbsolutePath().toString()));

        String shown = "the SDK's run (its log: " + WORK_DIR.resolve("sdk.log") + "):\n" + run.output();
        assertThat(run.output()).as(shown).doesNotContain("FAIL");
        for (String step : STEPS) assertThat(run.output()).as(shown).contains("ok " + step + "\n");
        assertThat(run.exitCode()).as(shown).isZero();
    }

    /** {@code npm ci} from the committed lock file, once: node_modules stays in the project folder (ignored by git). */
    private static synchronized void installSdk(Path npm) throws IOException, InterruptedException {
        byte[] lock = Files.readAllBytes(PROJECT.resolve("package-lock.json"));
        if (Files.exists(INSTALLED_LOCK) && Arrays.equals(lock, Files.readAllBytes(INSTALLED_LOCK))) return;
        var install = execute(new ProcessBuilder(npm.toString(), "ci", "--no-audit", "--no-fund"), 10);
        assertThat(install.exitCode()).as("npm ci failed:\n%s", install.output()).isZero();
        Files.write(INSTALLED_LOCK, lock);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private static Finished run(Path node, Map<String, String> env) throws IOException, InterruptedException {
        var builder = new ProcessBuilder(node.toString(), "sweep-sdk-check.js");
        builder.environment().keySet().removeIf(k -> k.startsWith("SWEEP_"));
        builder.environment().putAll(env);
        return execute(builder, 5);
    }

    private record Finished(int exitCode, String output) {}

    private static Finished execute(ProcessBuilder builder, int minutes) throws IOException, InterruptedException {
        Process process = builder.directory(PROJECT.toFile()).redirectErrorStream(true).start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", builder.command()) + " still running after " + minutes + " minutes:\n" + output.getNow(""));
        }
        return new Finished(process.exitValue(), output.join());
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(output unreadable: " + e + ")";
        }
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
