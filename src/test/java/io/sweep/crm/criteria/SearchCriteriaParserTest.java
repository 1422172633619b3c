package io.sweep.crm.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SearchCriteriaParserTest {

    @Test
    void a_single_condition_becomes_a_condition() {
        assertThat(parse("(Last_Name:equals:Burns)"))
                .isEqualTo(new Condition(Leads.LAST_NAME, Comparator.EQUAL, List.of("Burns")));
    }

    @Test
    void zoho_example_becomes_an_and_group() {
        assertThat(parse("((Last_Name:equals:Burns)and(Email:starts_with:Ma))"))
                .isEqualTo(new Group(GroupOperator.AND, List.of(
                        new Condition(Leads.LAST_NAME, Comparator.EQUAL, List.of("Burns")),
                        new Condition(Leads.EMAIL, Comparator.STARTS_WITH, List.of("Ma")))));
    }

    @Test
    void nested_groups_keep_their_structure() {
        assertThat(parse("(((No_of_Employees:equals:1)or(Visits:equals:2))and(Score:equals:3))"))
                .isEqualTo(new Group(GroupOperator.AND, List.of(
                        new Group(GroupOperator.OR, List.of(
                                new Condition(Leads.EMPLOYEES, Comparator.EQUAL, List.of(1)),
                                new Condition(Leads.VISITS, Comparator.EQUAL, List.of(2L)))),
                        new Condition(Leads.SCORE, Comparator.EQUAL, List.of(3.0)))));
    }

    @Test
    void outer_parentheses_may_be_left_out() {
        assertThat(parse("Last_Name:equals:Burns")).isEqualTo(parse("(Last_Name:equals:Burns)"));
        assertThat(parse("(Last_Name:equals:Burns)and(Email:equals:x)"))
                .isEqualTo(parse("((Last_Name:equals:Burns)and(Email:equals:x))"));
    }

    @Test
    void extra_parentheses_change_nothing() {
        assertThat(parse("(((Last_Name:equals:Burns)))")).isEqualTo(parse("(Last_Name:equals:Burns)"));
    }

    @Test
    void operators_ignore_case_and_blanks_between_terms_are_allowed() {
        assertThat(parse(" ( (Last_Name:equals:Burns) AND (Email:equals:x) Or (Email:equals:y) ) "))
                .isEqualTo(parse("(((Last_Name:equals:Burns)and(Email:equals:x))or(Email:equals:y))"));
    }

    @Test
    void one_operator_repeated_makes_one_flat_group() {
        assertThat(parse("((Last_Name:equals:a)or(Last_Name:equals:b)or(Last_Name:equals:c))"))
                .isInstanceOfSatisfying(Group.class, g -> assertThat(g.children()).hasSize(3));
    }

    @Test
    void mixed_operators_in_one_group_apply_left_to_right_as_in_zoho() {
        assertThat(parse("((Last_Name:equals:a)or(Last_Name:equals:b)and(Last_Name:equals:c))"))
                .isEqualTo(parse("(((Last_Name:equals:a)or(Last_Name:equals:b))and(Last_Name:equals:c))"));
    }

    @Test
    void comparator_names_ignore_case_and_equals_means_equal() {
        assertThat(parse("(Last_Name:EQUALS:x)")).isEqualTo(parse("(Last_Name:equal:x)"));
        assertThat(parse("(Last_Name:Starts_With:x)")).isEqualTo(parse("(Last_Name:starts_with:x)"));
    }

    @ParameterizedTest
    @EnumSource(Comparator.class)
    void every_comparator_is_accepted_by_its_api_name(Comparator comparator) {
        var field = comparator.appliesTo(Leads.LAST_NAME.dataType()) ? Leads.LAST_NAME : Leads.EMPLOYEES;
        String value = comparator.minValues() == 2 ? "1,2" : "1";
        Criteria parsed = parse("(" + field.apiName() + ":" + comparator.apiName() + ":" + value + ")");
        assertThat(parsed).isInstanceOfSatisfying(Condition.class, c -> assertThat(c.comparator()).isEqualTo(comparator));
    }

    @Test
    void commas_separate_values_and_escaped_ones_do_not() {
        assertThat(values("(Last_Name:in:Burns,Smith\\, John, Marley)")).containsExactly("Burns", "Smith, John", " Marley");
        assertThat(values("(Last_Name:equals:Burns\\,B)")).containsExactly("Burns,B");
    }

    @Test
    void escaped_parentheses_colons_and_backslashes_are_part_of_the_value() {
        assertThat(values("(Last_Name:equals:Patricia\\(Boyle\\))")).containsExactly("Patricia(Boyle)");
        assertThat(values("(Last_Name:equals:a\\:b)")).containsExactly("a:b");
        assertThat(values("(Last_Name:equals:a\\\\b)")).containsExactly("a\\b");
        assertThat(values("(Last_Name:equals:a\\\\)")).containsExactly("a\\");
    }

    @Test
    void a_backslash_before_another_character_is_kept() {
        assertThat(values("(Last_Name:equals:C\\temp)")).containsExactly("C\\temp");
    }

    @Test
    void colons_in_a_value_need_no_escape() {
        assertThat(values("(Last_Activity_Time:greater_equal:2023-04-19T05:58:06+05:30)"))
                .containsExactly(OffsetDateTime.parse("2023-04-19T05:58:06+05:30"));
        assertThat(values("(Last_Name:equals:a:b)")).containsExactly("a:b");
    }

    @Test
    void text_values_keep_their_blanks() {
        assertThat(values("(Last_Name:equals: Burns )")).containsExactly(" Burns ");
    }

    @Test
    void empty_placeholder_becomes_null() {
        assertThat(values("(Last_Name:equals:${EMPTY})")).containsExactly((Object) null);
        assertThat(values("(No_of_Employees:in:1,${EMPTY})")).containsExactly(1, null);
    }

    @Test
    void values_take_the_java_type_of_the_column() {
        assertThat(values("(No_of_Employees:equals: 42 )")).containsExactly(42);
        assertThat(values("(Visits:equals:9007199254740993)")).containsExactly(9007199254740993L);
        assertThat(values("(Score:equals:-1.25)")).containsExactly(-1.25);
        assertThat(values("(Probability:equals:12.5)")).containsExactly(12.5);
        assertThat(values("(Annual_Revenue:equals:1000.50)")).containsExactly(new BigDecimal("1000.50"));
        assertThat(values("(Budget:equals:7)")).containsExactly(new BigDecimal("7"));
        assertThat(values("(Email_Opt_Out:equals:TRUE)")).containsExactly(true);
        assertThat(values("(Birth_Date:equals:2000-02-29)")).containsExactly(LocalDate.of(2000, 2, 29));
        assertThat(values("(Owner:equals:5725767000000411001)")).containsExactly(5725767000000411001L);
        assertThat(values("(Interests:contains:Golf)")).containsExactly("Golf");
    }

    // errors

    @Test
    void an_unknown_field_is_an_error_naming_it() {
        assertError("(Surname:equals:Burns)").hasMessageContaining("unknown field Surname in module Leads");
        assertThatThrownBy(() -> parse("(Surname:equals:Burns)"))
                .isInstanceOfSatisfying(CriteriaException.class, e -> assertThat(e.field()).contains("Surname"));
    }

    @Test
    void field_names_are_exact() {
        assertError("(last_name:equals:Burns)").hasMessageContaining("unknown field last_name");
    }

    @Test
    void an_unknown_comparator_is_an_error_naming_the_field() {
        assertError("(Last_Name:like:Burns)").hasMessageContaining("unknown comparator 'like' for field Last_Name");
    }

    @Test
    void text_comparators_are_refused_on_numbers() {
        assertError("(No_of_Employees:starts_with:1)")
                .hasMessage("comparator starts_with cannot be used on field No_of_Employees (integer)");
        assertError("(Birth_Date:contains:2000)").hasMessageContaining("comparator contains cannot be used on field Birth_Date");
    }

    @Test
    void ordering_comparators_are_refused_on_text_picklists_booleans_and_lookups() {
        assertError("(Last_Name:greater_than:M)").hasMessageContaining("cannot be used on field Last_Name (text)");
        assertError("(Lead_Status:less_than:M)").hasMessageContaining("(picklist)");
        assertError("(Email_Opt_Out:between:false,true)").hasMessageContaining("(boolean)");
        assertError("(Owner:greater_equal:1)").hasMessageContaining("(ownerlookup)");
    }

    @Test
    void multi_select_takes_contains_but_not_starts_with() {
        assertThat(parse("(Interests:not_contains:Golf)")).isInstanceOf(Condition.class);
        assertError("(Interests:starts_with:Go)").hasMessageContaining("cannot be used on field Interests (multiselectpicklist)");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "(No_of_Employees:equals:ten)", "(No_of_Employees:equals:1.5)", "(No_of_Employees:equals:99999999999)",
        "(Visits:equals:99999999999999999999)", "(Score:equals:NaN)", "(Score:equals:1e999)",
        "(Annual_Revenue:equals:1.005)", "(Annual_Revenue:equals:99999999999999999)",
        "(Email_Opt_Out:equals:yes)", "(Birth_Date:equals:29/11/2026)", "(Birth_Date:equals:2026-02-30)",
        "(Last_Activity_Time:equals:2026-11-29T14:05:09)", "(Last_Activity_Time:equals:2026-11-29)",
        "(Owner:equals:abc)", "(Owner:equals:-1)", "(Owner:equals:99999999999999999999)"
    })
    void a_value_that_does_not_fit_the_field_type_is_an_error(String criteria) {
        String field = criteria.substring(1, criteria.indexOf(':'));
        assertError(criteria).hasMessageContaining("of field " + field + " is not");
    }

    @Test
    void a_bad_value_error_says_what_was_expected() {
        assertError("(Last_Activity_Time:equals:yesterday)")
                .hasMessage("value 'yesterday' of field Last_Activity_Time is not a date-time with offset like 2026-11-29T14:05:09+00:00");
    }

    @Test
    void between_takes_exactly_two_values_in_order() {
        assertError("(No_of_Employees:between:1)").hasMessageContaining("takes exactly 2 values, got 1");
        assertError("(No_of_Employees:not_between:1,2,3)").hasMessageContaining("takes exactly 2 values, got 3");
        assertError("(No_of_Employees:between:5,1)").hasMessageContaining("needs the smaller value first");
        assertThat(parse("(No_of_Employees:between:5,5)")).isInstanceOf(Condition.class);
    }

    @Test
    void ordering_comparators_take_one_value() {
        assertError("(No_of_Employees:less_than:1,2)").hasMessageContaining("takes exactly 1 value, got 2");
    }

    @Test
    void too_many_values_are_refused() {
        String many = IntStream.rangeClosed(0, Criteria.MAX_VALUES).mapToObj(Integer::toString).collect(Collectors.joining(","));
        assertError("(No_of_Employees:in:" + many + ")").hasMessageContaining("takes 1 to " + Criteria.MAX_VALUES + " values");
    }

    @Test
    void empty_placeholder_is_only_for_equality() {
        assertError("(No_of_Employees:greater_than:${EMPTY})").hasMessageContaining("cannot test for ${EMPTY}");
        assertError("(Last_Name:contains:${EMPTY})").hasMessageContaining("cannot test for ${EMPTY}");
    }

    @Test
    void an_empty_value_is_refused_with_a_hint() {
        assertError("(Last_Name:equals:)").hasMessageContaining("empty value for field Last_Name; use ${EMPTY}");
        assertError("(Last_Name:in:a,,b)").hasMessageContaining("empty value for field Last_Name");
        assertError("(No_of_Employees:equals:)").hasMessageContaining("of field No_of_Employees is not");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "((Last_Name:equals:Burns)", "(Last_Name:equals:Burns))", "(Last_Name:equals:Burns",
        "Last_Name:equals:Burns)", "((Last_Name:equals:a)and(Last_Name:equals:b)", "(Last_Name:equals:Burns\\)"
    })
    void unbalanced_parentheses_are_an_error(String criteria) {
        assertError(criteria).hasMessageContaining("unbalanced parentheses");
    }

    @Test
    void an_unescaped_parenthesis_inside_a_value_is_an_error_with_a_hint() {
        assertError("(Last_Name:equals:Smith (Jr))").hasMessageContaining("write \\( for a parenthesis in a value");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "((Last_Name:equals:a)(Last_Name:equals:b))", "((Last_Name:equals:a)xor(Last_Name:equals:b))",
        "((Last_Name:equals:a)and)", "(Last_Name:equals:a) and"
    })
    void terms_must_be_joined_by_and_or_or(String criteria) {
        assertError(criteria).hasMessageMatching(".*(expected 'and' or 'or'|expected '\\(').*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"()", "(Last_Name)", "(Last_Name:equals)", "Burns"})
    void a_condition_needs_field_comparator_and_value(String criteria) {
        assertError(criteria).hasMessageContaining("expected field:comparator:value");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void empty_criteria_is_an_error(String criteria) {
        assertError(criteria).hasMessage("criteria is empty");
        assertThatThrownBy(() -> SearchCriteriaParser.parse(Leads.MODULE, null)).isInstanceOf(CriteriaException.class);
    }

    @Test
    void nesting_up_to_the_limit_is_accepted_and_deeper_is_refused() {
        assertThat(parse(nested(Criteria.MAX_DEPTH))).isInstanceOf(Group.class);
        assertError(nested(Criteria.MAX_DEPTH + 1)).hasMessageContaining("nested deeper than 10 levels");
    }

    @Test
    void hostile_nesting_is_refused_without_exhausting_the_stack() {
        assertError("(".repeat(3_000) + "Last_Name:equals:a" + ")".repeat(3_000))
                .hasMessageContaining("nested deeper than");
    }

    @Test
    void conditions_up_to_the_limit_are_accepted_and_more_are_refused() {
        assertThat(parse(conditions(Criteria.MAX_CONDITIONS))).isInstanceOf(Group.class);
        assertError(conditions(Criteria.MAX_CONDITIONS + 1)).hasMessageContaining("more than 50 conditions");
    }

    @Test
    void errors_quote_only_the_start_of_a_huge_criteria() {
        String huge = "(Last_Name:equals:a)" + "x".repeat(1_000_000);
        assertThatThrownBy(() -> parse(huge)).satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400));
    }

    private static Criteria parse(String criteria) {
        return SearchCriteriaParser.parse(Leads.MODULE, criteria);
    }

    private static List<Object> values(String criteria) {
        return ((Condition) parse(criteria)).values();
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertError(String criteria) {
        return assertThatThrownBy(() -> parse(criteria)).isInstanceOf(CriteriaException.class);
    }

    /** {@code depth} levels of parentheses: a condition in an and-group in an and-group … */
    private static String nested(int depth) {
        String criteria = "(Last_Name:equals:a)";
        for (int level = 2; level <= depth; level++) criteria = "(" + criteria + "and(Last_Name:equals:b))";
        return criteria;
    }

    private static String conditions(int count) {
        String[] terms = new String[count];
        Arrays.setAll(terms, i -> "(No_of_Employees:equals:" + i + ")");
        return "(" + String.join("or", terms) + ")";
    }
}
