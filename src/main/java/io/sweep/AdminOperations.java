package io.sweep;

import io.sweep.audit.Actor;
import io.sweep.audit.AuditKind;
import io.sweep.audit.AuditLog;
import io.sweep.auth.Scopes;
import io.sweep.auth.SessionRepository;
import io.sweep.auth.Tokens;
import io.sweep.crm.RecordTime;
import io.sweep.hooks.WebhookSecrets;
import io.sweep.rules.RuleValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * What the administration commands do to the database ({@code sweep user}, {@code sweep token},
 * {@code sweep webhook-secret}), whether the command opened the database itself or a running
 * server does it for the command ({@link io.sweep.cli.LocalServer}). Each change is audited as the command
 * line's.
 */
final class AdminOperations {
    private final Storage storage;
    private final Clock clock;

    public AdminOperations(Storage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    /** Adds a user; returns their id. */
    public String addUser(String email, String name, String profile, String passwordHash) {
        var user = storage.users().add(email, name, profile, passwordHash);
        storage.audit().record(Actor.cli(), AuditKind.USER_ADD, AuditLog.user(user.id()),
                Map.of("email", user.email(), "profile", profile, "password", passwordHash != null));
        return String.valueOf(user.id());
    }

    /** Sets a user's browser password (already hashed) and ends their sessions. */
    public void setPassword(String email, String passwordHash) {
        var user = storage.users().byEmail(email).orElseThrow(() -> new IllegalArgumentException("no user with e-mail " + email));
        storage.users().setPasswordHash(user.id(), passwordHash);
        new SessionRepository(storage.database()).deleteForUser(user.id());
        storage.audit().record(Actor.cli(), AuditKind.USER_PASSWORD, AuditLog.user(user.id()), Map.of("email", user.email()));
    }

    /** Creates a token for the user; returns the token itself (shown this once). */
    public String createToken(String userEmail, List<String> scopes, String expires, String label) {
        var owner = storage.users().byEmail(userEmail).orElseThrow(() -> new IllegalArgumentException("no user with e-mail " + userEmail));
        OffsetDateTime expiry;
        try {
            expiry = Tokens.parseExpiry(expires, clock);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--expires: " + e.getMessage());
        }
        var issued = storage.tokens().create(owner.id(), Scopes.of(scopes), expiry, label);
        storage.audit().record(Actor.cli(), AuditKind.TOKEN_CREATE, AuditLog.token(issued.id()), Map.of(
                "owner", owner.email(), "label", label == null ? "" : label, "scopes", scopes,
                "expires_time", expiry == null ? "" : RecordTime.format(expiry)));
        return issued.token();
    }

    /** Revokes a live token, given the token or its id; false when none matches. */
    public boolean revokeToken(String tokenOrId) {
        var revoked = storage.tokens().revoke(tokenOrId);
        revoked.ifPresent(id -> storage.audit().record(Actor.cli(), AuditKind.TOKEN_REVOKE, AuditLog.token(id)));
        return revoked.isPresent();
    }

    /** Creates or rotates the webhook secret of a rule of {@code rulesDir}; returns the new secret (shown this once). */
    public String rotateWebhookSecret(String rule, Path rulesDir) {
        if (!RuleValidator.ID.matcher(rule).matches()) throw new IllegalArgumentException("not a rule id: " + rule);
        // a secret for a rule that does not exist would never be used: most likely a typo
        if (!Files.isRegularFile(rulesDir.resolve(rule + ".js"))) {
            throw new IllegalArgumentException("no rule " + rule + " in " + rulesDir + " (expected " + rulesDir.resolve(rule + ".js") + ")");
        }
        var secrets = new WebhookSecrets(storage.database(), clock);
        boolean existed = secrets.exists(rule);
        String secret = secrets.rotate(rule);
        storage.audit().record(Actor.cli(), AuditKind.WEBHOOK_SECRET_ROTATE, AuditLog.rule(rule), Map.of("created", !existed));
        return secret;
    }
}
