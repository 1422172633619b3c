package io.sweep.crm.criteria;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sweep.crm.Field;
import io.sweep.crm.Module;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Zoho's custom-view criteria JSON. A leaf is
 * {@code {"comparator":"equal","field":{"api_name":"Lead_Status","id":"…"},"value":"Contacted"}},
 * a group {@code {"group_operator":"and","group":[…]}}. Reading validates like
 * {@link SearchCriteriaParser}; values may be strings, numbers, booleans, null or arrays, and
 * {@code "${EMPTY}"} is null. Writing gives Zoho's shape: ids as strings, an array for
 * in/not_in/between/not_between (or several values), {@code "${EMPTY}"} for null.
 */
public final class ViewCriteriaJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    // Zoho's time format: second precision, "+00:00" rather than "Z"
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .appendOffset("+HH:MM", "+00:00")
            .toFormatter(Locale.ROOT);

    private final Module module;
    private final Predicate<Field> visible;
    private int conditions;

    private ViewCriteriaJson(Module module, Predicate<Field> visible) {
        this.module = module;
        this.visible = visible;
    }

    public static Criteria read(Module module, JsonNode criteria) {
        return read(module, criteria, field -> true);
    }

    /**
     * As {@link #read(Module, JsonNode)}, for a caller who sees only the fields {@code visible}
     * accepts: any other is an unknown field. Also takes the Zoho SDK's form of a mass update's
     * criteria: an array of criteria (each a condition or a group), all of which must hold, and a
     * condition may name its field by {@code api_name} instead of {@code field}. The criteria's
     * size is checked against {@link CriteriaLimits}.
     */
    public static Criteria read(Module module, JsonNode criteria, Predicate<Field> visible) {
        if (criteria == null || criteria.isNull() || criteria.isMissingNode()) {
            throw new CriteriaException("criteria is empty");
        }
        CriteriaLimits.checkText(criteria.toString());
        var reader = new ViewCriteriaJson(module, visible);
        return CriteriaLimits.check(criteria.isArray() ? reader.all(criteria) : reader.node(criteria, 1, ""));
    }

    /** An array: each member a criteria, joined by and. */
    private Criteria all(JsonNode members) {
        if (members.isEmpty()) throw new CriteriaException("criteria must not be an empty array");
        List<Criteria> children = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) children.add(node(members.get(i), 1, "[" + i + "]"));
        return children.size() == 1 ? children.get(0) : new Group(GroupOperator.AND, children);
    }

    public static ObjectNode write(Criteria criteria) {
        return switch (criteria) {
            case Condition c -> condition(c);
            case Group g -> {
                ArrayNode members = JSON.arrayNode();
                g.children().forEach(child -> members.add(write(child)));
                ObjectNode group = JSON.objectNode();
                group.put("group_operator", g.op().apiName());
                group.set("group", members);
                yield group;
            }
        };
    }

    /** {@code path} locates the node for error messages: "" for the root, else like {@code group[1].group[0]}. */
    private Criteria node(JsonNode node, int depth, String path) {
        if (!node.isObject()) {
            throw new CriteriaException("criteria must be an object, got " + node.getNodeType()).at(path);
        }
        if (depth > Criteria.MAX_DEPTH) {
            throw new CriteriaException("criteria nested deeper than " + Criteria.MAX_DEPTH + " levels").at(path);
        }
        return node.has("group") || node.has("group_operator") ? group(node, depth, path) : leaf(node, path);
    }

    private Group group(JsonNode node, int depth, String path) {
        GroupOperator op = GroupOperator.fromApiName(node.path("group_operator").asText())
                .orElseThrow(() -> new CriteriaException("group_operator must be \"and\" or \"or\"").at(child(path, "group_operator")));
        JsonNode members = node.path("group");
        if (!members.isArray() || members.isEmpty()) {
            throw new CriteriaException("group must be a non-empty array of criteria").at(child(path, "group"));
        }
        List<Criteria> children = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) children.add(node(members.get(i), depth + 1, child(path, "group[" + i + "]")));
        return new Group(op, children);
    }

    private Condition leaf(JsonNode node, String path) {
        if (++conditions > Criteria.MAX_CONDITIONS) {
            throw new CriteriaException("criteria has more than " + Criteria.MAX_CONDITIONS + " conditions").at(path);
        }
        Field field;
        try {
            field = field(node.has("field") || !node.hasNonNull("api_name") ? node.path("field") : node.get("api_name"));
        } catch (CriteriaException e) {
            throw e.at(child(path, "field"));
        }
        String name = node.path("comparator").asText();
        Comparator comparator = Comparator.fromApiName(name).orElseThrow(() -> new CriteriaException(
                "unknown comparator '%s' for field %s".formatted(CriteriaException.shorten(name), field.apiName()),
                field.apiName()).at(child(path, "comparator")));
        if (!comparator.appliesTo(field.dataType())) {
            try {
                Condition.requireApplicable(field, comparator);
            } catch (CriteriaException e) {
                throw e.at(child(path, "comparator"));
            }
        }
        if (!node.has("value")) {
            throw new CriteriaException("missing value for field " + field.apiName(), field.apiName()).at(child(path, "value"));
        }
        try {
            return ConditionFactory.condition(field, comparator, values(field, node.get("value")));
        } catch (CriteriaException e) {
            throw e.at(child(path, "value"));
        }
    }

    private static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** By api_name as Zoho writes it; a bare string or an id alone are accepted too. */
    private Field field(JsonNode node) {
        if (node.isTextual()) return ConditionFactory.field(module, node.asText(), visible);
        if (node.hasNonNull("api_name")) {
            Field field = ConditionFactory.field(module, node.get("api_name").asText(), visible);
            if (node.hasNonNull("id") && !node.get("id").asText().equals(Long.toString(field.id()))) {
                throw new CriteriaException(
                        "field id %s does not belong to field %s".formatted(
                                CriteriaException.shorten(node.get("id").asText()), field.apiName()),
                        field.apiName());
            }
            return field;
        }
        if (node.hasNonNull("id")) {
            String id = node.get("id").asText();
            return module.fields().stream()
                    .filter(f -> Long.toString(f.id()).equals(id) && visible.test(f))
                    .findFirst()
                    .orElseThrow(() -> new CriteriaException("unknown field id %s in module %s"
                            .formatted(CriteriaException.shorten(id), module.apiName())));
        }
        throw new CriteriaException("a condition needs a field with an api_name");
    }

    private static List<String> values(Field field, JsonNode value) {
        List<String> values = new ArrayList<>();
        if (value.isArray()) {
            for (JsonNode element : value) values.add(scalar(field, element));
        } else {
            values.add(scalar(field, value));
        }
        return values;
    }

    /** As text, so JSON and search strings share one conversion. */
    private static String scalar(Field field, JsonNode value) {
        if (value.isNull()) return null;
        if (value.isValueNode()) return value.asText();
        throw new CriteriaException(
                "value of field %s must be a string, number, boolean, null or an array of those"
                        .formatted(field.apiName()),
                field.apiName());
    }

    private static ObjectNode condition(Condition condition) {
        Field field = condition.field();
        ObjectNode node = JSON.objectNode();
        node.put("comparator", condition.comparator().apiName());
        node.putObject("field").put("api_name", field.apiName()).put("id", Long.toString(field.id()));
        List<Object> values = condition.values();
        Comparator positive = condition.comparator().positive();
        if (values.size() > 1 || positive == Comparator.IN || positive == Comparator.BETWEEN) {
            ArrayNode array = node.putArray("value");
            values.forEach(v -> array.add(value(field, v)));
        } else {
            node.set("value", value(field, values.get(0)));
        }
        return node;
    }

    private static JsonNode value(Field field, Object value) {
        return switch (value) {
            case null -> JSON.textNode(CriteriaValues.EMPTY);
            case Integer i -> JSON.numberNode(i);
            // 64-bit: ids and bigints travel as strings, as in every Zoho response
            case Long l -> JSON.textNode(Long.toString(l));
            case Double d -> JSON.numberNode(d);
            case BigDecimal d -> JSON.numberNode(d);
            case Boolean b -> JSON.booleanNode(b);
            case LocalDate d -> JSON.textNode(d.toString());
            case OffsetDateTime t -> JSON.textNode(DATE_TIME.format(t));
            case String s -> JSON.textNode(s);
            default -> throw new IllegalArgumentException(
                    "unexpected value type %s for field %s".formatted(value.getClass(), field.apiName()));
        };
    }
}
