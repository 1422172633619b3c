package io.sweep.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import io.sweep.crm.FieldValues;
import io.sweep.crm.Module;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules shipped in rules/ validate and do what they say on records shaped like the demo data's. */
class SampleRulesTest {
    private static final Path RULES = Path.of("rules");

    private static Rule sample(String id) {
        try {
            var validation = TestRules.validator().validate(id, Files.readString(RULES.resolve(id + ".js")), id + ".js", RuleLibraries.read(RULES));
            assertThat(validation.problems()).isEmpty();
            return validation.rule();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Runs one record and checks every value the way a job will: FieldValues.parse on the Leads field. */
    private static Map<String, JsonNode> run(String id, Map<String, ?> record, Map<String, JsonNode> params) {
        Rule rule = sample(id);
        RuleRun run = TestRules.sandbox().open(rule, params, RuleTrigger.MANUAL);
        try {
            ScriptDecision o = run.update(record);
            if (o instanceof ScriptDecision.Skipped) return Map.of();
            assertThat(o).isInstanceOf(ScriptDecision.Updated.class);
            var values = ((ScriptDecision.Updated) o).values();
            Module leads = TestRules.metadata().module(rule.module()).orElseThrow();
            values.forEach((field, value) -> {
                var f = leads.field(field).orElseThrow();
                assertThat(f.massUpdatable()).as(field).isTrue();
                FieldValues.parse(f, value);
            });
            return values;
        } finally {
            run.close();
        }
    }

    private static Map<String, Object> lead(Object... pairs) {
        Map<String, Object> r = new HashMap<>();
        r.put("id", "5725767000000200001");
        for (int i = 0; i < pairs.length; i += 2) r.put((String) pairs[i], pairs[i + 1]);
        return r;
    }

    @Test
    void every_sample_validates_and_there_are_at_least_four() throws IOException {
        try (Stream<Path> files = Files.list(RULES)) {
            var ids = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".js")).map(n -> n.substring(0, n.length() - 3)).toList();
            assertThat(ids).hasSizeGreaterThanOrEqualTo(4);
            ids.forEach(SampleRulesTest::sample);
        }
        assertThat(sample("stale-contacted-leads").triggers().cron()).isEqualTo("0 0 3 * * *");
        assertThat(sample("mark-replied-leads-contacted").triggers().webhook()).isTrue();
    }

    @Test
    void stale_contacted_leads_become_cold_after_the_configured_days() {
        // the test clock says 2026-03-01T12:00:00Z
        assertThat(run("stale-contacted-leads", lead("Lead_Status", "Contacted", "Modified_Time", "2026-01-15T08:00:00+00:00"), Map.of()))
                .containsOnlyKeys("Lead_Status").extractingByKey("Lead_Status").extracting(JsonNode::asText).isEqualTo("Cold");
        assertThat(run("stale-contacted-leads", lead("Lead_Status", "Contacted", "Modified_Time", "2026-02-20T08:00:00+00:00"), Map.of())).isEmpty();
        assertThat(run("stale-contacted-leads", lead("Lead_Status", "Contacted", "Modified_Time", "2026-02-20T08:00:00+00:00"),
                Map.of("days", IntNode.valueOf(5)))).containsKey("Lead_Status");
        assertThat(run("stale-contacted-leads", lead("Lead_Status", "Contacted", "Modified_Time", null), Map.of())).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "30000000, null, Acquired",
            "30000000, Active, Acquired",
            "6000000, null, Active",
            "6000000, Acquired, Active",
            "6000000, Active, null",
            "30000000, Acquired, null",
            "30000000, Shut Down, null",
            "30000000, Market Failed, null",
            "1000000, null, null"})
    void high_revenue_leads_are_rated_by_band(double revenue, String rating, String expected) {
        var values = run("rate-high-revenue-leads", lead("Annual_Revenue", revenue, "Rating", rating), Map.of());
        if (expected == null) assertThat(values).isEmpty();
        else assertThat(values.get("Rating").asText()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", delimiter = '|', value = {
            "(441) 555-9392      | USA            | +1 441 555 9392",
            "441.555.9392        | USA            | +1 441 555 9392",
            "4845558454          | USA            | +1 484 555 8454",
            "484-555-8454        | null           | +1 484 555 8454",
            "1-484-555-8454 x23  | USA            | +1 484 555 8454 x23",
            "+1 240 555 1179     | USA            | null",
            "+49 89 3593765      | Germany        | +49893593765",
            "+49-89-5768229      | Germany        | +49895768229",
            "0049 (0)30 1234567  | Germany        | +49301234567",
            "040/4228671         | Germany        | 0404228671",
            "0221 57822-07       | Germany        | 02215782207",
            "03.45.57.43.14      | France         | 0345574314",
            "+33 1 72 99 71 24   | France         | +33172997124",
            "(0161) 496 2550     | United Kingdom | 01614962550",
            "' +38 81 3729600 '  | Italy          | +38813729600",
            "+44 20 7946 6500    | United Kingdom | +442079466500"})
    void phone_numbers_are_normalised(String phone, String country, String expected) {
        var values = run("normalise-lead-phones", lead("Phone", phone, "Country", country, "Lead_Status", "Not Contacted"), Map.of());
        if (expected == null) assertThat(values).isEmpty();
        else assertThat(values.get("Phone").asText()).isEqualTo(expected);
    }

    @Test
    void normalised_numbers_are_left_alone_and_empty_phones_skipped() {
        assertThat(run("normalise-lead-phones", lead("Phone", "+49893593765", "Country", "Germany"), Map.of())).isEmpty();
        assertThat(run("normalise-lead-phones", lead("Phone", null, "Country", "Germany"), Map.of())).isEmpty();
    }

    @Test
    void the_webhook_rule_sets_only_the_records_named_in_the_payload() {
        ArrayNode ids = JsonText.MAPPER.createArrayNode().add("5725767000000200002").add("5725767000000200003");
        Rule rule = sample("mark-replied-leads-contacted");
        RuleRun run = TestRules.sandbox().open(rule, Map.of("ids", ids), RuleTrigger.WEBHOOK);
        try {
            assertThat(run.update(lead("id", "5725767000000200001", "Lead_Status", "Not Contacted"))).isInstanceOf(ScriptDecision.Skipped.class);
            ScriptDecision named = run.update(lead("id", "5725767000000200002", "Lead_Status", "Not Contacted"));
            assertThat(((ScriptDecision.Updated) named).values().get("Lead_Status").asText()).isEqualTo("Contacted");
            assertThat(run.update(lead("id", "5725767000000200003", "Lead_Status", "Attempted to Contact"))).isInstanceOf(ScriptDecision.Updated.class);
        } finally {
            run.close();
        }
        // without a payload the rule changes nothing
        assertThat(run("mark-replied-leads-contacted", lead("Lead_Status", "Not Contacted"), Map.of())).isEmpty();
    }
}
