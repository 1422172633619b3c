package io.sweep.crm;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The time Sweep writes into records and jobs: UTC, whole seconds, as Zoho shows times. */
public final class RecordTime {
    /** ISO-8601, second precision, the offset always as +hh:mm: Zoho never writes Z. */
    private static final DateTimeFormatter ZOHO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private RecordTime() {}

    public static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    }

    /** The instant as Zoho writes it, in UTC ({@code 2026-03-01T09:30:00+00:00}); null stays null. */
    public static String format(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC).format(ZOHO);
    }
}
