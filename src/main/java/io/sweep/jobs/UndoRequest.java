package io.sweep.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sweep.errors.ApiException;
import io.sweep.errors.ErrorCode;
import io.sweep.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an undo is asked to put back: the fields named (api names the job set), or every field
 * when {@code fields} is null. An undo job keeps it in its request, with whether it was to put
 * back everything the job still had to have put back ({@code complete}): that is what makes an
 * undo that ended without a failure the one that undid the job ({@link UndoState}).
 */
public record UndoRequest(List<String> fields) {
    public static final UndoRequest ALL = new UndoRequest(null);

    /**
     * The body of {@code POST /api/jobs/{id}/undo}: none, blank, {@code {}} or
     * {@code {"fields":null}} ask for every field; {@code {"fields":["Lead_Status",…]}} for those.
     */
    public static UndoRequest parse(String body) {
        if (body == null || body.isBlank()) return ALL;
        JsonNode node = Json.parseBody(body);
        if (!(node instanceof ObjectNode object)) throw invalid("the body must be an object such as {\"fields\":[\"Lead_Status\"]}");
        JsonNode fields = object.get("fields");
        if (fields == null || fields.isNull()) return ALL;
        if (!fields.isArray()) throw invalid("fields must be a list of field api names");
        if (fields.isEmpty()) throw invalid("fields must name at least one field; leave it out to put back every field");
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode f : fields) {
            if (!f.isTextual() || f.textValue().isBlank()) throw invalid("fields must be a list of field api names");
            names.add(f.textValue().trim());
        }
        return new UndoRequest(List.copyOf(names));
    }

    private static ApiException invalid(String message) {
        return new ApiException(ErrorCode.INVALID_DATA, Map.of("api_name", "fields"), message);
    }

    /** The undo job's request as stored. */
    String toJson(long undoneJobId, boolean complete) {
        ObjectNode request = Json.object().put("undo_of", String.valueOf(undoneJobId));
        if (fields == null) {
            request.putNull("fields");
        } else {
            fields.forEach(request.putArray("fields")::add);
        }
        request.put("complete", complete);
        return request.toString();
    }

    /** The fields an undo job was asked to put back; null for all of them (also for undos stored before fields could be chosen). */
    static Set<String> fieldsOf(Job undo) {
        JsonNode fields = request(undo).get("fields");
        if (fields == null || !fields.isArray()) return null;
        List<String> names = new ArrayList<>();
        fields.forEach(f -> names.add(f.asText()));
        return new LinkedHashSet<>(names);
    }

    /** Whether the undo was to put back all that was left to put back (an undo stored before fields could be chosen was). */
    static boolean complete(Job undo) {
        return request(undo).path("complete").asBoolean(true);
    }

    private static JsonNode request(Job undo) {
        try {
            return Json.parseBody(undo.request());
        } catch (ApiException e) {
            return Json.object();
        }
    }
}
