package io.sweep.api.zoho;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.sweep.api.ApiException;
import io.sweep.api.ErrorCode;
import io.sweep.api.Json;
import io.sweep.api.SessionCookie;
import io.sweep.auth.Authenticator;
import io.sweep.auth.Principal;
import io.sweep.crm.Metadata;
import io.sweep.crm.Module;
import java.util.Map;

/** What every /crm/v2 handler needs first: who is calling, with which scope, on which module. */
final class ZohoContext {
    private final Authenticator authenticator;
    private final Metadata metadata;

    ZohoContext(Authenticator authenticator, Metadata metadata) {
        this.authenticator = authenticator;
        this.metadata = metadata;
    }

    Principal principal(Context ctx) {
        return authenticator.authenticate(SessionCookie.credentials(ctx));
    }

    /** Authenticates, resolves the module of the path and checks {@code ZohoCRM.<group>[.<module>].<operation>}. */
    Call call(Context ctx, String scopeGroup, String operation) {
        Principal principal = principal(ctx);
        Module module = module(ctx.pathParam("module"));
        requireScope(principal, scopeGroup, module.scopeName(), operation);
        return new Call(principal, module);
    }

    Module module(String name) {
        return metadata.module(name).orElseThrow(() -> new ApiException(ErrorCode.INVALID_MODULE, Map.of("resource_path_index", 0)));
    }

    static void requireScope(Principal principal, String group, String moduleKey, String operation) {
        if (!principal.scopes().permits(group, moduleKey, operation)) throw new ApiException(ErrorCode.OAUTH_SCOPE_MISMATCH);
    }

    static JsonNode body(Context ctx) {
        return Json.parseBody(ctx.body());
    }

    static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json; charset=utf-8").result(Json.write(body));
    }

    record Call(Principal principal, Module module) {}
}
