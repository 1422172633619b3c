package io.sweep.api.zoho;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.sweep.api.AccessGate;
import io.sweep.auth.Principal;
import io.sweep.crm.Metadata;
import io.sweep.crm.Module;
import io.sweep.errors.ApiException;
import io.sweep.errors.ErrorCode;
import io.sweep.json.Json;
import java.util.Map;

/** What every /crm/v2 handler needs first: who is calling and on which module, as the route's access let them through. */
final class ZohoContext {
    private final Metadata metadata;

    ZohoContext(Metadata metadata) {
        this.metadata = metadata;
    }

    Principal principal(Context ctx) {
        return AccessGate.principal(ctx);
    }

    /** The caller and the module of the path. */
    Call call(Context ctx) {
        return new Call(principal(ctx), AccessGate.module(ctx));
    }

    /** The module of the path; unknown is INVALID_MODULE naming the path's first segment. */
    Module pathModule(Context ctx) {
        return module(ctx.pathParam("module"));
    }

    Module module(String name) {
        return metadata.module(name).orElseThrow(() -> new ApiException(ErrorCode.INVALID_MODULE, Map.of("resource_path_index", 0)));
    }

    static JsonNode body(Context ctx) {
        return Json.parseBody(ctx.body());
    }

    record Call(Principal principal, Module module) {}
}
