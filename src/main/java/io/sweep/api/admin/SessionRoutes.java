package io.sweep.api.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.sweep.api.JsonResponse;
import io.sweep.api.SessionCookie;
import io.sweep.auth.Authenticator;
import io.sweep.auth.Sessions;
import io.sweep.auth.UserRepository;
import io.sweep.errors.ApiException;
import io.sweep.errors.ErrorCode;
import io.sweep.json.Json;

/** {@code /api/session}: browser login (sets the cookie), the current session, logout. */
final class SessionRoutes {
    private final Authenticator authenticator;
    private final Sessions sessions;
    private final UserRepository users;

    SessionRoutes(Authenticator authenticator, Sessions sessions, UserRepository users) {
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.users = users;
    }

    /** Needs no CSRF token (there is no session yet), but a foreign Origin is refused like everywhere. */
    void login(Context ctx) {
        authenticator.requireSameOrigin(SessionCookie.credentials(ctx));
        var body = AdminContext.bodyObject(ctx);
        String email = AdminContext.requiredText(body, "email");
        String password = AdminContext.text(body, "password");
        var started = sessions.login(email, password == null ? "" : password, ctx.ip());
        SessionCookie.set(ctx, started.cookieValue());
        JsonResponse.send(ctx, 200, render(started.session()));
    }

    void current(Context ctx) {
        JsonResponse.send(ctx, 200, render(session(ctx)));
    }

    void logout(Context ctx) {
        sessions.end(session(ctx), ctx.ip());
        SessionCookie.clear(ctx);
        ctx.status(204);
    }

    private Sessions.Session session(Context ctx) {
        return authenticator.session(SessionCookie.credentials(ctx)).orElseThrow(() -> new ApiException(ErrorCode.AUTHENTICATION_FAILURE));
    }

    private ObjectNode render(Sessions.Session session) {
        var profile = users.profile(session.user().profileId());
        ObjectNode body = Json.object();
        ObjectNode user = body.putObject("user");
        user.put("id", String.valueOf(session.user().id()));
        user.put("email", session.user().email());
        user.put("name", session.user().fullName());
        user.put("profile", profile.name());
        user.put("admin", profile.administrator());
        body.put("csrf_token", session.csrfToken());
        body.put("idle_timeout_seconds", sessions.idleTimeout().toSeconds());
        return body;
    }
}
