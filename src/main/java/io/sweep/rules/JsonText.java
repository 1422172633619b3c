package io.sweep.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sweep.crm.RecordTime;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Map;

/**
 * JSON text of host values, the only form in which data enters a rule context (the script
 * parses it into fresh plain objects). Accepts what a record or parameters hold and refuses
 * anything else, so no host object ever reaches a script.
 */
final class JsonText {
    static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 32;
    /** Integers beyond this lose digits as JavaScript numbers; they travel as strings. */
    private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    private JsonText() {}

    static String of(Object value) {
        try {
            return MAPPER.writeValueAsString(node(value, 0));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write as JSON: " + e.getMessage(), e);
        }
    }

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Ids and other long integers should come as strings already; those that do not fit a
     * JavaScript number exactly are turned into strings here rather than silently rounded.
     * Dates become {@code yyyy-MM-dd}, date-times ISO-8601 in UTC as the Zoho API writes them.
     */
    static JsonNode node(Object value, int depth) {
        if (depth > MAX_DEPTH) throw new IllegalArgumentException("nested deeper than " + MAX_DEPTH + " levels");
        return switch (value) {
            case null -> NODES.nullNode();
            case JsonNode n -> n;
            case String s -> NODES.textNode(s);
            case Boolean b -> NODES.booleanNode(b);
            case Integer i -> NODES.numberNode(i);
            case Short s -> NODES.numberNode(s);
            case Byte b -> NODES.numberNode(b);
            case Long l -> Math.abs(l) <= MAX_SAFE_INTEGER ? NODES.numberNode(l) : NODES.textNode(Long.toString(l));
            case BigInteger b -> b.bitLength() <= 53 ? NODES.numberNode(b) : NODES.textNode(b.toString());
            case BigDecimal d -> NODES.numberNode(d);
            case Double d -> Double.isFinite(d) ? NODES.numberNode(d) : NODES.nullNode();
            case Float f -> Float.isFinite(f) ? NODES.numberNode(f) : NODES.nullNode();
            case OffsetDateTime t -> NODES.textNode(RecordTime.format(t));
            case ZonedDateTime t -> NODES.textNode(RecordTime.format(t.toOffsetDateTime()));
            case Instant t -> NODES.textNode(RecordTime.format(t.atOffset(ZoneOffset.UTC)));
            case TemporalAccessor t -> NODES.textNode(t.toString());
            case Enum<?> e -> NODES.textNode(e.name());
            case Map<?, ?> m -> {
                ObjectNode o = NODES.objectNode();
                m.forEach((k, v) -> o.set(String.valueOf(k), node(v, depth + 1)));
                yield o;
            }
            case Collection<?> c -> {
                ArrayNode a = NODES.arrayNode();
                c.forEach(v -> a.add(node(v, depth + 1)));
                yield a;
            }
            case Object[] array -> {
                ArrayNode a = NODES.arrayNode();
                for (Object v : array) a.add(node(v, depth + 1));
                yield a;
            }
            default -> throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        };
    }
}
