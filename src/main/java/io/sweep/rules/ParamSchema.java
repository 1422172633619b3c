package io.sweep.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import io.sweep.errors.ApiException;
import io.sweep.errors.ErrorCode;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The declared parameters of a rule ({@code params: { days: { type: "integer", default: 30, min: 1 } }}):
 * a run whose parameters do not fit is refused before it starts, never run with a value the
 * script did not expect. A rule that declares none takes any parameters, as before.
 */
public record ParamSchema(Map<String, Spec> specs) {
    public static final ParamSchema NONE = new ParamSchema(Map.of());
    /** The keys a declaration may have; an object with {@code type} and only these keys is a declaration, not a default. */
    static final Set<String> KEYS = Set.of("type", "default", "required", "min", "max", "description");
    static final Set<String> TYPES = Set.of("string", "integer", "number", "boolean", "list", "object");

    /** One declared parameter: its type, whether a run must give it, its bounds (numbers), its default. */
    public record Spec(String type, boolean required, BigDecimal min, BigDecimal max, JsonNode defaultValue) {}

    public ParamSchema {
        specs = Collections.unmodifiableMap(new LinkedHashMap<>(specs));
    }

    public boolean declared() {
        return !specs.isEmpty();
    }

    /**
     * Checks a run's parameters ({@code merged}: the rule's defaults overridden by the run's own,
     * {@code own}: the run's own) and returns them with text the schema reads as a number or a
     * boolean converted ({@code "30"} for an integer is 30). Throws {@code 400 INVALID_DATA} naming
     * the parameter, or {@code MANDATORY_NOT_FOUND} for a required one that is missing.
     */
    public Map<String, JsonNode> check(Map<String, JsonNode> merged, Map<String, JsonNode> own, Set<String> plainDefaults) {
        if (!declared()) return merged;
        for (String name : own.keySet()) {
            if (!specs.containsKey(name) && !plainDefaults.contains(name)) {
                throw invalid(name, "unknown parameter " + name + "; the rule declares " + String.join(", ", specs.keySet()));
            }
        }
        Map<String, JsonNode> checked = new LinkedHashMap<>(merged);
        specs.forEach((name, spec) -> {
            JsonNode value = merged.get(name);
            if (value == null || value.isNull()) {
                if (spec.required()) {
                    throw new ApiException(ErrorCode.MANDATORY_PARAM_MISSING, Map.of("param_name", name), "parameter " + name + " is required");
                }
                return;
            }
            checked.put(name, typed(name, spec, value));
        });
        return checked;
    }

    private static JsonNode typed(String name, Spec spec, JsonNode value) {
        return switch (spec.type()) {
            case "string" -> {
                if (!value.isTextual()) throw invalid(name, "parameter " + name + " must be a string");
                yield value;
            }
            case "integer", "number" -> {
                BigDecimal n = number(value);
                if (n == null || ("integer".equals(spec.type()) && n.stripTrailingZeros().scale() > 0)) {
                    throw invalid(name, "parameter " + name + " must be " + ("integer".equals(spec.type()) ? "an integer" : "a number")
                            + ", not " + value);
                }
                if (spec.min() != null && n.compareTo(spec.min()) < 0) throw invalid(name, "parameter " + name + " must be at least " + spec.min().toPlainString());
                if (spec.max() != null && n.compareTo(spec.max()) > 0) throw invalid(name, "parameter " + name + " must be at most " + spec.max().toPlainString());
                if (!"integer".equals(spec.type())) yield DecimalNode.valueOf(n);
                try {
                    yield LongNode.valueOf(n.longValueExact());
                } catch (ArithmeticException tooBig) {
                    throw invalid(name, "parameter " + name + " is out of range");
                }
            }
            case "boolean" -> {
                if (value.isBoolean()) yield value;
                if (value.isTextual() && ("true".equals(value.asText()) || "false".equals(value.asText()))) {
                    yield BooleanNode.valueOf(Boolean.parseBoolean(value.asText()));
                }
                throw invalid(name, "parameter " + name + " must be true or false");
            }
            case "list" -> {
                if (!value.isArray()) throw invalid(name, "parameter " + name + " must be a list");
                yield value;
            }
            case "object" -> {
                if (!value.isObject()) throw invalid(name, "parameter " + name + " must be an object");
                yield value;
            }
            default -> throw new IllegalStateException("unknown parameter type " + spec.type());
        };
    }

    /** A JSON number, or text that is one; null otherwise. */
    private static BigDecimal number(JsonNode value) {
        if (value.isNumber()) return value.decimalValue();
        if (!value.isTextual()) return null;
        try {
            return new BigDecimal(value.asText().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static ApiException invalid(String name, String message) {
        return new ApiException(ErrorCode.INVALID_DATA, Map.of("param_name", name), message);
    }
}
