package io.sweep.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sweep.errors.ApiException;
import io.sweep.errors.ErrorCode;

/**
 * The one ObjectMapper of Sweep: strict on input (duplicate keys are an error), plain on output.
 * The HTTP surfaces parse request bodies with it, and the domain stores and reads its JSON
 * columns (job requests, frozen selections, results) with the same settings.
 */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private Json() {}

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** Parses a request body; anything that is not one JSON value is Zoho's UNABLE_TO_PARSE_DATA_TYPE. */
    public static JsonNode parseBody(String body) {
        if (body == null || body.isBlank()) throw new ApiException(ErrorCode.UNABLE_TO_PARSE_DATA_TYPE);
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ApiException(ErrorCode.UNABLE_TO_PARSE_DATA_TYPE);
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
