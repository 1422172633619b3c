package io.sweep.hooks;

import io.sweep.db.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Webhook deliveries by key: a sender's Idempotency-Key, or the signed request itself when it has
 * none. The first request with a key claims it (a primary key insert, so concurrent duplicates on
 * any node lose); the others answer the first one's job, or are refused as replays.
 */
public final class WebhookDeliveryRepository {
    public static final Duration KEY_LIFETIME = Duration.ofHours(24);

    private final Database db;
    private final Clock clock;

    public WebhookDeliveryRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * True when this request claimed the key; false when another request holds it (see {@link #jobOf}
     * and {@link #sameBody}). The body's hash is kept with the key.
     */
    public boolean claim(String ruleId, String key, String bodySha256) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return db.claim(h -> {
            // keys older than their lifetime are free again, and forgotten
            h.createUpdate("DELETE FROM webhook_deliveries WHERE created_time < :expired")
                    .bind("expired", now.minus(KEY_LIFETIME)).execute();
            return h.createUpdate("""
                            INSERT INTO webhook_deliveries (rule_id, idempotency_key, body_sha256, created_time)
                            VALUES (:rule, :key, :body, :now)""")
                    .bind("rule", ruleId).bind("key", key).bind("body", bodySha256).bind("now", now).execute();
        }).isPresent();
    }

    public void recordJob(String ruleId, String key, long jobId) {
        db.useHandle(h -> h.createUpdate("UPDATE webhook_deliveries SET job_id = :job WHERE rule_id = :rule AND idempotency_key = :key")
                .bind("job", jobId).bind("rule", ruleId).bind("key", key).execute());
    }

    /** Frees a claimed key whose request failed, so a retry can start the job. */
    public void release(String ruleId, String key) {
        db.useHandle(h -> h.createUpdate("DELETE FROM webhook_deliveries WHERE rule_id = :rule AND idempotency_key = :key AND job_id IS NULL")
                .bind("rule", ruleId).bind("key", key).execute());
    }

    /** The job of the request that claimed the key: empty while it is still starting it (or if it failed). */
    public Optional<Long> jobOf(String ruleId, String key) {
        return db.withHandle(h -> h.createQuery("SELECT job_id FROM webhook_deliveries WHERE rule_id = :rule AND idempotency_key = :key")
                .bind("rule", ruleId).bind("key", key).mapTo(Long.class).findOne());
    }

    /** Whether the request that claimed the key had this body (a key stored without its body's hash counts as the same). */
    public boolean sameBody(String ruleId, String key, String bodySha256) {
        return db.withHandle(h -> h.createQuery("SELECT body_sha256 FROM webhook_deliveries WHERE rule_id = :rule AND idempotency_key = :key")
                .bind("rule", ruleId).bind("key", key).mapTo(String.class).findOne()
                .map(stored -> stored.equals(bodySha256)).orElse(true));
    }

    /** Whether the key is still held (by a request that has not finished). */
    public boolean held(String ruleId, String key) {
        return db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM webhook_deliveries WHERE rule_id = :rule AND idempotency_key = :key")
                .bind("rule", ruleId).bind("key", key).mapTo(Integer.class).one()) > 0;
    }
}
