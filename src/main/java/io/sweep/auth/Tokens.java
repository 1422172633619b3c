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
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

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
        // every API call authenticates: a read beside the one writer (Database#read), so calls never queue behind a write
        return db.read(h -> h.createQuery("SELECT * FROM tokens WHERE token_hash = :hash")
                        .bind("hash", hash(token))
                        .map((rs, ctx) -> new Stored(rs.getLong("id"), rs.getLong("user_id"), Scopes.parse(rs.getString("scopes")),
                                rs.getObject("expires_time", OffsetDateTime.class), rs.getObject("revoked_time", OffsetDateTime.class)))
                        .findOne())
                .filter(t -> t.revokedTime() == null)
                .filter(t -> t.expiresTime() == null || t.expiresTime().isAfter(now()));
    }

    /** A token as its owner and administrators see it: never the secret. */
    public record Listed(long id, String label, Scopes scopes, long userId, String userEmail, OffsetDateTime createdTime,
                         OffsetDateTime expiresTime, OffsetDateTime revokedTime) {
        public String status(OffsetDateTime now) {
            if (revokedTime != null) return "revoked";
            if (expiresTime != null && !expiresTime.isAfter(now)) return "expired";
            return "active";
        }
    }

    private static final String LISTED_SELECT = """
            SELECT t.id, t.label, t.scopes, t.user_id, u.email, t.created_time, t.expires_time, t.revoked_time
            FROM tokens t JOIN users u ON u.id = t.user_id
            """;
    private static final RowMapper<Listed> LISTED = (rs, ctx) -> new Listed(
            rs.getLong("id"), rs.getString("label"), Scopes.parse(rs.getString("scopes")), rs.getLong("user_id"),
            rs.getString("email"), rs.getObject("created_time", OffsetDateTime.class),
            rs.getObject("expires_time", OffsetDateTime.class), rs.getObject("revoked_time", OffsetDateTime.class));

    /** Every user's tokens, newest first. */
    public List<Listed> listAll() {
        return db.withHandle(h -> h.createQuery(LISTED_SELECT + "ORDER BY t.created_time DESC, t.id DESC").map(LISTED).list());
    }

    /** One user's tokens, newest first. */
    public List<Listed> listOf(long userId) {
        return db.withHandle(h -> h.createQuery(LISTED_SELECT + "WHERE t.user_id = :user ORDER BY t.created_time DESC, t.id DESC")
                .bind("user", userId).map(LISTED).list());
    }

    public Optional<Listed> byId(long id) {
        return db.withHandle(h -> h.createQuery(LISTED_SELECT + "WHERE t.id = :id").bind("id", id).map(LISTED).findOne());
    }


    /**
     * When a token given {@code text} expires: a duration ({@code 30d}, {@code 12h}, {@code 90m})
     * from now, a date (its start, UTC) or a date-time with offset; null for none.
     * Throws IllegalArgumentException for anything else or for a time already past.
     */
    public static OffsetDateTime parseExpiry(String text, Clock clock) {
        if (text == null || text.isBlank()) return null;
        var now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        var m = java.util.regex.Pattern.compile("(\\d{1,6})([dhm])").matcher(text.trim());
        OffsetDateTime at;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            at = now.plus(switch (m.group(2)) {
                case "d" -> java.time.Duration.ofDays(n);
                case "h" -> java.time.Duration.ofHours(n);
                default -> java.time.Duration.ofMinutes(n);
            });
        } else {
            try {
                at = text.contains("T") ? OffsetDateTime.parse(text.trim())
                        : java.time.LocalDate.parse(text.trim()).atStartOfDay().atOffset(ZoneOffset.UTC);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("not a duration (30d, 12h, 90m) or a date/time: " + text);
            }
        }
        if (!at.isAfter(now)) throw new IllegalArgumentException("the expiry lies in the past: " + text);
        return at;
    }

    /** Revokes by token secret or by token id; the id of the token revoked, empty when nothing matched. */
    public Optional<Long> revoke(String tokenOrId) {
        return db.inTransaction(h -> {
            var id = tokenOrId.matches("\\d{1,19}")
                    ? h.createQuery("SELECT id FROM tokens WHERE id = :id AND revoked_time IS NULL").bind("id", Long.parseLong(tokenOrId))
                            .mapTo(Long.class).findOne()
                    : h.createQuery("SELECT id FROM tokens WHERE token_hash = :hash AND revoked_time IS NULL").bind("hash", hash(tokenOrId))
                            .mapTo(Long.class).findOne();
            id.ifPresent(found -> h.createUpdate("UPDATE tokens SET revoked_time = :now WHERE id = :id").bind("id", found).bind("now", now()).execute());
            return id;
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
