package io.sweep.crm.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sweep.crm.Module;
import io.sweep.rules.RuleCheck;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CriteriaTemplateTest {
    private static final Module LEADS = RuleCheck.standardMetadata().module("Leads").orElseThrow();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @ParameterizedTest
    @ValueSource(strings = {"a)or(Last_Name:starts_with:", "x:y", "a,b", "${params.other}", "O'Brien \"the\" one", "C:\\temp\\",
            "((", "\\)", "plain@example.com"})
    void a_value_stays_one_value_of_one_condition_whatever_it_holds(String hostile) {
        String bound = CriteriaTemplate.bind("(Email:equals:${params.email})", Map.of("email", JSON.textNode(hostile), "other", JSON.textNode("x")));

        Criteria parsed = SearchCriteriaParser.parse(LEADS, bound);

        assertThat(parsed).isInstanceOfSatisfying(Condition.class, c -> {
            assertThat(c.field().apiName()).isEqualTo("Email");
            assertThat(c.values()).containsExactly(hostile.strip());
        });
    }

    @Test
    void a_list_parameter_is_a_list_of_values_each_escaped() {
        var emails = JSON.arrayNode().add("a@x.com").add("b,c@x.com");
        Criteria parsed = SearchCriteriaParser.parse(LEADS, CriteriaTemplate.bind("(Email:in:${params.emails})", Map.of("emails", emails)));

        assertThat(parsed).isInstanceOfSatisfying(Condition.class, c -> assertThat(c.values()).containsExactly("a@x.com", "b,c@x.com"));
    }

    @Test
    void the_names_a_criteria_uses_are_listed_once_each_in_order() {
        assertThat(CriteriaTemplate.names("((Email:equals:${params.email})and(Company:equals:${params.company}))or(Email:equals:${params.email})"))
                .containsExactly("email", "company");
        assertThat(CriteriaTemplate.names("(Company:equals:ACME)")).isEmpty();
    }

    @Test
    void a_missing_empty_or_structured_parameter_is_refused_naming_it() {
        Map<String, JsonNode> none = Map.of();
        assertThatThrownBy(() -> CriteriaTemplate.bind("(Email:equals:${params.email})", none))
                .isInstanceOfSatisfying(CriteriaTemplate.UnboundParameter.class, e -> assertThat(e.name()).isEqualTo("email"));
        assertThatThrownBy(() -> CriteriaTemplate.bind("(Email:equals:${params.email})", Map.of("email", JSON.nullNode())))
                .isInstanceOf(CriteriaTemplate.UnboundParameter.class);
        assertThatThrownBy(() -> CriteriaTemplate.bind("(Email:in:${params.email})", Map.of("email", JSON.arrayNode())))
                .isInstanceOf(CriteriaTemplate.UnboundParameter.class);
        assertThatThrownBy(() -> CriteriaTemplate.bind("(Email:equals:${params.email})", Map.of("email", JSON.objectNode().put("a", 1))))
                .isInstanceOf(CriteriaTemplate.UnboundParameter.class);
        assertThatThrownBy(() -> CriteriaTemplate.bind("(Email:in:${params.email})", Map.of("email", JSON.arrayNode().add(JSON.objectNode()))))
                .isInstanceOf(CriteriaTemplate.UnboundParameter.class);
    }

    @Test
    void numbers_and_booleans_are_written_as_their_text() {
        assertThat(CriteriaTemplate.bind("(Annual_Revenue:greater_than:${params.min})", Map.of("min", JSON.numberNode(1000))))
                .isEqualTo("(Annual_Revenue:greater_than:1000)");
        assertThat(List.of(CriteriaTemplate.escape("a\\b(c)d,e:f"))).containsExactly("a\\\\b\\(c\\)d\\,e\\:f");
    }
}
