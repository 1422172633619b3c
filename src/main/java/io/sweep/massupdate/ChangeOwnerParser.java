package io.sweep.massupdate;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.errors.ApiException;
import io.sweep.errors.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks the shape of a change owner body, in the order a mass update body is checked: types first, then what is missing, then limits. */
public final class ChangeOwnerParser {
    private ChangeOwnerParser() {}

    /** @param pathId the record of {@code /{module}/{id}/actions/change_owner}, or null for the ids of the body */
    public static ChangeOwnerRequest parse(JsonNode body, String pathId) {
        if (body == null || !body.isObject()) throw new ApiException(ErrorCode.UNABLE_TO_PARSE_DATA_TYPE);
        JsonNode ids = body.get("ids");
        JsonNode owner = body.get("owner");
        JsonNode notify = body.get("notify");
        JsonNode related = body.get("related_modules");

        if (present(ids) && !ids.isArray()) throw unparsable("ids");
        if (present(owner) && !owner.isObject()) throw unparsable("owner");
        if (present(notify) && !notify.isBoolean()) throw unparsable("notify");
        if (present(related) && !related.isArray()) throw unparsable("related_modules");

        List<String> idList = new ArrayList<>();
        if (pathId != null) {
            // the URL names the record: ids in the body as well would leave it unclear which to change
            if (present(ids)) throw new ApiException(ErrorCode.INVALID_DATA, Map.of("api_name", "ids"), "ids cannot be given with a record id in the URL");
            idList.add(pathId);
        } else {
            if (!present(ids) || ids.isEmpty()) throw new ApiException(ErrorCode.MANDATORY_NOT_FOUND, Map.of("api_name", "ids"));
            // ids are strings in Zoho; a number is taken as its text, anything else stays as sent and fails its own entry
            for (JsonNode id : ids) idList.add(id.isValueNode() ? id.asText() : id.toString());
        }
        JsonNode ownerId = present(owner) ? owner.get("id") : null;
        if (!present(ownerId)) throw new ApiException(ErrorCode.MANDATORY_NOT_FOUND, Map.of("api_name", "owner"));
        if (!(ownerId.isTextual() || ownerId.isIntegralNumber())) throw unparsable("owner");
        if (idList.size() > MassUpdateParser.MAX_IDS) {
            throw new ApiException(ErrorCode.IDS_LIMIT_EXCEEDED, Map.of("limit", String.valueOf(MassUpdateParser.MAX_IDS), "param_name", "ids"));
        }
        return new ChangeOwnerRequest(idList, ownerId.asText(), present(notify) && notify.booleanValue(), relatedModules(related));
    }

    private static List<ChangeOwnerRequest.RelatedModule> relatedModules(JsonNode related) {
        List<ChangeOwnerRequest.RelatedModule> list = new ArrayList<>();
        if (!present(related)) return list;
        for (JsonNode entry : related) {
            JsonNode apiName = entry.get("api_name");
            JsonNode id = entry.get("id");
            if (!entry.isObject() || !present(apiName) || !apiName.isTextual()) throw unparsable("related_modules");
            if (present(id) && !(id.isTextual() || id.isIntegralNumber())) throw unparsable("related_modules");
            list.add(new ChangeOwnerRequest.RelatedModule(apiName.asText(), present(id) ? id.asText() : null));
        }
        return list;
    }

    private static ApiException unparsable(String key) {
        return new ApiException(ErrorCode.UNABLE_TO_PARSE_DATA_TYPE, Map.of("api_name", key));
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull();
    }
}
