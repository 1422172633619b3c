package io.sweep.crm;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A CRM module with its fields; {@code table} is its record table. */
public record Module(
        long id,
        String apiName,
        String moduleName,
        String singularLabel,
        String pluralLabel,
        String table,
        boolean custom,
        int sequenceNumber,
        List<Field> fields) {

    public Module {
        fields = List.copyOf(fields);
    }

    public Optional<Field> field(String apiName) {
        return fields.stream().filter(f -> f.apiName().equals(apiName)).findFirst();
    }

    /** The lower-case name used in scopes, e.g. {@code salesorders} for Sales_Orders. */
    public String scopeName() {
        return scopeKey(apiName);
    }

    public static String scopeKey(String name) {
        return name.toLowerCase(Locale.ROOT).replace("_", "");
    }
}
