package io.sweep.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweep.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sweep check DIR}: one {@code file:line:col: message} line per problem, exit 0 or 1. */
class CheckCommandTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out) {}

    private static Run check(String... args) {
        var out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            String[] all = new String[args.length + 1];
            all[0] = "check";
            System.arraycopy(args, 0, all, 1, args.length);
            int exit = new CommandLine(new Main()).execute(all);
            return new Run(exit, out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    @Test
    void the_shipped_sample_rules_pass() {
        Run run = check("rules");
        assertThat(run.out()).isEmpty();
        assertThat(run.exit()).isZero();
    }

    @Test
    void a_broken_copy_fails_with_file_line_and_column() throws IOException {
        for (String name : new String[] {"stale-contacted-leads.js", "normalise-lead-phones.js"}) {
            Files.copy(Path.of("rules", name), dir.resolve(name));
        }
        Files.createDirectories(dir.resolve("lib"));
        Files.copy(Path.of("rules", "lib", "phone.js"), dir.resolve("lib/phone.js"));
        Path stale = dir.resolve("stale-contacted-leads.js");
        Files.writeString(stale, Files.readString(stale).replace("module: \"Leads\"", "module: \"Leadz\"").replace("0 3 * * *", "0 25 * * *"));
        Files.writeString(dir.resolve("typo.js"), "export const rule = {\n  module: \"Leads\"\n  select: {},\n};\n");
        Run run = check(dir.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out().lines().toList()).containsExactly(
                dir.resolve("stale-contacted-leads.js") + ":4:3: unknown module \"Leadz\"",
                dir.resolve("stale-contacted-leads.js") + ":7:15: rule.triggers.schedule: not a valid cron expression: "
                        + "Failed to parse cron expression. Value 25 not in range [0, 23]",
                dir.resolve("typo.js") + ":3:3: SyntaxError: Expected comma but found ident");
    }

    @Test
    void a_link_to_a_file_outside_the_folder_fails_the_check_without_being_read() throws IOException {
        Path outside = Files.createTempDirectory("sweep-outside");
        try {
            Files.copy(Path.of("rules", "stale-contacted-leads.js"), outside.resolve("elsewhere.js"));
            Files.createSymbolicLink(dir.resolve("lnk.js"), outside.resolve("elsewhere.js"));
            Run run = check(dir.toString());
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.out().lines().toList()).containsExactly(
                    dir.resolve("lnk.js") + ":1:1: the file is a link to a file outside the rules folder; it is not read");
        } finally {
            Files.deleteIfExists(outside.resolve("elsewhere.js"));
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void an_empty_directory_passes_and_a_missing_one_fails() {
        assertThat(check(dir.toString()).exit()).isZero();
        Run missing = check(dir.resolve("nope").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.out()).isEqualTo(dir.resolve("nope") + ":1:1: not a directory" + System.lineSeparator());
    }

    @Test
    void a_single_file_or_several_are_checked_and_help_works() throws IOException {
        Files.writeString(dir.resolve("bad.js"), "export const rule = { module: \"Leadz\", select: { criteria: \"(Last_Name:equals:x)\" }, runAs: \"a@b.c\" };\n"
                + "export function update(r) { return null; }\n");
        Run one = check("rules/stale-contacted-leads.js");
        assertThat(one.out()).isEmpty();
        assertThat(one.exit()).isZero();
        Run both = check("rules/stale-contacted-leads.js", dir.resolve("bad.js").toString());
        assertThat(both.exit()).isEqualTo(1);
        assertThat(both.out().lines().toList()).containsExactly(dir.resolve("bad.js") + ":1:23: unknown module \"Leadz\"");
        assertThat(check(dir.resolve("missing.js").toString()).out()).contains("missing.js:1:1: no such file");

        var help = new java.io.StringWriter();
        var cli = Main.commandLine();
        cli.setOut(new java.io.PrintWriter(help, true));
        assertThat(cli.execute("check", "--help")).isZero();
        assertThat(help.toString()).contains("Usage: sweep check").contains("--db-url");
    }

    @Test
    void a_criteria_value_that_is_not_in_the_picklist_is_a_problem_naming_the_allowed_values() throws IOException {
        Files.writeString(dir.resolve("typo.js"), """
                export const rule = {
                  module: "Leads",
                  select: { criteria: "((Lead_Status:equals:Contactedd)or(Lead_Status:equals:contacted))" },
                  runAs: "admin@sweep.local",
                };
                export function update(r) { return null; }
                """);
        Run run = check(dir.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out().lines().toList()).singleElement().asString()
                .startsWith(dir.resolve("typo.js") + ":3:13: rule.select.criteria: \"Contactedd\" is not a value of Lead_Status (allowed: ")
                .contains("Contacted, ");
    }

    @Test
    void with_a_database_runAs_must_name_one_of_its_users() throws IOException {
        String url = "jdbc:h2:file:" + dir.resolve("db").resolve("sweep").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        assertThat(new CommandLine(new Main()).execute("migrate", "--db-url", url)).isZero();
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("ghost.js"), """
                export const rule = {
                  module: "Leads",
                  select: { criteria: "(Last_Name:equals:x)" },
                  runAs: "ghost@example.com",
                };
                export function update(r) { return null; }
                """);
        Files.copy(Path.of("rules", "stale-contacted-leads.js"), rules.resolve("stale-contacted-leads.js"));
        assertThat(check(rules.toString()).exit()).as("no database: users are not known").isZero();
        Run run = check(rules.toString(), "--db-url", url);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out().lines().toList()).containsExactly(rules.resolve("ghost.js") + ":4:3: rule.runAs: no user ghost@example.com in the database");
    }

    @Test
    void a_broken_library_is_reported_in_the_library_for_every_rule_using_it_and_an_unused_one_once() throws IOException {
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("lib/phone.js"), "export function normalisePhone(p) {\n  return p.;\n}\n");
        Files.writeString(dir.resolve("lib/unused.js"), "export const x = ;\n");
        String rule = Files.readString(Path.of("rules", "normalise-lead-phones.js"));
        Files.writeString(dir.resolve("a.js"), rule);
        Files.writeString(dir.resolve("b.js"), rule);
        Run run = check(dir.toString());
        assertThat(run.exit()).isEqualTo(1);
        var lines = run.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith(dir.resolve("lib/phone.js") + ":2:12: SyntaxError: ").endsWith("(imported by a.js)");
        assertThat(lines.get(1)).startsWith(dir.resolve("lib/phone.js") + ":2:12: SyntaxError: ").endsWith("(imported by b.js)");
        assertThat(lines.get(2)).startsWith(dir.resolve("lib/unused.js") + ":1:18: SyntaxError: ");
    }

    @Test
    void a_rule_importing_outside_the_lib_folder_fails_the_check() throws IOException {
        Files.writeString(dir.resolve("sneaky.js"), "import \"../etc/passwd\";\n" + Files.readString(Path.of("rules", "stale-contacted-leads.js")));
        Run run = check(dir.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out().lines().toList()).containsExactly(
                dir.resolve("sneaky.js") + ":1:8: cannot import \"../etc/passwd\": " + ModuleErrors.IMPORTABLE);
    }
}
