package io.sweep.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.sweep.massupdate.RecordOutcome;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What running chunks adds to the operators' meters: how many ran and how long each took, the
 * records they updated, failed or skipped, and the time rule scripts spent per rule. Records and
 * script time are counted when the chunk's transaction commits, so a chunk that is rolled back
 * and runs again counts once, as the job's own counts do.
 */
final class ChunkMeters {
    private final MeterRegistry registry;
    private final Timer runs;
    private final Map<RecordOutcome.Status, Counter> records = new EnumMap<>(RecordOutcome.Status.class);

    ChunkMeters(MeterRegistry registry) {
        this.registry = registry;
        this.runs = Timer.builder("sweep.chunks.run")
                .description("Chunks run on this node (done, closed or left for another try) and how long each took")
                .register(registry);
        for (RecordOutcome.Status status : RecordOutcome.Status.values()) {
            records.put(status, Counter.builder("sweep.records")
                    .description("Records of job chunks that committed on this node, by what happened to each")
                    .tag("outcome", status.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
    }

    void timeRun(Runnable chunk) {
        runs.record(chunk);
    }

    void committed(List<RecordOutcome> outcomes) {
        outcomes.forEach(o -> records.get(o.status()).increment());
    }

    void scriptTime(String ruleId, Duration time) {
        Counter.builder("sweep.rule.script")
                .description("Time rule scripts spent deciding about records, per rule, in chunks that committed on this node")
                .baseUnit("seconds")
                .tag("rule", ruleId)
                .register(registry)
                .increment(time.toNanos() / 1e9);
    }
}
