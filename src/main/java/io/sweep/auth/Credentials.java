package io.sweep.auth;

import java.util.Locale;
import java.util.Set;

/**
 * What a request offers to prove who sent it, read from HTTP by the api layer: the
 * {@code Authorization} header, the session cookie, and what CSRF protection looks at (the
 * method, the {@code X-CSRF-Token} header, the {@code Origin} header and this server's own origin
 * as the request reached it). Any of them may be null.
 */
public record Credentials(String authorization, String sessionCookie, String method, String csrfToken, String origin, String ownOrigin) {
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    /** Methods that change nothing and so need no CSRF token. */
    public boolean safeMethod() {
        return method != null && SAFE_METHODS.contains(method.toUpperCase(Locale.ROOT));
    }

    /** A browser said the request comes from another site (an {@code Origin} that is not ours, {@code null} included). */
    public boolean foreignOrigin() {
        return origin != null && (ownOrigin == null || !origin.trim().equalsIgnoreCase(ownOrigin));
    }

    boolean hasAuthorization() {
        return authorization != null && !authorization.isBlank();
    }

    boolean hasSessionCookie() {
        return sessionCookie != null && !sessionCookie.isBlank();
    }
}
