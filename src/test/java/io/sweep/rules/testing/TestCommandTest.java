package io.sweep.rules.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweep.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** {@code sweep test}: cases run through the real sandbox and field checks; one line per case, exit 0 or 1, JUnit XML. */
class TestCommandTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    private static Run test(String... args) {
        var out = new StringWriter();
        var cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        String[] all = new String[args.length + 1];
        all[0] = "test";
        System.arraycopy(args, 0, all, 1, args.length);
        int exit = cmd.execute(all);
        return new Run(exit, out.toString());
    }

    private Path rule(String id, String text) throws IOException {
        return Files.writeString(dir.resolve(id + ".js"), text);
    }

    private Path cases(String id, String json) throws IOException {
        Files.createDirectories(dir.resolve("tests"));
        return Files.writeString(dir.resolve("tests").resolve(id + ".json"), json);
    }

    private static String leadsRule(String update) {
        return "export const rule = { module: \"Leads\", select: { criteria: \"(Lead_Status:equals:Contacted)\" }, runAs: \"admin@sweep.local\" };\n"
                + "export function update(record, ctx) {\n" + update + "\n}\n";
    }

    @Test
    void the_shipped_sample_rules_pass_their_cases() {
        Run run = test("rules");
        assertThat(run.exit()).isZero();
        List<String> lines = run.lines();
        assertThat(lines.subList(0, lines.size() - 1)).isNotEmpty().allMatch(l -> l.startsWith("ok   "));
        assertThat(lines).anyMatch(l -> l.startsWith("ok   stale-contacted-leads/"))
                .anyMatch(l -> l.startsWith("ok   normalise-lead-phones/"))
                .anyMatch(l -> l.startsWith("ok   rate-high-revenue-leads/"))
                .anyMatch(l -> l.startsWith("ok   mark-replied-leads-contacted/"))
                .anyMatch(l -> l.startsWith("ok   contacts-copy-account-country/"));
        assertThat(lines.getLast()).endsWith(" passed, 0 failed");
    }

    @Test
    void a_failing_value_names_the_bad_value_and_the_allowed_ones_and_an_unknown_field_is_called_unknown() throws IOException {
        rule("typo", leadsRule("return record.Last_Name === 'a' ? { Rating: 'Hott' } : { Ratingg: 'Hot' };"));
        cases("typo", """
                [
                  {"name": "picklist", "record": {"Last_Name": "a"}, "expect": {"skip": true}},
                  {"name": "field", "record": {"Last_Name": "b"}, "expect": {"skip": true}}
                ]
                """);
        Run run = test(dir.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.lines()).anySatisfy(l -> assertThat(l).startsWith("FAIL typo/picklist: ")
                .contains("INVALID_DATA: Rating: 'Hott' is not one of Acquired, Active, "));
        assertThat(run.lines()).anySatisfy(l -> assertThat(l).startsWith("FAIL typo/field: ")
                .contains("Ratingg: unknown field (Leads has no field Ratingg)"));
    }

    @Test
    void a_case_gives_included_related_fields_inline_and_only_those_the_rule_includes() throws IOException {
        rule("related", """
                export const rule = { module: "Contacts", select: { criteria: "(Last_Name:equals:x)",
                  include: ["Account_Name.Billing_Country", "Owner.email"] }, runAs: "admin@sweep.local" };
                export function update(record, ctx) {
                  return { Mailing_Country: record.Account_Name.Billing_Country + " " + record.Owner.email + " " + record.Account_Name.name };
                }
                """);
        cases("related", """
                [
                  {"name": "seen", "record": {"Account_Name": {"id": "1", "name": "Dupont SA", "Billing_Country": "France"},
                                              "Owner": {"id": "2", "name": "Sam", "email": "rep@sweep.local"}},
                   "expect": {"set": {"Mailing_Country": "France rep@sweep.local Dupont SA"}}},
                  {"name": "not included", "record": {"Account_Name": {"id": "1", "Phone": "555"}}, "expect": {"skip": true}},
                  {"name": "wrong type", "record": {"Account_Name": {"id": "1", "Billing_Country": 3}}, "expect": {"skip": true}}
                ]
                """);
        Run run = test(dir.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.lines()).contains(
                "ok   related/seen",
                "FAIL related/not included: the case is wrong: record.Account_Name.Phone: the rule does not include Account_Name.Phone"
                        + " (select.include), so no job hands it to update",
                "FAIL related/wrong type: the case is wrong: record.Account_Name.Billing_Country: a text field is a string");
    }

    @Test
    void a_failing_case_exits_1_saying_what_was_expected_and_what_came() throws IOException {
        Files.copy(Path.of("rules", "stale-contacted-leads.js"), dir.resolve("stale-contacted-leads.js"));
        cases("stale-contacted-leads", """
                [
                  {"name": "old goes cold", "record": {"Lead_Status": "Contacted", "Modified_Time": "2025-11-01T00:00:00+00:00"},
                   "now": "2026-01-01T00:00:00Z", "expect": {"set": {"Lead_Status": "Cold"}}},
                  {"name": "wrongly expected to stay", "record": {"Lead_Status": "Contacted", "Modified_Time": "2025-11-01T00:00:00+00:00"},
                   "now": "2026-01-01T00:00:00Z", "expect": {"skip": true}}
                ]
                """);
        Run run = test(dir.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.lines()).containsExactly(
                "ok   stale-contacted-leads/old goes cold",
                "FAIL stale-contacted-leads/wrongly expected to stay: expected skip, got set {\"Lead_Status\":\"Cold\"}",
                "2 cases: 1 passed, 1 failed");
    }

    @Test
    void returned_values_go_through_the_field_checks_of_a_job() throws IOException {
        // Leads take one field per call by default, Rating is a picklist, Created_Time is not mass-updatable
        rule("checks", leadsRule("""
                  switch (record.Description) {
                    case "two": return { Rating: "Active", Lead_Status: "Cold" };
                    case "picklist": return { Rating: "Lukewarm" };
                    case "readonly": return { Created_Time: "2026-01-01T00:00:00Z" };
                    case "revenue": return { Annual_Revenue: "25000000" };
                    case "time": return { Email_Opt_Out: "true" };
                    case "throw": return record.Nothing.length;
                    case "date": return { Lead_Status: new Date(0) };
                  }
                  return null;"""));
        cases("checks", """
                [
                  {"name": "two fields", "record": {"Description": "two"}, "expect": {"fail": "MAX_FIELD_LIMIT"}},
                  {"name": "two fields by code", "record": {"Description": "two"}, "expect": {"fail": "INVALID_DATA", "message": "Max field limit"}},
                  {"name": "picklist", "record": {"Description": "picklist"}, "expect": {"fail": "INVALID_DATA"}},
                  {"name": "read-only", "record": {"Description": "readonly"}, "expect": {"fail": "FIELD_NOT_MASS_UPDATABLE"}},
                  {"name": "stored alike", "record": {"Description": "revenue"}, "expect": {"set": {"Annual_Revenue": 25000000.0}}},
                  {"name": "boolean text", "record": {"Description": "time"}, "expect": {"set": {"Email_Opt_Out": true}}},
                  {"name": "throws", "record": {"Description": "throw"}, "expect": {"fail": "SCRIPT_ERROR", "message": "checks.js:9"}},
                  {"name": "a date object", "record": {"Description": "date"}, "expect": {"fail": "INVALID_RETURN"}},
                  {"name": "throws, wrongly expected to skip", "record": {"Description": "throw"}, "expect": {"skip": true}},
                  {"name": "two fields, wrongly expected to set", "record": {"Description": "two"}, "expect": {"set": {"Rating": "Active", "Lead_Status": "Cold"}}}
                ]
                """);
        Run run = test(dir.resolve("checks.js").toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.lines()).filteredOn(l -> l.startsWith("ok ")).hasSize(8);
        assertThat(run.lines()).anySatisfy(l -> assertThat(l)
                .startsWith("FAIL checks/throws, wrongly expected to skip: expected skip, got fail SCRIPT_ERROR: checks.js:9:24: TypeError"));
        assertThat(run.lines()).contains("FAIL checks/two fields, wrongly expected to set: expected set {\"Lead_Status\":\"Cold\",\"Rating\":\"Active\"},"
                + " got fail INVALID_DATA (MAX_FIELD_LIMIT): Max field limit exceeded");
        assertThat(run.lines().getLast()).isEqualTo("10 cases: 8 passed, 2 failed");
    }

    @Test
    void a_record_no_job_could_hand_the_script_fails_the_case() throws IOException {
        rule("shape", leadsRule("return null;"));
        cases("shape", """
                [{"name": "typos", "record": {"id": 12, "Lead_Statuz": "Contacted", "Annual_Revenue": "5000000", "Owner": "5725767000000000101"},
                  "expect": {"skip": true}}]
                """);
        Run run = test(dir.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.lines().getFirst()).isEqualTo("FAIL shape/typos: the case is wrong: record.id is a string of digits, such as \"5725767000000000001\";"
                + " record.Lead_Statuz: Leads has no such field; record.Annual_Revenue: a currency field is a number;"
                + " record.Owner: a lookup or owner field is an object {\"id\": \"…\", \"name\": \"…\"} with the id as a string");
    }

    @Test
    void bad_case_files_and_rules_are_reported_with_file_and_line() throws IOException {
        rule("fine", leadsRule("return null;"));
        cases("fine", "[\n  {\"name\": \"a\", \"expect\": {\"skip\": true}},\n  {\"name\": \"b\" \"expect\": {}}\n]\n");
        rule("unknown-key", leadsRule("return null;"));
        cases("unknown-key", "[\n  {\"name\": \"a\",\n   \"expect\": {\"skip\": true}},\n  {\"name\": \"b\", \"expected\": {\"skip\": true}}\n]\n");
        cases("ghost", "[]");
        rule("broken", "export const rule = { module: \"Leads\", select: { criteria: \"(Lead_Status:equals:Contacted)\" }, runAs: \"admin@sweep.local\" };\n"
                + "throw new Error(\"boom\");\nexport function update() { return null; }\n");
        cases("broken", "[{\"name\": \"a\", \"expect\": {\"skip\": true}}]");
        rule("untested", leadsRule("return null;"));
        Run run = test(dir.toString());
        assertThat(run.exit()).isEqualTo(1);
        Path tests = dir.resolve("tests");
        assertThat(run.lines()).hasSize(6);
        assertThat(run.lines().get(0)).startsWith(dir.resolve("broken.js") + ":2:").contains("boom");
        assertThat(run.lines().subList(1, 6)).containsExactly(
                tests.resolve("fine.json") + ":3:16: not valid JSON: Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries",
                tests.resolve("ghost.json") + ":1:1: no rule ghost (expected " + dir.resolve("ghost.js") + ")",
                tests.resolve("unknown-key.json") + ":4:3: unknown key \"expected\" in a case (known: name, record, params, now, trigger, expect)",
                "--   untested: no cases (write " + tests.resolve("untested.json") + ")",
                "0 cases: 0 passed, 0 failed; 4 problems kept cases from running");
    }

    @Test
    void junit_xml_counts_cases_failures_and_errors() throws Exception {
        Files.copy(Path.of("rules", "stale-contacted-leads.js"), dir.resolve("stale-contacted-leads.js"));
        cases("stale-contacted-leads", """
                [
                  {"name": "old <goes> cold", "record": {"Modified_Time": "2025-11-01T00:00:00+00:00"}, "now": "2026-01-01T00:00:00Z",
                   "expect": {"set": {"Lead_Status": "Cold"}}},
                  {"name": "recent stays", "record": {"Modified_Time": "2025-12-31T00:00:00+00:00"}, "now": "2026-01-01T00:00:00Z",
                   "expect": {"skip": true}},
                  {"name": "wrong", "record": {"Modified_Time": "2025-12-31T00:00:00+00:00"}, "now": "2026-01-01T00:00:00Z",
                   "expect": {"set": {"Lead_Status": "Cold"}}}
                ]
                """);
        cases("ghost", "[]");
        Path xml = dir.resolve("reports/sweep-test.xml");
        Run run = test(dir.toString(), "--junit", xml.toString());
        assertThat(run.exit()).isEqualTo(1);

        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("tests")).isEqualTo("4");
        assertThat(root.getAttribute("failures")).isEqualTo("1");
        assertThat(root.getAttribute("errors")).isEqualTo("1");
        var suites = doc.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(2);
        Element ghost = (Element) suites.item(0);
        assertThat(ghost.getAttribute("name")).isEqualTo("ghost");
        assertThat(ghost.getElementsByTagName("error").getLength()).isEqualTo(1);
        Element stale = (Element) suites.item(1);
        assertThat(stale.getAttribute("tests")).isEqualTo("3");
        assertThat(stale.getAttribute("failures")).isEqualTo("1");
        var testcases = stale.getElementsByTagName("testcase");
        assertThat(((Element) testcases.item(0)).getAttribute("name")).isEqualTo("old <goes> cold");
        Element failure = (Element) ((Element) testcases.item(2)).getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("expected set {\"Lead_Status\":\"Cold\"}, got skip");
    }

    @Test
    void a_rule_file_named_runs_its_cases_with_the_libraries_beside_it_and_a_broken_library_is_reported() throws IOException {
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("lib/status.js"), "export const COLD = \"Cold\";\n");
        Path file = rule("uses", "import { COLD } from \"./lib/status.js\";\n" + leadsRule("return { Lead_Status: COLD };"));
        cases("uses", """
                [{"name": "goes cold", "record": {"Lead_Status": "Contacted"}, "expect": {"set": {"Lead_Status": "Cold"}}}]
                """);
        Run ok = test(file.toString());
        assertThat(ok.lines()).containsExactly("ok   uses/goes cold", "1 case: 1 passed, 0 failed");
        assertThat(ok.exit()).isZero();

        Files.writeString(dir.resolve("lib/status.js"), "export const COLD = ;\n");
        Run broken = test(file.toString());
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.lines()).anyMatch(l -> l.startsWith(dir.resolve("lib/status.js") + ":1:21: SyntaxError: ") && l.endsWith("(imported by uses.js)"));
    }
}
