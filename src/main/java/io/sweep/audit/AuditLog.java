package io.sweep.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sweep.json.Json;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The append-only record of who did what, kept in the shared database so every node writes to
 * and reads from the same log. Entries are written after the action they describe has happened
 * (a refused action is recorded as refused), and are never changed or deleted.
 */
public final class AuditLog {
    private final AuditRepository entries;
    private final Clock clock;

    public AuditLog(AuditRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    /** Records one entry now; {@code details} are its JSON members (null values are left out). */
    public void record(Actor actor, AuditKind kind, String subject, Map<String, ?> details) {
        ObjectNode json = Json.object();
        if (details != null) {
            details.forEach((k, v) -> {
                if (v != null) json.set(k, Json.MAPPER.valueToTree(v));
            });
        }
        entries.insert(now(), actor, kind, subject, json.isEmpty() ? null : json.toString());
    }

    public void record(Actor actor, AuditKind kind, String subject) {
        record(actor, kind, subject, null);
    }

    /** Matching entries, newest first. */
    public List<AuditEntry> find(AuditFilter filter, int offset, int limit) {
        return entries.find(filter, offset, limit);
    }

    /** The newest entry of this kind about this subject, if any. */
    public java.util.Optional<AuditEntry> latest(AuditKind kind, String subject) {
        return entries.latest(kind, subject);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** Subjects, typed so that a filter on one kind of thing never matches another's id. */
    public static String user(long id) {
        return "user:" + id;
    }

    public static String token(long id) {
        return "token:" + id;
    }

    public static String rule(String id) {
        return "rule:" + id;
    }

    public static String job(long id) {
        return "job:" + id;
    }
}
