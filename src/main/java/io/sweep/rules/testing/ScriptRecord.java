package io.sweep.rules.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sweep.crm.DataType;
import io.sweep.crm.Field;
import io.sweep.crm.Module;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import io.sweep.crm.Metadata;
import io.sweep.rules.Rule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A case's record made whole: every field of the module, as a job hands it to {@code update}
 * (fields the case leaves out are empty: {@code null}, or {@code []} for a multi-select), with
 * what the case gives checked against the shape a real record has. A fixture with
 * {@code "Annual_Revenue": "5000000"} would test a record no job can produce.
 */
final class ScriptRecord {
    /** The id of a case's record when the case gives none. */
    static final String DEFAULT_ID = "5725767000000000001";
    private static final Pattern DIGITS = Pattern.compile("\\d{1,19}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private ScriptRecord() {}

    /**
     * The whole record, or what is wrong with the case's record. A lookup or owner may carry, beside
     * its {@code id} and {@code name}, the related fields the rule includes ({@code select.include}),
     * as a job hands them; one without them stands for a related record runAs cannot see.
     */
    static Map<String, Object> of(Module module, ObjectNode given, Rule.Selection select, Metadata metadata, java.util.List<String> problems) {
        Map<String, Object> record = new LinkedHashMap<>();
        JsonNode id = given.get("id");
        if (id != null && !(id.isTextual() && DIGITS.matcher(id.asText()).matches())) {
            problems.add("record.id is a string of digits, such as \"" + DEFAULT_ID + "\"");
        }
        record.put("id", id != null ? id : JsonNodeFactory.instance.textNode(DEFAULT_ID));
        for (Field f : module.fields()) {
            record.put(f.apiName(), f.dataType() == DataType.MULTISELECTPICKLIST ? JsonNodeFactory.instance.arrayNode() : null);
        }
        for (var names = given.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.equals("id")) continue;
            Optional<Field> field = module.field(name);
            if (field.isEmpty()) {
                problems.add("record." + name + ": " + module.apiName() + " has no such field");
                continue;
            }
            JsonNode value = given.get(name);
            String wrong = shapeProblem(field.get(), value);
            if (wrong != null) problems.add("record." + name + ": " + wrong);
            if (value.isNull() && field.get().dataType() == DataType.MULTISELECTPICKLIST) continue;
            if (wrong == null && value.isObject() && pointsAtRecordOrUser(field.get())) {
                value = related(field.get(), (ObjectNode) value, select.included(name), metadata, problems);
            }
            record.put(field.get().apiName(), value);
        }
        return record;
    }

    private static boolean pointsAtRecordOrUser(Field f) {
        return f.dataType() == DataType.LOOKUP || f.dataType() == DataType.OWNERLOOKUP;
    }

    /** A lookup's value with its {@code name} (null when the case gives none) and the included fields the case gives, each checked. */
    private static ObjectNode related(Field lookup, ObjectNode given, List<String> included, Metadata metadata, List<String> problems) {
        ObjectNode value = given.deepCopy();
        if (!value.has("name")) value.putNull("name");
        else if (!value.get("name").isTextual() && !value.get("name").isNull()) problems.add("record." + lookup.apiName() + ".name is a string");
        Optional<Module> target = lookup.lookupModuleId() == null ? Optional.empty() : metadata.moduleById(lookup.lookupModuleId());
        for (var names = given.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.equals("id") || name.equals("name")) continue;
            String at = "record." + lookup.apiName() + "." + name;
            if (!included.contains(name)) {
                problems.add(at + ": the rule does not include " + lookup.apiName() + "." + name + " (select.include), so no job hands it to update");
                continue;
            }
            JsonNode v = given.get(name);
            String wrong = lookup.dataType() == DataType.OWNERLOOKUP ? ownerProblem(name, v)
                    : target.flatMap(m -> m.field(name)).map(f -> shapeProblem(f, v)).orElse(null);
            if (wrong != null) problems.add(at + ": " + wrong);
        }
        return value;
    }

    private static String ownerProblem(String name, JsonNode v) {
        return switch (name) {
            case "email" -> v.isTextual() ? null : "a user's email is a string";
            case "active" -> v.isBoolean() ? null : "a user's active is true or false";
            default -> null;
        };
    }

    /** Why a value is not what a job would hand the script for this field, or null. */
    private static String shapeProblem(Field f, JsonNode v) {
        if (v.isNull()) return null;
        return switch (f.dataType()) {
            case TEXT, TEXTAREA, EMAIL, PHONE, WEBSITE, PICKLIST -> v.isTextual() ? null : "a " + f.dataType().apiName() + " field is a string";
            case INTEGER, DOUBLE, DECIMAL, CURRENCY, PERCENT -> v.isNumber() ? null : "a " + f.dataType().apiName() + " field is a number";
            case BIGINT -> v.isTextual() && DIGITS.matcher(v.asText().replaceFirst("^-", "")).matches() ? null : "a bigint field is a string of digits";
            case BOOLEAN -> v.isBoolean() ? null : "a boolean field is true or false";
            case MULTISELECTPICKLIST -> multiSelect(v);
            case DATE -> v.isTextual() && DATE.matcher(v.asText()).matches() && date(v.asText()) ? null : "a date field is \"yyyy-MM-dd\"";
            case DATETIME -> v.isTextual() && dateTime(v.asText()) ? null
                    : "a date-time field is ISO-8601 with offset, such as \"2026-03-01T12:00:00+00:00\"";
            case LOOKUP, OWNERLOOKUP, LAYOUT -> v.isObject() && v.path("id").isTextual() && DIGITS.matcher(v.path("id").asText()).matches()
                    ? null : "a lookup or owner field is an object {\"id\": \"…\", \"name\": \"…\"} with the id as a string";
            case FORMULA, AUTONUMBER -> v.isValueNode() ? null : "a " + f.dataType().apiName() + " field is a string or a number";
        };
    }

    private static String multiSelect(JsonNode v) {
        if (!v.isArray()) return "a multi-select field is an array of strings";
        for (JsonNode item : v) {
            if (!item.isTextual()) return "a multi-select field is an array of strings";
        }
        return null;
    }

    private static boolean date(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean dateTime(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
