package io.sweep.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
    void probe() {
        for (String spec : List.of("../x.js", "/etc/passwd", "https://example.com/x.js", "fs", "./lib/nope.js", "./lib/sub/x.js", "./x.js", "file:///etc/passwd")) {
            System.out.println("PROBE " + spec + " -> " + validate("import \"" + spec + "\";\n" + HEAD + "export function update() { return null; }\n", Map.of("text.js", UPPER)).problems());
        }
        System.out.println("PROBE syntax -> " + validate(USES_UPPER, Map.of("text.js", "export function upper(s) {\n  return s.;\n}\n")).problems());
        System.out.println("PROBE throw -> " + validate(USES_UPPER, Map.of("text.js", UPPER + "null.x;\n")).problems());
        System.out.println("PROBE lib escapes -> " + validate(USES_UPPER, Map.of("text.js", "import \"../x.js\";\n" + UPPER)).problems());
    }
}
