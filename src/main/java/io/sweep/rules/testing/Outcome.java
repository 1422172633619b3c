package io.sweep.rules.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sweep.crm.Field;
import io.sweep.crm.RecordTime;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;

/** What a job would have made of a case's record: set these stored values, leave it alone, or fail it. */
sealed interface Outcome {
    /** How the outcome reads in a report line. */
    String describe();

    /** Values as the field checks left them, ready to store. */
    record Set(Map<Field, Object> values) implements Outcome {
        @Override
        public String describe() {
            return "set " + shown(values);
        }
    }

    record Skip() implements Outcome {
        @Override
        public String describe() {
            return "skip";
        }
    }

    /**
     * @param code   the code a job's results show for the record
     * @param reason the more specific reason behind an {@code INVALID_DATA} ({@code MAX_FIELD_LIMIT}, …); else the code
     */
    record Fail(String code, String reason, String message) implements Outcome {
        @Override
        public String describe() {
            return "fail " + code + (reason.equals(code) ? "" : " (" + reason + ")") + ": " + message;
        }
    }

    /** Stored values as the API shows them, fields in name order: {@code {"Lead_Status":"Cold"}}. */
    static String shown(Map<Field, Object> values) {
        return shownObject(values).toString();
    }

    static ObjectNode shownObject(Map<Field, Object> values) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        values.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(Field::apiName)))
                .forEach(e -> o.set(e.getKey().apiName(), shown(e.getKey(), e.getValue())));
        return o;
    }

    /** The outcome as a case file's {@code expect}: a case that expects exactly what happened. */
    static ObjectNode asExpectation(Outcome outcome) {
        ObjectNode expect = JsonNodeFactory.instance.objectNode();
        switch (outcome) {
            case Set set -> expect.set("set", shownObject(set.values()));
            case Skip skip -> expect.put("skip", true);
            case Fail fail -> expect.put("fail", fail.reason()).put("message", fail.message());
        }
        return expect;
    }

    private static JsonNode shown(Field field, Object value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (value) {
            case null -> nodes.nullNode();
            case OffsetDateTime t -> nodes.textNode(RecordTime.format(t));
            case LocalDate d -> nodes.textNode(d.toString());
            case Long id when field.dataType().isReference() -> nodes.objectNode().put("id", String.valueOf(id));
            case Long n -> nodes.textNode(String.valueOf(n));
            case Integer n -> nodes.numberNode(n);
            case Double d -> nodes.numberNode(d);
            case BigDecimal d -> nodes.numberNode(d);
            case Boolean b -> nodes.booleanNode(b);
            case Collection<?> items -> {
                ArrayNode a = nodes.arrayNode();
                items.forEach(item -> a.add(String.valueOf(item)));
                yield a;
            }
            default -> nodes.textNode(String.valueOf(value));
        };
    }
}
