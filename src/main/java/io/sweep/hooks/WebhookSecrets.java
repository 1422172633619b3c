package io.sweep.hooks;

import io.sweep.db.Database;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One signing secret per rule. HMAC needs the secret itself, so it is kept (unlike API tokens,
 * which are stored hashed); it is shown when created or rotated, never listed.
 */
public final class WebhookSecrets {
    /** After a rotation the previous secret still verifies for this long. */
    public static final Duration ROTATION_GRACE = Duration.ofHours(24);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;
    private final Clock clock;

    public WebhookSecrets(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Creates the rule's secret, or rotates it when one exists. Returns the new secret. */
    public String rotate(String ruleId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = "whsec_" + HexFormat.of().formatHex(bytes);
        OffsetDateTime now = now();
        db.inTransaction(h -> {
            int rotated = h.createUpdate("""
                    UPDATE webhook_secrets SET previous_secret = secret, previous_until = :until, secret = :secret, rotated_time = :now
                    WHERE rule_id = :rule""")
                    .bind("until", now.plus(ROTATION_GRACE)).bind("secret", secret).bind("now", now).bind("rule", ruleId).execute();
            if (rotated == 0) {
                h.createUpdate("INSERT INTO webhook_secrets (rule_id, secret, created_time) VALUES (:rule, :secret, :now)")
                        .bind("rule", ruleId).bind("secret", secret).bind("now", now).execute();
            }
            return null;
        });
        return secret;
    }

    /** The secrets that verify a request now: the current one, and the previous during its grace period. */
    public List<String> valid(String ruleId) {
        OffsetDateTime now = now();
        return db.withHandle(h -> h.createQuery("SELECT secret, previous_secret, previous_until FROM webhook_secrets WHERE rule_id = :rule")
                .bind("rule", ruleId)
                .map((rs, ctx) -> {
                    List<String> secrets = new ArrayList<>();
                    secrets.add(rs.getString("secret"));
                    var until = rs.getObject("previous_until", OffsetDateTime.class);
                    if (rs.getString("previous_secret") != null && until != null && until.isAfter(now)) secrets.add(rs.getString("previous_secret"));
                    return secrets;
                })
                .findOne().orElse(List.of()));
    }

    /** When a rule's secret was created and last rotated; never the secret. */
    public record Info(OffsetDateTime createdTime, OffsetDateTime rotatedTime) {}

    public java.util.Optional<Info> info(String ruleId) {
        return db.withHandle(h -> h.createQuery("SELECT created_time, rotated_time FROM webhook_secrets WHERE rule_id = :rule")
                .bind("rule", ruleId)
                .map((rs, ctx) -> new Info(rs.getObject("created_time", OffsetDateTime.class), rs.getObject("rotated_time", OffsetDateTime.class)))
                .findOne());
    }

    public boolean exists(String ruleId) {
        return !valid(ruleId).isEmpty();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
