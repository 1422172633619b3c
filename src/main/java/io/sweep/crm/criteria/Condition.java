package io.sweep.crm.criteria;

import io.sweep.crm.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One test on one field. {@code values} hold the Java type of the field's column (see
 * {@link SearchCriteriaParser} for the mapping); a null value stands for Zoho's {@code ${EMPTY}}.
 * Several values mean "any of them" ({@code between}: from, to). A condition that exists is
 * valid for its field, so compiling it to SQL cannot fail on user input.
 */
public record Condition(Field field, Comparator comparator, List<Object> values) implements Criteria {

    public Condition {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(comparator, "comparator");
        // nulls are meaningful here (${EMPTY}), so no List.copyOf
        values = Collections.unmodifiableList(new ArrayList<>(values));
        requireApplicable(field, comparator);
        requireValueCount(field, comparator, values.size());
        for (Object value : values) requireValue(field, comparator, value);
        if (comparator.positive() == Comparator.BETWEEN) requireAscending(field, comparator, values);
    }

    static void requireApplicable(Field field, Comparator comparator) {
        if (!comparator.appliesTo(field.dataType())) {
            throw new CriteriaException(
                    "comparator %s cannot be used on field %s (%s)"
                            .formatted(comparator.apiName(), field.apiName(), field.dataType().apiName()),
                    field.apiName());
        }
    }

    private static void requireValueCount(Field field, Comparator comparator, int count) {
        int min = comparator.minValues();
        int max = comparator.maxValues();
        if (count >= min && count <= max) return;
        String expected = min == max ? "exactly " + min : min == 1 ? "1 to " + max : min + " to " + max;
        throw new CriteriaException(
                "comparator %s on field %s takes %s value%s, got %d"
                        .formatted(comparator.apiName(), field.apiName(), expected, max == 1 ? "" : "s", count),
                field.apiName());
    }

    private static void requireValue(Field field, Comparator comparator, Object value) {
        if (value == null) {
            if (comparator.acceptsEmpty()) return;
            throw new CriteriaException(
                    "comparator %s on field %s cannot test for %s; use equal or not_equal"
                            .formatted(comparator.apiName(), field.apiName(), CriteriaValues.EMPTY),
                    field.apiName());
        }
        Class<?> type = CriteriaValues.javaType(field.dataType());
        if (!type.isInstance(value)) {
            // not a user error: readers convert values before building a condition
            throw new IllegalArgumentException("field %s needs %s values, got %s"
                    .formatted(field.apiName(), type.getSimpleName(), value.getClass().getSimpleName()));
        }
        // an empty text would match everything with contains and nothing with equal: almost
        // certainly a mistake, and in a mass update an expensive one
        if (value instanceof String s && s.isEmpty()) {
            throw new CriteriaException(
                    "empty value for field %s; use %s to match records where it is empty"
                            .formatted(field.apiName(), CriteriaValues.EMPTY),
                    field.apiName());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void requireAscending(Field field, Comparator comparator, List<Object> values) {
        Comparable from = (Comparable) values.get(0);
        if (from.compareTo(values.get(1)) > 0) {
            throw new CriteriaException(
                    "comparator %s on field %s needs the smaller value first, got %s and %s"
                            .formatted(comparator.apiName(), field.apiName(), values.get(0), values.get(1)),
                    field.apiName());
        }
    }
}
