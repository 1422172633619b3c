package io.sweep.api.admin;

import io.javalin.http.Context;
import io.sweep.api.AccessGate;
import io.sweep.audit.Actor;
import io.sweep.auth.Principal;
import io.sweep.crm.Metadata;
import io.sweep.crm.Module;
import io.sweep.errors.ApiException;
import io.sweep.errors.ErrorCode;
import io.sweep.jobs.Job;
import io.sweep.jobs.JobService;
import io.sweep.json.Json;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What /api handlers share: the caller the route's {@link io.sweep.api.Access} let through, the
 * modules their mass update scope reaches — {@code READ} to look, {@code UPDATE} to change — and
 * the job they name.
 */
final class AdminContext {
    static final String READ = "READ";
    static final String UPDATE = "UPDATE";
    private static final String SCOPE_GROUP = "mass_update";

    private final Metadata metadata;
    private final JobService jobs;

    AdminContext(Metadata metadata, JobService jobs) {
        this.metadata = metadata;
        this.jobs = jobs;
    }

    /** The caller the route's access let through: a token (with its scopes) or a browser session (every scope). */
    Principal caller(Context ctx) {
        return AccessGate.principal(ctx);
    }

    /** The caller as the audit log names them: their user, and the address the request came from. */
    Actor actor(Context ctx) {
        Principal p = caller(ctx);
        return Actor.user(p.user().id(), p.user().email(), ctx.ip());
    }

    void requireScope(Principal p, Module module, String operation) {
        if (!permits(p, module, operation)) throw new ApiException(ErrorCode.OAUTH_SCOPE_MISMATCH);
    }

    /** The modules the token may {@code operation} in, or null when it may in every module. */
    Set<Long> permittedModules(Principal p, String operation) {
        if (p.scopes().permits(SCOPE_GROUP, null, operation)) return null;
        return metadata.modules().stream().filter(m -> permits(p, m, operation)).map(Module::id).collect(Collectors.toSet());
    }

    /** The job of the path, if the caller may see it and holds the scope for its module; unknown and foreign jobs are alike 404. */
    Call job(Context ctx, String operation) {
        Principal p = caller(ctx);
        Job job = jobs.visibleJob(p, ctx.pathParam("id"));
        Module module = metadata.moduleById(job.moduleId()).orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND));
        requireScope(p, module, operation);
        return new Call(p, job, module);
    }

    /** The module a query parameter names; missing is MANDATORY_NOT_FOUND, unknown INVALID_MODULE. */
    Module moduleParam(Context ctx, boolean required) {
        String name = ctx.queryParam("module");
        if (name == null || name.isBlank()) {
            if (required) throw new ApiException(ErrorCode.MANDATORY_PARAM_MISSING, Map.of("param_name", "module"));
            return null;
        }
        return metadata.module(name.trim()).orElseThrow(() -> new ApiException(ErrorCode.INVALID_MODULE, Map.of("param_name", "module")));
    }

    /** A parameter that must be one of {@code allowed} (compared case-insensitively), or null when absent. */
    static String choiceParam(Context ctx, String name, Set<String> allowed) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) return null;
        String v = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (!allowed.contains(v)) {
            throw new ApiException(ErrorCode.INVALID_DATA, Map.of("param_name", name, "allowed", allowed.stream().sorted().toList()),
                    "invalid value for " + name);
        }
        return v;
    }

    /** ISO-8601 with offset, second precision, UTC; null stays null. */
    static String time(java.time.OffsetDateTime t) {
        return io.sweep.crm.RecordTime.format(t);
    }

    /** The request body as a JSON object; anything else is UNABLE_TO_PARSE_DATA_TYPE. */
    static com.fasterxml.jackson.databind.JsonNode bodyObject(Context ctx) {
        var body = Json.parseBody(ctx.body());
        if (!body.isObject()) throw new ApiException(ErrorCode.UNABLE_TO_PARSE_DATA_TYPE, Map.of(), "the body must be a JSON object");
        return body;
    }

    /** A string member: missing or null gives null, another JSON type INVALID_DATA naming it. */
    static String text(com.fasterxml.jackson.databind.JsonNode body, String name) {
        var v = body.get(name);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw new ApiException(ErrorCode.INVALID_DATA, Map.of("param_name", name), name + " must be a string");
        return v.asText();
    }

    /** A string member that must be there and not blank (MANDATORY_NOT_FOUND naming it otherwise). */
    static String requiredText(com.fasterxml.jackson.databind.JsonNode body, String name) {
        String v = text(body, name);
        if (v == null || v.isBlank()) throw new ApiException(ErrorCode.MANDATORY_PARAM_MISSING, Map.of("param_name", name));
        return v;
    }

    private static boolean permits(Principal p, Module m, String operation) {
        return p.scopes().permits(SCOPE_GROUP, m.scopeName(), operation);
    }

    record Call(Principal principal, Job job, Module module) {}
}
