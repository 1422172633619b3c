package io.sweep.audit;

import io.sweep.db.Database;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.mapper.RowMapper;

/** The {@code audit_log} table. It only inserts and reads: entries are never changed or deleted. */
public final class AuditRepository {
    private static final RowMapper<AuditEntry> ENTRY = (rs, ctx) -> new AuditEntry(
            rs.getLong("id"), rs.getObject("event_time", OffsetDateTime.class), rs.getObject("actor_user_id", Long.class),
            rs.getString("actor_label"), rs.getString("kind"), rs.getString("subject"), rs.getString("details"),
            rs.getString("remote_address"));

    private final Database db;

    public AuditRepository(Database db) {
        this.db = db;
    }

    public void insert(OffsetDateTime time, Actor actor, AuditKind kind, String subject, String details) {
        db.useHandle(h -> h.createUpdate("""
                INSERT INTO audit_log (id, event_time, actor_user_id, actor_label, kind, subject, details, remote_address)
                VALUES (:id, :time, :user, :label, :kind, :subject, :details, :address)""")
                .bind("id", db.nextId(h)).bind("time", time).bind("user", actor.userId()).bind("label", cut(actor.label(), 255))
                .bind("kind", kind.wireName()).bind("subject", cut(subject, 255)).bind("details", details)
                .bind("address", cut(actor.remoteAddress(), 100))
                .execute());
    }

    /** The entries matching {@code filter}, newest first. */
    public List<AuditEntry> find(AuditFilter filter, int offset, int limit) {
        List<String> where = new ArrayList<>();
        if (filter.actor() != null) {
            where.add(filter.actor().matches("\\d{1,19}") ? "actor_user_id = :actorId" : "LOWER(actor_label) = :actor");
        }
        if (filter.kind() != null) where.add("kind = :kind");
        if (filter.since() != null) where.add("event_time >= :since");
        if (filter.until() != null) where.add("event_time < :until");
        String sql = "SELECT * FROM audit_log" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY event_time DESC, id DESC LIMIT :limit OFFSET :offset";
        return db.read(h -> {
            var q = h.createQuery(sql).bind("limit", limit).bind("offset", offset);
            if (filter.actor() != null) {
                if (filter.actor().matches("\\d{1,19}")) q.bind("actorId", Long.parseLong(filter.actor()));
                else q.bind("actor", filter.actor().toLowerCase(Locale.ROOT));
            }
            if (filter.kind() != null) q.bind("kind", filter.kind().wireName());
            if (filter.since() != null) q.bind("since", filter.since());
            if (filter.until() != null) q.bind("until", filter.until());
            return q.map(ENTRY).list();
        });
    }

    /** The newest entry of this kind about this subject, if any. */
    public java.util.Optional<AuditEntry> latest(AuditKind kind, String subject) {
        return db.read(h -> h.createQuery("""
                SELECT * FROM audit_log WHERE kind = :kind AND subject = :subject
                ORDER BY event_time DESC, id DESC LIMIT 1""")
                .bind("kind", kind.wireName()).bind("subject", subject).map(ENTRY).findOne());
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
