package io.sweep.crm.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sweep.crm.DataType;
import io.sweep.crm.Field;
import io.sweep.crm.Module;
import io.sweep.crm.Where;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shape of the generated SQL; {@link CriteriaSqlContract} checks what it selects. */
class CriteriaSqlTest {

    @Test
    void values_are_bound_and_never_part_of_the_sql() {
        Where fragment = compile("(Last_Name:equals:x' OR '1'='1)", "c");
        assertThat(fragment.sql()).isEqualTo("LOWER(last_name) = :c0");
        assertThat(fragment.params()).isEqualTo(Map.of("c0", "x' or '1'='1"));
    }

    @Test
    void parameters_are_numbered_under_the_given_prefix() {
        Where fragment = compile("((No_of_Employees:between:1,5)or(Visits:in:7,8))", "view");
        assertThat(fragment.sql()).isEqualTo("(employees BETWEEN :view0 AND :view1 OR visits IN (:view2, :view3))");
        assertThat(fragment.params()).containsExactly(
                Map.entry("view0", 1), Map.entry("view1", 5), Map.entry("view2", 7L), Map.entry("view3", 8L));
    }

    @Test
    void negated_comparators_add_the_null_rows() {
        assertThat(compile("(No_of_Employees:not_equal:3)", "c").sql())
                .isEqualTo("(employees IS NULL OR NOT (employees = :c0))");
        assertThat(compile("(No_of_Employees:not_equal:${EMPTY})", "c").sql()).isEqualTo("NOT (employees IS NULL)");
    }

    @Test
    void like_patterns_escape_wildcards_and_the_escape_character() {
        Where fragment = compile("(Last_Name:contains:100%_!)", "c");
        assertThat(fragment.sql()).isEqualTo("LOWER(last_name) LIKE :c0 ESCAPE '!'");
        assertThat(fragment.params()).containsEntry("c0", "%100!%!_!!%");
        assertThat(compile("(Last_Name:starts_with:a_)", "c").params()).containsEntry("c0", "a!_%");
        assertThat(compile("(Last_Name:ends_with:%)", "c").params()).containsEntry("c0", "%!%");
    }

    @Test
    void multi_select_values_are_searched_as_quoted_json_strings() {
        assertThat(compile("(Interests:contains:Say \"hi\" \\\\o/)", "c").params())
                .containsEntry("c0", "%\"say \\\"hi\\\" \\\\o/\"%");
    }

    @Test
    void a_field_of_another_module_is_refused() {
        Field stranger = new Field(1, 2, "Last_Name", "Last Name", "surname", DataType.TEXT,
                255, null, false, false, false, true, true, null, 1, List.of());
        Condition condition = new Condition(stranger, Comparator.EQUAL, List.of("x"));
        assertThatThrownBy(() -> CriteriaSql.compile(Leads.MODULE, condition, "c"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a field of module Leads");
    }

    @Test
    void a_column_that_is_not_a_plain_identifier_is_refused() {
        Field odd = new Field(1, 2, "Odd", "Odd", "odd; DROP TABLE leads", DataType.TEXT,
                255, null, false, false, false, true, true, null, 1, List.of());
        Module module = new Module(2, "Odd", "Odd", "Odd", "Odds", "odds", true, 1, List.of(odd));
        assertThatThrownBy(() -> CriteriaSql.compile(module, new Condition(odd, Comparator.EQUAL, List.of("x")), "c"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a plain SQL identifier");
    }

    @Test
    void a_prefix_that_is_not_an_identifier_is_refused() {
        assertThatThrownBy(() -> compile("(Last_Name:equals:x)", "c0 OR 1=1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Where compile(String criteria, String prefix) {
        return CriteriaSql.compile(Leads.MODULE, SearchCriteriaParser.parse(Leads.MODULE, criteria), prefix);
    }
}
