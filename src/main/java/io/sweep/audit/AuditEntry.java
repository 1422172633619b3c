package io.sweep.audit;

import java.time.OffsetDateTime;

/** One stored audit entry; {@code details} is a JSON object as text, or null. */
public record AuditEntry(long id, OffsetDateTime time, Long actorUserId, String actorLabel, String kind, String subject,
                         String details, String remoteAddress) {}
