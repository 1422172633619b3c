package io.sweep.crm.criteria;

import io.sweep.crm.DataType;
import io.sweep.crm.Field;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Turns criteria values written as text into the Java type of the field's column. */
final class CriteriaValues {
    /** How Zoho spells "no value" in criteria. */
    static final String EMPTY = "${EMPTY}";

    private static final Pattern ID = Pattern.compile("[0-9]{1,19}");
    // NUMERIC(18,2): a value that does not fit the column would make the database, not us, fail
    private static final int DECIMAL_INTEGER_DIGITS = 16;
    private static final int DECIMAL_FRACTION_DIGITS = 2;

    private CriteriaValues() {}

    static Class<?> javaType(DataType type) {
        return type.columnJavaType();
    }

    /** {@code ${EMPTY}} becomes null; text stays as written, other types ignore surrounding blanks. */
    static Object parse(Field field, String raw) {
        if (raw == null || raw.equals(EMPTY)) return null;
        DataType type = field.dataType();
        if (javaType(type) == String.class) return raw;
        String text = raw.strip();
        try {
            return switch (type) {
                case INTEGER -> new BigDecimal(text).intValueExact();
                case BIGINT -> new BigDecimal(text).longValueExact();
                case DOUBLE, PERCENT -> finite(new BigDecimal(text).doubleValue());
                case DECIMAL, CURRENCY -> decimal(new BigDecimal(text));
                case BOOLEAN -> bool(text);
                case DATE -> LocalDate.parse(text);
                case DATETIME -> OffsetDateTime.parse(text);
                case LOOKUP, OWNERLOOKUP, LAYOUT -> id(text);
                default -> throw new AssertionError(type);
            };
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
            throw new CriteriaException(
                    "value '%s' of field %s is not %s".formatted(CriteriaException.shorten(raw), field.apiName(), expected(type)),
                    field.apiName());
        }
    }

    private static String expected(DataType type) {
        return switch (type) {
            case INTEGER -> "a whole number (integer)";
            case BIGINT -> "a whole number (bigint)";
            case DECIMAL, CURRENCY -> "a number with at most %d digits before and %d after the decimal point"
                    .formatted(DECIMAL_INTEGER_DIGITS, DECIMAL_FRACTION_DIGITS);
            case DOUBLE, PERCENT -> "a number";
            case BOOLEAN -> "true or false";
            case DATE -> "a date like 2026-11-29";
            case DATETIME -> "a date-time with offset like 2026-11-29T14:05:09+00:00";
            case LOOKUP, OWNERLOOKUP, LAYOUT -> "a record id (digits)";
            default -> "valid";
        };
    }

    private static double finite(double value) {
        if (!Double.isFinite(value)) throw new ArithmeticException("out of range");
        return value;
    }

    private static BigDecimal decimal(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > DECIMAL_FRACTION_DIGITS
                || stripped.precision() - stripped.scale() > DECIMAL_INTEGER_DIGITS) {
            throw new ArithmeticException("does not fit NUMERIC(18,2)");
        }
        return value;
    }

    private static boolean bool(String text) {
        if (text.equalsIgnoreCase("true")) return true;
        if (text.equalsIgnoreCase("false")) return false;
        throw new NumberFormatException(text);
    }

    private static long id(String text) {
        if (!ID.matcher(text).matches()) throw new NumberFormatException(text);
        return Long.parseLong(text);
    }
}
