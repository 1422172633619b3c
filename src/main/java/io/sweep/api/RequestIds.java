package io.sweep.api;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Every request carries an id: the client's {@code X-Request-Id} when it is a sane one, else a new
 * one. It is answered in the same header on every response (errors and unknown paths included)
 * and is in the logging context while the request runs, so a client's complaint, the access log
 * line and any error logged on the way can be matched up.
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    /** The logging context's key for the request id. */
    public static final String MDC_KEY = "request_id";
    private static final String ATTRIBUTE = "sweep.request_id";
    /**
     * What a client's id may look like: long enough for a UUID or a trace id, no spaces, quotes or
     * control characters that could forge a log line or break a JSON one.
     */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {}

    /** The client's id when it looks like one; otherwise a new random one. */
    static String acceptOrNew(String given) {
        return given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    /** First thing on every request: picks the id, answers it, and puts it in the logging context. */
    static void begin(Context ctx) {
        String id = acceptOrNew(ctx.header(HEADER));
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
        // a request answered asynchronously ends on another thread: nothing of it may stay on this one
        MDC.remove(AccessLog.USER_KEY);
        MDC.remove(AccessLog.TOKEN_KEY);
        MDC.put(MDC_KEY, id);
    }

    /** The request's id, or null before {@link #begin} ran (a request Jetty refused before Javalin saw it). */
    static String of(Context ctx) {
        return ctx.attribute(ATTRIBUTE);
    }
}
