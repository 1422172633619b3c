package io.sweep.api.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.sweep.api.JsonResponse;
import io.sweep.audit.AuditKind;
import io.sweep.audit.AuditLog;
import io.sweep.auth.Principal;
import io.sweep.auth.Scopes;
import io.sweep.auth.Tokens;
import io.sweep.crm.Ids;
import io.sweep.crm.Metadata;
import io.sweep.crm.Module;
import io.sweep.errors.ApiException;
import io.sweep.errors.ErrorCode;
import io.sweep.json.Json;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /api/tokens} and {@code /api/scopes}: each user lists, creates and revokes their own API
 * tokens (administrators see everyone's with {@code ?all=true}). A token can grant only scopes
 * its creator holds ({@link HeldScopes}), so a narrow token cannot mint a wider one, and a
 * non-administrator cannot mint one that reaches past their profile.
 */
final class TokenRoutes {
    private static final int MAX_LABEL = 255;

    private final AdminContext admin;
    private final Tokens tokens;
    private final Metadata metadata;
    private final Clock clock;
    private final AuditLog audit;

    TokenRoutes(AdminContext admin, Tokens tokens, Metadata metadata, Clock clock, AuditLog audit) {
        this.admin = admin;
        this.audit = audit;
        this.tokens = tokens;
        this.metadata = metadata;
        this.clock = clock;
    }

    void list(Context ctx) {
        Principal p = admin.caller(ctx);
        boolean all = "true".equalsIgnoreCase(ctx.queryParam("all"));
        if (all && !p.profile().administrator()) throw new ApiException(ErrorCode.PERMISSION_DENIED, Map.of("param_name", "all"));
        var names = canonicalNames();
        ObjectNode body = Json.object();
        var list = body.putArray("tokens");
        (all ? tokens.listAll() : tokens.listOf(p.user().id())).forEach(t -> list.add(render(t, names)));
        JsonResponse.send(ctx, 200, body);
    }

    void create(Context ctx) {
        Principal p = admin.caller(ctx);
        JsonNode body = AdminContext.bodyObject(ctx);
        String label = AdminContext.text(body, "label");
        if (label != null && label.length() > MAX_LABEL) {
            throw new ApiException(ErrorCode.INVALID_DATA, Map.of("param_name", "label"), "label is longer than " + MAX_LABEL + " characters");
        }
        List<String> scopes = scopes(body.get("scopes"));
        for (String s : scopes) {
            if (!HeldScopes.holds(p, metadata.modules(), s)) {
                throw new ApiException(ErrorCode.PERMISSION_DENIED, Map.of("param_name", "scopes", "scope", s),
                        "a token cannot grant a scope its creator does not hold");
            }
        }
        OffsetDateTime expires;
        try {
            expires = Tokens.parseExpiry(AdminContext.text(body, "expires"), clock);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.INVALID_DATA, Map.of("param_name", "expires"), e.getMessage());
        }
        var issued = tokens.create(p.user().id(), Scopes.of(scopes), expires, label == null || label.isBlank() ? null : label.trim());
        var stored = tokens.byId(issued.id()).orElseThrow();
        audit.record(admin.actor(ctx), AuditKind.TOKEN_CREATE, AuditLog.token(issued.id()), Map.of(
                "owner", stored.userEmail(), "label", stored.label() == null ? "" : stored.label(), "scopes", scopes,
                "expires_time", stored.expiresTime() == null ? "" : AdminContext.time(stored.expiresTime())));
        ObjectNode out = Json.object();
        out.put("token", issued.token());
        out.setAll(render(stored, canonicalNames()));
        JsonResponse.send(ctx, 201, out);
    }

    void revoke(Context ctx) {
        Principal p = admin.caller(ctx);
        String id = ctx.pathParam("id");
        var token = Ids.parse(id).flatMap(tokens::byId)
                .filter(t -> t.userId() == p.user().id() || p.profile().administrator())
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, Map.of("id", id)));
        tokens.revoke(String.valueOf(token.id()))
                .ifPresent(revoked -> audit.record(admin.actor(ctx), AuditKind.TOKEN_REVOKE, AuditLog.token(revoked), Map.of("owner", token.userEmail())));
        JsonResponse.send(ctx, 200, Json.object().put("status", "success"));
    }

    void scopes(Context ctx) {
        Principal p = admin.caller(ctx);
        ObjectNode body = Json.object();
        var list = body.putArray("scopes");
        known().forEach(list::add);
        // what this caller may put in a token of their own: the settings page offers only these
        var grantable = body.putArray("grantable");
        var modules = metadata.modules();
        known().stream().filter(s -> HeldScopes.holds(p, modules, s)).forEach(grantable::add);
        JsonResponse.send(ctx, 200, body);
    }

    /** A non-empty array of scope names Sweep knows (any case); INVALID_DATA naming {@code scopes} otherwise. */
    private List<String> scopes(JsonNode node) {
        if (node == null || node.isNull() || (node.isArray() && node.isEmpty())) {
            throw new ApiException(ErrorCode.MANDATORY_PARAM_MISSING, Map.of("param_name", "scopes"));
        }
        if (!node.isArray()) throw new ApiException(ErrorCode.INVALID_DATA, Map.of("param_name", "scopes"), "scopes must be an array of scope names");
        var names = canonicalNames();
        List<String> scopes = new ArrayList<>();
        for (JsonNode s : node) {
            String name = s.isTextual() ? names.get(s.asText().trim().toLowerCase(Locale.ROOT)) : null;
            if (name == null) {
                throw new ApiException(ErrorCode.INVALID_DATA, Map.of("param_name", "scopes", "scope", s.isTextual() ? s.asText() : s.toString()),
                        "unknown scope " + (s.isTextual() ? s.asText() : s.toString()));
            }
            scopes.add(name);
        }
        return scopes;
    }

    private List<String> known() {
        // the Activities view has scopes of its own, though it is none of the stored modules
        return Scopes.known(java.util.stream.Stream.concat(metadata.modules().stream(), metadata.activities().stream())
                .map(Module::scopeName).toList());
    }

    /** Stored scopes are lower case; the UI shows Zoho's spelling. */
    private Map<String, String> canonicalNames() {
        Map<String, String> names = new LinkedHashMap<>();
        known().forEach(n -> names.put(n.toLowerCase(Locale.ROOT), n));
        return names;
    }

    private ObjectNode render(Tokens.Listed t, Map<String, String> names) {
        ObjectNode node = Json.object();
        node.put("id", String.valueOf(t.id()));
        node.put("label", t.label());
        var scopes = node.putArray("scopes");
        t.scopes().asSet().forEach(s -> scopes.add(names.getOrDefault(s, s)));
        node.putObject("user").put("id", String.valueOf(t.userId())).put("email", t.userEmail());
        node.put("created_time", AdminContext.time(t.createdTime()));
        node.put("expires_time", AdminContext.time(t.expiresTime()));
        node.put("revoked_time", AdminContext.time(t.revokedTime()));
        node.put("status", t.status(OffsetDateTime.now(clock)));
        return node;
    }
}
