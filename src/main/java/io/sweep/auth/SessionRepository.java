package io.sweep.auth;

import io.sweep.db.Database;
import java.time.OffsetDateTime;
import java.util.Optional;

/** The {@code sessions} table: one row per signed-in browser, keyed by the hash of its cookie. */
public final class SessionRepository {
    private final Database db;

    public SessionRepository(Database db) {
        this.db = db;
    }

    public record Row(String idHash, long userId, String csrfToken, OffsetDateTime createdTime, OffsetDateTime lastSeenTime) {}

    public void insert(Row row) {
        db.useHandle(h -> h.createUpdate("""
                INSERT INTO sessions (id_hash, user_id, csrf_token, created_time, last_seen_time)
                VALUES (:hash, :user, :csrf, :created, :seen)""")
                .bind("hash", row.idHash()).bind("user", row.userId()).bind("csrf", row.csrfToken())
                .bind("created", row.createdTime()).bind("seen", row.lastSeenTime())
                .execute());
    }

    public Optional<Row> find(String idHash) {
        return db.withHandle(h -> h.createQuery("""
                SELECT id_hash, user_id, csrf_token, created_time, last_seen_time
                FROM sessions WHERE id_hash = :hash""")
                .bind("hash", idHash)
                .map((rs, ctx) -> new Row(rs.getString("id_hash"), rs.getLong("user_id"), rs.getString("csrf_token"),
                        rs.getObject("created_time", OffsetDateTime.class), rs.getObject("last_seen_time", OffsetDateTime.class)))
                .findOne());
    }

    public void touch(String idHash, OffsetDateTime seen) {
        db.useHandle(h -> h.createUpdate("UPDATE sessions SET last_seen_time = :seen WHERE id_hash = :hash AND last_seen_time < :seen")
                .bind("seen", seen).bind("hash", idHash).execute());
    }

    public void delete(String idHash) {
        db.useHandle(h -> h.createUpdate("DELETE FROM sessions WHERE id_hash = :hash").bind("hash", idHash).execute());
    }

    /** Removes the sessions idle since before {@code cutoff}; returns how many. */
    public int deleteIdleSince(OffsetDateTime cutoff) {
        return db.withHandle(h -> h.createUpdate("DELETE FROM sessions WHERE last_seen_time < :cutoff").bind("cutoff", cutoff).execute());
    }

    /** Ends every session of a user (after a password change). */
    public void deleteForUser(long userId) {
        db.useHandle(h -> h.createUpdate("DELETE FROM sessions WHERE user_id = :user").bind("user", userId).execute());
    }
}
