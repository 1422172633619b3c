package io.sweep.api.zoho;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.sweep.api.AccessGate;
import io.sweep.auth.Principal;
import io.sweep.crm.Activities;
import io.sweep.crm.Metadata;
import io.sweep.crm.Module;
import io.sweep.errors.ApiException;
import io.sweep.errors.ErrorCode;
import io.sweep.json.Json;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/** What every /crm/v2 handler needs first: who is calling and on which module, as the route's access let them through. */
final class ZohoContext {
    private final Metadata metadata;
    private final List<Pattern> fixedPaths = new CopyOnWriteArrayList<>();

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

    /**
     * The module of the path; unknown is INVALID_MODULE naming the path's first segment, unless
     * the path is one of the paths that name no module, asked for with a method it does not answer.
     */
    Module pathModule(Context ctx) {
        String name = ctx.pathParam("module");
        if (metadata.moduleOrView(name).isEmpty() && fixedPaths.stream().anyMatch(p -> p.matcher(ctx.path()).matches())) {
            throw new ApiException(ErrorCode.INVALID_REQUEST_METHOD);
        }
        return module(name);
    }

    /** A route path with no module in it, such as {@code /crm/v2/settings/custom_views/{id}}. */
    void fixedPath(String path) {
        // these paths hold letters, digits, '_' and '/' only, so each {param} is the one part to turn into a pattern
        fixedPaths.add(Pattern.compile(path.replaceAll("\\{[^/]+}", "[^/]+")));
    }

    /**
     * As {@link #pathModule}, for routes the Activities view does not answer (writes of records,
     * search, change of owner): an activity is written through its own module, so these are
     * NOT_SUPPORTED for the view rather than an unknown module.
     */
    Module storedPathModule(Context ctx) {
        Module module = pathModule(ctx);
        if (Activities.is(module)) throw new ApiException(ErrorCode.NOT_SUPPORTED, Map.of("module", module.apiName()));
        return module;
    }

    /** The modules the Activities view spans. */
    List<Module> activityParts() {
        return metadata.activityParts();
    }

    Module module(String name) {
        return metadata.moduleOrView(name).orElseThrow(() -> new ApiException(ErrorCode.INVALID_MODULE, Map.of("resource_path_index", 0)));
    }

    static JsonNode body(Context ctx) {
        return Json.parseBody(ctx.body());
    }

    record Call(Principal principal, Module module) {}
}
