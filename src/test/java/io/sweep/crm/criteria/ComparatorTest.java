package io.sweep.crm.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweep.crm.DataType;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ComparatorTest {

    @Test
    void api_names_are_zohos_comparators() {
        assertThat(Arrays.stream(Comparator.values()).map(Comparator::apiName)).containsExactly(
                "equal", "not_equal", "in", "not_in", "less_than", "less_equal", "greater_than", "greater_equal",
                "contains", "not_contains", "starts_with", "ends_with", "between", "not_between");
        assertThat(Comparator.fromApiName("not_between")).contains(Comparator.NOT_BETWEEN);
        assertThat(Comparator.fromApiName("NOT_BETWEEN")).isEmpty();
    }

    @Test
    void every_negated_comparator_has_a_positive_form() {
        assertThat(Arrays.stream(Comparator.values()).filter(Comparator::negated))
                .containsExactly(Comparator.NOT_EQUAL, Comparator.NOT_IN, Comparator.NOT_CONTAINS, Comparator.NOT_BETWEEN);
        assertThat(Comparator.NOT_IN.positive()).isEqualTo(Comparator.IN);
    }

    @Test
    void every_type_accepts_equal_and_not_equal() {
        for (DataType type : DataType.values()) {
            assertThat(Comparator.EQUAL.appliesTo(type)).as(type.apiName()).isTrue();
            assertThat(Comparator.NOT_EQUAL.appliesTo(type)).as(type.apiName()).isTrue();
        }
    }

    @Test
    void group_operators_ignore_case() {
        assertThat(GroupOperator.fromApiName("AND")).contains(GroupOperator.AND);
        assertThat(GroupOperator.fromApiName("or")).contains(GroupOperator.OR);
        assertThat(GroupOperator.fromApiName("xor")).isEmpty();
    }
}
