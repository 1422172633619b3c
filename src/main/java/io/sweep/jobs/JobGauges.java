package io.sweep.jobs;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Map;

/**
 * Gauges of the shared job queue, read from the database (so every node shows the same values):
 * jobs by status and trigger, and the chunks still to run. {@link #refresh()} reads both with one
 * query each, right before the meters are scraped, rather than once per gauge or per job.
 */
public final class JobGauges {
    private final JobRepository jobs;
    private volatile Map<JobStatus, Map<Trigger, Long>> counts = Map.of();
    private volatile long pendingChunks;

    public JobGauges(JobRepository jobs, MeterRegistry registry) {
        this.jobs = jobs;
        // every pair, those with no job at 0: an alert on FAILED jobs needs a series before the first failure
        for (JobStatus status : JobStatus.values()) {
            for (Trigger trigger : Trigger.values()) {
                Gauge.builder("sweep.jobs", this, g -> g.count(status, trigger))
                        .description("Jobs in the database by status and by what started them, read at scrape time")
                        .tag("status", status.name())
                        .tag("trigger", trigger.name().toLowerCase(Locale.ROOT))
                        .strongReference(true)
                        .register(registry);
            }
        }
        Gauge.builder("sweep.chunks.pending", this, g -> g.pendingChunks)
                .description("Chunks of any job not yet run, over every node, read at scrape time")
                .strongReference(true)
                .register(registry);
    }

    /** Reads the jobs' counts and the pending chunks from the database. */
    public void refresh() {
        counts = jobs.countsByStatusAndTrigger();
        pendingChunks = jobs.pendingChunkCount();
    }

    private double count(JobStatus status, Trigger trigger) {
        return counts.getOrDefault(status, Map.of()).getOrDefault(trigger, 0L);
    }
}
