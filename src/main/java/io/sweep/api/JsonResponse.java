package io.sweep.api;

import io.javalin.http.Context;
import io.sweep.json.Json;

/** How every surface answers with JSON: Sweep's own writer, and the charset said out loud. */
public final class JsonResponse {
    /** Zoho names the charset; some clients decode without it as ISO-8859-1. */
    public static final String CONTENT_TYPE = "application/json; charset=utf-8";

    private JsonResponse() {}

    public static void send(Context ctx, int status, Object body) {
        ctx.status(status).contentType(CONTENT_TYPE).result(Json.write(body));
    }
}
