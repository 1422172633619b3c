package io.sweep.jobs;

import io.sweep.db.Database;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Cron fires of rules: claimed once each, across nodes, by their primary key. */
public final class RuleFireRepository {

    private final Database db;

    public RuleFireRepository(Database db) {
        this.db = db;
    }

    /** One fire of a rule's schedule: the job it started, or why it started none (no records, a run still going…). */
    public record Fire(Instant time, Long jobId, String message) {}

    public List<Fire> recent(String ruleId, int limit) {
        return db.read(h -> h.createQuery("SELECT fire_time, job_id, message FROM rule_fires WHERE rule_id = :rule ORDER BY fire_time DESC LIMIT :limit")
                .bind("rule", ruleId).bind("limit", limit)
                .map((rs, ctx) -> new Fire(rs.getObject("fire_time", OffsetDateTime.class).toInstant(),
                        rs.getObject("job_id") == null ? null : rs.getLong("job_id"), rs.getString("message")))
                .list());
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
