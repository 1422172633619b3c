package io.sweep.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each kind of broken rule file is reported with its file, line, column and a clear message. */
class RuleValidatorTest {
    private static final String UPDATE = "export function update(record, ctx) { return null; }\n";

    private static List<RuleProblem> problems(String source) {
        return TestRules.validator().validate("broken", source, "rules/broken.js").problems();
    }

    private static RuleProblem only(String source) {
        List<RuleProblem> problems = problems(source);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    private static String rule(String body) {
        return "export const rule = {\n" + body + "};\n" + UPDATE;
    }

    private static final String MODULE = "  module: \"Leads\",\n";
    private static final String SELECT = "  select: { criteria: \"(Lead_Status:equals:Contacted)\" },\n";
    private static final String RUN_AS = "  runAs: \"admin@sweep.local\",\n";

    @Test
    void a_valid_rule_loads_with_its_metadata_and_content_hash() {
        String source = rule(MODULE + "  description: \"d\",\n" + SELECT
                + "  triggers: { webhook: true, schedule: \"0 3 * * *\" },\n" + RUN_AS + "  params: { days: 30, tags: [\"a\"] },\n");
        var validation = TestRules.validator().validate("good", source, "good.js");
        assertThat(validation.problems()).isEmpty();
        Rule rule = validation.rule();
        assertThat(rule.id()).isEqualTo("good");
        assertThat(rule.file()).isEqualTo("good.js");
        assertThat(rule.module()).isEqualTo("Leads");
        assertThat(rule.description()).isEqualTo("d");
        assertThat(rule.select()).isEqualTo(new Rule.Selection("(Lead_Status:equals:Contacted)", null, null));
        assertThat(rule.triggers()).isEqualTo(new Rule.Triggers(true, "0 3 * * *", "0 0 3 * * *"));
        assertThat(rule.runAs()).isEqualTo("admin@sweep.local");
        assertThat(rule.params().get("days").asInt()).isEqualTo(30);
        assertThat(rule.params().get("tags").get(0).asText()).isEqualTo("a");
        assertThat(rule.version()).isEqualTo(RuleValidator.version(source)).hasSize(64).matches("[0-9a-f]+");
        assertThat(rule.source()).isEqualTo(source);
    }

    @Test
    void a_selection_by_view_with_a_territory_and_a_six_field_cron_loads() {
        String source = rule(MODULE + "  select: { cvid: \"5725767000001068095\", territory: { id: \"5725767000001000005\", include_child: true } },\n"
                + "  triggers: { schedule: \"0 30 2 * * MON-FRI\" },\n" + RUN_AS);
        var validation = TestRules.validator().validate("view", source, "view.js");
        assertThat(validation.problems()).isEmpty();
        assertThat(validation.rule().select()).isEqualTo(new Rule.Selection(null, "5725767000001068095", new Rule.Territory("5725767000001000005", true)));
        assertThat(validation.rule().triggers().cron()).isEqualTo("0 30 2 * * MON-FRI");
    }

    @Test
    void included_related_fields_load_as_lookup_and_field() {
        String source = rule("  module: \"Contacts\",\n  select: { criteria: \"(Last_Name:equals:x)\",\n"
                + "    include: [\"Account_Name.Billing_Country\", \"Owner.email\", \"Account_Name.Billing_Country\"] },\n" + RUN_AS);
        var validation = TestRules.validator().validate("related", source, "related.js");
        assertThat(validation.problems()).isEmpty();
        assertThat(validation.rule().select().include())
                .containsExactly(new Rule.Include("Account_Name", "Billing_Country"), new Rule.Include("Owner", "email"));
        assertThat(validation.rule().select().included("Account_Name")).containsExactly("Billing_Country");
    }

    @Test
    void an_include_that_is_not_a_lookup_then_a_field_of_its_module_is_reported_at_its_line() {
        String source = rule("  module: \"Contacts\",\n  select: { criteria: \"(Last_Name:equals:x)\",\n"
                + "    include: [\"Account_Name.Billing_Countri\", \"Email.Domain\", \"Owner.phone\", \"Acount_Name.Phone\", \"Account_Name\"] },\n" + RUN_AS);
        assertThat(problems(source)).extracting(RuleProblem::toString).containsExactly(
                "rules/broken.js:4:5: rule.select.include: \"Account_Name.Billing_Countri\": Accounts (which Account_Name points at) has no field Billing_Countri",
                "rules/broken.js:4:5: rule.select.include: \"Email.Domain\": Email is not a lookup or owner field of Contacts",
                "rules/broken.js:4:5: rule.select.include: \"Owner.phone\": Owner points at a user, who has no field phone (known: active, email)",
                "rules/broken.js:4:5: rule.select.include: \"Acount_Name.Phone\": Contacts has no field Acount_Name",
                "rules/broken.js:4:5: rule.select.include: \"Account_Name\" is not Lookup.Field, e.g. \"Account_Name.Billing_Country\"");
        assertThat(only(rule(MODULE + "  select: { criteria: \"(Last_Name:equals:x)\", include: \"Owner.email\" },\n" + RUN_AS)).message())
                .isEqualTo("rule.select.include must be a list of \"Lookup.Field\" paths, e.g. [\"Account_Name.Billing_Country\"]");
    }

    @Test
    void a_syntax_error_reports_graaljs_line_and_column() {
        RuleProblem p = only("export const rule = {\n  module: \"Leads\",,\n};\n" + UPDATE);
        assertThat(p.file()).isEqualTo("rules/broken.js");
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.column()).isEqualTo(19);
        assertThat(p.message()).startsWith("SyntaxError: ").contains("Expected").doesNotContain("broken.js");
        assertThat(p.toString()).startsWith("rules/broken.js:2:19: SyntaxError: ");
    }

    @Test
    void a_syntax_error_in_update_points_into_the_function() {
        RuleProblem p = only(rule(MODULE + SELECT + RUN_AS).replace(UPDATE, "export function update(record) {\n  return { a: 1 ;\n}\n"));
        assertThat(p.line()).isEqualTo(7);
        assertThat(p.message()).startsWith("SyntaxError: ");
    }

    @Test
    void a_missing_rule_export_is_reported_at_the_top_of_the_file() {
        RuleProblem p = only(UPDATE);
        assertThat(p).isEqualTo(new RuleProblem("rules/broken.js", 1, 1, "missing export: export const rule = { module, select, runAs, … }"));
    }

    @Test
    void a_rule_export_that_is_not_an_object_is_reported_at_its_line() {
        RuleProblem p = only("// header\n\nexport const rule = 42;\n" + UPDATE);
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.column()).isEqualTo(1);
        assertThat(p.message()).isEqualTo("rule must be a plain object, not a number");
    }

    @Test
    void a_rule_holding_a_function_is_not_plain_data() {
        RuleProblem p = only(rule(MODULE + SELECT + RUN_AS + "  helper() { return 1; },\n"));
        assertThat(p.line()).isEqualTo(1);
        assertThat(p.message()).isEqualTo("rule.helper: a function is not plain data");
    }

    @Test
    void a_missing_update_export_is_reported() {
        RuleProblem p = only("export const rule = {\n" + MODULE + SELECT + RUN_AS + "};\nfunction update() {}\n");
        assertThat(p.message()).isEqualTo("missing export: export function update(record, ctx) { … }");
    }

    @Test
    void an_update_export_that_is_not_a_function_is_reported_at_its_line() {
        RuleProblem p = only("export const rule = {\n" + MODULE + SELECT + RUN_AS + "};\n\nexport const update = { Lead_Status: \"Cold\" };\n");
        assertThat(p.line()).isEqualTo(7);
        assertThat(p.message()).isEqualTo("update must be a function, not an object");
    }

    @Test
    void an_unknown_module_is_reported_at_the_module_key() {
        RuleProblem p = only(rule("  module: \"Leadz\",\n" + SELECT + RUN_AS));
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.column()).isEqualTo(3);
        assertThat(p.message()).isEqualTo("unknown module \"Leadz\"");
    }

    @Test
    void a_missing_module_is_reported_at_the_rule_export() {
        RuleProblem p = only(rule(SELECT + RUN_AS));
        assertThat(p.line()).isEqualTo(1);
        assertThat(p.message()).startsWith("rule.module is required");
    }

    @Test
    void a_criteria_naming_an_unknown_field_is_reported_at_the_criteria_key() {
        RuleProblem p = only(rule(MODULE + "  select: {\n    criteria: \"(Lead_Stat:equals:Contacted)\",\n  },\n" + RUN_AS));
        assertThat(p.line()).isEqualTo(4);
        assertThat(p.column()).isEqualTo(5);
        assertThat(p.message()).startsWith("rule.select.criteria: ").contains("Lead_Stat");
    }

    @Test
    void a_criteria_with_bad_syntax_is_reported_with_the_parser_message() {
        RuleProblem p = only(rule(MODULE + "  select: { criteria: \"(Lead_Status:equals:Contacted\" },\n" + RUN_AS));
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.message()).startsWith("rule.select.criteria: ").contains("parenthes");
    }

    @Test
    void a_criteria_with_a_comparator_the_field_does_not_take_is_reported() {
        RuleProblem p = only(rule(MODULE + "  select: { criteria: \"(Annual_Revenue:starts_with:1)\" },\n" + RUN_AS));
        assertThat(p.message()).startsWith("rule.select.criteria: ");
    }

    @Test
    void a_selection_with_neither_criteria_nor_cvid_is_reported() {
        RuleProblem p = only(rule(MODULE + "  select: {},\n" + RUN_AS));
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.message()).isEqualTo("rule.select needs exactly one of criteria and cvid");
    }

    @Test
    void a_selection_with_both_criteria_and_cvid_is_reported() {
        RuleProblem p = only(rule(MODULE + "  select: { criteria: \"(Lead_Status:equals:Contacted)\", cvid: \"123\" },\n" + RUN_AS));
        assertThat(p.message()).isEqualTo("rule.select needs exactly one of criteria and cvid");
    }

    @Test
    void a_missing_selection_is_reported() {
        RuleProblem p = only(rule(MODULE + RUN_AS));
        assertThat(p.message()).startsWith("rule.select is required");
    }

    @Test
    void a_cvid_that_is_not_an_id_is_reported() {
        RuleProblem p = only(rule(MODULE + "  select: { cvid: 5725767000001068095 },\n" + RUN_AS));
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.column()).isEqualTo(13);
        assertThat(p.message()).isEqualTo("rule.select.cvid must be a custom view id as a string of digits");
    }

    @Test
    void a_bad_territory_is_reported() {
        RuleProblem p = only(rule(MODULE + "  select: { cvid: \"1\", territory: { id: \"USA\" } },\n" + RUN_AS));
        assertThat(p.message()).isEqualTo("rule.select.territory.id must be a territory id as a string of digits");
    }

    @Test
    void a_bad_cron_expression_is_reported_at_the_schedule_key() {
        RuleProblem p = only(rule(MODULE + SELECT + "  triggers: {\n    webhook: true,\n    schedule: \"61 3 * * *\",\n  },\n" + RUN_AS));
        assertThat(p.line()).isEqualTo(6);
        assertThat(p.column()).isEqualTo(5);
        assertThat(p.message()).startsWith("rule.triggers.schedule: not a valid cron expression: ").contains("61");
    }

    @Test
    void a_cron_expression_with_the_wrong_number_of_fields_is_reported() {
        RuleProblem p = only(rule(MODULE + SELECT + "  triggers: { schedule: \"every day\" },\n" + RUN_AS));
        assertThat(p.message()).contains("5 fields (minute hour day month weekday) or 6");
    }

    @Test
    void a_webhook_flag_that_is_not_a_boolean_is_reported() {
        RuleProblem p = only(rule(MODULE + SELECT + "  triggers: { webhook: \"yes\" },\n" + RUN_AS));
        assertThat(p.message()).isEqualTo("rule.triggers.webhook must be true or false");
    }

    @Test
    void a_missing_run_as_is_reported() {
        RuleProblem p = only(rule(MODULE + SELECT));
        assertThat(p.message()).startsWith("rule.runAs is required");
    }

    @Test
    void a_run_as_that_is_not_an_email_is_reported() {
        RuleProblem p = only(rule(MODULE + SELECT + "  runAs: \"admin\",\n"));
        assertThat(p.line()).isEqualTo(4);
        assertThat(p.message()).isEqualTo("rule.runAs must be a user's e-mail address");
    }

    @Test
    void an_unknown_key_catches_typos() {
        RuleProblem p = only(rule(MODULE + SELECT + RUN_AS + "  trigger: { webhook: true },\n"));
        assertThat(p.line()).isEqualTo(5);
        assertThat(p.message()).startsWith("unknown key rule.trigger (known: ");
    }

    @Test
    void params_that_are_not_an_object_are_reported() {
        RuleProblem p = only(rule(MODULE + SELECT + RUN_AS + "  params: [30],\n"));
        assertThat(p.message()).startsWith("rule.params must be an object");
    }

    @Test
    void every_problem_of_a_file_is_reported_at_once() {
        List<RuleProblem> problems = problems(rule("  module: \"Nope\",\n  select: {},\n  runAs: 7,\n"));
        assertThat(problems).extracting(RuleProblem::line).containsExactly(2, 3, 4);
    }

    @Test
    void an_error_thrown_by_top_level_code_is_reported_at_its_line() {
        RuleProblem p = only(rule(MODULE + SELECT + RUN_AS) + "\nconst limits = null;\nconst days = limits.days;\n");
        assertThat(p.line()).isEqualTo(9);
        assertThat(p.message()).startsWith("TypeError: ");
    }

    @Test
    void an_import_is_reported_at_its_line() {
        RuleProblem p = only("// reads files\nimport { readFileSync } from \"fs\";\n" + rule(MODULE + SELECT + RUN_AS));
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.column()).isEqualTo(30);
        assertThat(p.message()).isEqualTo("cannot import \"fs\": " + ModuleErrors.IMPORTABLE);
    }

    @Test
    void an_import_of_another_rule_file_is_refused_too() {
        RuleProblem p = only("import { rule as other } from './stale-contacted-leads.js';\n" + rule(MODULE + SELECT + RUN_AS));
        assertThat(p.line()).isEqualTo(1);
        assertThat(p.message()).startsWith("cannot import \"./stale-contacted-leads.js\": a rule imports library files");
    }

    @Test
    void top_level_code_that_never_ends_is_stopped_and_reported() {
        var validator = new RuleValidator(TestRules.metadata(), TestRules.strict());
        List<RuleProblem> problems = validator.validate("broken", rule(MODULE + SELECT + RUN_AS) + "while (true) {}\n", "rules/broken.js").problems();
        assertThat(problems).hasSize(1);
        RuleProblem p = problems.get(0);
        assertThat(p.message()).contains("the module's top-level code").contains("the script was stopped");
    }

    @Test
    void a_file_name_that_is_not_a_rule_id_is_reported() {
        var problems = TestRules.validator().validate("my rule", rule(MODULE + SELECT + RUN_AS), "my rule.js").problems();
        assertThat(problems).extracting(RuleProblem::message).containsExactly("a rule file's name must be [A-Za-z0-9_-]+.js, not \"my rule.js\"");
    }

    @Test
    void a_file_too_large_is_not_evaluated() {
        String big = rule(MODULE + SELECT + RUN_AS) + "// " + "x".repeat(RuleValidator.MAX_FILE_BYTES) + "\n";
        assertThat(only(big).message()).startsWith("the file is larger than");
    }

    @Test
    void a_field_name_the_rule_returns_is_not_checked_at_load_time() {
        // unknown or non-mass-updatable fields fail the record at run time, where the value is known
        var validation = TestRules.validator().validate("late", rule(MODULE + SELECT + RUN_AS)
                .replace(UPDATE, "export function update() { return { No_Such_Field: 1, Last_Name: \"x\" }; }\n"), "late.js");
        assertThat(validation.ok()).isTrue();
    }

    // --- allow: who besides administrators may run the rule ---------------------------------

    @Test
    void a_rule_that_allows_users_and_profiles_loads_with_them() {
        String source = rule(MODULE + SELECT + RUN_AS
                + "  allow: { users: [\"sales@sweep.local\"], profiles: [\"Sales Rep\", \"Standard\"] },\n");
        var validation = TestRules.validator().validate("allowed", source, "allowed.js");
        assertThat(validation.problems()).isEmpty();
        assertThat(validation.rule().allow()).isEqualTo(new Rule.Allow(List.of("sales@sweep.local"), List.of("Sales Rep", "Standard")));
        assertThat(validation.rule().allow().permits("SALES@sweep.local", "Standard")).isTrue();
        assertThat(validation.rule().allow().permits("rep@sweep.local", "Sales Rep")).isTrue();
        assertThat(validation.rule().allow().permits("other@sweep.local", "Other")).isFalse();
    }

    @Test
    void a_rule_without_allow_allows_nobody_but_administrators() {
        var validation = TestRules.validator().validate("plain", rule(MODULE + SELECT + RUN_AS), "plain.js");
        assertThat(validation.rule().allow()).isEqualTo(Rule.Allow.NOBODY);
        assertThat(validation.rule().allow().permits("sales@sweep.local", "Standard")).isFalse();
    }

    @Test
    void allow_that_is_not_an_object_is_reported_at_its_line() {
        RuleProblem p = only(rule(MODULE + SELECT + RUN_AS + "  allow: \"everyone\",\n"));
        assertThat(p.line()).isEqualTo(5);
        assertThat(p.column()).isEqualTo(3);
        assertThat(p.message()).startsWith("rule.allow must be an object");
    }

    @Test
    void an_unknown_key_in_allow_is_reported_at_its_line() {
        RuleProblem p = only(rule(MODULE + SELECT + RUN_AS + "  allow: {\n    users: [\"sales@sweep.local\"],\n    groups: [\"x\"],\n  },\n"));
        assertThat(p.line()).isEqualTo(7);
        assertThat(p.message()).isEqualTo("unknown key rule.allow.groups (known: profiles, users)");
    }

    @Test
    void allow_users_must_be_a_list_of_e_mail_addresses() {
        RuleProblem notList = only(rule(MODULE + SELECT + RUN_AS + "  allow: { users: \"sales@sweep.local\" },\n"));
        assertThat(notList.line()).isEqualTo(5);
        assertThat(notList.message()).startsWith("rule.allow.users must be a list of e-mail addresses");
        RuleProblem notText = only(rule(MODULE + SELECT + RUN_AS + "  allow: { users: [42] },\n"));
        assertThat(notText.message()).startsWith("rule.allow.users must be a list of e-mail addresses");
        RuleProblem notEmail = only(rule(MODULE + SELECT + RUN_AS + "  allow: {\n    users: [\"sally\"] },\n"));
        assertThat(notEmail.line()).isEqualTo(6);
        assertThat(notEmail.column()).isEqualTo(5);
        assertThat(notEmail.message()).isEqualTo("rule.allow.users: \"sally\" is not an e-mail address");
    }

    @Test
    void allow_profiles_must_name_known_profiles() {
        RuleProblem unknown = only(rule(MODULE + SELECT + RUN_AS + "  allow: {\n    profiles: [\"Sales Rep\", \"Sales Reps\"] },\n"));
        assertThat(unknown.line()).isEqualTo(6);
        assertThat(unknown.column()).isEqualTo(5);
        assertThat(unknown.message()).isEqualTo("rule.allow.profiles: unknown profile \"Sales Reps\" (known: Administrator, Standard, Sales Rep)");
        RuleProblem notList = only(rule(MODULE + SELECT + RUN_AS + "  allow: { profiles: { name: \"Standard\" } },\n"));
        assertThat(notList.message()).startsWith("rule.allow.profiles must be a list of profile names");
    }

    @Test
    void a_rule_file_name_longer_than_the_limit_is_a_problem() {
        String id = "r".repeat(RuleValidator.MAX_ID_LENGTH + 1);
        var problems = TestRules.validator().validate(id, rule(MODULE + SELECT + RUN_AS), id + ".js").problems();
        assertThat(problems).extracting(RuleProblem::message)
                .containsExactly("a rule file's name must be at most " + RuleValidator.MAX_ID_LENGTH + " characters before .js");
        assertThat(RuleValidator.validId("r".repeat(RuleValidator.MAX_ID_LENGTH))).isTrue();
        assertThat(RuleValidator.validId(id)).isFalse();
        assertThat(RuleValidator.validId("../etc")).isFalse();
        assertThat(RuleValidator.validId("")).isFalse();
    }
}
