package io.sweep.crm.criteria;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A search criteria with {@code ${params.NAME}} placeholders, as a rule's selection may hold:
 * {@code (Email:equals:${params.email})}. Binding puts a run's parameter values in their place,
 * each escaped ({@code \ ( ) , :} get a backslash), so a value is only ever a value: it cannot
 * close the condition, add a comparator or another condition. An array stands for a list of
 * values ({@code (Email:in:${params.emails})}). The placeholders are replaced in one pass: a value
 * that looks like a placeholder stays text.
 */
public final class CriteriaTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{params\\.([A-Za-z_][A-Za-z0-9_]*)}");

    private CriteriaTemplate() {}

    /** A placeholder names a parameter the run does not have, or one whose value is not a value. */
    public static final class UnboundParameter extends RuntimeException {
        private final String name;

        UnboundParameter(String name, String message) {
            super(message);
            this.name = name;
        }

        public String name() {
            return name;
        }
    }

    /** The parameter names the criteria's placeholders use, in order of first use. */
    public static Set<String> names(String criteria) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(criteria);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    /** The criteria with each placeholder replaced by its parameter's value, escaped. */
    public static String bind(String criteria, Map<String, JsonNode> params) {
        Matcher m = PLACEHOLDER.matcher(criteria);
        var bound = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            JsonNode value = params.get(name);
            if (value == null || value.isNull() || value.isMissingNode()) {
                throw new UnboundParameter(name, "the selection uses ${params." + name + "}, and the run has no parameter " + name);
            }
            m.appendReplacement(bound, Matcher.quoteReplacement(text(name, value)));
        }
        m.appendTail(bound);
        return bound.toString();
    }

    private static String text(String name, JsonNode value) {
        if (value.isArray()) {
            if (value.isEmpty()) throw new UnboundParameter(name, "parameter " + name + " is an empty list; the selection needs at least one value");
            var values = new StringBuilder();
            for (JsonNode element : value) {
                if (!element.isValueNode() || element.isNull()) {
                    throw new UnboundParameter(name, "parameter " + name + " holds something other than plain values");
                }
                values.append(values.isEmpty() ? "" : ",").append(escape(element.asText()));
            }
            return values.toString();
        }
        if (!value.isValueNode()) throw new UnboundParameter(name, "parameter " + name + " is an object; the selection needs a value or a list of values");
        return escape(value.asText());
    }

    /** The characters the criteria parser reads as structure, each escaped with a backslash. */
    static String escape(String value) {
        var escaped = new StringBuilder(value.length() + 8);
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '(' || c == ')' || c == ',' || c == ':') escaped.append('\\');
            escaped.append(c);
        }
        return escaped.toString();
    }
}
