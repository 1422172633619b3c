package io.sweep.crm.criteria;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.sweep.crm.DataType;
import io.sweep.crm.Field;
import io.sweep.crm.Module;
import io.sweep.crm.PicklistValue;
import io.sweep.crm.Where;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Compiles criteria to a SQL condition on a module's record table, in the SQL that H2 and
 * PostgreSQL share. Values are always bound parameters; column names come only from the
 * module's field metadata.
 *
 * <p>Semantics, as a Zoho user expects them:
 * <ul>
 *   <li>Text comparisons ignore case: {@code LOWER(col) = :p}, and contains/starts_with/
 *       ends_with are {@code LOWER(col) LIKE :p ESCAPE '!'} with {@code % _ !} in the value escaped;
 *       the values are bound in lower case already, since the database would otherwise lower
 *       each value again for every record (with many values, most of a query's time).
 *   <li>A multi-select column holds Jackson's JSON array text ({@code ["A","B"]}); equal, in and
 *       contains test whether the list holds the value, by finding {@code "value"} in that text.
 *   <li>Every negated comparator (not_equal, not_in, not_contains, not_between) selects exactly
 *       the records its positive form does not, so records where the field is empty are included.
 *   <li>{@code ${EMPTY}} (null) means empty: NULL, or {@code ''} for text, {@code []} for multi-select.
 *   <li>between is inclusive at both ends.
 * </ul>
 */
public final class CriteriaSql {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    // Not the usual backslash: Jdbi's statement lexer reads \' inside a literal as an escaped
    // quote, so a second ESCAPE '\' in one statement would swallow the parameters between them.
    private static final char LIKE_ESCAPE = '!';

    private final String prefix;
    private final Map<String, Object> params = new LinkedHashMap<>();

    private CriteriaSql(String prefix) {
        this.prefix = prefix;
    }

    /**
     * @param paramPrefix parameters are named {@code :<prefix>0, :<prefix>1 …}; give each fragment
     *     of one statement its own prefix
     */
    public static Where compile(Module module, Criteria criteria, String paramPrefix) {
        requireIdentifier(paramPrefix, "parameter prefix");
        requireFieldsOf(module, criteria);
        var compiler = new CriteriaSql(paramPrefix);
        String sql = compiler.criteria(criteria);
        return new Where(sql, compiler.params);
    }

    private String criteria(Criteria criteria) {
        return switch (criteria) {
            case Condition condition -> condition(condition);
            case Group group when group.children().size() == 1 -> criteria(group.children().get(0));
            case Group group -> group.children().stream()
                    .map(this::criteria)
                    .collect(Collectors.joining(" " + group.op().name() + " ", "(", ")"));
        };
    }

    private String condition(Condition condition) {
        Field field = condition.field();
        String column = field.column();
        List<Object> present = condition.values().stream().filter(Objects::nonNull).toList();
        boolean empty = present.size() < condition.values().size();

        List<String> tests = new ArrayList<>(2);
        if (!present.isEmpty()) tests.add(positive(condition.comparator().positive(), field, present));
        if (empty) tests.add(isEmpty(field.dataType(), column));
        String positive = anyOf(tests);

        if (!condition.comparator().negated()) return positive;
        // a positive test is never unknown on a non-NULL column, so NOT is its exact complement
        // there; NULL rows belong to the complement unless the positive test already took them
        return empty ? "NOT (" + positive + ")" : "(" + column + " IS NULL OR NOT (" + positive + "))";
    }

    private String positive(Comparator comparator, Field field, List<Object> values) {
        String column = field.column();
        boolean multiSelect = field.dataType() == DataType.MULTISELECTPICKLIST;
        return switch (comparator) {
            case EQUAL, IN -> multiSelect ? holdsAny(column, values) : equalsAny(field, values);
            case CONTAINS -> multiSelect
                    ? holdsAny(column, values)
                    : anyOf(values, v -> like(column, "%" + escapeLike(v) + "%"));
            case STARTS_WITH -> anyOf(values, v -> like(column, escapeLike(v) + "%"));
            case ENDS_WITH -> anyOf(values, v -> like(column, "%" + escapeLike(v)));
            case LESS_THAN -> column + " < " + param(values.get(0));
            case LESS_EQUAL -> column + " <= " + param(values.get(0));
            case GREATER_THAN -> column + " > " + param(values.get(0));
            case GREATER_EQUAL -> column + " >= " + param(values.get(0));
            case BETWEEN -> column + " BETWEEN " + param(values.get(0)) + " AND " + param(values.get(1));
            default -> throw new AssertionError("not a positive comparator: " + comparator);
        };
    }

    /**
     * Text ignores case, as Zoho's search does; other types compare as they are. A picklist value
     * is first mapped to the stored spelling, so the comparison is exact and can use the index.
     */
    private String equalsAny(Field field, List<Object> values) {
        if (field.dataType() == DataType.PICKLIST) {
            values = values.stream().map(v -> canonicalPicklistValue(field, (String) v)).toList();
        }
        boolean text = field.dataType().isTextual() && field.dataType() != DataType.PICKLIST;
        String column = text ? "LOWER(" + field.column() + ")" : field.column();
        Function<Object, String> operand = v -> text ? param(lower(v)) : param(v);
        if (values.size() == 1) return column + " = " + operand.apply(values.get(0));
        return column + " IN " + values.stream().map(operand).collect(Collectors.joining(", ", "(", ")"));
    }

    private static Object canonicalPicklistValue(Field field, String value) {
        return field.picklistValues().stream()
                .map(PicklistValue::actualValue)
                .filter(actual -> actual.equalsIgnoreCase(value))
                .findFirst()
                .orElse(value);
    }

    /** A multi-select list holds the value: its JSON text contains the quoted value. */
    private String holdsAny(String column, List<Object> values) {
        return anyOf(values, v -> like(column, "%" + escapeLike(jsonString(v)) + "%"));
    }

    private String like(String column, String pattern) {
        return "LOWER(" + column + ") LIKE " + param(lower(pattern)) + " ESCAPE '" + LIKE_ESCAPE + "'";
    }

    private static String lower(Object text) {
        return ((String) text).toLowerCase(java.util.Locale.ROOT);
    }

    private static String isEmpty(DataType type, String column) {
        if (type == DataType.MULTISELECTPICKLIST) return "(" + column + " IS NULL OR " + column + " = '[]')";
        if (type.isTextual()) return "(" + column + " IS NULL OR " + column + " = '')";
        return column + " IS NULL";
    }

    private String param(Object value) {
        String name = prefix + params.size();
        params.put(name, value);
        return ":" + name;
    }

    private static String anyOf(List<Object> values, Function<Object, String> test) {
        return anyOf(values.stream().map(test).toList());
    }

    private static String anyOf(List<String> tests) {
        return tests.size() == 1 ? tests.get(0) : "(" + String.join(" OR ", tests) + ")";
    }

    private static String escapeLike(Object value) {
        String text = (String) value;
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (c == '%' || c == '_' || c == LIKE_ESCAPE) out.append(LIKE_ESCAPE);
            out.append(c);
        }
        return out.toString();
    }

    /** The value as Jackson writes it inside a JSON array: quoted, with {@code "} and {@code \} escaped. */
    private static String jsonString(Object value) {
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString((String) value)) + '"';
    }

    private static void requireFieldsOf(Module module, Criteria criteria) {
        switch (criteria) {
            case Condition condition -> {
                Field field = condition.field();
                if (!module.field(field.apiName()).map(field::equals).orElse(false)) {
                    throw new IllegalArgumentException(
                            "field %s is not a field of module %s".formatted(field.apiName(), module.apiName()));
                }
                requireIdentifier(field.column(), "column of field " + field.apiName());
            }
            case Group group -> group.children().forEach(child -> requireFieldsOf(module, child));
        }
    }

    private static void requireIdentifier(String name, String what) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " is not a plain SQL identifier: " + name);
        }
    }
}
