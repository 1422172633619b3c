package io.sweep.jobs;

import io.sweep.db.Database;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** Cron fires of rules: claimed once each, across nodes, by their primary key. */
public final class RuleFireRepository {

    private final Database db;

    public RuleFireRepository(Database db) {
        this.db = db;
    }

    public Optional<Instant> lastFire(String ruleId) {
        return db.withHandle(h -> h.createQuery("SELECT MAX(fire_time) FROM rule_fires WHERE rule_id = :rule")
                .bind("rule", ruleId).mapTo(OffsetDateTime.class).findOne()).map(OffsetDateTime::toInstant);
    }

    /** True when this caller claimed the fire; false when another node did. */
    public boolean claim(String ruleId, Instant fireTime) {
        return db.claim(h -> h.createUpdate("INSERT INTO rule_fires (rule_id, fire_time) VALUES (:rule, :time)")
                .bind("rule", ruleId).bind("time", fireTime.atOffset(ZoneOffset.UTC)).execute()).isPresent();
    }

    public void recordJob(String ruleId, Instant fireTime, Long jobId, String message) {
        db.useHandle(h -> h.createUpdate("UPDATE rule_fires SET job_id = :job, message = :message WHERE rule_id = :rule AND fire_time = :time")
                .bind("job", jobId).bind("message", message).bind("rule", ruleId).bind("time", fireTime.atOffset(ZoneOffset.UTC)).execute());
    }
}
