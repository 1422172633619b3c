package io.sweep.api.admin;

import io.javalin.config.RoutesConfig;
import io.sweep.auth.Authenticator;
import io.sweep.auth.UserRepository;
import io.sweep.crm.Metadata;
import io.sweep.jobs.JobService;
import io.sweep.jobs.PreviewService;
import java.time.Clock;

/** The route table of Sweep's own API, {@code /api}: jobs (list, detail, results, live progress, cancel, undo) and previews. */
public final class AdminApi {
    private final JobRoutes jobs;
    private final PreviewRoutes previews;

    public AdminApi(Authenticator authenticator, Metadata metadata, UserRepository users, JobService jobService,
                    PreviewService previewService, Clock clock) {
        var admin = new AdminContext(authenticator, metadata, jobService);
        this.jobs = new JobRoutes(admin, jobService, new JobJson(metadata, users, clock));
        this.previews = new PreviewRoutes(admin, previewService);
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/jobs", jobs::list);
        routes.get("/api/jobs/{id}", jobs::get);
        routes.get("/api/jobs/{id}/results", jobs::results);
        routes.get("/api/jobs/{id}/events", jobs::events);
        routes.post("/api/jobs/{id}/cancel", jobs::cancel);
        routes.post("/api/jobs/{id}/undo", jobs::undo);
        routes.post("/api/mass_update/preview", previews::preview);
    }
}
