package io.sweep.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Rules import library files of rules/lib, and nothing else; a library's changes and errors reach the rules using it. */
class RuleLibrariesTest {
    private static final String HEAD = "export const rule = { module: \"Leads\", select: { criteria: \"(Lead_Status:equals:Contacted)\" },"
            + " runAs: \"admin@sweep.local\" };\n";
    private static final String UPPER = "export function upper(s) { return s.toUpperCase(); }\n";
    private static final String USES_UPPER = "import { upper } from \"./lib/text.js\";\n" + HEAD
            + "export function update(record) { return { Company: upper(record.Company) }; }\n";

    private static RuleValidator.Validation validate(String source, Map<String, String> libs) {
        return TestRules.validator().validate("uses", source, "rules/uses.js", RuleLibraries.of(libs));
    }

    private static RuleProblem only(String source, Map<String, String> libs) {
        List<RuleProblem> problems = validate(source, libs).problems();
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    @Test
    void a_rule_imports_a_library_and_runs_with_it() {
        var validation = validate(USES_UPPER, Map.of("text.js", UPPER, "unused.js", "export const x = 1;\n"));
        assertThat(validation.problems()).isEmpty();
        Rule rule = validation.rule();
        assertThat(rule.libraries().texts()).containsOnlyKeys("text.js");
        RuleRun run = TestRules.sandbox().open(rule, Map.of(), RuleTrigger.MANUAL);
        try {
            assertThat(run.update(Map.of("id", "1", "Company", "acme"))).isInstanceOf(ScriptDecision.Updated.class)
                    .extracting(d -> ((ScriptDecision.Updated) d).values().get("Company").asText()).isEqualTo("ACME");
        } finally {
            run.close();
        }
    }

    @Test
    void a_library_imports_another_beside_it_and_the_rule_keeps_both() {
        String text = "import { shout } from \"./shout.js\";\nexport function upper(s) { return shout(s); }\n";
        var validation = validate(USES_UPPER, Map.of("text.js", text, "shout.js", "export function shout(s) { return s.toUpperCase() + \"!\"; }\n"));
        assertThat(validation.problems()).isEmpty();
        assertThat(validation.rule().libraries().texts()).containsOnlyKeys("shout.js", "text.js");
    }

    @Test
    void a_rule_without_imports_keeps_the_hash_of_its_file_as_version() {
        String plain = HEAD + "export function update() { return null; }\n";
        assertThat(validate(plain, Map.of("text.js", UPPER)).rule().version()).isEqualTo(RuleValidator.version(plain));
    }

    @Test
    void a_change_to_an_imported_library_changes_the_version_and_an_unused_one_does_not() {
        String before = validate(USES_UPPER, Map.of("text.js", UPPER)).rule().version();
        assertThat(before).isNotEqualTo(RuleValidator.version(USES_UPPER));
        assertThat(validate(USES_UPPER, Map.of("text.js", UPPER, "other.js", "export const x = 1;\n")).rule().version()).isEqualTo(before);
        assertThat(validate(USES_UPPER, Map.of("text.js", UPPER + "// changed\n")).rule().version()).isNotEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x.js", "../../etc/passwd", "/etc/passwd", "https://example.com/x.js", "file:///etc/passwd", "fs", "node:fs",
            "./x.js", "./lib/sub/x.js", "./lib/../x.js", "./normalise-lead-phones.js"})
    void an_import_outside_the_lib_folder_is_refused_at_its_place(String specifier) {
        RuleProblem p = only("// helpers\nimport { upper } from \"" + specifier + "\";\n" + HEAD + "export function update() { return null; }\n",
                Map.of("text.js", UPPER));
        assertThat(p.file()).isEqualTo("rules/uses.js");
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.column()).isEqualTo(23);
        assertThat(p.message()).isEqualTo("cannot import \"" + specifier + "\": " + ModuleErrors.IMPORTABLE);
    }

    @Test
    void a_library_that_is_not_there_is_named() {
        RuleProblem p = only(USES_UPPER, Map.of());
        assertThat(p).isEqualTo(new RuleProblem("rules/uses.js", 1, 23, "cannot import \"./lib/text.js\": there is no library file lib/text.js in the rules folder"));
    }

    @Test
    void a_library_escaping_its_folder_is_refused_in_the_library() {
        RuleProblem p = only(USES_UPPER, Map.of("text.js", "import \"../secret.js\";\n" + UPPER));
        assertThat(p.file()).isEqualTo("rules/lib/text.js");
        assertThat(p.line()).isEqualTo(1);
        assertThat(p.message()).startsWith("cannot import \"../secret.js\": ").endsWith("(imported by uses.js)");
    }

    @Test
    void a_dynamic_import_outside_the_lib_folder_is_refused_too() {
        String source = "let status = \"pending\";\nimport(\"/etc/passwd\").then(() => status = \"loaded\", e => status = \"refused\");\n"
                + HEAD + "export function update() { return { Company: status }; }\n";
        Rule rule = validate(source, Map.of("text.js", UPPER)).rule();
        RuleRun run = TestRules.sandbox().open(rule, Map.of(), RuleTrigger.MANUAL);
        try {
            assertThat(((ScriptDecision.Updated) run.update(Map.of("id", "1"))).values().get("Company").asText()).isEqualTo("refused");
        } finally {
            run.close();
        }
    }

    @Test
    void a_syntax_error_in_a_library_is_reported_at_its_line_and_column_in_the_library() {
        RuleProblem p = only(USES_UPPER, Map.of("text.js", "export function upper(s) {\n  return s.;\n}\n"));
        assertThat(p.file()).isEqualTo("rules/lib/text.js");
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.column()).isEqualTo(12);
        assertThat(p.message()).startsWith("SyntaxError: ").endsWith("(imported by uses.js)").doesNotContain("./lib/");
    }

    @Test
    void a_library_whose_top_level_code_throws_is_reported_in_the_library() {
        RuleProblem p = only(USES_UPPER, Map.of("text.js", UPPER + "null.x;\n"));
        assertThat(p).extracting(RuleProblem::file, RuleProblem::line).containsExactly("rules/lib/text.js", 2);
        assertThat(p.message()).startsWith("TypeError: ");
    }

    @Test
    void a_job_opened_from_the_stored_rule_runs_the_library_as_it_was_validated() {
        Rule rule = validate(USES_UPPER, Map.of("text.js", UPPER)).rule();
        // what a job keeps (source and libraries) validates to the same version on any node
        Rule again = TestRules.validator().validate("uses", rule.source(), "uses.js", RuleLibraries.of(rule.libraries().texts())).rule();
        assertThat(again.version()).isEqualTo(rule.version());
        assertThat(again.libraries()).isEqualTo(rule.libraries());
    }
}
