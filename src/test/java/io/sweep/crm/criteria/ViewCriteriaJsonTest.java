package io.sweep.crm.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ViewCriteriaJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void a_leaf_becomes_a_condition() {
        assertThat(read("""
                {"comparator":"equal","field":{"api_name":"Lead_Status","id":"5725767000000002603"},"value":"Contacted"}"""))
                .isEqualTo(new Condition(Leads.LEAD_STATUS, Comparator.EQUAL, List.of("Contacted")));
    }

    @Test
    void nested_groups_become_groups() {
        assertThat(read("""
                {"group_operator":"or","group":[
                  {"group_operator":"and","group":[
                    {"comparator":"starts_with","field":{"api_name":"Last_Name"},"value":"Ma"},
                    {"comparator":"less_than","field":{"api_name":"No_of_Employees"},"value":40}]},
                  {"comparator":"contains","field":{"api_name":"Interests"},"value":"Golf, Tennis"}]}"""))
                .isEqualTo(SearchCriteriaParser.parse(Leads.MODULE,
                        "(((Last_Name:starts_with:Ma)and(No_of_Employees:less_than:40))or(Interests:contains:Golf\\, Tennis))"));
    }

    @Test
    void arrays_give_several_values_and_strings_are_not_split_at_commas() {
        assertThat(values("""
                {"comparator":"in","field":{"api_name":"Last_Name"},"value":["Burns","Smith, John"]}"""))
                .containsExactly("Burns", "Smith, John");
        assertThat(values("""
                {"comparator":"between","field":{"api_name":"Birth_Date"},"value":["1980-01-01","1990-12-31"]}"""))
                .containsExactly(LocalDate.of(1980, 1, 1), LocalDate.of(1990, 12, 31));
    }

    @Test
    void a_single_value_for_in_may_be_a_scalar() {
        assertThat(values("""
                {"comparator":"in","field":{"api_name":"No_of_Employees"},"value":10}""")).containsExactly(10);
    }

    @Test
    void null_and_the_empty_placeholder_both_mean_empty() {
        assertThat(values("""
                {"comparator":"equal","field":{"api_name":"Email"},"value":null}""")).containsExactly((Object) null);
        assertThat(values("""
                {"comparator":"not_equal","field":{"api_name":"Email"},"value":"${EMPTY}"}""")).containsExactly((Object) null);
    }

    @Test
    void json_numbers_booleans_and_strings_convert_to_the_column_type() {
        assertThat(values("""
                {"comparator":"equal","field":{"api_name":"Visits"},"value":9007199254740993}"""))
                .containsExactly(9007199254740993L);
        assertThat(values("""
                {"comparator":"equal","field":{"api_name":"Visits"},"value":"9007199254740993"}"""))
                .containsExactly(9007199254740993L);
        assertThat(values("""
                {"comparator":"greater_than","field":{"api_name":"Annual_Revenue"},"value":1000.5}"""))
                .containsExactly(new BigDecimal("1000.5"));
        assertThat(values("""
                {"comparator":"equal","field":{"api_name":"Email_Opt_Out"},"value":true}""")).containsExactly(true);
        assertThat(values("""
                {"comparator":"equal","field":{"api_name":"Email_Opt_Out"},"value":"false"}""")).containsExactly(false);
        assertThat(values("""
                {"comparator":"equal","field":{"api_name":"Last_Name"},"value":42}""")).containsExactly("42");
    }

    @Test
    void the_field_may_be_given_by_id_alone() {
        assertThat(read("""
                {"comparator":"equal","field":{"id":"5725767000000002603"},"value":"Contacted"}"""))
                .isEqualTo(new Condition(Leads.LEAD_STATUS, Comparator.EQUAL, List.of("Contacted")));
    }

    // errors: the same exception and messages as the search parser

    @Test
    void an_unknown_field_is_an_error_naming_it() {
        assertError("""
                {"comparator":"equal","field":{"api_name":"Surname"},"value":"x"}""")
                .hasMessage("unknown field Surname in module Leads");
        assertError("""
                {"comparator":"equal","field":{"id":"1"},"value":"x"}""")
                .hasMessage("unknown field id 1 in module Leads");
    }

    @Test
    void an_id_of_another_field_is_an_error() {
        assertError("""
                {"comparator":"equal","field":{"api_name":"Last_Name","id":"5725767000000002603"},"value":"x"}""")
                .hasMessage("field id 5725767000000002603 does not belong to field Last_Name");
    }

    @Test
    void a_comparator_invalid_for_the_type_is_refused_as_in_search() {
        assertError("""
                {"comparator":"starts_with","field":{"api_name":"No_of_Employees"},"value":"1"}""")
                .hasMessage("comparator starts_with cannot be used on field No_of_Employees (integer)");
    }

    @Test
    void an_unknown_comparator_is_refused() {
        assertError("""
                {"comparator":"equals","field":{"api_name":"Last_Name"},"value":"x"}""")
                .hasMessage("unknown comparator 'equals' for field Last_Name");
    }

    @Test
    void a_bad_value_is_refused_as_in_search() {
        assertError("""
                {"comparator":"equal","field":{"api_name":"Birth_Date"},"value":"29/11/2026"}""")
                .hasMessageContaining("value '29/11/2026' of field Birth_Date is not a date");
        assertError("""
                {"comparator":"between","field":{"api_name":"Score"},"value":[1]}""")
                .hasMessageContaining("takes exactly 2 values, got 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"comparator\":\"equal\",\"field\":{\"api_name\":\"Last_Name\"}}",
        "{\"comparator\":\"equal\",\"field\":{\"api_name\":\"Last_Name\"},\"value\":{\"a\":1}}",
        "{\"comparator\":\"equal\",\"field\":{\"api_name\":\"Last_Name\"},\"value\":[[\"a\"]]}",
        "{\"comparator\":\"equal\",\"value\":\"x\"}",
        "{\"group_operator\":\"xor\",\"group\":[]}",
        "{\"group_operator\":\"and\",\"group\":[]}",
        "{\"group_operator\":\"and\",\"group\":{}}",
        "[]", "\"(Last_Name:equals:x)\"", "null"
    })
    void malformed_criteria_are_refused(String json) {
        assertError(json);
    }

    @Test
    void nesting_and_condition_limits_apply() {
        String leaf = "{\"comparator\":\"equal\",\"field\":{\"api_name\":\"Last_Name\"},\"value\":\"x\"}";
        String deep = leaf;
        for (int level = 2; level <= Criteria.MAX_DEPTH; level++) deep = "{\"group_operator\":\"and\",\"group\":[" + deep + "]}";
        assertThat(read(deep)).isInstanceOf(Group.class);
        assertError("{\"group_operator\":\"and\",\"group\":[" + deep + "]}").hasMessageContaining("nested deeper than 10 levels");

        String[] leaves = new String[Criteria.MAX_CONDITIONS + 1];
        Arrays.fill(leaves, leaf);
        assertError("{\"group_operator\":\"or\",\"group\":[" + String.join(",", leaves) + "]}")
                .hasMessageContaining("more than 50 conditions");
    }

    // writing

    @Test
    void writing_gives_zohos_shape_with_ids_as_strings() {
        Criteria criteria = SearchCriteriaParser.parse(Leads.MODULE,
                "((Lead_Status:equals:Contacted)or(Owner:in:5725767000000411001))");
        assertThat(ViewCriteriaJson.write(criteria).toString()).isEqualTo("""
                {"group_operator":"or","group":[\
                {"comparator":"equal","field":{"api_name":"Lead_Status","id":"5725767000000002603"},"value":"Contacted"},\
                {"comparator":"in","field":{"api_name":"Owner","id":"5725767000000002614"},"value":["5725767000000411001"]}]}""");
    }

    @Test
    void writing_gives_each_value_its_json_type() {
        assertThat(written("(No_of_Employees:between:1,2)")).isEqualTo("[1,2]");
        assertThat(written("(Visits:equals:9007199254740993)")).isEqualTo("\"9007199254740993\"");
        assertThat(written("(Score:equals:1.5)")).isEqualTo("1.5");
        assertThat(written("(Annual_Revenue:equals:1000.50)")).isEqualTo("1000.50");
        assertThat(written("(Email_Opt_Out:equals:true)")).isEqualTo("true");
        assertThat(written("(Birth_Date:equals:2000-02-29)")).isEqualTo("\"2000-02-29\"");
        assertThat(written("(Last_Activity_Time:equals:2026-11-29T14:05:09Z)")).isEqualTo("\"2026-11-29T14:05:09+00:00\"");
        assertThat(written("(Last_Name:equals:${EMPTY})")).isEqualTo("\"${EMPTY}\"");
        assertThat(written("(Last_Name:equals:a,b)")).isEqualTo("[\"a\",\"b\"]");
    }

    @Test
    void what_is_written_reads_back_the_same() {
        Criteria criteria = SearchCriteriaParser.parse(Leads.MODULE, """
                (((Last_Name:starts_with:Ma)and(No_of_Employees:not_between:30,50))or\
                ((Last_Activity_Time:greater_equal:2026-11-29T14:05:09.5+05:30)and(Interests:not_in:Golf,${EMPTY}))or\
                (Annual_Revenue:less_equal:12.30)or(Email_Opt_Out:not_equal:false)or(Account_Name:equals:${EMPTY})or\
                (Probability:greater_than:0.5)or(Visits:in:-1,9007199254740993))""");
        assertThat(ViewCriteriaJson.read(Leads.MODULE, ViewCriteriaJson.write(criteria))).isEqualTo(criteria);
    }

    private static Criteria read(String json) {
        return ViewCriteriaJson.read(Leads.MODULE, tree(json));
    }

    private static List<Object> values(String json) {
        return ((Condition) read(json)).values();
    }

    private static String written(String criteria) {
        return ViewCriteriaJson.write(SearchCriteriaParser.parse(Leads.MODULE, criteria)).get("value").toString();
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertError(String json) {
        return assertThatThrownBy(() -> read(json)).isInstanceOf(CriteriaException.class);
    }

    private static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
