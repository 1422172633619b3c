package io.sweep.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sweep.errors.ApiException;
import io.sweep.errors.ErrorCode;
import io.sweep.json.Json;

/**
 * Renders an error the way Zoho does: a bare object, or wrapped in {@code data} for errors Zoho
 * answers with 200 and for errors about a mass update's data entry (SPEC §1.4).
 */
public final class ErrorRenderer {
    private ErrorRenderer() {}

    public static ObjectNode entry(ErrorCode error, java.util.Map<String, ?> details, String message) {
        ObjectNode node = Json.object();
        node.put("code", error.code());
        node.set("details", Json.MAPPER.valueToTree(details));
        node.put("message", message != null ? message : error.message());
        node.put("status", "error");
        return node;
    }

    public static ObjectNode body(ApiException e) {
        ObjectNode entry = entry(e.error(), e.details(), e.zohoMessage());
        if (!e.error().wrappedInData() && !e.aboutDataEntry()) return entry;
        ObjectNode wrapped = Json.object();
        wrapped.putArray("data").add(entry);
        return wrapped;
    }
}
