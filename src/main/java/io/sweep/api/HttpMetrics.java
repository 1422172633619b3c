package io.sweep.api;

import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Times every answered request by the route it matched, as registered ({@code /crm/v2/{module}},
 * never the raw URL, so record ids do not make a series each), its method and its status. The
 * buckets are fixed, so the 99th percentile can be read from any number of nodes added together.
 */
public final class HttpMetrics {
    /** Requests that matched no route: the UI's static files and unknown paths. */
    static final String UNMATCHED = "unmatched";
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
        Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private final MeterRegistry registry;

    public HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Javalin's request logger: called once per request after its answer, with the time it took. */
    void record(Context ctx, Float millis) {
        var matched = ctx.endpoints().matchedHttpEndpoint();
        Timer.builder("sweep.http.server.requests")
                .description("HTTP requests answered, by route template, method and status")
                .tag("route", matched == null ? UNMATCHED : matched.path)
                .tag("method", ctx.method().name())
                .tag("status", String.valueOf(ctx.statusCode()))
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(Duration.ofNanos((long) (millis * 1_000_000.0)));
    }
}
