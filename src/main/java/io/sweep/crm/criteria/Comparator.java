package io.sweep.crm.criteria;

import io.sweep.crm.DataType;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Zoho's criteria comparators, with the field types and value counts each accepts. */
public enum Comparator {
    EQUAL,
    NOT_EQUAL,
    IN,
    NOT_IN,
    LESS_THAN,
    LESS_EQUAL,
    GREATER_THAN,
    GREATER_EQUAL,
    CONTAINS,
    NOT_CONTAINS,
    STARTS_WITH,
    ENDS_WITH,
    BETWEEN,
    NOT_BETWEEN;

    /** The name Zoho uses in views and search strings, e.g. {@code not_between}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Comparator> fromApiName(String name) {
        return Arrays.stream(values()).filter(c -> c.apiName().equals(name)).findFirst();
    }

    /** Whether this comparator selects exactly the records its positive form does not. */
    public boolean negated() {
        return this != positive();
    }

    /** The comparator this one negates, or itself. */
    public Comparator positive() {
        return switch (this) {
            case NOT_EQUAL -> EQUAL;
            case NOT_IN -> IN;
            case NOT_CONTAINS -> CONTAINS;
            case NOT_BETWEEN -> BETWEEN;
            default -> this;
        };
    }

    /**
     * Ordering only where the column has a meaningful order (numbers, dates, times); text
     * matching only on text, plus {@code contains} on multi-select (does the list hold the value).
     */
    public boolean appliesTo(DataType type) {
        return switch (positive()) {
            case EQUAL -> true;
            case IN -> type != DataType.BOOLEAN;
            case LESS_THAN, LESS_EQUAL, GREATER_THAN, GREATER_EQUAL, BETWEEN -> isOrdered(type);
            case CONTAINS -> type.isTextual() || type == DataType.MULTISELECTPICKLIST;
            case STARTS_WITH, ENDS_WITH -> type.isTextual();
            default -> throw new AssertionError(this);
        };
    }

    /** {@code ${EMPTY}} (null) is a value only where "is empty" reads naturally. */
    public boolean acceptsEmpty() {
        return positive() == EQUAL || positive() == IN;
    }

    public int minValues() {
        return positive() == BETWEEN ? 2 : 1;
    }

    public int maxValues() {
        return switch (positive()) {
            case BETWEEN -> 2;
            case LESS_THAN, LESS_EQUAL, GREATER_THAN, GREATER_EQUAL -> 1;
            default -> Criteria.MAX_VALUES;
        };
    }

    private static boolean isOrdered(DataType type) {
        return type.isNumeric() || type == DataType.DATE || type == DataType.DATETIME;
    }
}
