package io.sweep.crm;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The time Sweep writes into records and jobs: UTC, whole seconds, as Zoho shows times. */
public final class RecordTime {
    private RecordTime() {}

    public static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    }
}
