package io.sweep.api.admin;

import io.javalin.config.RoutesConfig;
import io.sweep.auth.Authenticator;
import io.sweep.auth.Sessions;
import io.sweep.auth.Tokens;
import io.sweep.auth.UserRepository;
import io.sweep.crm.Metadata;
import io.sweep.jobs.JobService;
import io.sweep.jobs.PreviewService;
import io.sweep.hooks.WebhookSecrets;
import io.sweep.records.ViewService;
import io.sweep.rules.RuleRegistry;
import java.time.Clock;

/**
 * The route table of Sweep's own API, {@code /api}: the browser session, jobs (list, detail,
 * results, live progress, cancel, undo), previews, rules, custom views, users and API tokens.
 */
public final class AdminApi {
    private final SessionRoutes session;
    private final JobRoutes jobs;
    private final PreviewRoutes previews;
    private final RuleRoutes rules;
    private final ViewRoutes views;
    private final UserRoutes users;
    private final TokenRoutes tokens;

    public AdminApi(Authenticator authenticator, Sessions sessions, Metadata metadata, UserRepository users, Tokens tokens, JobService jobService,
                    PreviewService previewService, RuleRegistry ruleRegistry, WebhookSecrets secrets, ViewService viewService, Clock clock) {
        var admin = new AdminContext(authenticator, metadata, jobService);
        var jobJson = new JobJson(metadata, users, clock, jobService);
        this.session = new SessionRoutes(authenticator, sessions, users);
        this.jobs = new JobRoutes(admin, jobService, jobJson);
        this.previews = new PreviewRoutes(admin, previewService);
        this.rules = new RuleRoutes(admin, ruleRegistry, jobService, jobJson, secrets, previewService);
        this.views = new ViewRoutes(admin, viewService, metadata, users);
        this.users = new UserRoutes(admin, users, sessions);
        this.tokens = new TokenRoutes(admin, tokens, metadata, clock);
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/session", session::login);
        routes.get("/api/session", session::current);
        routes.delete("/api/session", session::logout);
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
        routes.get("/api/views", views::list);
        routes.post("/api/views", views::create);
        routes.post("/api/views/count", views::count);
        routes.get("/api/views/{id}", views::get);
        routes.put("/api/views/{id}", views::update);
        routes.delete("/api/views/{id}", views::delete);
        routes.get("/api/users", users::list);
        routes.post("/api/users", users::create);
        routes.patch("/api/users/{id}", users::update);
        routes.get("/api/profiles", users::profiles);
        routes.get("/api/tokens", tokens::list);
        routes.post("/api/tokens", tokens::create);
        routes.delete("/api/tokens/{id}", tokens::revoke);
        routes.get("/api/scopes", tokens::scopes);
    }
}
