package io.sweep.api.admin;

import io.javalin.config.RoutesConfig;
import io.sweep.auth.Authenticator;
import io.sweep.auth.UserRepository;
import io.sweep.crm.Metadata;
import io.sweep.jobs.JobService;
import io.sweep.jobs.PreviewService;
import io.sweep.hooks.WebhookSecrets;
import io.sweep.rules.RuleRegistry;
import java.time.Clock;

/** The route table of Sweep's own API, {@code /api}: jobs (list, detail, results, live progress, cancel, undo), previews and rules. */
public final class AdminApi {
    private final JobRoutes jobs;
    private final PreviewRoutes previews;
    private final RuleRoutes rules;

    public AdminApi(Authenticator authenticator, Metadata metadata, UserRepository users, JobService jobService,
                    PreviewService previewService, RuleRegistry ruleRegistry, WebhookSecrets secrets, Clock clock) {
        var admin = new AdminContext(authenticator, metadata, jobService);
        var jobJson = new JobJson(metadata, users, clock);
        this.jobs = new JobRoutes(admin, jobService, jobJson);
        this.previews = new PreviewRoutes(admin, previewService);
        this.rules = new RuleRoutes(admin, ruleRegistry, jobService, jobJson, secrets, previewService);
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/jobs", jobs::list);
        routes.get("/api/jobs/{id}", jobs::get);
        routes.get("/api/jobs/{id}/results", jobs::results);
        routes.get("/api/jobs/{id}/events", jobs::events);
        routes.post("/api/jobs/{id}/cancel", jobs::cancel);
        routes.post("/api/jobs/{id}/undo", jobs::undo);
        routes.post("/api/mass_update/preview", previews::preview);
        routes.get("/api/rules", rules::list);
        routes.get("/api/rules/{id}", rules::get);
        routes.put("/api/rules/{id}", rules::put);
        routes.post("/api/rules/{id}/run", rules::run);
        routes.post("/api/rules/{id}/preview", rules::preview);
        routes.post("/api/rules/{id}/webhook_secret", rules::rotateSecret);
    }
}
