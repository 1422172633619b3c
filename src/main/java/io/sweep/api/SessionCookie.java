package io.sweep.api;

import io.javalin.http.Context;
import io.sweep.auth.Credentials;
import java.util.Locale;

/**
 * The HTTP side of browser sessions: the {@code sweep_session} cookie, and the
 * {@link Credentials} every authenticated route hands to the Authenticator.
 */
public final class SessionCookie {
    public static final String NAME = "sweep_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private SessionCookie() {}

    /** What this request offers to prove who sent it. */
    public static Credentials credentials(Context ctx) {
        return new Credentials(ctx.header("Authorization"), ctx.cookie(NAME), ctx.method().name(), ctx.header(CSRF_HEADER),
                ctx.header("Origin"), ownOrigin(ctx));
    }

    /** {@code Set-Cookie} for a new session: HttpOnly, SameSite=Strict, Secure when the browser came over https. */
    public static void set(Context ctx, String value) {
        ctx.header("Set-Cookie", NAME + "=" + value + "; Path=/; HttpOnly; SameSite=Strict" + (https(ctx) ? "; Secure" : ""));
    }

    public static void clear(Context ctx) {
        ctx.header("Set-Cookie", NAME + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (https(ctx) ? "; Secure" : ""));
    }

    /** Over https directly, or behind a proxy that says so. */
    static boolean https(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(first(ctx.header("X-Forwarded-Proto")));
    }

    /** This server's origin as the browser sees it: scheme and host (with port) of the request. */
    static String ownOrigin(Context ctx) {
        String host = first(ctx.header("X-Forwarded-Host"));
        if (host == null) host = ctx.header("Host");
        if (host == null || host.isBlank()) return null;
        return (https(ctx) ? "https" : "http") + "://" + host.trim().toLowerCase(Locale.ROOT);
    }

    /** The first of a comma-separated header's values, as proxies append theirs. */
    private static String first(String header) {
        if (header == null || header.isBlank()) return null;
        int comma = header.indexOf(',');
        return (comma < 0 ? header : header.substring(0, comma)).trim();
    }
}
