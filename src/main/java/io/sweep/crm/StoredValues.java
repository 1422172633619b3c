package io.sweep.crm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Field values kept outside their record (a job's before and after values) as a JSON object
 * keyed by api name. Written in the same JSON a client would send, so reading back goes through
 * {@link FieldValues#parse} like any other input.
 */
public final class StoredValues {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredValues() {}

    @SuppressWarnings("unchecked")
    public static String write(Map<String, Object> values) {
        ObjectNode node = JSON.createObjectNode();
        values.forEach((name, v) -> {
            switch (v) {
                case null -> node.putNull(name);
                case List<?> list -> {
                    var array = node.putArray(name);
                    ((List<String>) list).forEach(array::add);
                }
                case Integer i -> node.put(name, i);
                case Long l -> node.put(name, String.valueOf(l));
                case Double d -> node.put(name, d);
                case BigDecimal d -> node.put(name, d);
                case Boolean b -> node.put(name, b);
                default -> node.put(name, v.toString());
            }
        });
        return node.toString();
    }

    /** Values of fields the module still has; a field removed since is left out. */
    public static Map<Field, Object> read(Module module, String json) {
        Map<Field, Object> values = new LinkedHashMap<>();
        try {
            JsonNode node = JSON.readTree(json);
            node.properties().forEach(e -> module.field(e.getKey())
                    .ifPresent(f -> values.put(f, FieldValues.parse(f, e.getValue()))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored values are not JSON: " + json, e);
        }
        return values;
    }

    /** The api names a stored object holds; none for null. */
    public static java.util.Set<String> fieldNames(String json) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        if (json == null) return names;
        try {
            JSON.readTree(json).fieldNames().forEachRemaining(names::add);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored values are not JSON: " + json, e);
        }
        return names;
    }

    /**
     * Whether two stored values are the same value: numbers by amount (a record read back may
     * carry another scale than the value written), a multi-select's options in any order.
     */
    public static boolean same(JsonNode a, JsonNode b) {
        boolean aEmpty = a == null || a.isNull();
        boolean bEmpty = b == null || b.isNull();
        if (aEmpty || bEmpty) return aEmpty == bEmpty;
        if (a.isNumber() && b.isNumber()) return a.decimalValue().compareTo(b.decimalValue()) == 0;
        if (a.isArray() && b.isArray()) {
            List<String> left = new java.util.ArrayList<>();
            List<String> right = new java.util.ArrayList<>();
            a.forEach(v -> left.add(v.toString()));
            b.forEach(v -> right.add(v.toString()));
            java.util.Collections.sort(left);
            java.util.Collections.sort(right);
            return left.equals(right);
        }
        return a.equals(b);
    }

    /** One value as {@link #write} stores it. */
    public static JsonNode stored(Object value) {
        Map<String, Object> one = new java.util.HashMap<>();
        one.put("v", value);
        try {
            return JSON.readTree(write(one)).get("v");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
