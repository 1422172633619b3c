package io.sweep.api.admin;

import io.sweep.api.JsonResponse;
import io.sweep.api.QueryParams;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.sweep.auth.Principal;
import io.sweep.crm.Module;
import io.sweep.jobs.FieldChange;
import io.sweep.jobs.Preview;
import io.sweep.massupdate.RecordOutcome;
import io.sweep.jobs.PreviewService;
import io.sweep.json.Json;

/** {@code POST /api/mass_update/preview}: a dry run of a Zoho mass update body; its error is reported, not answered. */
final class PreviewRoutes {
    private final AdminContext admin;
    private final PreviewService previews;

    PreviewRoutes(AdminContext admin, PreviewService previews) {
        this.admin = admin;
        this.previews = previews;
    }

    void preview(Context ctx) {
        Principal p = admin.caller(ctx);
        Module module = admin.moduleParam(ctx, true);
        int limit = QueryParams.intParam(ctx, "limit", PreviewService.DEFAULT_SAMPLE, 1, PreviewService.MAX_SAMPLE);
        JsonResponse.send(ctx, 200, render(previews.preview(p, module, ctx.body(), limit)));
    }

    static ObjectNode render(Preview preview) {
        ObjectNode body = Json.object();
        body.put("module", preview.module());
        body.put("selected", preview.selected());
        if (preview.error() == null) {
            body.putNull("error");
        } else {
            ObjectNode error = body.putObject("error");
            error.put("code", preview.error().error().code());
            error.put("message", preview.error().zohoMessage());
            error.set("details", Json.MAPPER.valueToTree(preview.error().details()));
            error.put("http_status", preview.error().error().httpStatus());
        }
        // how many records of the selection it went through: fewer than selected when its time ran out
        body.put("counted", preview.counted());
        body.put("would_update", preview.count(RecordOutcome.Status.UPDATED));
        body.put("would_fail", preview.count(RecordOutcome.Status.FAILED));
        body.put("would_skip", preview.count(RecordOutcome.Status.SKIPPED));
        body.put("log", preview.log());
        var notSelected = body.putArray("not_selected");
        preview.notSelected().forEach(notSelected::add);
        var sample = body.putArray("sample");
        for (Preview.Sample s : preview.sample()) {
            ObjectNode entry = sample.addObject();
            entry.put("id", s.id());
            entry.put("outcome", wouldBe(s.outcome()));
            entry.put("code", s.code());
            entry.put("message", s.message());
            var changes = entry.putArray("changes");
            for (FieldChange c : s.changes()) {
                ObjectNode change = changes.addObject();
                change.put("field", c.field());
                change.set("old", c.oldValue());
                change.set("new", c.newValue());
            }
        }
        return body;
    }

    /** A preview says what would happen: "update", "fail" or "skip". */
    private static String wouldBe(RecordOutcome.Status outcome) {
        return switch (outcome) {
            case UPDATED -> "update";
            case FAILED -> "fail";
            case SKIPPED -> "skip";
        };
    }
}
