package io.sweep.api.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.errors.ApiException;
import io.sweep.errors.ErrorCode;
import io.sweep.json.Json;
import io.sweep.massupdate.MassUpdateParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of a rule preview: the run's parameters as a run takes them (the object's other
 * members, and those of {@code params}), the records to go through ({@code ids}: at most
 * {@link MassUpdateParser#MAX_IDS}, checked as a mass update by ids checks them) and the rule's
 * unsaved text ({@code source}).
 */
record PreviewBody(Map<String, JsonNode> params, List<String> ids, String source) {
    static PreviewBody parse(String text) {
        Map<String, JsonNode> params = new LinkedHashMap<>();
        if (text == null || text.isBlank()) return new PreviewBody(params, null, null);
        JsonNode body = Json.parseBody(text);
        if (!body.isObject()) throw new ApiException(ErrorCode.UNABLE_TO_PARSE_DATA_TYPE, Map.of(), "parameters must be a JSON object");
        List<String> ids = null;
        String source = null;
        for (var e : body.properties()) {
            switch (e.getKey()) {
                case "ids" -> ids = ids(e.getValue());
                case "source" -> {
                    if (!e.getValue().isTextual()) throw new ApiException(ErrorCode.UNABLE_TO_PARSE_DATA_TYPE, Map.of("api_name", "source"));
                    source = e.getValue().asText();
                }
                case "params" -> {
                    if (!e.getValue().isObject()) throw new ApiException(ErrorCode.UNABLE_TO_PARSE_DATA_TYPE, Map.of("api_name", "params"));
                    e.getValue().properties().forEach(p -> params.put(p.getKey(), p.getValue()));
                }
                default -> params.putIfAbsent(e.getKey(), e.getValue());
            }
        }
        return new PreviewBody(params, ids, source);
    }

    /** As {@code POST /crm/v2/{module}/actions/mass_update} answers: an array of 1 to 500 ids (a number is taken as its text). */
    private static List<String> ids(JsonNode ids) {
        if (!ids.isArray()) throw new ApiException(ErrorCode.UNABLE_TO_PARSE_DATA_TYPE, Map.of("api_name", "ids"));
        if (ids.isEmpty()) throw new ApiException(ErrorCode.MANDATORY_NOT_FOUND, Map.of("api_name", "ids"));
        if (ids.size() > MassUpdateParser.MAX_IDS) {
            throw new ApiException(ErrorCode.IDS_LIMIT_EXCEEDED, Map.of("limit", String.valueOf(MassUpdateParser.MAX_IDS), "param_name", "ids"));
        }
        List<String> list = new ArrayList<>(ids.size());
        for (JsonNode id : ids) list.add(id.isValueNode() ? id.asText() : id.toString());
        return list;
    }
}
