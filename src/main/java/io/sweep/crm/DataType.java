package io.sweep.crm;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Zoho's field data types. Each knows the JSON type Zoho reports for it and whether it can
 * ever be mass updated: Zoho never mass updates e-mail, lookups, owner lookups, layouts,
 * multi-line text, formulas or auto-numbers, whatever a field's metadata says.
 */
public enum DataType {
    TEXT("string", true),
    TEXTAREA("string", false),
    EMAIL("string", false),
    PHONE("string", true),
    WEBSITE("string", true),
    PICKLIST("string", true),
    MULTISELECTPICKLIST("jsonarray", true),
    INTEGER("integer", true),
    BIGINT("string", true),
    DOUBLE("double", true),
    DECIMAL("double", true),
    CURRENCY("double", true),
    PERCENT("double", true),
    BOOLEAN("boolean", true),
    DATE("string", true),
    DATETIME("string", true),
    LOOKUP("jsonobject", false),
    OWNERLOOKUP("jsonobject", false),
    FORMULA("string", false),
    AUTONUMBER("string", false),
    LAYOUT("jsonobject", false);

    private final String jsonType;
    private final boolean massUpdatable;

    DataType(String jsonType, boolean massUpdatable) {
        this.jsonType = jsonType;
        this.massUpdatable = massUpdatable;
    }

    /** The name Zoho uses in {@code data_type}, e.g. {@code multiselectpicklist}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String jsonType() {
        return jsonType;
    }

    /** Whether a field of this type may be mass updated at all (the field's own flag must agree). */
    public boolean massUpdatable() {
        return massUpdatable;
    }

    public boolean isNumeric() {
        return switch (this) {
            case INTEGER, BIGINT, DOUBLE, DECIMAL, CURRENCY, PERCENT -> true;
            default -> false;
        };
    }

    public boolean isTextual() {
        return switch (this) {
            case TEXT, TEXTAREA, EMAIL, PHONE, WEBSITE, PICKLIST, FORMULA, AUTONUMBER -> true;
            default -> false;
        };
    }

    /** References another row by id (a record, a user or a layout). */
    public boolean isReference() {
        return this == LOOKUP || this == OWNERLOOKUP || this == LAYOUT;
    }

    /** The Java type bound to a column of this type (a multi-select list is stored as its JSON text). */
    public Class<?> columnJavaType() {
        return switch (this) {
            case TEXT, TEXTAREA, EMAIL, PHONE, WEBSITE, PICKLIST, MULTISELECTPICKLIST, FORMULA, AUTONUMBER -> String.class;
            case INTEGER -> Integer.class;
            case BIGINT, LOOKUP, OWNERLOOKUP, LAYOUT -> Long.class;
            case DOUBLE, PERCENT -> Double.class;
            case DECIMAL, CURRENCY -> java.math.BigDecimal.class;
            case BOOLEAN -> Boolean.class;
            case DATE -> java.time.LocalDate.class;
            case DATETIME -> java.time.OffsetDateTime.class;
        };
    }

    public static Optional<DataType> fromApiName(String name) {
        return Arrays.stream(values()).filter(t -> t.apiName().equals(name)).findFirst();
    }
}
