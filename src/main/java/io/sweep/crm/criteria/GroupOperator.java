package io.sweep.crm.criteria;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How the members of a {@link Group} combine. */
public enum GroupOperator {
    AND,
    OR;

    /** The name Zoho uses in {@code group_operator} and between search terms. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Case-insensitive: Zoho's own examples write both {@code and} and {@code AND}. */
    public static Optional<GroupOperator> fromApiName(String name) {
        return Arrays.stream(values()).filter(o -> o.apiName().equalsIgnoreCase(name)).findFirst();
    }
}
