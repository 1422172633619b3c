package io.sweep.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry follows its directory: loads, reloads, reports, and never half-loads. */
class RuleRegistryTest {
    @TempDir
    Path dir;

    private RuleRegistry registry;

    private static String source(String status) {
        return """
                export const rule = {
                  module: "Leads",
                  select: { criteria: "(Lead_Status:equals:Contacted)" },
                  runAs: "admin@sweep.local",
                };
                export function update() { return { Lead_Status: "%s" }; }
                """.formatted(status);
    }

    private static final String BROKEN = "export const rule = {\n  module: \"Leads\",,\n};\n";

    private RuleRegistry registry() {
        registry = new RuleRegistry(dir, TestRules.validator(), Duration.ofMillis(50));
        return registry;
    }

    @AfterEach
    void close() {
        if (registry != null) registry.close();
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) throw new AssertionError("the registry did not catch up with the directory");
            Thread.sleep(20);
        }
    }

    @Test
    void start_loads_every_rule_file_of_the_directory() throws IOException {
        write("cold.js", source("Cold"));
        write("broken.js", BROKEN);
        write("notes.txt", "not a rule");
        write(".hidden.js", source("Hidden"));
        Files.createDirectories(dir.resolve("nested"));
        write("nested/inner.js", source("Inner"));
        registry().start();
        assertThat(registry.entries()).extracting(RuleEntry::id).containsExactly("broken", "cold");
        RuleEntry cold = registry.entry("cold").orElseThrow();
        assertThat(cold.ok()).isTrue();
        assertThat(cold.status()).isEqualTo("ok");
        assertThat(cold.active().version()).isEqualTo(RuleValidator.version(source("Cold"))).isEqualTo(cold.fileVersion());
        RuleEntry broken = registry.entry("broken").orElseThrow();
        assertThat(broken.status()).isEqualTo("error");
        assertThat(broken.active()).isNull();
        assertThat(registry.rule("broken")).isEmpty();
        assertThat(broken.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("broken.js");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).startsWith("SyntaxError:");
        });
    }

    @Test
    void a_broken_edit_keeps_the_previous_good_version_active_until_the_file_is_fixed() throws IOException {
        write("cold.js", source("Cold"));
        registry().start();
        String good = registry.rule("cold").orElseThrow().version();

        write("cold.js", BROKEN);
        registry.rescan();
        RuleEntry entry = registry.entry("cold").orElseThrow();
        assertThat(entry.status()).isEqualTo("error");
        assertThat(entry.problems()).isNotEmpty();
        assertThat(entry.active().version()).isEqualTo(good);
        assertThat(entry.fileVersion()).isEqualTo(RuleValidator.version(BROKEN));
        assertThat(entry.active().source()).isEqualTo(source("Cold"));

        write("cold.js", source("Frozen"));
        registry.rescan();
        entry = registry.entry("cold").orElseThrow();
        assertThat(entry.ok()).isTrue();
        assertThat(entry.active().version()).isEqualTo(RuleValidator.version(source("Frozen")));
    }

    @Test
    void a_deleted_file_disappears_and_a_new_one_appears() throws IOException {
        write("cold.js", source("Cold"));
        registry().start();
        Files.delete(dir.resolve("cold.js"));
        write("junk.js", source("Junk Lead"));
        registry.rescan();
        assertThat(registry.entry("cold")).isEmpty();
        assertThat(registry.rule("junk")).isPresent();
    }

    @Test
    void the_poller_picks_up_changes_on_its_own() throws IOException, InterruptedException {
        var changed = new CopyOnWriteArrayList<String>();
        registry().addListener(changed::add);
        registry.start();
        write("cold.js", source("Cold"));
        eventually(() -> registry.rule("cold").isPresent());
        write("cold.js", BROKEN);
        eventually(() -> registry.entry("cold").map(e -> !e.ok()).orElse(false));
        assertThat(registry.rule("cold")).isPresent();
        write("cold.js", source("Frozen"));
        eventually(() -> registry.entry("cold").map(RuleEntry::ok).orElse(false));
        Files.delete(dir.resolve("cold.js"));
        eventually(() -> registry.entry("cold").isEmpty());
        assertThat(changed).containsOnly("cold").hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void an_unchanged_file_is_not_validated_again() throws IOException {
        write("cold.js", source("Cold"));
        registry().start();
        RuleEntry first = registry.entry("cold").orElseThrow();
        registry.rescan();
        assertThat(registry.entry("cold").orElseThrow()).isSameAs(first);
    }

    @Test
    void write_validates_then_replaces_the_file_atomically() throws IOException {
        registry().start();
        Rule written = registry.write("cold", source("Cold"));
        assertThat(written.version()).isEqualTo(RuleValidator.version(source("Cold")));
        assertThat(Files.readString(dir.resolve("cold.js"))).isEqualTo(source("Cold"));
        assertThat(registry.rule("cold")).contains(written);

        assertThatThrownBy(() -> registry.write("cold", BROKEN))
                .isInstanceOfSatisfying(RuleValidationException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.toString()).startsWith("cold.js:2:19: SyntaxError:")));
        assertThat(Files.readString(dir.resolve("cold.js"))).isEqualTo(source("Cold"));
        assertThatThrownBy(() -> registry.write("../escape", source("Cold"))).isInstanceOf(RuleValidationException.class);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("cold.js");
        }
    }

    @Test
    void a_missing_directory_means_no_rules_until_it_appears() throws IOException {
        registry = new RuleRegistry(dir.resolve("later"), TestRules.validator(), Duration.ofMillis(50));
        registry.start();
        assertThat(registry.entries()).isEmpty();
        Files.createDirectories(dir.resolve("later"));
        Files.writeString(dir.resolve("later/cold.js"), source("Cold"));
        registry.rescan();
        assertThat(registry.entries()).extracting(RuleEntry::id).isEqualTo(List.of("cold"));
    }

    @Test
    void a_file_that_is_not_utf8_is_reported() throws IOException {
        Files.write(dir.resolve("binary.js"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        registry().start();
        assertThat(registry.entry("binary").orElseThrow().problems()).extracting(RuleProblem::message).containsExactly("the file is not UTF-8 text");
    }

    @Test
    void a_link_to_a_file_outside_the_folder_is_reported_and_never_read() throws IOException {
        Path outside = Files.createTempDirectory("sweep-outside");
        try {
            Path secret = Files.writeString(outside.resolve("secret.txt"), source("Contacted"), StandardCharsets.UTF_8);
            Files.createSymbolicLink(dir.resolve("lnk.js"), secret);
            write("inside.js", source("Contacted"));
            Files.createSymbolicLink(dir.resolve("alias.js"), dir.resolve("inside.js"));
            registry().start();
            RuleEntry link = registry.entry("lnk").orElseThrow();
            assertThat(link.active()).as("a valid rule behind the link still does not load").isNull();
            assertThat(link.problems()).extracting(RuleProblem::message)
                    .containsExactly("the file is a link to a file outside the rules folder; it is not read");
            assertThat(registry.fileSource("lnk")).isEmpty();
            assertThat(registry.rule("alias")).as("a link inside the folder is a rule like any other").isPresent();
            assertThat(registry.fileSource("alias")).isPresent();
        } finally {
            Files.deleteIfExists(outside.resolve("secret.txt"));
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void a_rule_id_that_is_too_long_or_not_a_file_name_has_no_file_source() throws IOException {
        write("ok.js", source("Contacted"));
        registry().start();
        assertThat(registry.fileSource("ok")).isPresent();
        assertThat(registry.fileSource("x".repeat(RuleValidator.MAX_ID_LENGTH + 1))).isEmpty();
        assertThat(registry.fileSource("../ok")).isEmpty();
    }

    private static final String USES_LIB = """
            import { status } from "./lib/status.js";
            export const rule = {
              module: "Leads",
              select: { criteria: "(Lead_Status:equals:Contacted)" },
              runAs: "admin@sweep.local",
            };
            export function update() { return { Lead_Status: status() }; }
            """;

    private void writeLib(String name, String text) throws IOException {
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("lib").resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void a_library_change_is_picked_up_by_the_rules_using_it_and_libraries_are_not_rules() throws Exception {
        writeLib("status.js", "export function status() { return \"Cold\"; }\n");
        write("uses.js", USES_LIB);
        write("plain.js", source("Cold"));
        List<String> changed = new CopyOnWriteArrayList<>();
        var registry = registry();
        registry.addListener(changed::add);
        registry.start();
        assertThat(registry.entries()).extracting(RuleEntry::id).containsExactly("plain", "uses");
        Rule first = registry.rule("uses").orElseThrow();
        assertThat(first.libraries().texts()).containsOnlyKeys("status.js");
        Rule plain = registry.rule("plain").orElseThrow();
        changed.clear();

        writeLib("status.js", "export function status() { return \"Contacted\"; }\n");
        eventually(() -> !registry.rule("uses").orElseThrow().version().equals(first.version()));
        assertThat(registry.rule("uses").orElseThrow().libraries().texts().get("status.js")).contains("Contacted");
        assertThat(changed).contains("uses").doesNotContain("plain");
        assertThat(registry.rule("plain").orElseThrow()).isSameAs(plain);
    }

    @Test
    void a_broken_library_is_reported_for_each_rule_using_it_and_their_last_valid_version_stays() throws Exception {
        writeLib("status.js", "export function status() { return \"Cold\"; }\n");
        write("uses.js", USES_LIB);
        write("also.js", USES_LIB);
        var registry = registry();
        registry.start();
        Rule valid = registry.rule("uses").orElseThrow();
        writeLib("status.js", "export function status() {\n  return \"Cold\";;\n  }}\n");
        eventually(() -> !registry.entry("uses").orElseThrow().ok() && !registry.entry("also").orElseThrow().ok());
        for (String id : List.of("uses", "also")) {
            RuleEntry entry = registry.entry(id).orElseThrow();
            assertThat(entry.problems()).hasSize(1);
            RuleProblem p = entry.problems().get(0);
            assertThat(p.file()).isEqualTo("lib/status.js");
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).startsWith("SyntaxError: ").endsWith("(imported by " + id + ".js)");
        }
        assertThat(registry.rule("uses").orElseThrow()).isEqualTo(valid);
    }
}
