package io.sweep.notify;

import io.sweep.db.Database;
import io.sweep.jobs.JobStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The notification endpoints, their deliveries and every attempt of each. */
public final class NotificationRepository {
    private static final int MAX_RESPONSE = 1000;

    private final Database db;

    public NotificationRepository(Database db) {
        this.db = db;
    }

    public record NewEndpoint(String url, String secret, String description, List<String> rules, List<String> modules,
                              Collection<JobStatus> statuses, OffsetDateTime now, Long createdBy) {}

    public long insertEndpoint(NewEndpoint e) {
        return db.inTransaction(h -> {
            long id = db.nextId(h);
            h.createUpdate("""
                    INSERT INTO notification_endpoints (id, url, secret, description, rules, modules, statuses, created_time, created_by)
                    VALUES (:id, :url, :secret, :description, :rules, :modules, :statuses, :now, :by)""")
                    .bind("id", id).bind("url", e.url()).bind("secret", e.secret()).bindByType("description", e.description(), String.class)
                    .bindByType("rules", joined(e.rules()), String.class).bindByType("modules", joined(e.modules()), String.class)
                    .bindByType("statuses", joined(e.statuses().stream().map(JobStatus::name).toList()), String.class)
                    .bind("now", e.now()).bindByType("by", e.createdBy(), Long.class).execute();
            return id;
        });
    }

    /** The endpoints that still receive events, oldest first. */
    public List<Endpoint> endpoints() {
        return db.withHandle(h -> h.createQuery("SELECT * FROM notification_endpoints WHERE deleted_time IS NULL ORDER BY id")
                .map((rs, ctx) -> endpoint(rs)).list());
    }

    public Optional<Endpoint> endpoint(long id) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM notification_endpoints WHERE id = :id AND deleted_time IS NULL")
                .bind("id", id).map((rs, ctx) -> endpoint(rs)).findOne());
    }

    /** The secret the endpoint's events are signed with. */
    public String secret(long endpointId) {
        return db.withHandle(h -> h.createQuery("SELECT secret FROM notification_endpoints WHERE id = :id")
                .bind("id", endpointId).mapTo(String.class).one());
    }

    /** Stops sending to the endpoint; its deliveries stay readable. False when there is no such endpoint. */
    public boolean deleteEndpoint(long id, OffsetDateTime now) {
        return db.inTransaction(h -> {
            int deleted = h.createUpdate("UPDATE notification_endpoints SET deleted_time = :now WHERE id = :id AND deleted_time IS NULL")
                    .bind("now", now).bind("id", id).execute();
            // what was still waiting is not sent: the endpoint asked for nothing more
            h.createUpdate("UPDATE notification_deliveries SET status = 'FAILED', next_attempt_time = NULL WHERE endpoint_id = :id AND status = 'PENDING'")
                    .bind("id", id).execute();
            return deleted == 1;
        });
    }

    /**
     * Stores the job's delivery to the endpoint, once: the id of the new delivery, or empty when one
     * exists already (another node saw the job end too).
     */
    public Optional<Long> insertDelivery(long endpointId, long jobId, String payload, OffsetDateTime now) {
        return db.claim(h -> {
            long id = db.nextId(h);
            h.createUpdate("""
                    INSERT INTO notification_deliveries (id, endpoint_id, job_id, status, payload, attempts, created_time, next_attempt_time)
                    VALUES (:id, :endpoint, :job, 'PENDING', :payload, 0, :now, :now)""")
                    .bind("id", id).bind("endpoint", endpointId).bind("job", jobId).bind("payload", payload).bind("now", now).execute();
            return id;
        });
    }

    public Optional<Delivery> delivery(long id) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM notification_deliveries WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> delivery(rs, List.of())).findOne());
    }

    /** The endpoint's deliveries, newest first, each with its attempts. */
    public List<Delivery> deliveries(long endpointId, int limit) {
        return db.withHandle(h -> {
            List<Delivery> list = h.createQuery("SELECT * FROM notification_deliveries WHERE endpoint_id = :endpoint ORDER BY id DESC LIMIT :limit")
                    .bind("endpoint", endpointId).bind("limit", limit).map((rs, ctx) -> delivery(rs, List.of())).list();
            if (list.isEmpty()) return list;
            Map<Long, List<Delivery.Attempt>> attempts = new LinkedHashMap<>();
            h.createQuery("SELECT * FROM notification_attempts WHERE delivery_id IN (<ids>) ORDER BY delivery_id, attempt_no")
                    .bindList("ids", list.stream().map(Delivery::id).toList())
                    .map((rs, ctx) -> attempts.computeIfAbsent(rs.getLong("delivery_id"), k -> new java.util.ArrayList<>()).add(attempt(rs)))
                    .list();
            return list.stream().map(d -> new Delivery(d.id(), d.endpointId(), d.jobId(), d.status(), d.payload(), d.attemptCount(),
                    d.createdTime(), d.nextAttemptTime(), d.deliveredTime(), attempts.getOrDefault(d.id(), List.of()))).toList();
        });
    }

    /**
     * Records one attempt and what it did to the delivery: DELIVERED, or still PENDING until
     * {@code next} (null: that was the last attempt, it is FAILED).
     */
    public void recordAttempt(long deliveryId, OffsetDateTime time, Integer httpStatus, String response, String node, boolean delivered,
                              OffsetDateTime next) {
        db.inTransaction(h -> {
            int number = h.createQuery("SELECT attempts FROM notification_deliveries WHERE id = :id FOR UPDATE")
                    .bind("id", deliveryId).mapTo(Integer.class).one() + 1;
            h.createUpdate("""
                    INSERT INTO notification_attempts (delivery_id, attempt_no, attempt_time, http_status, response, node)
                    VALUES (:id, :no, :time, :status, :response, :node)""")
                    .bind("id", deliveryId).bind("no", number).bind("time", time).bindByType("status", httpStatus, Integer.class)
                    .bind("response", truncate(response)).bind("node", node).execute();
            String status = delivered ? "DELIVERED" : next == null ? "FAILED" : "PENDING";
            h.createUpdate("""
                    UPDATE notification_deliveries SET attempts = :no, status = :status, next_attempt_time = :next,
                           delivered_time = :delivered
                    WHERE id = :id""")
                    .bind("no", number).bind("status", status)
                    .bindByType("next", delivered ? null : next, OffsetDateTime.class)
                    .bindByType("delivered", delivered ? time : null, OffsetDateTime.class)
                    .bind("id", deliveryId).execute();
            return null;
        });
    }

    /** The delivery will not be tried again (the scheduler gave up on it after an attempt that could not be recorded). */
    public void giveUp(long deliveryId) {
        db.useHandle(h -> h.createUpdate("UPDATE notification_deliveries SET status = 'FAILED', next_attempt_time = NULL "
                + "WHERE id = :id AND status = 'PENDING'").bind("id", deliveryId).execute());
    }

    private static Endpoint endpoint(ResultSet rs) throws SQLException {
        return new Endpoint(rs.getLong("id"), rs.getString("url"), rs.getString("description"), split(rs.getString("rules")),
                split(rs.getString("modules")),
                split(rs.getString("statuses")).stream().map(JobStatus::valueOf).collect(Collectors.toSet()),
                rs.getObject("created_time", OffsetDateTime.class), rs.getObject("created_by", Long.class));
    }

    private static Delivery delivery(ResultSet rs, List<Delivery.Attempt> attempts) throws SQLException {
        return new Delivery(rs.getLong("id"), rs.getLong("endpoint_id"), rs.getLong("job_id"), Delivery.Status.valueOf(rs.getString("status")),
                rs.getString("payload"), rs.getInt("attempts"), rs.getObject("created_time", OffsetDateTime.class),
                rs.getObject("next_attempt_time", OffsetDateTime.class), rs.getObject("delivered_time", OffsetDateTime.class), attempts);
    }

    private static Delivery.Attempt attempt(ResultSet rs) throws SQLException {
        return new Delivery.Attempt(rs.getInt("attempt_no"), rs.getObject("attempt_time", OffsetDateTime.class),
                rs.getObject("http_status", Integer.class), rs.getString("response"), rs.getString("node"));
    }

    private static String joined(Collection<String> values) {
        return values.isEmpty() ? null : String.join(",", values);
    }

    private static List<String> split(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String truncate(String text) {
        return text == null || text.length() <= MAX_RESPONSE ? text : text.substring(0, MAX_RESPONSE);
    }
}
