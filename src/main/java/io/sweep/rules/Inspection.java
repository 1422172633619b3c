package io.sweep.rules;

import com.fasterxml.jackson.databind.JsonNode;

/** What evaluating a rule module showed: its exports, or why it could not be evaluated. */
sealed interface Inspection {
    /**
     * @param rule      {@code ok}, {@code missing} or {@code invalid}
     * @param value     the {@code rule} export as plain data, when ok
     * @param ruleError why the {@code rule} export is not plain data, when invalid
     * @param update    {@code function}, {@code missing} or what the {@code update} export is instead
     */
    record Exports(String rule, JsonNode value, String ruleError, String update) implements Inspection {}

    /**
     * A syntax error, an error thrown by the top-level code, a refused import, or a budget that ran
     * out; line 0 when unknown.
     *
     * @param library the library file ({@code phone.js}) the position is in, or null for the rule's own file
     */
    record Failed(int line, int column, String message, String library) implements Inspection {
        Failed(int line, int column, String message) {
            this(line, column, message, null);
        }
    }

    static Exports exports(JsonNode json) {
        return new Exports(json.path("rule").asText(), json.get("value"), json.path("ruleError").asText(null), json.path("update").asText());
    }
}
