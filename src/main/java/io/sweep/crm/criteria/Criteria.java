package io.sweep.crm.criteria;

/**
 * A record filter: one {@link Condition} on a field, or a {@link Group} of filters joined by
 * and/or. Built by {@link SearchCriteriaParser} (search strings) or {@link ViewCriteriaJson}
 * (custom views), validated against the module's fields, and turned into SQL by
 * {@link CriteriaSql}.
 */
public sealed interface Criteria permits Condition, Group {

    /** Deepest nesting a search string or view may use; a lone condition is 1. */
    int MAX_DEPTH = 10;

    /** Most conditions in one criteria, so a request cannot make a statement of any size. */
    int MAX_CONDITIONS = 50;

    /**
     * Most values in one condition. With {@link #MAX_CONDITIONS} it keeps a statement well under
     * PostgreSQL's 32,767 bind parameters.
     */
    int MAX_VALUES = 200;
}
