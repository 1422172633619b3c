package io.sweep.auth;

import io.sweep.errors.ApiException;
import io.sweep.errors.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * The one place that decides who is calling. An {@code Authorization: Zoho-oauthtoken …} header
 * wins and carries its token's scopes; otherwise the session cookie of a browser login, which
 * carries every scope (the user's profile still limits what they may do). A cookie request is
 * refused when a browser says it comes from another origin, and, unless its method is safe,
 * when it lacks the session's CSRF token: a cross-site page can make the browser send the
 * cookie, but cannot read or send the token.
 */
public final class Authenticator {
    private static final String SCHEME = "zoho-oauthtoken";

    private final Tokens tokens;
    private final UserRepository users;
    private final Sessions sessions;

    public Authenticator(Tokens tokens, UserRepository users, Sessions sessions) {
        this.tokens = tokens;
        this.users = users;
        this.sessions = sessions;
    }

    /** The caller and, when a token authenticated them, the token's id (null for a browser session). */
    public record Caller(Principal principal, Long tokenId) {}

    public Principal authenticate(Credentials credentials) {
        return identify(credentials).principal();
    }

    /** As {@link #authenticate}, also naming the token used, so a request can be logged by it (never by its value). */
    public Caller identify(Credentials credentials) {
        if (credentials.hasAuthorization() || !credentials.hasSessionCookie()) return byToken(credentials.authorization());
        Sessions.Session session = session(credentials).orElseThrow(() -> new ApiException(ErrorCode.INVALID_TOKEN));
        return new Caller(users.principal(session.user(), Scopes.of(Scopes.ALL_SCOPES)), null);
    }

    /**
     * The browser session of a request, checked like {@link #authenticate}: same origin, and the
     * CSRF token for an unsafe method. Empty when there is no live session.
     */
    public java.util.Optional<Sessions.Session> session(Credentials credentials) {
        requireSameOrigin(credentials);
        var session = sessions.current(credentials.sessionCookie());
        if (session.isPresent() && !credentials.safeMethod() && !sameToken(credentials.csrfToken(), session.get().csrfToken())) {
            throw new ApiException(ErrorCode.INVALID_CSRF_TOKEN);
        }
        return session;
    }

    /** Refuses a request a browser sent from another origin (also the login, which has no CSRF token yet). */
    public void requireSameOrigin(Credentials credentials) {
        if (credentials.foreignOrigin()) throw new ApiException(ErrorCode.INVALID_CSRF_TOKEN);
    }

    private Caller byToken(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            throw new ApiException(ErrorCode.INVALID_TOKEN);
        }
        String[] parts = authorizationHeader.trim().split("\\s+");
        if (parts.length != 2 || !parts[0].toLowerCase(Locale.ROOT).equals(SCHEME)) {
            throw new ApiException(ErrorCode.AUTHENTICATION_FAILURE);
        }
        var token = tokens.find(parts[1]).orElseThrow(() -> new ApiException(ErrorCode.INVALID_TOKEN));
        var user = users.byId(token.userId()).filter(User::active).orElseThrow(() -> new ApiException(ErrorCode.INVALID_TOKEN));
        return new Caller(users.principal(user, token.scopes()), token.id());
    }

    private static boolean sameToken(String given, String expected) {
        if (given == null || given.isBlank()) return false;
        return MessageDigest.isEqual(given.trim().getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
