package io.sweep.api.zoho;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.sweep.api.JsonResponse;
import io.sweep.api.ErrorRenderer;
import io.sweep.errors.ErrorCode;
import io.sweep.json.Json;
import io.sweep.massupdate.MassUpdateService;
import io.sweep.massupdate.RecordOutcome;
import java.util.Map;

/**
 * The answer of a write by ids (a mass update, a change of owner): one entry per requested id, in
 * request order; 200 when every entry succeeded, 207 when some did, 400 when none did.
 */
final class ByIdsAnswer {
    private ByIdsAnswer() {}

    static void send(Context ctx, WriteDetails writeDetails, long userId, MassUpdateService.Result result) {
        var entries = result.entries();
        Map<Long, ObjectNode> details = writeDetails.ofUpdated(
                entries.stream().map(MassUpdateService.Entry::outcome).filter(RecordOutcome::updated).toList(),
                result.modifiedTime(), userId);
        ObjectNode body = Json.object();
        var data = body.putArray("data");
        // SPEC §1.4: a record held by a blueprint counts as Zoho counts it, with the successes (200)
        int succeeded = 0;
        for (var entry : entries) {
            if (entry.outcome().error() == ErrorCode.RECORD_IN_BLUEPRINT) succeeded++;
            if (entry.outcome().updated()) {
                succeeded++;
                ObjectNode ok = data.addObject();
                ok.put("code", "SUCCESS");
                ok.set("details", details.computeIfAbsent(entry.outcome().id(), WriteDetails.fallbackId()));
                ok.put("message", "record updated");
                ok.put("status", "success");
            } else {
                data.add(ErrorRenderer.entry(entry.outcome().error(), Map.of("id", entry.requestedId()), null));
            }
        }
        JsonResponse.send(ctx, succeeded == entries.size() ? 200 : succeeded > 0 ? 207 : 400, body);
    }
}
