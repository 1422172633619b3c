package io.sweep.rules.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a case expects of one record: these fields set, the record left alone, or the record failing with a code. */
public sealed interface Expectation {
    /** The fields to set, as the case file writes them; compared after both sides went through the field checks. */
    record Set(Map<String, JsonNode> values) implements Expectation {
        public Set {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    record Skip() implements Expectation {}

    /**
     * @param code    the code a job's results show ({@code INVALID_DATA}) or the more specific reason ({@code MAX_FIELD_LIMIT})
     * @param message text the failure's message must contain, or null
     */
    record Fail(String code, String message) implements Expectation {}
}
