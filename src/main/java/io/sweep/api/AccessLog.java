package io.sweep.api;

import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One line per answered request on the logger {@code sweep.access}: method, route as registered
 * (the path for the UI's files and unknown paths), status, milliseconds, the caller's user id and
 * token id (never the token), and the request id. Method, route, status and time also go along as
 * key-value pairs, and the ids are in the logging context: the JSON log format writes both as fields.
 */
public final class AccessLog {
    private static final Logger LOG = LoggerFactory.getLogger("sweep.access");
    /** The logging context's keys for the caller, set once the gate knows who it is. */
    static final String USER_KEY = "user_id";
    static final String TOKEN_KEY = "token_id";
    private static final int PATH_CHARS = 200;

    private AccessLog() {}

    /** Javalin's request logger: called once per request after its answer. Ends the request's logging context. */
    static void record(Context ctx, Float millis) {
        try {
            var matched = ctx.endpoints().matchedHttpEndpoint();
            String route = matched == null ? printable(ctx.path()) : matched.path;
            String user = orDash(MDC.get(USER_KEY));
            String token = orDash(MDC.get(TOKEN_KEY));
            String requestId = orDash(RequestIds.of(ctx));
            long ms = Math.round(millis);
            LOG.atInfo()
                    .addKeyValue("method", ctx.method().name())
                    .addKeyValue("route", route)
                    .addKeyValue("status", ctx.statusCode())
                    .addKeyValue("duration_ms", ms)
                    .log("{} {} {} {} ms user={} token={} request_id={}", ctx.method().name(), route, ctx.statusCode(), ms, user, token, requestId);
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
            MDC.remove(USER_KEY);
            MDC.remove(TOKEN_KEY);
        }
    }

    /** A raw path as it may be logged: no control characters that could forge a line, not too long. */
    static String printable(String path) {
        StringBuilder out = new StringBuilder(Math.min(path.length(), PATH_CHARS));
        for (int i = 0; i < path.length() && out.length() < PATH_CHARS; i++) {
            char c = path.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return out.toString();
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
