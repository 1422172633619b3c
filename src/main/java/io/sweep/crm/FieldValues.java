package io.sweep.crm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a JSON value means for a field of a given type: the Java value stored in the field's
 * column, or an {@link InvalidValueException}. Java values per type: String (text family,
 * picklist), {@code List<String>} (multi-select), Integer, Long (bigint, lookups, owners),
 * Double (double, percent), BigDecimal (decimal, currency), Boolean, LocalDate, OffsetDateTime
 * (UTC, whole seconds).
 */
public final class FieldValues {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
    private static final Pattern ID = Pattern.compile("^\\d{1,19}$");

    private FieldValues() {}

    /** Parses a value for writing. JSON null clears the field. */
    public static Object parse(Field field, JsonNode node) {
        if (node == null || node.isNull()) return null;
        return switch (field.dataType()) {
            case TEXT, TEXTAREA, PHONE, WEBSITE -> text(field, node);
            case EMAIL -> email(field, node);
            case PICKLIST -> picklist(field, node);
            case MULTISELECTPICKLIST -> multiSelect(field, node);
            case INTEGER -> integer(field, node);
            case BIGINT -> bigint(field, node);
            case DOUBLE, PERCENT -> doubleValue(field, node);
            case DECIMAL, CURRENCY -> decimal(field, node);
            case BOOLEAN -> bool(field, node);
            case DATE -> date(field, node);
            case DATETIME -> datetime(field, node);
            case LOOKUP, OWNERLOOKUP, LAYOUT -> reference(field, node);
            case FORMULA, AUTONUMBER -> throw new InvalidValueException(field, "read-only field");
        };
    }

    private static String text(Field field, JsonNode node) {
        if (!node.isTextual()) throw new InvalidValueException(field, "expected a string");
        String value = node.asText();
        if (value.codePointCount(0, value.length()) > field.length()) {
            throw new InvalidValueException(field, "longer than " + field.length() + " characters");
        }
        return value;
    }

    private static String email(Field field, JsonNode node) {
        String value = text(field, node);
        if (!value.isEmpty() && !EMAIL.matcher(value).matches()) throw new InvalidValueException(field, "not an e-mail address");
        return value;
    }

    private static String picklist(Field field, JsonNode node) {
        String value = text(field, node);
        if (!field.hasPicklistValue(value)) throw new InvalidValueException(field, notOneOf(field, value));
        return value;
    }

    /** Names the value and the values allowed (the first 30 of a long picklist): a typo is then plain to see. */
    private static String notOneOf(Field field, String value) {
        var allowed = field.picklistValues().stream().map(PicklistValue::actualValue).toList();
        String shown = String.join(", ", allowed.subList(0, Math.min(30, allowed.size())));
        return "'" + value + "' is not one of " + shown + (allowed.size() > 30 ? ", … (" + allowed.size() + " values)" : "");
    }

    private static List<String> multiSelect(Field field, JsonNode node) {
        if (!node.isArray()) throw new InvalidValueException(field, "expected an array of picklist values");
        var values = new LinkedHashSet<String>();
        for (JsonNode item : node) {
            if (!item.isTextual()) throw new InvalidValueException(field, "expected an array of picklist values, found " + item);
            if (!field.hasPicklistValue(item.asText())) throw new InvalidValueException(field, notOneOf(field, item.asText()));
            values.add(item.asText());
        }
        return List.copyOf(values);
    }

    private static BigDecimal number(Field field, JsonNode node) {
        try {
            if (node.isNumber()) return node.decimalValue();
            if (node.isTextual() && !node.asText().isBlank()) return new BigDecimal(node.asText().trim());
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new InvalidValueException(field, "expected a number");
    }

    private static BigInteger whole(Field field, JsonNode node) {
        BigDecimal n = number(field, node);
        // refuse absurd magnitudes before converting: 1e999999999 would take minutes to expand
        if (n.precision() - n.scale() > 20) throw new InvalidValueException(field, "out of range");
        try {
            return n.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new InvalidValueException(field, "expected a whole number");
        }
    }

    private static Integer integer(Field field, JsonNode node) {
        BigInteger n = whole(field, node);
        if (n.bitLength() > 31) throw new InvalidValueException(field, "out of range");
        return n.intValue();
    }

    private static Long bigint(Field field, JsonNode node) {
        BigInteger n = whole(field, node);
        if (n.bitLength() > 63) throw new InvalidValueException(field, "out of range");
        return n.longValue();
    }

    private static Double doubleValue(Field field, JsonNode node) {
        double d = number(field, node).doubleValue();
        if (!Double.isFinite(d)) throw new InvalidValueException(field, "out of range");
        return d;
    }

    private static BigDecimal decimal(Field field, JsonNode node) {
        int scale = field.decimalPlace() == null ? 2 : field.decimalPlace();
        BigDecimal raw = number(field, node);
        if (raw.precision() - raw.scale() > 16 || raw.scale() > 1000) throw new InvalidValueException(field, "out of range");
        BigDecimal n = raw.setScale(scale, RoundingMode.HALF_UP);
        // NUMERIC(18,2) columns: 16 digits before the point
        if (n.precision() - n.scale() > 16) throw new InvalidValueException(field, "out of range");
        return n;
    }

    private static Boolean bool(Field field, JsonNode node) {
        if (node.isBoolean()) return node.booleanValue();
        if (node.isTextual() && (node.asText().equals("true") || node.asText().equals("false"))) return Boolean.valueOf(node.asText());
        throw new InvalidValueException(field, "expected true or false");
    }

    private static LocalDate date(Field field, JsonNode node) {
        if (node.isTextual() && DATE.matcher(node.asText()).matches()) {
            try {
                return LocalDate.parse(node.asText());
            } catch (DateTimeParseException e) {
                // falls through
            }
        }
        throw new InvalidValueException(field, "expected a date as yyyy-MM-dd");
    }

    private static OffsetDateTime datetime(Field field, JsonNode node) {
        if (node.isTextual()) {
            try {
                return OffsetDateTime.parse(node.asText()).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
            } catch (DateTimeParseException e) {
                // falls through
            }
        }
        throw new InvalidValueException(field, "expected an ISO-8601 date-time with offset");
    }

    /** A reference is written as {"id": "…"} or as the id itself. */
    private static Long reference(Field field, JsonNode node) {
        JsonNode id = node.isObject() ? node.get("id") : node;
        if (id != null && (id.isTextual() || id.isIntegralNumber()) && ID.matcher(id.asText()).matches()) {
            try {
                return Long.parseLong(id.asText());
            } catch (NumberFormatException e) {
                // falls through
            }
        }
        throw new InvalidValueException(field, "expected a reference {\"id\": \"…\"}");
    }

    /** A multi-select column holds its values as a JSON array text. */
    public static String multiSelectColumn(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> multiSelectFromColumn(String text) {
        if (text == null || text.isEmpty()) return List.of();
        try {
            return JSON.readValue(text, new TypeReference<List<String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("multi-select column holds no JSON array: " + text, e);
        }
    }

    /** Multi-select with over_write=false: the values present, then the new ones not yet present. */
    public static List<String> union(List<String> present, List<String> added) {
        var all = new LinkedHashSet<String>(present == null ? List.of() : present);
        if (added != null) all.addAll(added);
        return new ArrayList<>(all);
    }
}
