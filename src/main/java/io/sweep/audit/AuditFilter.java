package io.sweep.audit;

import java.time.OffsetDateTime;

/**
 * Which entries to list; a null part does not filter. {@code actor} is a user id or a label
 * (e-mail, {@code cli}, {@code disk}, {@code webhook:<rule>}, compared without case); {@code since}
 * is inclusive, {@code until} exclusive.
 */
public record AuditFilter(String actor, AuditKind kind, OffsetDateTime since, OffsetDateTime until) {
    public static final AuditFilter ALL = new AuditFilter(null, null, null, null);
}
