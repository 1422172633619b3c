package io.sweep.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link RuleRun#update} made of one record. The values of {@link Updated} are only
 * JSON-shaped: whether the fields exist, may be mass updated and accept the values is the
 * caller's check (through {@code FieldValues.parse}), failing that record if not.
 */
public sealed interface ScriptDecision {
    /** The fields to set, in the order the script returned them; never empty. */
    record Updated(Map<String, JsonNode> values) implements ScriptDecision {
        public Updated {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    /** The script returned null, undefined or an empty object: leave the record alone. */
    record Skipped() implements ScriptDecision {}

    /** This record failed ({@link ScriptFailure#SCRIPT_ERROR} or {@link ScriptFailure#INVALID_RETURN}); go on with the next. */
    record Failed(ScriptFailure failure, String message) implements ScriptDecision {
        public Failed {
            if (failure.jobFatal()) throw new IllegalArgumentException(failure + " is job-fatal");
        }
    }

    /**
     * The script was stopped or cannot run: fail the job with this message. Every later call of
     * {@link RuleRun#update} answers the same.
     */
    record Fatal(ScriptFailure failure, String message) implements ScriptDecision {}
}
