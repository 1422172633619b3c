package io.sweep.crm.criteria;

import io.sweep.crm.DataType;

/**
 * The bounds that keep the cost of one criteria's query bounded. A text test ({@code contains},
 * {@code starts_with}, {@code ends_with}, their negations, and any test on a multi-select) is a
 * {@code LIKE} that no index serves: each of its values is evaluated on every record of the
 * module, so their number is what makes a query slow. Readers check these as they read;
 * {@link #check} checks a criteria built in any other way.
 */
public final class CriteriaLimits {
    /** Longest criteria text (a search string, or a criteria JSON as sent), in characters. */
    public static final int MAX_TEXT_LENGTH = 8_000;

    /** Most values over all conditions of one criteria. */
    public static final int MAX_TOTAL_VALUES = 500;

    /** Most values over all text tests (each a {@code LIKE} on every record) of one criteria. */
    public static final int MAX_PATTERN_VALUES = 50;

    /** Longest single value, in characters. */
    public static final int MAX_VALUE_LENGTH = 255;

    private CriteriaLimits() {}

    public static void checkText(String criteria) {
        if (criteria.length() > MAX_TEXT_LENGTH) {
            throw CriteriaException.limitExceeded(
                    "criteria is %d characters long; at most %d are accepted".formatted(criteria.length(), MAX_TEXT_LENGTH),
                    "criteria_length", MAX_TEXT_LENGTH);
        }
    }

    public static Criteria check(Criteria criteria) {
        int[] counts = new int[2];
        count(criteria, counts);
        if (counts[0] > MAX_TOTAL_VALUES) {
            throw CriteriaException.limitExceeded(
                    "criteria has %d values; at most %d are accepted over all conditions".formatted(counts[0], MAX_TOTAL_VALUES),
                    "criteria_values", MAX_TOTAL_VALUES);
        }
        if (counts[1] > MAX_PATTERN_VALUES) {
            throw CriteriaException.limitExceeded(
                    ("criteria has %d values in text tests (contains, not_contains, starts_with, ends_with, or a multi-select "
                            + "field); at most %d are accepted, since each is matched against every record").formatted(counts[1], MAX_PATTERN_VALUES),
                    "criteria_text_test_values", MAX_PATTERN_VALUES);
        }
        return criteria;
    }

    private static void count(Criteria criteria, int[] counts) {
        switch (criteria) {
            case Group group -> group.children().forEach(child -> count(child, counts));
            case Condition condition -> {
                counts[0] += condition.values().size();
                if (patternTest(condition)) counts[1] += condition.values().size();
                for (Object value : condition.values()) {
                    if (value instanceof String s && s.length() > MAX_VALUE_LENGTH) {
                        throw CriteriaException.limitExceeded(
                                "a value of field %s is %d characters long; at most %d are accepted"
                                        .formatted(condition.field().apiName(), s.length(), MAX_VALUE_LENGTH),
                                "criteria_value_length", MAX_VALUE_LENGTH);
                    }
                }
            }
        }
    }

    private static boolean patternTest(Condition condition) {
        if (condition.field().dataType() == DataType.MULTISELECTPICKLIST) return true;
        return switch (condition.comparator().positive()) {
            case CONTAINS, STARTS_WITH, ENDS_WITH -> true;
            default -> false;
        };
    }
}
