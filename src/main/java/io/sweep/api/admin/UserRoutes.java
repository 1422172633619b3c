package io.sweep.api.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.sweep.api.JsonResponse;
import io.sweep.audit.AuditKind;
import io.sweep.audit.AuditLog;
import io.sweep.auth.Passwords;
import io.sweep.auth.Principal;
import io.sweep.auth.Sessions;
import io.sweep.auth.User;
import io.sweep.auth.UserRepository;
import io.sweep.errors.ApiException;
import io.sweep.errors.ErrorCode;
import io.sweep.json.Json;
import java.util.Map;

/** {@code /api/users} (changes: administrators; the list: anyone signed in, less for non-administrators) and {@code /api/profiles} (anyone signed in). */
final class UserRoutes {
    private static final int MAX_TEXT = 255;

    private final AdminContext admin;
    private final UserRepository users;
    private final Sessions sessions;
    private final AuditLog audit;

    UserRoutes(AdminContext admin, UserRepository users, Sessions sessions, AuditLog audit) {
        this.admin = admin;
        this.audit = audit;
        this.users = users;
        this.sessions = sessions;
    }

    /**
     * Administrators see every user with profile, state and whether a password is set; anyone
     * else signed in sees the active users' id, e-mail and name: enough to share a view with them.
     */
    void list(Context ctx) {
        Principal caller = admin.caller(ctx);
        ObjectNode body = Json.object();
        var list = body.putArray("users");
        for (var u : users.listed()) {
            if (caller.profile().administrator()) {
                list.add(render(u.user(), u.profileName(), u.hasPassword()));
            } else if (u.user().active()) {
                list.addObject().put("id", String.valueOf(u.user().id())).put("email", u.user().email()).put("name", u.user().fullName());
            }
        }
        JsonResponse.send(ctx, 200, body);
    }

    void create(Context ctx) {
        var body = AdminContext.bodyObject(ctx);
        String email = AdminContext.requiredText(body, "email").trim();
        String name = AdminContext.requiredText(body, "name").trim();
        String profile = AdminContext.requiredText(body, "profile").trim();
        String password = AdminContext.text(body, "password");
        if (email.length() > MAX_TEXT || !email.matches("[^@\\s]+@[^@\\s]+")) {
            throw new ApiException(ErrorCode.INVALID_DATA, Map.of("param_name", "email"), "not an e-mail address");
        }
        if (name.length() > MAX_TEXT) throw new ApiException(ErrorCode.INVALID_DATA, Map.of("param_name", "name"), "name is longer than 255 characters");
        checkPassword(password);
        User user;
        try {
            user = users.add(email, name, profile, password == null ? null : Passwords.hash(password));
        } catch (UserRepository.DuplicateEmailException e) {
            throw new ApiException(ErrorCode.DUPLICATE_DATA, Map.of("param_name", "email"), "a user with this e-mail exists already");
        } catch (UserRepository.UnknownProfileException e) {
            throw new ApiException(ErrorCode.INVALID_DATA, Map.of("param_name", "profile"), "no profile named " + profile);
        }
        audit.record(admin.actor(ctx), AuditKind.USER_ADD, AuditLog.user(user.id()),
                Map.of("email", user.email(), "profile", users.profileName(user.profileId()), "password", password != null));
        ObjectNode out = Json.object();
        out.set("user", render(user, users.profileName(user.profileId()), password != null));
        JsonResponse.send(ctx, 201, out);
    }

    /**
     * {@code PATCH /api/users/{id}} with {@code password} and/or {@code active}: an administrator
     * resets a password or turns a user's logins off or on. Either ends the user's browser sessions;
     * an inactive user's tokens are refused too. Administrators cannot deactivate themselves.
     */
    void update(Context ctx) {
        var caller = admin.caller(ctx);
        long id = io.sweep.crm.Ids.parse(ctx.pathParam("id"))
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, Map.of("id", ctx.pathParam("id"))));
        User user = users.byId(id).orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, Map.of("id", ctx.pathParam("id"))));
        var body = AdminContext.bodyObject(ctx);
        String password = AdminContext.text(body, "password");
        var active = body.get("active");
        if (password == null && active == null) {
            throw new ApiException(ErrorCode.MANDATORY_PARAM_MISSING, Map.of("param_name", "password or active"));
        }
        if (active != null && !active.isBoolean()) throw new ApiException(ErrorCode.INVALID_DATA, Map.of("param_name", "active"), "active must be true or false");
        if (active != null && !active.booleanValue() && id == caller.user().id()) {
            throw new ApiException(ErrorCode.INVALID_DATA, Map.of("param_name", "active"), "you cannot deactivate yourself");
        }
        checkPassword(password);
        if (password != null) users.setPasswordHash(id, Passwords.hash(password));
        if (active != null) users.setActive(id, active.booleanValue());
        sessions.endAllOf(id);
        var actor = admin.actor(ctx);
        if (password != null) audit.record(actor, AuditKind.USER_PASSWORD, AuditLog.user(id), Map.of("email", user.email()));
        if (active != null) {
            audit.record(actor, active.booleanValue() ? AuditKind.USER_ACTIVATE : AuditKind.USER_DEACTIVATE, AuditLog.user(id),
                    Map.of("email", user.email()));
        }
        var listed = users.listed().stream().filter(l -> l.user().id() == id).findFirst().orElseThrow();
        ObjectNode out = Json.object();
        out.set("user", render(listed.user(), listed.profileName(), listed.hasPassword()));
        JsonResponse.send(ctx, 200, out);
    }

    private static void checkPassword(String password) {
        if (password != null && password.length() < Passwords.MIN_LENGTH) {
            throw new ApiException(ErrorCode.INVALID_DATA, Map.of("param_name", "password"),
                    "the password needs at least " + Passwords.MIN_LENGTH + " characters");
        }
    }

    void profiles(Context ctx) {
        ObjectNode body = Json.object();
        var list = body.putArray("profiles");
        users.profileNames().forEach(p -> list.addObject().put("id", String.valueOf(p.id())).put("name", p.name()));
        JsonResponse.send(ctx, 200, body);
    }

    private static ObjectNode render(User user, String profile, boolean hasPassword) {
        ObjectNode node = Json.object();
        node.put("id", String.valueOf(user.id()));
        node.put("email", user.email());
        node.put("name", user.fullName());
        node.put("profile", profile);
        node.put("active", user.active());
        node.put("has_password", hasPassword);
        return node;
    }
}
