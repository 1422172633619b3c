package io.sweep.rules.testing;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sweep.rules.RuleProblem;
import io.sweep.rules.RuleTrigger;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a case file ({@code tests/<rule-id>.json}): a JSON array of cases. Every mistake is
 * reported with the file and the line (and column) of the case, or of the JSON syntax error,
 * so a typo in a fixture reads like a compiler error rather than a failing rule.
 */
public final class CaseFile {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
    private static final Set<String> CASE_KEYS = Set.of("name", "record", "params", "now", "trigger", "expect");
    private static final Set<String> EXPECT_KEYS = Set.of("set", "skip", "fail", "message");

    private CaseFile() {}

    public static List<RuleCase> read(Path file) throws CaseFileException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CaseFileException(new RuleProblem(file.toString(), 1, 1, "cannot read the file: " + e.getMessage()));
        }
        List<RuleCase> cases = new ArrayList<>();
        Set<String> names = new HashSet<>();
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw problem(file, parser.currentTokenLocation(), "a case file is a JSON array of cases");
            }
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                JsonLocation at = parser.currentTokenLocation();
                if (token != JsonToken.START_OBJECT) throw problem(file, at, "each case is a JSON object");
                ObjectNode node = JSON.readTree(parser);
                RuleCase c = parseCase(node, file, at);
                if (!names.add(c.name())) throw problem(file, at, "a second case named \"" + c.name() + "\"");
                cases.add(c);
            }
            if (parser.nextToken() != null) throw problem(file, parser.currentTokenLocation(), "text after the array of cases");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new CaseFileException(new RuleProblem(file.toString(), at == null ? 1 : at.getLineNr(), at == null ? 1 : at.getColumnNr(),
                    "not valid JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new CaseFileException(new RuleProblem(file.toString(), 1, 1, "cannot read the file: " + e.getMessage()));
        }
        return cases;
    }

    private static RuleCase parseCase(ObjectNode node, Path file, JsonLocation at) throws CaseFileException {
        for (var names = node.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!CASE_KEYS.contains(key)) throw problem(file, at, "unknown key \"" + key + "\" in a case (known: name, record, params, now, trigger, expect)");
        }
        JsonNode name = node.get("name");
        if (name == null || !name.isTextual() || name.asText().isBlank()) throw problem(file, at, "a case needs a \"name\" (a string)");
        String prefix = "case \"" + name.asText() + "\": ";
        ObjectNode record = object(node, "record", file, at, prefix);
        ObjectNode params = object(node, "params", file, at, prefix);
        Map<String, JsonNode> paramMap = new LinkedHashMap<>();
        params.properties().forEach(e -> paramMap.put(e.getKey(), e.getValue()));
        return new RuleCase(name.asText(), at.getLineNr(), record, paramMap, now(node.get("now"), file, at, prefix),
                trigger(node.get("trigger"), file, at, prefix), expectation(node.get("expect"), file, at, prefix));
    }

    private static ObjectNode object(ObjectNode node, String key, Path file, JsonLocation at, String prefix) throws CaseFileException {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) return JSON.createObjectNode();
        if (!(value instanceof ObjectNode o)) throw problem(file, at, prefix + "\"" + key + "\" is an object");
        return o;
    }

    private static Long now(JsonNode value, Path file, JsonLocation at, String prefix) throws CaseFileException {
        if (value == null || value.isNull()) return null;
        if (value.isIntegralNumber()) return value.longValue();
        if (value.isTextual()) {
            try {
                return OffsetDateTime.parse(value.asText()).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        throw problem(file, at, prefix + "\"now\" is an ISO-8601 date-time with offset, such as \"2026-01-01T00:00:00Z\", or epoch milliseconds");
    }

    private static RuleTrigger trigger(JsonNode value, Path file, JsonLocation at, String prefix) throws CaseFileException {
        if (value == null || value.isNull()) return RuleTrigger.MANUAL;
        for (RuleTrigger t : RuleTrigger.values()) {
            if (value.isTextual() && t.jsName().equals(value.asText())) return t;
        }
        throw problem(file, at, prefix + "\"trigger\" is one of \"manual\", \"webhook\", \"schedule\"");
    }

    private static Expectation expectation(JsonNode value, Path file, JsonLocation at, String prefix) throws CaseFileException {
        String shape = prefix + "\"expect\" is one of {\"set\": {…}}, {\"skip\": true}, {\"fail\": \"CODE\"}";
        if (!(value instanceof ObjectNode expect)) throw problem(file, at, shape);
        for (var names = expect.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!EXPECT_KEYS.contains(key)) throw problem(file, at, prefix + "unknown key \"" + key + "\" in \"expect\"");
        }
        int given = (expect.has("set") ? 1 : 0) + (expect.has("skip") ? 1 : 0) + (expect.has("fail") ? 1 : 0);
        if (given != 1) throw problem(file, at, shape);
        JsonNode message = expect.get("message");
        if (message != null && (!message.isTextual() || !expect.has("fail"))) {
            throw problem(file, at, prefix + "\"message\" (a string) goes with \"fail\"");
        }
        if (expect.has("set")) {
            if (!(expect.get("set") instanceof ObjectNode set) || set.isEmpty()) {
                throw problem(file, at, prefix + "\"set\" is an object of at least one field (to expect no change, write {\"skip\": true})");
            }
            Map<String, JsonNode> values = new LinkedHashMap<>();
            set.properties().forEach(e -> values.put(e.getKey(), e.getValue()));
            return new Expectation.Set(values);
        }
        if (expect.has("skip")) {
            if (!expect.get("skip").isBoolean() || !expect.get("skip").booleanValue()) throw problem(file, at, prefix + "\"skip\" is true");
            return new Expectation.Skip();
        }
        JsonNode code = expect.get("fail");
        if (!code.isTextual() || code.asText().isBlank()) throw problem(file, at, prefix + "\"fail\" is an error code, such as \"SCRIPT_ERROR\"");
        return new Expectation.Fail(code.asText().toUpperCase(Locale.ROOT), message == null ? null : message.asText());
    }

    private static CaseFileException problem(Path file, JsonLocation at, String message) {
        return new CaseFileException(new RuleProblem(file.toString(), at.getLineNr(), at.getColumnNr(), message));
    }
}
