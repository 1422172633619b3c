package io.sweep.auth;

import io.sweep.db.Database;
import java.time.OffsetDateTime;
import java.util.List;

/** The {@code login_failures} table: recent wrong logins, by e-mail and client address, and by client address. */
public final class LoginFailureRepository {
    private final Database db;

    public LoginFailureRepository(Database db) {
        this.db = db;
    }

    public void record(String email, String clientAddress, OffsetDateTime when) {
        db.useHandle(h -> h.createUpdate("""
                INSERT INTO login_failures (id, email, client_address, failed_time)
                VALUES (:id, :email, :address, :when)""")
                .bind("id", db.nextId(h)).bind("email", email).bind("address", clientAddress).bind("when", when)
                .execute());
    }

    /** The times of the latest {@code limit} failures for this e-mail from this address since {@code since}, newest first. */
    public List<OffsetDateTime> latestForEmailAt(String email, String clientAddress, OffsetDateTime since, int limit) {
        return db.withHandle(h -> h.createQuery("""
                SELECT failed_time FROM login_failures
                WHERE email = :email AND client_address = :address AND failed_time > :since
                ORDER BY failed_time DESC
                LIMIT :limit""")
                .bind("email", email).bind("address", clientAddress).bind("since", since).bind("limit", limit)
                .mapTo(OffsetDateTime.class).list());
    }

    /** The times of the latest {@code limit} failures from this address since {@code since}, newest first. */
    public List<OffsetDateTime> latestForAddress(String clientAddress, OffsetDateTime since, int limit) {
        return db.withHandle(h -> h.createQuery("""
                SELECT failed_time FROM login_failures
                WHERE client_address = :address AND failed_time > :since
                ORDER BY failed_time DESC
                LIMIT :limit""")
                .bind("address", clientAddress).bind("since", since).bind("limit", limit)
                .mapTo(OffsetDateTime.class).list());
    }

    /**
     * Forgets the failures for an e-mail from the address its owner has just logged in from;
     * failures from other addresses keep counting against those addresses.
     */
    public void clearEmailAt(String email, String clientAddress) {
        db.useHandle(h -> h.createUpdate("DELETE FROM login_failures WHERE email = :email AND client_address = :address")
                .bind("email", email).bind("address", clientAddress).execute());
    }

    public void deleteOlderThan(OffsetDateTime cutoff) {
        db.useHandle(h -> h.createUpdate("DELETE FROM login_failures WHERE failed_time <= :cutoff").bind("cutoff", cutoff).execute());
    }
}
