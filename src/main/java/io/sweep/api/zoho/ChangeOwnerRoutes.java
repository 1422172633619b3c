package io.sweep.api.zoho;

import io.javalin.http.Context;
import io.sweep.massupdate.ChangeOwnerParser;
import io.sweep.massupdate.ChangeOwnerService;

/** {@code /crm/v2/{module}/actions/change_owner} and {@code /crm/v2/{module}/{id}/actions/change_owner}. */
final class ChangeOwnerRoutes {
    private final ZohoContext zoho;
    private final ChangeOwnerService service;
    private final WriteDetails writeDetails;

    ChangeOwnerRoutes(ZohoContext zoho, ChangeOwnerService service, WriteDetails writeDetails) {
        this.zoho = zoho;
        this.service = service;
        this.writeDetails = writeDetails;
    }

    void many(Context ctx) {
        change(ctx, null);
    }

    void one(Context ctx) {
        change(ctx, ctx.pathParam("id"));
    }

    private void change(Context ctx, String pathId) {
        var call = zoho.call(ctx);
        var request = ChangeOwnerParser.parse(ZohoContext.body(ctx), pathId);
        ByIdsAnswer.send(ctx, writeDetails, call.principal().user().id(), service.changeOwner(call.principal(), call.module(), request));
    }
}
