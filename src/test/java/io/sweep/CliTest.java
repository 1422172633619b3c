package io.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweep.testsupport.Http;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line against a real H2 file database, and the server seeing what it wrote. */
class CliTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out) {}

    private static Run run(String... args) {
        return runWithInput("", args);
    }

    /** Runs the command with {@code input} as standard input. */
    private static Run runWithInput(String input, String... args) {
        var out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        var originalIn = System.in;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setIn(new java.io.ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            int exit = Main.commandLine().execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
            System.setIn(originalIn);
        }
    }

    @Test
    void a_user_added_with_a_password_from_stdin_logs_in_and_a_new_password_replaces_it() {
        String url = "jdbc:h2:file:" + dir.resolve("pw") + ";DB_CLOSE_ON_EXIT=FALSE";
        var added = runWithInput("first-password\n", "user", "add", "--db-url", url, "--email", "pw@example.com", "--name", "Pw User",
                "--password-stdin");
        assertThat(added.exit()).isZero();
        assertThat(runWithInput("short\n", "user", "password", "--db-url", url, "--email", "pw@example.com").exit()).isEqualTo(2);
        assertThat(runWithInput("", "user", "password", "--db-url", url, "--email", "nobody@example.com").exit()).isEqualTo(2);

        var config = Config.fromEnvironment(java.util.Map.of()).withPort(0).withDb(url, null, null);
        try (App app = App.create(config, Clock.systemUTC())) {
            var http = new Http("http://localhost:" + app.start());
            assertThat(io.sweep.testsupport.Browser.login(http, "pw@example.com", "first-password").status()).isEqualTo(200);
            assertThat(runWithInput("second-password\n", "user", "password", "--db-url", url, "--email", "pw@example.com").exit()).isZero();
            assertThat(io.sweep.testsupport.Browser.login(http, "pw@example.com", "first-password").status()).isEqualTo(401);
            assertThat(io.sweep.testsupport.Browser.login(http, "pw@example.com", "second-password").status()).isEqualTo(200);
        }
    }

    @Test
    void token_create_prints_only_the_token_and_the_server_accepts_it_until_revoked() {
        String url = "jdbc:h2:file:" + dir.resolve("cli") + ";DB_CLOSE_ON_EXIT=FALSE";
        assertThat(run("migrate", "--db-url", url).exit()).isZero();
        var added = run("user", "add", "--db-url", url, "--email", "cli@example.com", "--name", "Cli User", "--profile", "Standard");
        assertThat(added.exit()).isZero();
        var created = run("token", "create", "--db-url", url, "--user", "cli@example.com",
                "--scope", "ZohoCRM.settings.ALL", "--scope", "ZohoCRM.modules.ALL", "--expires", "30d");
        assertThat(created.exit()).isZero();
        String token = created.out().strip();
        assertThat(created.out()).isEqualTo(token + System.lineSeparator());
        assertThat(token).doesNotContain(" ").hasSizeGreaterThan(40);

        var config = Config.fromEnvironment(java.util.Map.of()).withPort(0).withDb(url, null, null);
        try (App app = App.create(config, Clock.systemUTC())) {
            var http = new Http("http://localhost:" + app.start()).withToken(token);
            assertThat(http.get("/crm/v2/settings/modules").status()).isEqualTo(200);
            assertThat(run("token", "revoke", "--db-url", url, token).exit()).isZero();
            assertThat(http.get("/crm/v2/settings/modules").status()).isEqualTo(401);
        }
    }

    @Test
    void bad_arguments_exit_non_zero() {
        assertThat(run("token", "create").exit()).isNotZero();
        assertThat(run("no-such-command").exit()).isNotZero();
        String url = "jdbc:h2:file:" + dir.resolve("cli2") + ";DB_CLOSE_ON_EXIT=FALSE";
        assertThat(run("token", "create", "--db-url", url, "--user", "nobody@example.com", "--scope", "ZohoCRM.modules.ALL").exit()).isNotZero();
        assertThat(run("token", "revoke", "--db-url", url, "no-such-token").exit()).isEqualTo(1);
    }

    private record Process(int exit, String out, String err) {}

    /** {@code sweep ARGS} as its own JVM on the test's class path, as an administrator runs it. */
    private static Process process(String... args) throws Exception {
        var command = new java.util.ArrayList<String>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "io.sweep.Main"));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("SWEEP_"));
        builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
        var started = builder.start();
        started.getOutputStream().close();
        var out = java.util.concurrent.CompletableFuture.supplyAsync(() -> read(started.getInputStream()));
        String err = read(started.getErrorStream());
        assertThat(started.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        return new Process(started.exitValue(), out.get(), err);
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void commands_on_a_database_a_running_server_holds_without_a_way_in_say_so_in_one_line_and_exit_4() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("held").resolve("sweep").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        var config = Config.fromEnvironment(java.util.Map.of()).withPort(0).withDb(url, null, null);
        try (App app = App.create(config, Clock.systemUTC())) {
            app.start();
            // the file through which commands reach the server is gone (removed by hand, say): the commands cannot get in
            java.nio.file.Files.delete(dir.resolve("held").resolve("sweep.cli.json"));
            for (String[] args : List.of(
                    new String[] {"migrate", "--db-url", url},
                    new String[] {"token", "create", "--db-url", url, "--user", "admin@sweep.local", "--scope", "ZohoCRM.modules.ALL"},
                    new String[] {"user", "add", "--db-url", url, "--email", "held@example.com", "--name", "Held"})) {
                Process run = process(args);
                assertThat(run.exit()).as(run.err()).isEqualTo(io.sweep.cli.ExitCodes.UNAVAILABLE);
                assertThat(run.out()).isEmpty();
                assertThat(run.err().lines().toList()).singleElement().asString()
                        .startsWith("sweep: the database is in use by another process, most likely a running `sweep serve`");
            }
        }
    }

    @Test
    void usage_mistakes_are_one_line_on_stderr_and_exit_2() throws Exception {
        for (String[] args : List.of(new String[] {"no-such-command"}, new String[] {"token", "create"},
                new String[] {"check", "--no-such-option"}, new String[] {"run", "x", "--max-failures", "many"})) {
            Process run = process(args);
            assertThat(run.exit()).as(String.join(" ", args)).isEqualTo(io.sweep.cli.ExitCodes.USAGE);
            assertThat(run.err().lines().toList()).as(run.err()).singleElement().asString().startsWith("sweep: ");
        }
    }
}
