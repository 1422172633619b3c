package io.sweep.massupdate;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.errors.ApiException;
import io.sweep.errors.ErrorCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks the shape of a mass update body, in the order Zoho reports problems. */
public final class MassUpdateParser {
    public static final int MAX_IDS = 500;

    private MassUpdateParser() {}

    public static MassUpdateRequest parse(JsonNode body) {
        if (body == null || !body.isObject()) throw new ApiException(ErrorCode.UNABLE_TO_PARSE_DATA_TYPE);
        JsonNode data = body.get("data");
        JsonNode ids = body.get("ids");
        JsonNode cvid = body.get("cvid");
        JsonNode territory = body.get("territory");
        JsonNode overWrite = body.get("over_write");
        JsonNode criteria = body.get("criteria");

        if (present(data) && !data.isArray()) throw new ApiException(ErrorCode.UNABLE_TO_PARSE_DATA_TYPE, Map.of("api_name", "data"));
        if (present(ids) && !ids.isArray()) throw new ApiException(ErrorCode.UNABLE_TO_PARSE_DATA_TYPE, Map.of("api_name", "ids"));
        if (present(cvid) && !(cvid.isTextual() || cvid.isIntegralNumber())) {
            throw new ApiException(ErrorCode.UNABLE_TO_PARSE_DATA_TYPE, Map.of("api_name", "cvid"));
        }
        if (present(overWrite) && !overWrite.isBoolean()) throw new ApiException(ErrorCode.UNABLE_TO_PARSE_DATA_TYPE, Map.of("api_name", "over_write"));
        if (present(territory) && !territory.isObject()) throw new ApiException(ErrorCode.UNABLE_TO_PARSE_DATA_TYPE, Map.of("api_name", "territory"));
        if (present(criteria) && !(criteria.isTextual() || criteria.isObject() || criteria.isArray())) {
            throw new ApiException(ErrorCode.UNABLE_TO_PARSE_DATA_TYPE, Map.of("api_name", "criteria"));
        }

        if (!present(data) || data.isEmpty()) throw new ApiException(ErrorCode.MANDATORY_NOT_FOUND, Map.of("api_name", "data"));
        if (data.size() > 1) throw new ApiException(ErrorCode.INVALID_DATA, Map.of("api_name", "data"), "only one data object is allowed in a mass update");
        if (!data.get(0).isObject()) throw new ApiException(ErrorCode.UNABLE_TO_PARSE_DATA_TYPE, Map.of("api_name", "data"));
        if (present(ids) && present(cvid)) throw new ApiException(ErrorCode.INVALID_DATA, Map.of("api_name", "cvid"), "ids and cvid cannot be given together");
        if (!present(ids) && !present(cvid)) throw new ApiException(ErrorCode.MANDATORY_NOT_FOUND, Map.of("api_name", "ids"));
        if (present(territory) && !present(cvid)) throw new ApiException(ErrorCode.INVALID_DATA, Map.of("api_name", "territory"), "territory can only be given with cvid");
        // criteria cannot narrow a list of ids the way a client means it (skip the others? fail them?),
        // and ignoring it would write records the client meant to leave alone
        if (present(criteria) && !present(cvid)) {
            throw new ApiException(ErrorCode.INVALID_DATA, Map.of("api_name", "criteria"), "criteria can only be given with cvid, not with ids");
        }

        Map<String, JsonNode> values = new LinkedHashMap<>();
        data.get(0).properties().forEach(e -> values.put(e.getKey(), e.getValue()));

        List<String> idList = null;
        if (present(ids)) {
            if (ids.isEmpty()) throw new ApiException(ErrorCode.MANDATORY_NOT_FOUND, Map.of("api_name", "ids"));
            if (ids.size() > MAX_IDS) throw new ApiException(ErrorCode.IDS_LIMIT_EXCEEDED, Map.of("limit", String.valueOf(MAX_IDS), "param_name", "ids"));
            idList = new ArrayList<>(ids.size());
            // ids are strings in Zoho; a number is taken as its text, anything else stays as sent and fails its own entry
            for (JsonNode id : ids) idList.add(id.isValueNode() ? id.asText() : id.toString());
        }
        MassUpdateRequest.Territory t = null;
        if (present(territory)) {
            JsonNode tid = territory.get("id");
            JsonNode child = territory.get("include_child");
            if (!present(tid) || !(tid.isTextual() || tid.isIntegralNumber())) throw new ApiException(ErrorCode.MANDATORY_NOT_FOUND, Map.of("api_name", "territory.id"));
            if (present(child) && !child.isBoolean()) throw new ApiException(ErrorCode.UNABLE_TO_PARSE_DATA_TYPE, Map.of("api_name", "territory.include_child"));
            t = new MassUpdateRequest.Territory(tid.asText(), present(child) && child.booleanValue());
        }
        return new MassUpdateRequest(values, idList, present(cvid) ? cvid.asText() : null, t, present(overWrite) && overWrite.booleanValue(),
                present(criteria) ? criteria : null);
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull();
    }
}
