package io.sweep.crm.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sweep.crm.Where;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Runs compiled criteria against {@link LeadRows} and checks which ids they select. Written once;
 * each database gets a subclass that opens it (once per class).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CriteriaSqlContract {
    private Jdbi jdbi;

    protected abstract Jdbi open() throws Exception;

    protected abstract void close() throws Exception;

    @BeforeAll
    void createLeads() throws Exception {
        jdbi = open();
        LeadRows.create(jdbi);
    }

    @AfterAll
    void closeDatabase() throws Exception {
        close();
    }

    // text

    @Test
    void equal_on_text_ignores_case_and_matches_whole_values() {
        assertThat(search("(Last_Name:equals:burns)")).containsExactly(1, 2);
        assertThat(search("(Email:equals:BURNS@example.COM)")).containsExactly(1, 2);
    }

    @Test
    void equal_with_several_values_matches_any_of_them() {
        assertThat(search("(Last_Name:equals:Burns,Marley)")).containsExactly(1, 2, 3);
        assertThat(search("(Last_Name:in:burns,marley)")).containsExactly(1, 2, 3);
    }

    @Test
    void not_equal_on_text_excludes_the_value_and_keeps_empty_fields() {
        assertThat(search("(Last_Name:not_equal:Burns)")).containsExactly(allExcept(1, 2));
    }

    @Test
    void not_in_on_text_keeps_empty_fields() {
        assertThat(search("(Last_Name:not_in:Burns,Marley)")).containsExactly(allExcept(1, 2, 3));
    }

    @Test
    void starts_with_on_text_becomes_a_case_insensitive_prefix_like() {
        assertThat(search("(Last_Name:starts_with:ma)")).containsExactly(3, 16, 17, 18);
    }

    @Test
    void ends_with_and_contains_on_text_ignore_case() {
        assertThat(search("(Last_Name:ends_with:PURE)")).containsExactly(4, 5);
        assertThat(search("(Email:ends_with:@EXAMPLE.com)")).containsExactly(1, 2, 4);
        assertThat(search("(Last_Name:contains:urn)")).containsExactly(1, 2, 20);
    }

    @Test
    void not_contains_on_text_keeps_empty_fields() {
        assertThat(search("(Last_Name:not_contains:smith)")).containsExactly(allExcept(8, 9));
    }

    @Test
    void picklists_compare_as_text() {
        assertThat(search("(Lead_Status:equals:contacted)")).containsExactly(1, 3);
        assertThat(search("(Lead_Status:contains:Contact)")).containsExactly(1, 2, 3, 4);
        assertThat(search("(Lead_Status:not_equal:Contacted)")).containsExactly(allExcept(1, 3));
    }

    @Test
    void percent_and_underscore_in_a_value_are_matched_literally() {
        assertThat(search("(Last_Name:contains:100%)")).containsExactly(4);
        assertThat(search("(Last_Name:contains:%)")).containsExactly(4);
        assertThat(search("(Last_Name:contains:a_b)")).containsExactly(6);
        assertThat(search("(Last_Name:starts_with:_)")).isEmpty();
    }

    @Test
    void the_like_escape_character_in_a_value_is_matched_literally() {
        assertThat(search("(Last_Name:contains:!)")).containsExactly(17);
        assertThat(search("(Last_Name:ends_with:z!)")).containsExactly(17);
        assertThat(search("(Last_Name:contains:!%)")).isEmpty();
    }

    @Test
    void backslash_in_a_value_is_matched_literally() {
        assertThat(search("(Last_Name:contains:\\\\)")).containsExactly(10);
        assertThat(search("(Last_Name:equals:back\\\\slash)")).containsExactly(10);
        assertThat(search("(Last_Name:starts_with:back\\s)")).containsExactly(10);
    }

    @Test
    void escaped_parentheses_and_commas_are_part_of_the_value() {
        assertThat(search("(Last_Name:equals:Smith \\(Jr\\))")).containsExactly(8);
        assertThat(search("(Last_Name:equals:Smith\\, John)")).containsExactly(9);
        assertThat(search("(Last_Name:contains:\\()")).containsExactly(8);
        assertThat(search("(Last_Name:contains:\\))")).containsExactly(8, 12);
        assertThat(search("(Last_Name:contains:\\,)")).containsExactly(9);
    }

    @Test
    void quotes_and_sql_in_values_are_just_values() {
        assertThat(search("(Last_Name:equals:O'Brien)")).containsExactly(11);
        assertThat(search("(Last_Name:equals:Robert'\\); DROP TABLE leads;--)")).containsExactly(12);
        assertThat(search("(Last_Name:equals:x' OR '1'='1)")).isEmpty();
        assertThat(search("(Last_Name:contains:' OR 1=1 --)")).isEmpty();
        int rows = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM leads").mapTo(Integer.class).one());
        assertThat(rows).isEqualTo(LeadRows.COUNT);
    }

    @Test
    void sql_in_a_view_value_is_just_a_value() throws Exception {
        String view = """
                {"comparator":"in","field":{"api_name":"Last_Name"},
                 "value":["Robert'); DROP TABLE leads;--", "1) OR (1=1"]}""";
        assertThat(select(ViewCriteriaJson.read(Leads.MODULE, new ObjectMapper().readTree(view))))
                .containsExactly(12);
    }

    @Test
    void values_outside_ascii_match_exactly() {
        assertThat(search("(Last_Name:equals:Émile)")).containsExactly(19);
    }

    @Test
    void empty_on_text_matches_null_and_empty_strings() {
        assertThat(search("(Last_Name:equals:${EMPTY})")).containsExactly(13, 14);
        assertThat(search("(Last_Name:not_equal:${EMPTY})")).containsExactly(allExcept(13, 14));
        assertThat(search("(Email:equals:${EMPTY})")).containsExactly(allExcept(1, 2, 4));
    }

    @Test
    void in_with_empty_matches_the_values_and_empty_fields() {
        assertThat(search("(Lead_Status:in:Contacted,${EMPTY})")).containsExactly(allExcept(2, 4));
        assertThat(search("(Lead_Status:not_in:Contacted,${EMPTY})")).containsExactly(2, 4);
    }

    // multi-select

    @Test
    void equal_on_multi_select_matches_lists_holding_the_value() {
        assertThat(search("(Interests:equals:golf)")).containsExactly(1, 2);
        assertThat(search("(Interests:contains:Chess)")).containsExactly(1, 4);
    }

    @Test
    void multi_select_values_match_whole_entries_not_parts() {
        assertThat(search("(Interests:contains:Gol)")).isEmpty();
        assertThat(search("(Interests:contains:Golf Pro)")).containsExactly(15);
    }

    @Test
    void multi_select_values_with_quotes_and_commas_are_found() {
        assertThat(search("(Interests:contains:Say \"hi\")")).containsExactly(15);
        assertThat(search("(Interests:contains:Golf\\, Tennis)")).containsExactly(16);
    }

    @Test
    void in_on_multi_select_matches_lists_holding_any_value() {
        assertThat(search("(Interests:in:Chess,Golf Pro)")).containsExactly(1, 4, 15);
    }

    @Test
    void negated_multi_select_keeps_empty_lists() {
        assertThat(search("(Interests:not_contains:Golf)")).containsExactly(allExcept(1, 2));
        assertThat(search("(Interests:not_in:Golf,Chess)")).containsExactly(allExcept(1, 2, 4));
    }

    @Test
    void empty_on_multi_select_matches_null_and_empty_lists() {
        assertThat(search("(Interests:equals:${EMPTY})")).containsExactly(allExcept(1, 2, 4, 15, 16));
        assertThat(search("(Interests:not_equal:${EMPTY})")).containsExactly(1, 2, 4, 15, 16);
    }

    // numbers

    @Test
    void integer_comparators_select_by_value() {
        assertThat(search("(No_of_Employees:equals:10)")).containsExactly(1, 20);
        assertThat(search("(No_of_Employees:less_than:30)")).containsExactly(1, 2, 20);
        assertThat(search("(No_of_Employees:less_equal:30)")).containsExactly(1, 2, 3, 20);
        assertThat(search("(No_of_Employees:greater_than:100)")).containsExactly(11, 12);
        assertThat(search("(No_of_Employees:greater_equal:100)")).containsExactly(10, 11, 12);
        assertThat(search("(No_of_Employees:in:10,20)")).containsExactly(1, 2, 20);
    }

    @Test
    void between_is_inclusive_and_not_between_keeps_empty_fields() {
        assertThat(search("(No_of_Employees:between:30,50)")).containsExactly(3, 4, 5);
        assertThat(search("(No_of_Employees:not_between:30,50)")).containsExactly(allExcept(3, 4, 5));
    }

    @Test
    void not_equal_and_not_in_on_numbers_keep_empty_fields() {
        assertThat(search("(No_of_Employees:not_equal:10)")).containsExactly(allExcept(1, 20));
        assertThat(search("(No_of_Employees:not_in:10,20)")).containsExactly(allExcept(1, 2, 20));
    }

    @Test
    void empty_on_numbers_is_null() {
        assertThat(search("(No_of_Employees:equals:${EMPTY})")).containsExactly(13, 14, 15, 16, 17, 18, 19);
    }

    @Test
    void bigint_compares_all_64_bits() {
        assertThat(search("(Visits:equals:9007199254740993)")).containsExactly(1);
        assertThat(search("(Visits:greater_than:9007199254740992)")).containsExactly(1);
        assertThat(search("(Visits:less_than:0)")).containsExactly(3);
    }

    @Test
    void double_and_percent_compare_as_numbers() {
        assertThat(search("(Score:between:-3,1.5)")).containsExactly(1, 3, 4);
        assertThat(search("(Score:less_than:0)")).containsExactly(3);
        assertThat(search("(Probability:greater_equal:50)")).containsExactly(2, 3);
        assertThat(search("(Probability:equals:10)")).containsExactly(1);
    }

    @Test
    void currency_and_decimal_compare_exactly() {
        assertThat(search("(Annual_Revenue:equals:1000)")).containsExactly(1);
        assertThat(search("(Annual_Revenue:greater_than:1000)")).containsExactly(2, 4);
        assertThat(search("(Annual_Revenue:between:999.99,1000.00)")).containsExactly(1, 3);
        assertThat(search("(Budget:less_equal:50.25)")).containsExactly(1);
        assertThat(select(new Condition(Leads.BUDGET, Comparator.EQUAL, List.of(new BigDecimal("100")))))
                .containsExactly(2);
    }

    // booleans, dates, times, references

    @Test
    void boolean_equal_and_not_equal() {
        assertThat(search("(Email_Opt_Out:equals:true)")).containsExactly(1, 4);
        assertThat(search("(Email_Opt_Out:equals:false)")).containsExactly(2);
        assertThat(search("(Email_Opt_Out:not_equal:true)")).containsExactly(allExcept(1, 4));
        assertThat(search("(Email_Opt_Out:equals:${EMPTY})")).containsExactly(allExcept(1, 2, 4));
    }

    @Test
    void dates_compare_by_day() {
        assertThat(search("(Birth_Date:equals:2000-02-29)")).containsExactly(4);
        assertThat(search("(Birth_Date:less_than:1985-06-30)")).containsExactly(1);
        assertThat(search("(Birth_Date:between:1985-06-30,1990-12-31)")).containsExactly(2, 3);
        assertThat(search("(Birth_Date:not_between:1985-06-30,1990-12-31)")).containsExactly(allExcept(2, 3));
    }

    @Test
    void date_times_compare_as_instants_whatever_the_offset() {
        assertThat(search("(Last_Activity_Time:equals:2026-11-29T14:05:09+00:00)")).containsExactly(1, 2);
        assertThat(search("(Last_Activity_Time:equals:2026-11-29T15:05:09+01:00)")).containsExactly(1, 2);
        assertThat(search("(Last_Activity_Time:greater_than:2026-11-29T14:05:09+00:00)")).containsExactly(3, 4);
        assertThat(search("(Last_Activity_Time:between:2026-11-29T15:00:00+01:00,2026-11-29T14:05:09Z)"))
                .containsExactly(1, 2);
        assertThat(search("(Last_Activity_Time:less_equal:2026-11-29T18:30:00+00:00)")).containsExactly(1, 2, 3, 4);
    }

    @Test
    void lookups_compare_by_id() {
        assertThat(search("(Owner:equals:" + LeadRows.OWNER_1 + ")")).containsExactly(1, 2);
        assertThat(search("(Owner:in:" + LeadRows.OWNER_1 + "," + LeadRows.OWNER_2 + ")")).containsExactly(1, 2, 3, 4);
        assertThat(search("(Owner:not_equal:" + LeadRows.OWNER_1 + ")")).containsExactly(allExcept(1, 2));
        assertThat(search("(Account_Name:equals:" + LeadRows.ACCOUNT_1 + ")")).containsExactly(1, 4);
        assertThat(search("(Account_Name:equals:${EMPTY})")).containsExactly(allExcept(1, 2, 4));
    }

    // groups

    @Test
    void and_group_selects_the_intersection() {
        assertThat(search("((Last_Name:equals:Burns)and(Email:equals:burns@example.com))")).containsExactly(1, 2);
        assertThat(search("((Last_Name:equals:Burns)and(Lead_Status:equals:Contacted))")).containsExactly(1);
    }

    @Test
    void or_group_selects_the_union() {
        assertThat(search("((Last_Name:equals:Marley)or(No_of_Employees:greater_than:100))")).containsExactly(3, 11, 12);
    }

    @Test
    void nested_groups_combine_as_written() {
        assertThat(search("((Last_Name:starts_with:Ma)and((No_of_Employees:less_than:40)"
                        + "or(Interests:equals:Golf\\, Tennis)))"))
                .containsExactly(3, 16);
        assertThat(search("(((Last_Name:starts_with:Ma)and(No_of_Employees:less_than:40))"
                        + "or(Interests:equals:Golf\\, Tennis))"))
                .containsExactly(3, 16);
        assertThat(search("(((Owner:equals:" + LeadRows.OWNER_2 + ")or(Email_Opt_Out:equals:false))"
                        + "and((Score:less_than:0)or(Birth_Date:equals:1985-06-30)))"))
                .containsExactly(2, 3);
    }

    @Test
    void mixed_operators_without_parentheses_apply_left_to_right() {
        // (Marley or Burns) and Owner 1 → rows 1, 2; "and first" would also give row 3
        assertThat(search("((Last_Name:equals:Marley)or(Last_Name:equals:Burns)and(Owner:equals:"
                        + LeadRows.OWNER_1 + "))"))
                .containsExactly(1, 2);
    }

    @Test
    void two_fragments_with_their_own_prefixes_share_one_statement() {
        Where a = CriteriaSql.compile(Leads.MODULE, parse("(No_of_Employees:greater_than:20)"), "a");
        Where b = CriteriaSql.compile(Leads.MODULE, parse("(No_of_Employees:less_than:50)"), "b");
        List<Integer> ids = jdbi.withHandle(h -> h.createQuery(
                        "SELECT id FROM leads WHERE " + a.sql() + " AND " + b.sql() + " ORDER BY id")
                .bindMap(a.params())
                .bindMap(b.params())
                .mapTo(Integer.class)
                .list());
        assertThat(ids).containsExactly(3, 4);
    }

    @Test
    void a_fragment_can_be_combined_with_other_conditions() {
        Where fragment = CriteriaSql.compile(Leads.MODULE, parse("(Last_Name:not_equal:Burns)"), "c");
        List<Integer> ids = jdbi.withHandle(h -> h.createQuery(
                        "SELECT id FROM leads WHERE id < 4 AND " + fragment.sql() + " ORDER BY id")
                .bindMap(fragment.params())
                .mapTo(Integer.class)
                .list());
        assertThat(ids).containsExactly(3);
    }

    @Test
    void a_field_that_does_not_exist_is_an_error_not_sql() {
        assertThatThrownBy(() -> search("(last_name = last_name OR 1=1:equals:x)"))
                .isInstanceOf(CriteriaException.class)
                .hasMessageContaining("unknown field");
    }

    private List<Integer> search(String criteria) {
        return select(parse(criteria));
    }

    private static Criteria parse(String criteria) {
        return SearchCriteriaParser.parse(Leads.MODULE, criteria);
    }

    private List<Integer> select(Criteria criteria) {
        Where fragment = CriteriaSql.compile(Leads.MODULE, criteria, "c");
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM leads WHERE " + fragment.sql() + " ORDER BY id")
                .bindMap(fragment.params())
                .mapTo(Integer.class)
                .list());
    }

    private static Integer[] allExcept(int... ids) {
        List<Integer> excluded = IntStream.of(ids).boxed().toList();
        return IntStream.rangeClosed(1, LeadRows.COUNT).boxed().filter(id -> !excluded.contains(id)).toArray(Integer[]::new);
    }
}
