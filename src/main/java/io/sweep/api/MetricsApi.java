package io.sweep.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * {@code GET /metrics}: every meter in Prometheus' text format, for a scraper whose token holds
 * only {@code Sweep.metrics.READ}. The job gauges are read from the database just before, once
 * per scrape.
 */
public final class MetricsApi {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final Runnable beforeScrape;

    public MetricsApi(PrometheusMeterRegistry registry, Runnable beforeScrape) {
        this.registry = registry;
        this.beforeScrape = beforeScrape;
    }

    public void register(RoutesConfig routes) {
        // the whole organisation's activity (jobs of every user, rule names): an administrator's token
        routes.get("/metrics", this::scrape, Access.administrator("Sweep.metrics.READ"));
    }

    private void scrape(Context ctx) {
        beforeScrape.run();
        ctx.status(200).contentType(CONTENT_TYPE).result(registry.scrape());
    }
}
