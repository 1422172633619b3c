package io.sweep.auth;

import io.sweep.db.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;

/**
 * API tokens. A token is 32 random bytes shown once; only its SHA-256 is stored (a slow hash
 * buys nothing for 256 random bits, and authentication runs on every request).
 */
public final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;
    private final Clock clock;

    public Tokens(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public record Issued(long id, String token) {}

    public record Stored(long id, long userId, Scopes scopes, OffsetDateTime expiresTime, OffsetDateTime revokedTime) {}

    public Issued create(long userId, Scopes scopes, OffsetDateTime expires, String label) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "1000." + HexFormat.of().formatHex(secret);
        return new Issued(store(userId, token, scopes, expires, label), token);
    }

    /** Makes sure this exact token exists for the user with these scopes (for SWEEP_BOOTSTRAP_TOKEN). */
    public void ensure(long userId, String token, Scopes scopes) {
        String hash = hash(token);
        db.inTransaction(h -> {
            int updated = h.createUpdate("""
                    UPDATE tokens SET user_id = :user, scopes = :scopes, revoked_time = NULL, expires_time = NULL
                    WHERE token_hash = :hash""")
                    .bind("user", userId).bind("scopes", scopes.format()).bind("hash", hash).execute();
            if (updated == 0) insert(h, userId, hash, scopes, null, "bootstrap");
            return null;
        });
    }

    private long store(long userId, String token, Scopes scopes, OffsetDateTime expires, String label) {
        return db.inTransaction(h -> insert(h, userId, hash(token), scopes, expires, label));
    }

    private long insert(org.jdbi.v3.core.Handle h, long userId, String hash, Scopes scopes, OffsetDateTime expires, String label) {
        long id = db.nextId(h);
        h.createUpdate("""
                INSERT INTO tokens (id, user_id, token_hash, scopes, label, created_time, expires_time)
                VALUES (:id, :user, :hash, :scopes, :label, :now, :expires)""")
                .bind("id", id).bind("user", userId).bind("hash", hash).bind("scopes", scopes.format())
                .bind("label", label).bind("now", now()).bind("expires", expires)
                .execute();
        return id;
    }

    /** The live token with this secret: not revoked, not expired. */
    public Optional<Stored> find(String token) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM tokens WHERE token_hash = :hash")
                        .bind("hash", hash(token))
                        .map((rs, ctx) -> new Stored(rs.getLong("id"), rs.getLong("user_id"), Scopes.parse(rs.getString("scopes")),
                                rs.getObject("expires_time", OffsetDateTime.class), rs.getObject("revoked_time", OffsetDateTime.class)))
                        .findOne())
                .filter(t -> t.revokedTime() == null)
                .filter(t -> t.expiresTime() == null || t.expiresTime().isAfter(now()));
    }

    /** Revokes by token secret or by token id; false when nothing matched. */
    public boolean revoke(String tokenOrId) {
        return db.inTransaction(h -> {
            var update = tokenOrId.matches("\\d{1,19}")
                    ? h.createUpdate("UPDATE tokens SET revoked_time = :now WHERE id = :id AND revoked_time IS NULL").bind("id", Long.parseLong(tokenOrId))
                    : h.createUpdate("UPDATE tokens SET revoked_time = :now WHERE token_hash = :hash AND revoked_time IS NULL").bind("hash", hash(tokenOrId));
            return update.bind("now", now()).execute() > 0;
        });
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
