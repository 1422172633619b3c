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
}
